"""Engines, sessions and migrations for SQLite (embedded default) and PostgreSQL (at scale)."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from newsmon.config import StoreSettings
from newsmon.store.filters import SQLITE_LOWER, sqlite_lower

if TYPE_CHECKING:
    from alembic.config import Config

SQLITE_BUSY_TIMEOUT_MS = 30_000
# Page cache per connection, filled only as pages are read or written. A dedupe batch of 200 items with 100k
# articles stored dirties ~7,300 pages (28 MiB; most of them the postings table, whose random band keys touch
# nearly every leaf): 16 MiB made SQLite spill ~3,800 of them to the WAL before the commit.
SQLITE_CACHE_KIB = 65_536
# WAL pages before a commit copies them back into the database file (SQLite's default: 1,000). A dedupe batch
# at 100k articles writes ~7,300, so the default checkpointed after every batch; every ~3rd batch copies each
# rewritten postings page once instead of three times. The WAL file then grows to ~110 MiB on disk.
SQLITE_WAL_AUTOCHECKPOINT_PAGES = 20_000
SQLITE_MMAP_BYTES = 1 << 30  # database file pages read from a shared mapping instead of one pread each
READ_ONLY = "newsmon_read_only"  # execution option of the engine behind Store.reads


def async_url(url: str) -> str:
    """The URL the application's async engine uses (aiosqlite / psycopg async)."""
    if url.startswith("sqlite:"):
        return "sqlite+aiosqlite:" + url.removeprefix("sqlite:")
    if url.startswith("postgresql:"):
        return "postgresql+psycopg:" + url.removeprefix("postgresql:")
    return url


def sync_url(url: str) -> str:
    """The URL Alembic's synchronous engine uses."""
    if url.startswith("sqlite+aiosqlite:"):
        return "sqlite:" + url.removeprefix("sqlite+aiosqlite:")
    if url.startswith("postgresql:"):
        return "postgresql+psycopg:" + url.removeprefix("postgresql:")
    return url


def migrations_dir() -> Path:
    """migrations/ in a source checkout, newsmon/_migrations in an installed wheel."""
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (package_dir.parent / "migrations", package_dir / "_migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise FileNotFoundError("Alembic migrations not found next to the newsmon package")


def alembic_config(url: str) -> "Config":
    # Alembic is imported when a migration runs, not with the store: it costs a warm poll-once ~0.4 s.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["url"] = sync_url(url)  # attributes, not options: no '%' interpolation of passwords
    return config


def upgrade_database(url: str, revision: str = "head") -> None:
    """Run the Alembic migrations up to `revision` (the same migrations on SQLite and PostgreSQL)."""
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def _configure_sqlite(engine: AsyncEngine) -> None:
    # WAL lets readers run beside the writer; BEGIN IMMEDIATE takes the write lock up front, so a
    # transaction that reads then writes waits on busy_timeout instead of failing with SQLITE_BUSY.
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
        cursor.execute(f"PRAGMA wal_autocheckpoint={SQLITE_WAL_AUTOCHECKPOINT_PAGES}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
        dbapi_connection.create_function(SQLITE_LOWER, 1, sqlite_lower, deterministic=True)

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A read-only transaction begins deferred: under WAL it reads a snapshot without taking or waiting
        # for the write lock, so it never queues behind another process's writes. query_only makes a
        # write in it fail at once; a deferred transaction that wrote would otherwise have to upgrade its
        # lock and could fail with SQLITE_BUSY half-way. The pragma outlives the transaction, so it is set
        # only when this pooled connection's last transaction was of the other kind.
        is_read_only = bool(connection.get_execution_options().get(READ_ONLY, False))
        if connection.info.get(READ_ONLY, False) != is_read_only:
            connection.exec_driver_sql(f"PRAGMA query_only={int(is_read_only)}")
            connection.info[READ_ONLY] = is_read_only
        connection.exec_driver_sql("BEGIN" if is_read_only else "BEGIN IMMEDIATE")


def _configure_postgres(engine: AsyncEngine) -> None:
    # psycopg prepares a statement on the server once it has run it 5 times, and PostgreSQL then switches to one
    # generic plan, made for the table as it was then. A dedupe process started on an empty store prepared its
    # lookup of articles by (feed_url, guid) while the table held a few rows: a sequential scan, kept while the
    # table grew, until an ANALYZE invalidated it. With autovacuum off (it is off on the test machine) that was
    # never: 2.6 of 4 s an item went to that scan by 100k articles (bench/README.md, Dedupe). A custom plan
    # each time costs ~0.1-1.5 ms of planning a batch and always sees the table's current size.
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        was_autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True  # a SET inside a transaction would go with its rollback
        cursor = dbapi_connection.cursor()
        cursor.execute("SET plan_cache_mode = force_custom_plan")
        cursor.close()
        dbapi_connection.autocommit = was_autocommit


@dataclass(frozen=True, slots=True)
class Store:
    """The process's one engine and its two session factories.

    `sessions` is for transactions that write (on SQLite they take the write lock at BEGIN, so a read
    before the write cannot go stale); `reads` is for transactions that only read (on SQLite they take no
    lock and wait for none, and a write in them fails). PostgreSQL's reads never wait for writers; there
    both factories give the same sessions."""

    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    reads: async_sessionmaker[AsyncSession]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name


@asynccontextmanager
async def open_store(settings: StoreSettings, *, upgrade: bool = True) -> AsyncIterator[Store]:
    """Open the store (upgrading its schema first unless told not to); dispose of the engine on exit."""
    if upgrade:
        await asyncio.to_thread(upgrade_database, settings.connection_url)
    engine = create_async_engine(async_url(settings.connection_url), echo=settings.echo, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    elif engine.dialect.name == "postgresql":
        _configure_postgres(engine)
    try:
        reader = engine.execution_options(**{READ_ONLY: True}) if engine.dialect.name == "sqlite" else engine
        yield Store(engine, async_sessionmaker(engine, expire_on_commit=False),
                    async_sessionmaker(reader, expire_on_commit=False))  # fmt: skip
    finally:
        await engine.dispose()
