"""The HTTP API (`newsmon serve`) over a store the real pipeline filled: the reports of `newsmon query`, as JSON."""

import os
import socket
import subprocess
import sys
import time
import uuid

import httpx
import psycopg
import pytest

from newsmon.api.app import create_app
from tests.conftest import PG_ADMIN_DSN
from tests.pipeline_helpers import run_pipeline_over
from tests.test_cli_reads import two_outlet_feeds


@pytest.fixture
async def api(make_settings, feed_server):
    settings = make_settings()
    await run_pipeline_over(settings, two_outlet_feeds(feed_server))
    app = create_app(settings)
    async with app.router.lifespan_context(app), httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://newsmon.test"
    ) as client:
        yield client


async def test_the_reports_are_json_with_the_query_filters(api):
    assert (await api.get("/healthz")).json() == {"status": "ok"}
    articles = (await api.get("/api/articles", params={"outlet": "тасс"})).json()
    assert len(articles) == 3 and {row["outlet"] for row in articles} == {"ТАСС Fixture"}
    assert len((await api.get("/api/articles", params={"limit": 2})).json()) == 2
    every_claim = (await api.get("/api/claims", params={"limit": 1000})).json()
    first = every_claim[0]["article_id"]
    own = (await api.get("/api/claims", params={"article": first, "limit": 1000})).json()
    assert own and own == [claim for claim in every_claim if claim["article_id"] == first]
    claims = (await api.get("/api/claims", params={"speaker": "orlov"})).json()
    assert claims and all("Orlov" in row["speaker"] for row in claims)
    in_range = (await api.get("/api/articles", params={"since": "2026-11-03", "until": "2026-11-04"})).json()
    assert {row["title"] for row in in_range} == {"Ministry says convoy left Deir ez-Zor oil field",
                                                  "Pentagon rejects al-Tanf claims"}  # fmt: skip
    speakers = (await api.get("/api/speakers")).json()
    assert sum(row["claims"] for row in speakers) == len((await api.get("/api/claims", params={"limit": 1000})).json())
    stories = (await api.get("/api/stories", params={"outlet": "wire"})).json()
    assert len(stories) == 3 and all(story["outlets"] == 1 for story in stories)
    disputes = (await api.get("/api/disputes")).json()
    assert [row["title"] for row in disputes] == ["SDF says drone strike hit car near Qamishli"]
    feeds = (await api.get("/api/feeds")).json()
    assert {row["outlet"] for row in feeds} == {"ТАСС Fixture", "Wire Desk"}
    assert all(row["health"] == "ok" and row["items_seen"] == 3 for row in feeds)


async def test_a_bad_parameter_is_a_422_naming_it(api):
    for path, params, expected in [
        ("/api/articles", {"since": "yesterday"}, "since 'yesterday'"),
        ("/api/claims", {"since": "2026-11-05", "until": "2026-11-01"}, "is not before until"),
        ("/api/articles", {"speaker": "Orlov"}, "speaker narrows claims"),
        ("/api/feeds", {"health": "grumpy"}, "health 'grumpy'"),
        ("/api/claims", {"limit": "0"}, "limit"),
        ("/api/articles", {"story": ""}, "story is empty"),  # was every article, as if all were the story's
        ("/api/claims", {"article": " "}, "article is empty"),
    ]:
        response = await api.get(path, params=params)
        assert response.status_code == 422 and expected in response.text, (path, params, response.text)


async def test_a_time_beyond_the_calendar_or_a_nul_in_a_text_parameter_is_a_422_naming_it(api):
    """Both were a 500: an OverflowError from the date, and PostgreSQL refusing a NUL in a string (where SQLite
    matched every row: 'outlet=%00' returned every outlet's articles)."""
    for path, params, expected in [
        ("/api/articles", {"since": "99999999d"}, "since '99999999d'"),
        ("/api/claims", {"until": "0001-01-01T00:00+01:00"}, "until '0001-01-01T00:00+01:00'"),
        ("/api/articles", {"outlet": "wire\x00"}, "outlet"),
        ("/api/claims", {"speaker": "\x00"}, "speaker"),
        ("/api/articles", {"contains": "a\x00b"}, "contains"),
        ("/api/stories", {"story": "\x00"}, "story"),
        ("/api/claims", {"article": "\x00"}, "article"),
        ("/api/disputes", {"outlet": "\x00"}, "outlet"),
        ("/api/articles", {"search": "convoy\x00"}, "search"),
    ]:
        response = await api.get(path, params=params)
        assert response.status_code == 422 and expected in response.json()["detail"], (path, params, response.text)
        assert "NUL" in response.text or "out of range" in response.text, response.text


async def test_a_time_zone_whose_plus_arrived_as_a_space_is_read_as_the_plus(api):
    """`?since=2026-11-03T01:00+01:00` typed into a URL: the query string decodes '+' as a space, and the time was
    refused as not a date."""
    typed = await api.get("/api/articles?since=2026-11-03T01:00+01:00&until=2026-11-04T01:00+01:00")
    encoded = await api.get("/api/articles", params={"since": "2026-11-03T00:00Z", "until": "2026-11-04T00:00Z"})
    assert typed.status_code == 200, typed.text
    assert typed.json() == encoded.json() and len(encoded.json()) == 2


async def test_disputes_narrowed_by_a_speaker_are_the_disputed_stories_that_speaker_has_a_claim_in(api):
    """`speaker=` kept only that speaker's claims before looking for disagreement, so a dispute needed both sides to
    match: each side of the one dispute, asked for by name, found nothing."""
    [dispute] = (await api.get("/api/disputes")).json()
    assert len(dispute["speakers"]) >= 2
    for speaker in dispute["speakers"]:
        narrowed = (await api.get("/api/disputes", params={"speaker": speaker.upper()})).json()
        assert narrowed == [dispute], speaker
    denial = dispute["claims"][0]["text"]
    assert (await api.get("/api/disputes", params={"contains": denial})).json() == [dispute]
    assert (await api.get("/api/disputes", params={"speaker": "Nobody Of That Name"})).json() == []
    assert (await api.get("/api/disputes", params={"speaker": dispute["speakers"][0], "outlet": "тасс"})).json() == []


TOKEN = "test-token-" + "x" * 24


async def test_with_a_token_set_the_reports_need_it_as_a_bearer_token_and_healthz_does_not(make_settings, tmp_path):
    app = create_app(make_settings(api={"token": TOKEN}))
    async with app.router.lifespan_context(app), httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://newsmon.test"
    ) as client:
        assert (await client.get("/healthz")).status_code == 200  # a load balancer's probe carries no token
        for path in ("/api/articles", "/api/claims", "/api/disputes", "/api/feeds"):
            for headers in ({}, {"Authorization": "Bearer wrong-token-0123456789"}, {"Authorization": TOKEN},
                            {"Authorization": f"Basic {TOKEN}"}):  # fmt: skip
                refused = await client.get(path, headers=headers)
                assert refused.status_code == 401, (path, headers)
                assert refused.headers["www-authenticate"] == "Bearer" and "api.token" in refused.text
            allowed = await client.get(path, headers={"Authorization": f"Bearer {TOKEN}"})
            assert allowed.status_code == 200 and allowed.json() == [], path


def test_a_token_shorter_than_16_characters_is_refused_naming_the_key_but_not_the_value(tmp_path):
    env = {**os.environ, "NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'store.db'}", "NEWSMON_API__TOKEN": "tooshort"}
    refused = subprocess.run([sys.executable, "-m", "newsmon", "serve", "--port", str(free_port())], env=env,
                             capture_output=True, text=True, timeout=60)  # fmt: skip
    assert refused.returncode == 2
    assert "config key 'api.token' (from NEWSMON_API__TOKEN)" in refused.stderr and "16" in refused.stderr
    assert "tooshort" not in refused.stderr and "Traceback" not in refused.stderr


def test_serving_beyond_loopback_without_a_token_warns(tmp_path):
    env = {**os.environ, "NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'store.db'}"}
    port = free_port()
    command = [sys.executable, "-m", "newsmon", "serve", "--host", "0.0.0.0", "--port", str(port)]
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as server:
        try:
            answer = healthz_once_up(port)
            assert answer is not None and answer.status_code == 200
            server.terminate()
            assert server.wait(30) == 0
            assert server.stderr is not None
            assert "api.token is not set" in server.stderr.read()
        finally:
            server.kill()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def healthz_once_up(port: int) -> httpx.Response | None:
    """/healthz of a `newsmon serve` just started on `port`, once it answers (None if it has not within a minute)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            return httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
        except httpx.TransportError:
            time.sleep(0.2)
    return None


def test_newsmon_serve_answers_over_http_and_refuses_a_port_in_use(tmp_path):
    env = {**os.environ, "NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'store.db'}"}
    port = free_port()
    command = [sys.executable, "-m", "newsmon", "serve", "--port", str(port)]
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as server:
        try:
            answer = healthz_once_up(port)
            assert answer is not None and answer.json() == {"status": "ok"}
            assert httpx.get(f"http://127.0.0.1:{port}/api/articles").json() == []  # a new store: nothing yet
            second = subprocess.run([sys.executable, "-m", "newsmon", "serve", "--port", str(port)], env=env,
                                    capture_output=True, text=True, timeout=60)  # fmt: skip
            assert second.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in second.stderr
            assert "Traceback" not in second.stderr
            server.terminate()
            assert server.wait(30) == 0  # a stop asked for is a clean exit
        finally:
            server.kill()  # (a no-op once it has exited)


async def test_healthz_says_503_while_the_store_is_gone_and_ok_when_it_is_back(tmp_path):
    from newsmon.config import Settings

    name = f"newsmon_api_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"{PG_ADMIN_DSN.rsplit('/', 1)[0]}/{name}".replace("postgresql://", "postgresql+psycopg://", 1)
    app = create_app(Settings.model_validate({"store": {"url": url}, "run_dir": tmp_path / "run"}))
    try:
        async with app.router.lifespan_context(app), httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://newsmon.test"
        ) as client:
            assert (await client.get("/healthz")).status_code == 200
            with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            gone = await client.get("/healthz")
            assert gone.status_code == 503 and gone.json()["status"] == "store unavailable"
            with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            assert (await client.get("/healthz")).status_code == 200  # the pool reconnects: no restart needed
    finally:
        with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_docs_say_how_each_report_orders_its_rows(make_settings):
    paths = create_app(make_settings()).openapi()["paths"]
    assert "most relevant first" in paths["/api/articles"]["get"]["summary"]
    assert "most relevant first" in paths["/api/claims"]["get"]["summary"]
    assert paths["/api/speakers"]["get"]["summary"] == "speakers (most claims first)"


@pytest.mark.parametrize("store", ["not-a-database", "postgresql-not-listening"])
def test_newsmon_serve_of_a_store_it_cannot_open_is_one_line_naming_it_and_exit_1(tmp_path, store):
    """It printed 'newsmon API on http://...', then uvicorn's 130-line traceback of the lifespan, and exit 3."""
    if store == "not-a-database":
        (tmp_path / "store.db").write_text("these are an analyst's notes, not a database\n" * 200)
        url = f"sqlite:///{tmp_path / 'store.db'}"
    else:
        url = f"postgresql+psycopg://newsmon@127.0.0.1:{free_port()}/newsmon"
    env = {**os.environ, "NEWSMON_STORE__URL": url, "NEWSMON_STORE__CONNECT_TIMEOUT_S": "5"}
    result = subprocess.run([sys.executable, "-m", "newsmon", "serve", "--port", str(free_port())], env=env,
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 1 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"newsmon: error: store {url}: "), result.stderr[-3000:]


def test_newsmon_serve_with_an_empty_host_is_refused_not_served_on_every_interface(tmp_path):
    """`newsmon serve --host "$HOST"` with HOST unset listened on every interface ('http://:PORT/')."""
    env = {**os.environ, "NEWSMON_STORE__URL": f"sqlite:///{tmp_path / 'store.db'}"}
    result = subprocess.run([sys.executable, "-m", "newsmon", "serve", "--host", " ", "--port", str(free_port())],
                            env=env, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("newsmon: error: --host") and "0.0.0.0" in line


async def test_articles_say_where_their_text_came_from(api):
    articles = (await api.get("/api/articles", params={"limit": 1000})).json()
    assert articles and all((row["text_source"], row["text_error"]) == ("feed", None) for row in articles)
