"""How commands fail: one line on stderr and an exit code (2: bad input, 1: could not run), never a traceback.

`run_async` runs a command's async main and turns the expected errors it raises into that line."""

import asyncio
import signal
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

import typer

if TYPE_CHECKING:  # pydantic-settings costs ~100 ms to import; `newsmon --help` needs none of it
    from newsmon.config import Settings


T = TypeVar("T")


def fail(message: str, code: int = 2) -> None:
    """One clear line on stderr and an exit code, never a traceback, for user errors."""
    typer.echo(f"newsmon: error: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    """One line on stderr about input that was used, but maybe not as meant."""
    typer.echo(f"newsmon: warning: {message}", err=True)


_early_stops: list[int] = []


def catch_early_stop() -> None:
    """Remember a SIGTERM that arrives before the event loop runs (the pipeline's imports take seconds).

    An orchestrator may stop a service at any moment, also while it starts; without this the default
    action would kill it half-way, and with this it starts, sees the stop at once and exits cleanly."""
    signal.signal(signal.SIGTERM, lambda signum, _frame: _early_stops.append(signum))


def run_async(
    main: Callable[[asyncio.Event], Awaitable[T]], settings: "Settings | None" = None, *, preload_stages: bool = True
) -> T:
    """Run `main(stop)` with SIGINT/SIGTERM setting `stop`, translating expected errors to one line.

    `settings`: what main runs with, to name the store when it cannot be reached.
    preload_stages imports the consumer stages first, so their import errors surface before the loop starts;
    poll-once turns it off (it starts its stages in a child process, and a warm poll needs none)."""
    catch_early_stop()
    if preload_stages:
        from consumers.dedupe.stage import DedupeStage  # noqa: F401

    async def wrapper() -> T:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        if _early_stops:
            stop.set()
        return await main(stop)

    try:
        return asyncio.run(wrapper())
    except Exception as error:
        code = _user_error_code(error)
        if code is None:
            raise
        if settings is not None and _is_store_failure(error):
            fail(store_failure(error, settings.store.url), code=code)
        if settings is not None and _is_kafka_failure(error):
            fail(f"kafka {','.join(settings.kafka.bootstrap_servers) or '(embedded)'}: {error}", code=code)
        fail(str(error), code=code)
    raise AssertionError("unreachable")


def _is_store_failure(error: Exception) -> bool:
    """The store cannot be opened or used: not reachable, not a database, or of a schema revision we do not know.
    A plain DatabaseError (no subclass: not an integrity or programming error, which would be bugs) is SQLite's
    'file is not a database' and 'database disk image is malformed'."""
    from alembic.util import CommandError
    from sqlalchemy.exc import DatabaseError, OperationalError

    return isinstance(error, OperationalError | CommandError) or type(error) is DatabaseError


def _is_kafka_failure(error: Exception) -> bool:
    from aiokafka.errors import KafkaConnectionError

    return isinstance(error, KafkaConnectionError)


def store_failure(error: Exception, url: str) -> str:
    """One line for a store that cannot be opened or used: its URL (no password) and the driver's reason."""
    from sqlalchemy.engine import make_url

    reason = " ".join(line.strip() for line in str(getattr(error, "orig", None) or error).splitlines() if line.strip())
    if "unable to open database file" in reason:
        reason += " (does its directory exist, and may newsmon write there?)"
    if "Can't locate revision" in reason:
        reason += " (the store's schema is not one this newsmon knows: written by a newer version?)"
    return f"store {make_url(url).render_as_string(hide_password=True)}: {reason}"


def _user_error_code(error: Exception) -> int | None:
    """The exit code of an expected error (2: bad input, 1: could not run), None for a bug."""
    # Imported here, when an error happened: the modules that define them pull in the whole pipeline.
    from newsmon.broker import BrokerStartError
    from newsmon.cli.demo import DemoError
    from newsmon.cli.poll_once import StageProcessError
    from newsmon.cli.run_dir import RunDirError
    from newsmon.cli.tail import TailError
    from producers.catalogue import CatalogueError

    if isinstance(error, CatalogueError | TailError | RunDirError):
        return 2
    if isinstance(error, BrokerStartError | DemoError | StageProcessError):
        return 1
    if _is_store_failure(error) or _is_kafka_failure(error):
        return 1
    return None
