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

if TYPE_CHECKING:
    from alembic.config import Config

SQLITE_BUSY_TIMEOUT_MS = 30_000


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
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


@dataclass(frozen=True, slots=True)
class Store:
    """The process's one engine and its session factory."""

    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name


@asynccontextmanager
async def open_store(settings: StoreSettings, *, upgrade: bool = True) -> AsyncIterator[Store]:
    """Open the store (upgrading its schema first unless told not to); dispose of the engine on exit."""
    if upgrade:
        await asyncio.to_thread(upgrade_database, settings.url)
    engine = create_async_engine(async_url(settings.url), echo=settings.echo, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    try:
        yield Store(engine, async_sessionmaker(engine, expire_on_commit=False))
    finally:
        await engine.dispose()
