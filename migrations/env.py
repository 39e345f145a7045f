"""Alembic environment: newsmon.store.models metadata, batch mode on SQLite."""

from alembic import context
from sqlalchemy import create_engine, pool

from newsmon.store.models import Base
from newsmon.store.search import include_in_autogenerate

config = context.config
target_metadata = Base.metadata


def database_url() -> str:
    url = config.attributes.get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database URL: pass one through newsmon (newsmon db upgrade) or sqlalchemy.url")
    return str(url)


def run_migrations_offline() -> None:
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=database_url().startswith("sqlite"), include_name=include_in_autogenerate)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    url = database_url()
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=connection.dialect.name == "sqlite", include_name=include_in_autogenerate)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
