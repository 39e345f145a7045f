"""Scale-out as docker-compose runs it: `newsmon poll` and one `newsmon consume STAGE` process per stage, on
PostgreSQL and the shared broker. Stages and the poller are killed with SIGKILL at seeded random moments and
restarted; once the pipeline settles, the store must hold exactly what the items, the extractor and the alert rules
say it should: nothing lost (every item an article or a recorded duplicate, every article's claims, every alert
published) and nothing twice."""

import json
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import psycopg
import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from consumers.alerts.rules import compile_rule
from consumers.alerts.stage import alerts_for
from consumers.claims.stage import extract_for
from newsmon.config import AlertRule
from newsmon.store.models import ArticleRow
from schemas.articles import Article
from tests.feed_server import FeedServer

FEEDS = 8
ITEMS_PER_FEED = 18
RULES = [{"name": "chemical", "keywords": ["chemical weapons"]}, {"name": "ceasefire", "keywords": ["ceasefire"]}]
SPEAKERS = ["Defence Minister Ali Haddad", "Rami Khalil, a spokesman for the Civil Defence",
            "The UN envoy, Maria Lund,", "Local council head Omar Sayegh", "A coalition official"]  # fmt: skip
EVENTS = ["shelling near Saraqeb killed {n} civilians", "a convoy of {n} aid trucks reached Idlib",
          "the ceasefire around Daraa held for {n} days", "inspectors found traces of chemical weapons in {n} sites",
          "{n} families returned to Deir ez-Zor", "talks in Damascus on {n} detainees stalled"]  # fmt: skip


def story(feed: int, item: int) -> tuple[str, str]:
    """An invented Syria item: a title and a body of attributed statements, distinct per (feed, item)."""
    rng = random.Random(f"{feed}:{item}")
    event = rng.choice(EVENTS).format(n=rng.randint(2, 900))
    sentences = [f"{rng.choice(SPEAKERS)} said {event} in Syria, according to a statement on day {item} of "
                 f"feed {feed}."]
    for extra in range(rng.randint(2, 4)):
        other = rng.choice(EVENTS).format(n=rng.randint(2, 900))
        sentences.append(f"{rng.choice(SPEAKERS)} told reporters that {other} in week {extra + feed * 7 + item}.")
    return event[0].upper() + event[1:], " ".join(sentences)


def write_feeds(root: Path, base_url: str) -> list[str]:
    """RSS feeds whose first two items reprint the first feed's (near-duplicates: another link, a headline with a
    kicker, a boilerplate line) and whose last item is one link every feed carries (exact duplicates)."""
    root.mkdir()
    start = datetime(2026, 11, 1, tzinfo=UTC)
    for feed in range(FEEDS):
        entries = []
        for item in range(ITEMS_PER_FEED):
            title, body = story(feed, item)
            link = f"https://outlet{feed}.example.org/news/{item}"
            if item < 2 and feed > 0:
                title, body = story(0, item)
                title, body = f"Update: {title}", f"{body} Follow us on Telegram for more news."
            if item == ITEMS_PER_FEED - 1:
                link = "https://wire.example.org/shared-story"  # the same URL in every feed
                title, body = story(0, 99)
            published = format_datetime(start + timedelta(hours=feed * 50 + item))
            entries.append(f"<item><title>{escape(title)}</title><link>{link}</link><guid>{link}</guid>"
                           f"<pubDate>{published}</pubDate><description>{escape(body)}</description></item>")
        (root / f"feed{feed}.xml").write_text(
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Outlet {feed}</title>'
            f"<link>https://outlet{feed}.example.org/</link><description>Syria news</description>"
            f"{''.join(entries)}</channel></rss>", encoding="utf-8")  # fmt: skip
    return [f"{base_url}/feed{feed}.xml" for feed in range(FEEDS)]


@pytest.fixture
def pg_url(pg_database: str) -> Iterator[str]:
    with psycopg.connect(pg_database.replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")
    yield pg_database


def rows(url: str, query: str) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(query))]
    finally:
        engine.dispose()


def expected_claims_and_alerts(url: str) -> tuple[dict[str, set[str]], set[str]]:
    """What the store should hold for its articles: each article's claim ids (the extractor on its text) and every
    alert id the rules raise on the articles and their claims."""
    rules = [compile_rule(AlertRule.model_validate(rule)) for rule in RULES]
    claims, alerts, now = {}, set(), datetime.now(UTC)
    engine = create_engine(url)
    try:
        with Session(engine) as session:
            stored = session.scalars(select(ArticleRow)).all()
    finally:
        engine.dispose()
    for row in stored:
        article = Article(article_id=row.id, version=row.version, url=row.url, outlet=row.outlet,
                          feed_url=row.feed_url, language=row.language, title=row.title, text=row.text,
                          published_at=row.published_at, content_hash=row.content_hash)  # fmt: skip
        found = extract_for(article)
        claims[article.article_id] = {claim.claim_id for claim in found}
        alerts |= {alert.alert_id for message in [article, *found] for alert in alerts_for(rules, message, now)}
    return claims, alerts


def stored_claims(url: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for claim_id, article_id in rows(url, "SELECT id, article_id FROM claims"):
        found.setdefault(article_id, set()).add(claim_id)
    return found


def unsettled(url: str) -> str:
    """What the store still lacks ('' once it holds everything it should)."""
    total, done = rows(url, "SELECT count(*), count(done_at) FROM outbox")[0]
    if total == 0 or total != done:
        return f"outbox: {done} of {total} items done"
    claims, alerts = expected_claims_and_alerts(url)
    stored = stored_claims(url)
    wrong = [article for article in claims.keys() | stored.keys()
             if claims.get(article, set()) != stored.get(article, set())]  # fmt: skip
    published = {alert_id for alert_id, at in rows(url, "SELECT id, published_at FROM alerts") if at is not None}
    if wrong or alerts != published:
        return f"claims differ on {len(wrong)} articles; {len(alerts - published)} alerts not stored and published"
    return ""


def test_killing_the_poller_and_any_stage_at_random_loses_and_duplicates_nothing(broker, pg_url, tmp_path) -> None:
    server = FeedServer(tmp_path / "feeds")
    feed_urls = write_feeds(tmp_path / "feeds", server.url("").rstrip("/"))
    catalogue = tmp_path / "feeds.txt"
    catalogue.write_text("\n".join(feed_urls) + "\n")
    env = {**os.environ,
           "NEWSMON_KAFKA__BOOTSTRAP_SERVERS": json.dumps([broker]), "NEWSMON_KAFKA__COMPAT": "tansu",
           "NEWSMON_KAFKA__TOPIC_PREFIX": f"kill{uuid.uuid4().hex[:6]}.", "NEWSMON_KAFKA__PARTITIONS": "2",
           "NEWSMON_KAFKA__SESSION_TIMEOUT_MS": "6000", "NEWSMON_KAFKA__HEARTBEAT_INTERVAL_MS": "2000",
           # small batches, so kills land between and inside many of them
           "NEWSMON_KAFKA__MAX_RECORDS": "20", "NEWSMON_STORE__URL": pg_url,
           "NEWSMON_POLL__ALLOW_PRIVATE_ADDRESSES": "true", "NEWSMON_POLL__PER_HOST_CONCURRENCY": "4",
           "NEWSMON_POLL__PER_HOST_MIN_GAP_S": "0", "NEWSMON_POLL__TIMEOUT_S": "5", "NEWSMON_POLL__LEASE_S": "10",
           "NEWSMON_ALERTS__RULES": json.dumps(RULES), "NEWSMON_RUN_DIR": str(tmp_path / "run"),
           "NEWSMON_LOG_LEVEL": "warning"}  # fmt: skip
    for command in (["db", "upgrade"], ["topics", "ensure"]):
        subprocess.run([sys.executable, "-m", "newsmon", *command], env=env, check=True, capture_output=True)
    logs = tmp_path / "logs"
    logs.mkdir()

    def start(role: str) -> subprocess.Popen:
        command = ["poll", "--feeds", str(catalogue)] if role == "poll" else ["consume", role]
        with (logs / f"{role}.log").open("a") as log:
            return subprocess.Popen([sys.executable, "-m", "newsmon", *command], env=env, stdout=log, stderr=log)

    rng, kills = random.Random(20261124), list[str]()
    with server:
        processes = {role: start(role) for role in ("dedupe", "claims", "alerts", "poll")}
        try:
            chaos_ends = time.monotonic() + 20
            while time.monotonic() < chaos_ends:
                time.sleep(rng.uniform(0.5, 3.0))
                role = rng.choice(["dedupe", "dedupe", "claims", "claims", "alerts", "poll"])
                processes[role].send_signal(signal.SIGKILL)
                processes[role].wait()
                kills.append(role)
                processes[role] = start(role)
            deadline = time.monotonic() + 150
            while lacking := unsettled(pg_url):
                crashed = {role: p.returncode for role, p in processes.items() if p.poll() is not None}
                assert not crashed, f"exited by themselves: {crashed}; logs in {logs}"
                assert time.monotonic() < deadline, f"{lacking} after kills {kills}; logs in {logs}"
                time.sleep(1)
        finally:
            for process in processes.values():
                process.send_signal(signal.SIGTERM)
            for process in processes.values():
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    process.kill()
    assert {"dedupe", "claims"} <= set(kills)

    # Every item the feeds carry is in the outbox once, done, and is exactly one article or one recorded duplicate.
    outbox = rows(pg_url, "SELECT id, item_id FROM outbox")
    assert len(outbox) == FEEDS * ITEMS_PER_FEED
    articles = {article_id for (article_id,) in rows(pg_url, "SELECT id FROM articles")}
    duplicates = rows(pg_url, "SELECT id, item_id, method FROM duplicates")
    assert len(articles) + len(duplicates) == len(outbox)
    assert {outbox_id for outbox_id, _, _ in duplicates} <= {outbox_id for outbox_id, _ in outbox}
    assert {item for _, item in outbox} == articles | {item for _, item, _ in duplicates}
    methods = [method for _, _, method in duplicates]
    assert methods.count("exact_url") == FEEDS - 1 and methods.count("near_duplicate") == 2 * (FEEDS - 1)
    assert rows(pg_url, "SELECT count(*) FROM article_versions")[0][0] == len(articles)
    # Claims and alerts: what the extractor and the rules give for the stored articles, each once, all published.
    claims, alerts = expected_claims_and_alerts(pg_url)
    assert stored_claims(pg_url) == {article: found for article, found in claims.items() if found}
    assert sum(map(len, claims.values())) > len(articles)
    stored_alerts = rows(pg_url, "SELECT id, published_at FROM alerts")
    assert {alert_id for alert_id, _ in stored_alerts} == alerts and all(at for _, at in stored_alerts)
    assert len(alerts) > FEEDS


def processes_working_in(directory: Path) -> list[str]:
    """Live (not zombie) processes whose working directory is `directory`: the embedded broker runs in the run dir."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if Path(os.readlink(proc / "cwd")) == directory and " Z " not in (proc / "stat").read_text():
                found.append((proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:80])
        except OSError:
            continue  # gone meanwhile, or not ours to read
    return found


def embedded_service(tmp_path: Path) -> tuple[str, Callable[[], subprocess.Popen], Path, FeedServer]:
    """`newsmon run` as the README starts it (embedded broker, SQLite store) on this test's fixture feeds: the store
    URL, a function that starts the service, its log and the feed server."""
    server = FeedServer(tmp_path / "feeds")
    feed_urls = write_feeds(tmp_path / "feeds", server.url("").rstrip("/"))
    catalogue = tmp_path / "feeds.txt"
    catalogue.write_text("\n".join(feed_urls) + "\n")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSMON_")}
    env |= {"NEWSMON_STORE__URL": url, "NEWSMON_RUN_DIR": str(tmp_path / "run"), "NEWSMON_KAFKA__MAX_RECORDS": "10",
            "NEWSMON_POLL__ALLOW_PRIVATE_ADDRESSES": "true", "NEWSMON_POLL__PER_HOST_CONCURRENCY": "2",
            "NEWSMON_POLL__PER_HOST_MIN_GAP_S": "0", "NEWSMON_POLL__TIMEOUT_S": "5",
            "NEWSMON_ALERTS__RULES": json.dumps(RULES), "NEWSMON_LOG_LEVEL": "warning"}  # fmt: skip
    log_path = tmp_path / "run.log"

    def start() -> subprocess.Popen:
        with log_path.open("a") as log:
            return subprocess.Popen([sys.executable, "-m", "newsmon", "run", "--feeds", str(catalogue)], env=env,
                                    stdout=log, stderr=log)  # fmt: skip

    return url, start, log_path, server


def wait_until_settled(url: str, service: subprocess.Popen, log_path: Path, what: str) -> None:
    deadline = time.monotonic() + 120
    while lacking := unsettled(url):
        assert service.poll() is None, f"the service exited by itself; see {log_path}"
        assert time.monotonic() < deadline, f"{lacking} after {what}; see {log_path}"
        time.sleep(1)


def stop(service: subprocess.Popen) -> None:
    service.send_signal(signal.SIGTERM)
    try:
        service.wait(30)
    except subprocess.TimeoutExpired:
        service.kill()


def articles_stored(url: str) -> int:
    try:
        return int(rows(url, "SELECT count(*) FROM articles")[0][0])
    except Exception:  # the service is still creating the schema
        return 0


def test_killing_the_service_on_its_embedded_broker_at_random_loses_and_duplicates_nothing(tmp_path) -> None:
    """The memory-only embedded broker dies with the service, so whatever the topics held (articles not yet read by
    the claims stage, claims not yet read by the alerts stage) is gone at each restart, and only the store can say
    what is left to do."""
    url, start, log_path, server = embedded_service(tmp_path)

    def progress() -> tuple[int, int]:
        try:
            return rows(url, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM claims)")[0]
        except Exception:  # the service is still creating the schema
            return (0, 0)

    rng, kills = random.Random(42), 0
    with server:
        service = start()
        try:
            # Each kill lands once the service has made some progress since the last one, at a random moment.
            for _ in range(4):
                before, deadline = progress(), time.monotonic() + 60
                while progress() == before and time.monotonic() < deadline:
                    time.sleep(0.1)
                time.sleep(rng.uniform(0.0, 1.5))
                service.send_signal(signal.SIGKILL)
                service.wait()
                kills += 1
                service = start()
            wait_until_settled(url, service, log_path, f"{kills} kills")
        finally:
            stop(service)
    assert service.returncode == 0, log_path.read_text()[-3000:]
    # The brokers of the killed services died with them (they hold every record in memory).
    deadline = time.monotonic() + 10
    while (left := processes_working_in(tmp_path / "run")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not left, f"processes left running in the run dir: {left}"
    assert rows(url, "SELECT count(*) FROM outbox")[0][0] == FEEDS * ITEMS_PER_FEED
    claims, _ = expected_claims_and_alerts(url)
    assert sum(map(len, claims.values())) > len(claims)


def test_a_service_whose_embedded_broker_dies_stops_at_once_and_its_restart_finishes_the_work(tmp_path) -> None:
    url, start, log_path, server = embedded_service(tmp_path)
    with server:
        service = start()
        try:
            deadline = time.monotonic() + 60
            while articles_stored(url) == 0 and time.monotonic() < deadline:
                time.sleep(0.1)
            brokers = embedded_brokers_in(tmp_path / "run")
            assert len(brokers) == 1, brokers
            os.kill(brokers[0], signal.SIGKILL)
            service.wait(60)  # a hang here (clients waiting on a dead broker) fails the test
        finally:
            if service.returncode is None:
                service.kill()
        assert service.returncode == 1
        assert "the embedded broker exited (-9) while the service ran" in log_path.read_text()

        service = start()
        try:
            wait_until_settled(url, service, log_path, "the broker's death and a restart")
        finally:
            stop(service)
    assert service.returncode == 0, log_path.read_text()[-3000:]
    assert rows(url, "SELECT count(*) FROM outbox")[0][0] == FEEDS * ITEMS_PER_FEED


def embedded_brokers_in(run_dir: Path) -> list[int]:
    """Pids of Tansu brokers working in `run_dir` (once started: the launcher before it has the same cwd)."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            program = (proc / "cmdline").read_bytes().split(b"\0")[0]
            if Path(os.readlink(proc / "cwd")) == run_dir and b"tansu" in program:
                found.append(int(proc.name))
        except OSError:
            continue  # gone meanwhile, or not ours to read
    return found


def test_poll_once_whose_embedded_broker_dies_stops_at_once_and_the_next_poll_stores_everything(tmp_path) -> None:
    server = FeedServer(tmp_path / "feeds")
    catalogue = tmp_path / "feeds.txt"
    catalogue.write_text("\n".join(write_feeds(tmp_path / "feeds", server.url("").rstrip("/"))) + "\n")
    state = tmp_path / "state"
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSMON_")}
    # poll-once logs at warning when told info; the broker's start is logged at info, so: debug.
    env |= {"NEWSMON_POLL__PER_HOST_CONCURRENCY": "8", "NEWSMON_POLL__PER_HOST_MIN_GAP_S": "0",
            "NEWSMON_LOG_LEVEL": "debug"}  # fmt: skip
    command = [sys.executable, "-m", "newsmon", "poll-once", "--feeds", str(catalogue), "--state-dir", str(state),
               "--allow-private"]  # fmt: skip
    with server:
        poll = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert poll.stderr is not None
            # Killed once it is up (one killed while it starts is simply started again on another port).
            for line in poll.stderr:
                if '"embedded_broker_started"' in line:
                    os.kill(json.loads(line)["pid"], signal.SIGKILL)
                    break
            stdout, stderr = poll.communicate(timeout=60)  # a hang on the dead broker fails here
        finally:
            poll.kill()
        assert poll.returncode == 1, (stdout[-1000:], stderr[-2000:])
        assert "the embedded broker exited (-9)" in stderr
        again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr[-2000:]
    url = f"sqlite:///{state / 'newsmon.db'}"
    assert rows(url, "SELECT count(*), count(done_at) FROM outbox")[0] == (FEEDS * ITEMS_PER_FEED,) * 2
    stored = rows(url, "SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM duplicates)")[0][0]
    assert stored == FEEDS * ITEMS_PER_FEED
