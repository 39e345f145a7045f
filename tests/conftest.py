"""Session services for the tests: one real broker (embedded Tansu, or Kafka from NEWSMON_TEST_BOOTSTRAP),
a scratch PostgreSQL database, and a local HTTP server standing in for the internet."""

import os
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from newsmon.broker import embedded_broker
from newsmon.config import Settings
from newsmon.store.session import Store, open_store
from tests.feed_server import FeedServer

FIXTURES = Path(__file__).parent / "fixtures"
PG_ADMIN_DSN = os.environ.get("NEWSMON_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
async def broker(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """Bootstrap address of the session's broker."""
    external = os.environ.get("NEWSMON_TEST_BOOTSTRAP")
    if external:
        yield external
        return
    async with embedded_broker(tmp_path_factory.mktemp("broker")) as bootstrap:
        yield bootstrap


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A PostgreSQL database of this session's own, so parallel runs never share tables."""
    name = f"newsmon_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_DSN.rsplit("/", 1)[0]
    yield f"{base}/{name}".replace("postgresql://", "postgresql+psycopg://", 1)
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database per test, on each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url: str = request.getfixturevalue("pg_database")
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")
    return url


@pytest.fixture
def make_settings(broker: str, store_url: str, tmp_path: Path) -> Callable[..., Settings]:
    """Settings on the shared broker with this test's own topic prefix, groups and store."""
    prefix = f"t{uuid.uuid4().hex[:8]}."

    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "kafka": {"bootstrap_servers": [broker], "compat": "tansu", "topic_prefix": prefix,
                      "session_timeout_ms": 6000, "heartbeat_interval_ms": 2000, "partitions": 2},
            "store": {"url": store_url},
            "poll": {"allow_private_addresses": True, "timeout_s": 5},
            "alerts": {"rules": [{"name": "chemical", "keywords": ["chemical weapons", "sarin"]}]},
            "run_dir": tmp_path / "run",
        }  # fmt: skip
        for key, value in overrides.items():
            values[key] = {**values[key], **value} if isinstance(value, dict) and key in values else value
        return Settings.model_validate(values)

    return make


@pytest.fixture
async def store(store_url: str) -> AsyncIterator[Store]:
    from newsmon.config import StoreSettings

    async with open_store(StoreSettings(url=store_url)) as opened:
        yield opened


@pytest.fixture(scope="session")
def feed_server() -> Iterator[FeedServer]:
    with FeedServer(FIXTURES / "feeds") as server:
        yield server


@pytest.fixture(autouse=True)
def _reset_feed_server_routes(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "feed_server" in request.fixturenames:
        request.getfixturevalue("feed_server").routes.clear()
