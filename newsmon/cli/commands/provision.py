"""Preparing the at-scale setup: the store's schema (db upgrade) and the Kafka topics (topics ensure)."""

import asyncio

import typer

from newsmon.cli.errors import fail, run_async, store_failure
from newsmon.cli.options import ConfigOption, settings_from


def db_upgrade(revision: str = "head", config: ConfigOption = None) -> None:
    """Apply the Alembic migrations to the configured store."""
    from alembic.util import CommandError
    from sqlalchemy.exc import OperationalError

    from newsmon.store.session import upgrade_database

    settings = settings_from(config)
    try:
        upgrade_database(settings.store.connection_url, revision)
    except CommandError as error:  # an unknown revision
        fail(f"db upgrade --revision {revision}: {error}")
    except OperationalError as error:
        fail(store_failure(error, settings.store.url), code=1)
    typer.echo(f"store upgraded to {revision}")


def topics_ensure(config: ConfigOption = None) -> None:
    """Create every topic (with its partition count) on the configured Kafka; idempotent."""
    from newsmon.broker import connect, ensure_topics, topic_names
    from schemas.topics import Topics

    settings = settings_from(config)
    if settings.kafka.is_embedded:
        fail("topics ensure needs kafka.bootstrap_servers (the embedded broker creates its topics itself)")

    async def main(stop: asyncio.Event) -> list[str]:
        async with connect(settings.kafka, settings.run_dir) as connection:
            names = topic_names(Topics(settings.kafka.topic_prefix), [r.name for r in settings.alerts.rules])
            return await ensure_topics(connection, names, settings.kafka.partitions)

    created = run_async(main, settings)
    typer.echo(f"created {len(created)} topics: {', '.join(created) or '-'}")
