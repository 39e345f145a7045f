"""The service as users run it: `newsmon run` in its own process, stopped by SIGTERM; `newsmon demo`."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select, text

from newsmon.store.models import ArticleRow, ArticleVersionRow, Base, ClaimRow, OutboxItem


def service_env(broker: str, db: Path, run_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "NEWSMON_KAFKA__BOOTSTRAP_SERVERS": json.dumps([broker]),
        "NEWSMON_KAFKA__COMPAT": "tansu",
        "NEWSMON_KAFKA__TOPIC_PREFIX": f"svc{uuid.uuid4().hex[:6]}.",
        "NEWSMON_KAFKA__SESSION_TIMEOUT_MS": "6000",
        "NEWSMON_KAFKA__HEARTBEAT_INTERVAL_MS": "2000",
        "NEWSMON_STORE__URL": f"sqlite:///{db}",
        "NEWSMON_POLL__ALLOW_PRIVATE_ADDRESSES": "true",
        # A killed poller's feed leases expire after lease_s; keep it short so the restart takes them over.
        "NEWSMON_POLL__TIMEOUT_S": "5",
        "NEWSMON_POLL__LEASE_S": "10",
        "NEWSMON_RUN_DIR": str(run_dir),
    }


def counts(db: Path) -> dict[str, int]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as connection:
            # The service may still be creating the schema: count only once every table exists.
            if not set(Base.metadata.tables) <= set(inspect(connection).get_table_names()):
                return {"articles": 0, "claims": 0, "not_done": -1, "versions": 0}
            return {
                "articles": connection.execute(select(func.count()).select_from(ArticleRow)).scalar_one(),
                "versions": connection.execute(select(func.count()).select_from(ArticleVersionRow)).scalar_one(),
                "claims": connection.execute(select(func.count()).select_from(ClaimRow)).scalar_one(),
                "not_done": connection.execute(select(func.count()).select_from(OutboxItem)
                                               .where(OutboxItem.done_at.is_(None))).scalar_one(),
            }  # fmt: skip
    finally:
        engine.dispose()


def wait_for(condition, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def start_service(feeds: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsmon", "run", "--feeds", str(feeds)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_stopping_a_run_midway_then_restarting_loses_and_duplicates_nothing(broker, feed_server, tmp_path, stop_signal):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{feed_server.url('rss2_basic.xml')}\n{feed_server.url('atom_basic.xml')}\n")
    db, env = tmp_path / "store.db", service_env(broker, tmp_path / "store.db", tmp_path / "run")

    service = start_service(feeds, env)
    try:
        wait_for(lambda: counts(db)["articles"] > 0, 60, "the first article")
        service.send_signal(stop_signal)
        _, stderr = service.communicate(timeout=60)
    finally:
        service.kill()
    if stop_signal == signal.SIGTERM:
        assert service.returncode == 0, stderr[-3000:]  # a clean stop
    stopped = counts(db)
    assert stopped["versions"] == stopped["articles"]  # no article without its version row

    service = start_service(feeds, env)
    try:
        # The first run may have stored every article before it stopped; then this run's claims stage has to
        # join its group (the killed member's session expires first) before it extracts their claims.
        wait_for(lambda: counts(db)["not_done"] == 0 and counts(db)["articles"] == 6 and counts(db)["claims"] > 0, 90,
                 "all items stored and claims extracted")  # fmt: skip
        time.sleep(3)  # let claims finish for the last articles
        service.send_signal(signal.SIGTERM)
        _, stderr = service.communicate(timeout=60)
    finally:
        service.kill()
    assert service.returncode == 0, stderr[-3000:]
    final = counts(db)
    assert final["articles"] == final["versions"] == 6
    assert final["claims"] > 0


def test_demo_prints_a_summary_with_articles_claims_and_alerts():
    result = subprocess.run([sys.executable, "-m", "newsmon", "demo", "--json"], capture_output=True, text=True,
                            timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"feeds", "items_polled", "articles", "duplicates", "claims", "alerts"} <= set(summary)
    assert summary["feeds"] == 4 and summary["feeds_failed"] == 0
    assert summary["articles"] > 0 and summary["claims"] > 0 and summary["alerts"] > 0
    assert summary["duplicates"] == 4
    assert summary["items_irrelevant"] == 3
    assert summary["items_polled"] == summary["articles"] + summary["duplicates"] + summary["items_irrelevant"]


def test_run_polls_the_feeds_feeds_import_added_and_not_those_feeds_disable_stopped(broker, feed_server, tmp_path):
    # The configured catalogue is one feed; two more come from an OPML import, and the user disables one of those.
    catalogue, opml = tmp_path / "catalogue.txt", tmp_path / "more.opml"
    catalogue.write_text(feed_server.url("rss2_basic.xml") + "\n")
    imported, disabled = feed_server.url("atom_basic.xml"), feed_server.url("pangea_basic.xml")
    opml.write_text(f"""<?xml version="1.0"?><opml version="2.0"><head><title>more</title></head><body>
      <outline text="Atom outlet" type="rss" xmlUrl="{imported}"/>
      <outline text="Pangea outlet" type="rss" xmlUrl="{disabled}"/></body></opml>""")
    db = tmp_path / "store.db"
    env = {**service_env(broker, db, tmp_path / "run"), "NEWSMON_FEEDS_FILE": str(catalogue)}

    def feeds(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "newsmon", "feeds", *args], env=env, capture_output=True,
                              text=True, timeout=120)  # fmt: skip

    assert feeds("import", str(opml)).returncode == 0
    stopped = feeds("disable", disabled)
    assert stopped.returncode == 0 and stopped.stdout.strip() == f"disabled {disabled}", stopped.stderr

    service = subprocess.Popen([sys.executable, "-m", "newsmon", "run"], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        wait_for(lambda: counts(db)["articles"] == 6, 90, "the articles of the catalogue's and the imported feed")
        service.send_signal(signal.SIGTERM)
        _, stderr = service.communicate(timeout=60)
    finally:
        service.kill()
    assert service.returncode == 0, stderr[-3000:]
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        stored_from = {row[0] for row in connection.execute(select(ArticleRow.feed_url))}
        polled = {str(url): int(was_polled) for url, was_polled
                  in connection.execute(text("SELECT url, last_polled_at IS NOT NULL FROM feeds"))}  # fmt: skip
    engine.dispose()
    assert stored_from == {feed_server.url("rss2_basic.xml"), imported}
    assert polled == {feed_server.url("rss2_basic.xml"): 1, imported: 1, disabled: 0}


def test_feeds_disable_and_enable_name_the_feed_and_refuse_an_unknown_one(tmp_path):
    env = {**os.environ, "NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'store.db'}"}

    def feeds(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "newsmon", "feeds", *args], env=env, capture_output=True,
                              text=True, timeout=120)  # fmt: skip

    def status() -> dict:
        return json.loads(feeds("status", "--format", "json").stdout)

    missing = feeds("disable", "https://example.org/feed.xml")
    assert missing.returncode == 2 and "does not exist" in missing.stderr  # no store yet: none is created
    assert not (tmp_path / "store.db").exists()
    (tmp_path / "one.txt").write_text("https://example.org/feed.xml\n")
    assert feeds("import", str(tmp_path / "one.txt")).returncode == 0
    unknown = feeds("enable", "https://example.org/other.xml")
    assert unknown.returncode == 2 and "no feed https://example.org/other.xml in the store" in unknown.stderr

    assert feeds("disable", "https://example.org/feed.xml").returncode == 0
    row = status()
    assert (row["health"], row["disabled_reason"]) == ("disabled", "disabled by the user (newsmon feeds disable)")
    assert feeds("enable", "https://example.org/feed.xml").returncode == 0
    row = status()
    assert (row["health"], row["disabled_reason"], row["failures"]) == ("new", None, 0)


def metric_samples(port: int) -> dict[tuple[str, tuple], float]:
    """The service's /metrics as {(sample name, sorted labels): value}."""
    from prometheus_client.parser import text_string_to_metric_families

    body = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10).read().decode()
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(body) for sample in family.samples}  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_run_serves_prometheus_metrics_of_its_polls_and_stages(broker, feed_server, tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{feed_server.url('rss2_basic.xml')}\n{feed_server.url('atom_basic.xml')}\n")
    db, port = tmp_path / "store.db", free_port()
    env = {**service_env(broker, db, tmp_path / "run"), "NEWSMON_METRICS__PORT": str(port)}
    service = start_service(feeds, env)
    try:
        wait_for(lambda: counts(db)["articles"] == 6 and counts(db)["claims"] > 0, 90, "articles and claims")
        busy = start_service(feeds, {**env, "NEWSMON_RUN_DIR": str(tmp_path / "run2")})  # the same metrics port
        _, busy_stderr = busy.communicate(timeout=60)
        assert busy.returncode == 1 and f"metrics: cannot listen on 127.0.0.1:{port}" in busy_stderr, busy_stderr
        wait_for(lambda: metric_samples(port).get(("newsmon_stage_records_total",
                                                   (("result", "processed"), ("stage", "claims")))) == 6,
                 30, "the claims stage's count of its six articles")  # fmt: skip
        samples = metric_samples(port)
        service.send_signal(signal.SIGTERM)
        _, stderr = service.communicate(timeout=60)
    finally:
        service.kill()
    assert service.returncode == 0, stderr[-3000:]
    assert samples[("newsmon_feed_polls_total", (("outcome", "new"),))] == 2
    assert samples[("newsmon_feed_items_total", (("result", "new"),))] == 6
    assert samples[("newsmon_stage_records_total", (("result", "processed"), ("stage", "dedupe")))] == 6
    assert samples[("newsmon_stage_records_total", (("result", "dead_lettered"), ("stage", "dedupe")))] == 0
    assert samples[("newsmon_stage_batch_seconds_count", (("stage", "dedupe"),))] >= 1
    lags = [value for (name, labels), value in samples.items() if name == "newsmon_stage_lag_records"]
    assert lags and all(value == 0 for value in lags)  # everything read by now


def test_feeds_add_subscribes_one_feed_once_and_refuses_a_bad_url(tmp_path):
    env = {**os.environ, "NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'store.db'}"}

    def feeds(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "newsmon", "feeds", *args], env=env, capture_output=True,
                              text=True, timeout=120)  # fmt: skip

    added = feeds("add", "https://www.rudaw.net/arabic/rss", "--outlet", "Rudaw Arabic", "--language", "ar")
    assert added.returncode == 0 and added.stdout.strip() == "added https://www.rudaw.net/arabic/rss (Rudaw Arabic)"
    by_host = feeds("add", " https://www.enabbaladi.net/feed/ ", "--full-text")
    assert by_host.stdout.strip() == "added https://www.enabbaladi.net/feed/ (enabbaladi.net)", by_host.stderr
    again = feeds("add", "https://www.rudaw.net/arabic/rss")
    assert again.returncode == 0 and again.stdout.startswith("already subscribed: https://www.rudaw.net/arabic/rss")
    bad = feeds("add", "ftp://files.example/feed.xml")
    assert bad.returncode == 2 and "expected an http(s) URL" in bad.stderr and "Traceback" not in bad.stderr
    rows = [json.loads(line) for line in feeds("status", "--format", "json").stdout.splitlines()]
    assert sorted((row["outlet"], row["url"]) for row in rows) == [
        ("Rudaw Arabic", "https://www.rudaw.net/arabic/rss"), ("enabbaladi.net", "https://www.enabbaladi.net/feed/")]
    (tmp_path / "out.opml").write_text(feeds("export").stdout)
    from producers.catalogue import load_catalogue

    exported = {spec.url: (spec.language, spec.full_text) for spec in load_catalogue(tmp_path / "out.opml")}
    assert exported == {"https://www.rudaw.net/arabic/rss": ("ar", False),
                        "https://www.enabbaladi.net/feed/": ("en", True)}  # fmt: skip
