"""Dialect-aware INSERT ... ON CONFLICT, the building block of every idempotent write."""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession


def insert_for(session: AsyncSession, table: Any) -> Any:
    """An INSERT that supports on_conflict_do_nothing / on_conflict_do_update on this session's engine."""
    dialect = session.get_bind().dialect.name
    # Each dialect's module is imported on first use, so a SQLite process never loads the PostgreSQL one.
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    if dialect == "sqlite":
        from sqlalchemy.dialects import sqlite

        return sqlite.insert(table)
    raise NotImplementedError(f"store engine {dialect!r} is not supported (use SQLite or PostgreSQL)")
