"""The `newsmon` command line: the one place that wires producers, consumers and the core together."""

import asyncio
import errno
import functools
import json
import logging
import os
import select
import signal
import stat
import sys
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Annotated, Any, NoReturn, ParamSpec, TypeVar

import structlog
import typer
from rich.console import Console

from newsmon.config import ConfigError, Settings, load_settings, source_of
from newsmon.logging import configure_logging

app = typer.Typer(no_args_is_help=True, add_completion=False, help="newsmon: who is claiming what about Syria.")
db_app = typer.Typer(no_args_is_help=True, help="Store schema.")
alerts_app = typer.Typer(no_args_is_help=True, help="Alert topics.")
topics_app = typer.Typer(no_args_is_help=True, help="Kafka topics.")
feeds_app = typer.Typer(no_args_is_help=True, help="The feed catalogue.")
app.add_typer(db_app, name="db")
app.add_typer(alerts_app, name="alerts")
app.add_typer(topics_app, name="topics")
app.add_typer(feeds_app, name="feeds")

log = structlog.get_logger()
T = TypeVar("T")
P = ParamSpec("P")
ConfigOption = Annotated[Path | None, typer.Option("--config", help="TOML config file (default: ./newsmon.toml).")]
FeedsOption = Annotated[Path | None, typer.Option("--feeds", help="Feed catalogue: newsmon TOML, OPML or URL list.")]


def fail(message: str, code: int = 2) -> None:
    """One clear line on stderr and an exit code, never a traceback, for user errors."""
    typer.echo(f"newsmon: error: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    """One line on stderr about input that was used, but maybe not as meant."""
    typer.echo(f"newsmon: warning: {message}", err=True)


def settings_from(config: Path | None, **overrides: Any) -> Settings:
    try:
        settings = load_settings(config, **overrides)
    except ConfigError as error:
        fail(str(error))
        raise  # unreachable: fail() exits
    configure_logging(settings.log_level)
    return settings


def is_new_sqlite_store(settings: Settings) -> bool:
    """True when the store is a SQLite file not there yet: a command that only reads creates it empty, and its
    empty result would look like a store with nothing in it (a mistyped store.url); see `warn_new_store`."""
    from sqlalchemy.engine import make_url

    url = make_url(settings.store.url)
    return url.drivername.startswith("sqlite") and bool(url.database) and not Path(str(url.database)).exists()


def warn_new_store(settings: Settings) -> None:
    """Said after the command's output, once it succeeded (a store that could not be created gets its error)."""
    warn(f"store {settings.store.url} did not exist; it was created empty (is store.url the one you meant?)")


def catalogue_or_fail(path: Path | None, origin: str | None = None) -> list[Any]:
    """The feed catalogue from `path` (None: the bundled default), or one error line and exit 2.

    `origin`: where `path` was named, when not on the command line. A URL listed more than once is used once,
    as first listed, with a warning naming it."""
    from producers.catalogue import CatalogueError, read_catalogue

    try:
        specs, repeated = read_catalogue(path)
    except CatalogueError as error:
        fail(f"{error} ({origin})" if origin else str(error))
        raise
    if repeated:
        shown = ", ".join(repeated[:3]) + (f" and {len(repeated) - 3} more" if len(repeated) > 3 else "")
        warn(f"{path}: {len(repeated)} URLs listed more than once, each used once as first listed: {shown}")
    return specs


def feeds_in_use(feeds: Path | None, settings: Settings, config: Path | None) -> list[Any]:
    """The catalogue of --feeds, else of the configured feeds_file, else the bundled one."""
    if feeds is not None or settings.feeds_file is None:
        return catalogue_or_fail(feeds)
    source = source_of(("feeds_file",), config or Path("newsmon.toml"))
    return catalogue_or_fail(settings.feeds_file, f"config key feeds_file{f', from {source}' if source else ''}")


def writes_to_stdout(command: Callable[P, None]) -> Callable[P, None]:
    """A command whose output may go nowhere. A reader that leaves early (`newsmon extract DIR | head`) ends it
    quietly with exit 141, as SIGPIPE ends other tools: the reader got what it wanted. Python ignores SIGPIPE (so
    that sockets raise errors instead of ending the process), which leaves the closed pipe to us. Output that
    cannot be written (a full disk) is one error line and exit 1."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
            sys.stdout.flush()
        except BrokenPipeError:
            _drop_stdout()
            raise typer.Exit(141) from None
        except OSError as error:
            if error.filename is not None or error.errno not in OUTPUT_ERRNOS:
                raise
            _drop_stdout()
            fail(f"cannot write the output: {error.strerror}", code=1)

    return wrapper


# What writing stdout can meet that is no bug and no input's fault.
OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _drop_stdout() -> None:
    """Point stdout at /dev/null: Python flushes it again at exit, and would fail there a second time."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def replace_file(path: Path, text: str) -> None:
    """Write `text` to `path` whole or not at all: into a new file beside it, renamed over it once written, so a
    full disk leaves the earlier file as it was. A path that is no regular file (/dev/stdout) is written as is."""
    if path.exists() and not path.is_file():  # following links: /dev/stdout is a pipe or a terminal
        path.write_text(text, encoding="utf-8")
        return
    target = path.resolve() if path.is_symlink() else path  # the file a link names is replaced, not the link
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        if target.exists():
            partial.chmod(stat.S_IMODE(target.stat().st_mode))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def write_all_to_stdout(text: str) -> None:
    """Write all of `text`, or raise. With PYTHONUNBUFFERED set, sys.stdout writes to the file descriptor directly
    and drops the rest of a short write (a pipe whose reader left: no error, exit 0, half a file)."""
    sys.stdout.flush()
    remaining = memoryview(text.encode(sys.stdout.encoding or "utf-8"))
    while remaining:
        written = sys.stdout.buffer.write(remaining)
        if not written:  # a non-blocking stdout that is full: wait until it takes more
            select.select([], [sys.stdout.fileno()], [])
            continue
        remaining = remaining[written:]
    sys.stdout.flush()


_early_stops: list[int] = []


def catch_early_stop() -> None:
    """Remember a SIGTERM that arrives before the event loop runs (the pipeline's imports take seconds).

    An orchestrator may stop a service at any moment, also while it starts; without this the default
    action would kill it half-way, and with this it starts, sees the stop at once and exits cleanly."""
    signal.signal(signal.SIGTERM, lambda signum, _frame: _early_stops.append(signum))


def run_async(
    main: Callable[[asyncio.Event], Awaitable[T]], settings: Settings | None = None, *, preload_stages: bool = True
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


@app.command()
def run(feeds: FeedsOption = None, config: ConfigOption = None) -> None:
    """The background service: pollers and every consumer stage, until SIGINT or SIGTERM."""
    catch_early_stop()
    from newsmon.cli.pipeline import open_pipeline, register_catalogue, run_service

    settings = settings_from(config)
    specs = feeds_in_use(feeds, settings, config)

    async def main(stop: asyncio.Event) -> None:
        async with open_pipeline(settings) as pipeline:
            urls = await register_catalogue(pipeline.store, specs)
            log.info("service_started", feeds=len(urls), bootstrap=pipeline.connection.bootstrap_servers)
            await run_service(pipeline, urls, stop)

    run_async(main, settings)


@app.command()
def poll(feeds: FeedsOption = None, config: ConfigOption = None) -> None:
    """Only the pollers and the outbox relay (scale-out: consumers run as `newsmon consume STAGE`)."""
    catch_early_stop()
    from newsmon.cli.pipeline import open_pipeline, register_catalogue, run_service

    settings = settings_from(config)
    specs = feeds_in_use(feeds, settings, config)

    async def main(stop: asyncio.Event) -> None:
        async with open_pipeline(settings, stages=()) as pipeline:
            await run_service(pipeline, await register_catalogue(pipeline.store, specs), stop)

    run_async(main, settings)


@app.command()
def consume(
    stage: Annotated[str, typer.Argument(help="fulltext, dedupe, claims or alerts")], config: ConfigOption = None
) -> None:
    """Run one consumer stage alone (its consumer group shares partitions with other replicas)."""
    catch_early_stop()
    from newsmon.cli.pipeline import STAGES, open_pipeline, run_service

    if stage not in STAGES:
        fail(f"unknown stage {stage!r}; expected one of {', '.join(STAGES)}")
    settings = settings_from(config)

    async def main(stop: asyncio.Event) -> None:
        async with open_pipeline(settings, stages=[stage]) as pipeline:
            await run_service(pipeline, None, stop)

    run_async(main, settings)


@app.command()
@writes_to_stdout
def demo(as_json: Annotated[bool, typer.Option("--json", help="Last line: the summary as JSON.")] = False) -> None:
    """Offline demo: bundled sample feeds, embedded broker, temporary SQLite store; prints a summary."""
    from newsmon.cli.demo import run_demo

    configure_logging("warning")

    async def main(stop: asyncio.Event) -> Any:
        return await run_demo()

    summary = run_async(main)
    console = Console(stderr=as_json)
    console.print("[bold]newsmon demo[/bold]: feeds -> Kafka -> dedupe -> claims -> SQL -> alerts")
    for name, value in summary.as_dict().items():
        console.print(f"  {name:<17} {value}")
    if as_json:
        print(json.dumps(summary.as_dict()))


@db_app.command("upgrade")
def db_upgrade(revision: str = "head", config: ConfigOption = None) -> None:
    """Apply the Alembic migrations to the configured store."""
    from alembic.util import CommandError
    from sqlalchemy.exc import OperationalError

    from newsmon.store.session import upgrade_database

    settings = settings_from(config)
    try:
        upgrade_database(settings.store.url, revision)
    except CommandError as error:  # an unknown revision
        fail(f"db upgrade --revision {revision}: {error}")
    except OperationalError as error:
        fail(store_failure(error, settings.store.url), code=1)
    typer.echo(f"store upgraded to {revision}")


@topics_app.command("ensure")
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


@alerts_app.command("tail")
@writes_to_stdout
def alerts_tail(
    rule: str,
    from_beginning: Annotated[bool, typer.Option("--from-beginning")] = False,
    max_alerts: Annotated[int | None, typer.Option("--max", min=1)] = None,
    config: ConfigOption = None,
) -> None:
    """Print alerts of RULE as JSON lines (from now on, or --from-beginning)."""
    from newsmon.cli.tail import tail_alerts

    settings = settings_from(config)

    async def main(stop: asyncio.Event) -> int:
        return await tail_alerts(settings, rule, from_beginning=from_beginning, max_alerts=max_alerts, stop=stop)

    run_async(main, settings)


@app.command()
@writes_to_stdout
def query(
    kind: Annotated[str, typer.Argument(help="articles or claims")],
    limit: Annotated[int, typer.Option("--limit", min=1, max=100_000)] = 20,
    fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    config: ConfigOption = None,
) -> None:
    """Read articles or claims from the store."""
    from newsmon.report.tables import fetch_rows, render
    from newsmon.store.session import open_store

    if kind not in ("articles", "claims"):
        fail(f"unknown query {kind!r}; expected 'articles' or 'claims'")
    if fmt not in ("table", "json"):
        fail(f"unknown format {fmt!r}; expected 'table' or 'json'")
    settings = settings_from(config)
    is_new = is_new_sqlite_store(settings)

    async def main(stop: asyncio.Event) -> list[dict[str, Any]]:
        async with open_store(settings.store) as store:
            return await fetch_rows(store, kind, limit)  # type: ignore[arg-type]

    rows = run_async(main, settings)
    render(rows, kind, fmt, Console())  # type: ignore[arg-type]
    if is_new:
        warn_new_store(settings)


@feeds_app.command("list")
@writes_to_stdout
def feeds_list(feeds: FeedsOption = None, config: ConfigOption = None) -> None:
    """Show the feed catalogue in use."""
    from rich.table import Table

    from newsmon.report.tables import plain_cell

    settings = settings_from(config)
    specs = feeds_in_use(feeds, settings, config)
    table = Table(title=f"{len(specs)} feeds")
    for column in ("outlet", "language", "name", "url"):
        table.add_column(column, overflow="fold")
    for spec in specs:
        table.add_row(*(plain_cell(value) for value in (spec.outlet, spec.language, spec.name, spec.url)))
    Console().print(table)


@app.command()
@writes_to_stdout
def extract(
    paths: Annotated[list[str], typer.Argument(help="Text files or directories of *.txt")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl")] = "jsonl",
) -> None:
    """Extract claims from plain-text files (doc_id = file stem); one JSON object per claim."""
    from consumers.claims.files import extract_paths, iter_text_files

    _print_jsonl(fmt, _given_paths(paths), extract_paths, iter_text_files)


@app.command()
@writes_to_stdout
def cluster(
    paths: Annotated[list[str], typer.Argument(help="Text files (first line title) or directories of *.txt")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl")] = "jsonl",
) -> None:
    """Dedupe and cluster plain-text articles; one JSON object per document."""
    from consumers.dedupe.files import article_paths, cluster_paths

    _print_jsonl(fmt, _given_paths(paths), cluster_paths, article_paths)


def _given_paths(arguments: list[str]) -> list[Path]:
    """The path arguments, taken as strings first: typer's Path("") is ".", so `newsmon extract "$UNSET"` read
    every *.txt under the working directory."""
    if any(argument == "" for argument in arguments):
        fail("an empty path argument (an unset shell variable?); name a file or directory, '.' for this one")
    return [Path(argument) for argument in arguments]


def _print_jsonl(fmt: str, paths: list[Path], produce: Callable[[list[Path]], Any],
                 list_files: Callable[[list[Path]], Iterable[Path]]) -> None:  # fmt: skip
    """Print what `produce` makes of the files `list_files` finds in `paths`, one JSON object a line."""
    if fmt != "jsonl":
        fail(f"unknown format {fmt!r}; expected 'jsonl'")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or directory: {', '.join(missing)}")
    for path in paths:
        if path.is_dir() and not any(True for _ in list_files([path])):
            fail(f"{path}: a directory with no *.txt files in it")
    for file in list_files(paths):
        _warn_unless_text(file)
    from consumers.doc_ids import DuplicateDocIdError

    try:
        for record in produce(paths):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    except DuplicateDocIdError as error:
        fail(str(error))
    except OSError as error:
        if error.filename is None:  # writing stdout, not reading an input file: see writes_to_stdout
            raise
        fail(f"{error.filename}: {error.strerror or error}")


def _warn_unless_text(file: Path) -> None:
    """Warn about a file read as text that is not UTF-8 text (its undecodable bytes become U+FFFD), or exit
    on one that cannot be read. Only regular files: a pipe such as /dev/stdin can be read once only."""
    try:
        if not stat.S_ISREG(file.stat().st_mode):
            return
        data = file.read_bytes()
    except OSError as error:
        fail(f"{file}: {error.strerror or error}")
        raise
    nul = data.find(b"\0")
    if nul >= 0:
        warn(f"{file}: has NUL bytes (the first at offset {nul}), so it is probably not text; read as text anyway")
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        warn(f"{file}: not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); every undecodable "
             "byte is read as U+FFFD")  # fmt: skip


@app.command("poll-once")
def poll_once_command(
    feeds: Annotated[Path, typer.Option("--feeds", help="Feeds to poll: URL list, OPML or newsmon TOML.")],
    state_dir: Annotated[Path, typer.Option("--state-dir", help="Where the store lives between calls.")] = Path(
        ".newsmon-poll"
    ),
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow loopback and private addresses (local test servers).")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Poll every feed in FILE once, wait until the new items are stored as articles, then exit.

    The last output line is JSON with "new_items"."""
    from newsmon.cli.poll_once import poll_once, poll_once_settings, stage_process_count, summary_dict
    from newsmon.cli.poll_once_stages import forked_stage_processes

    specs = catalogue_or_fail(feeds)
    try:
        settings = poll_once_settings(config, state_dir, allow_private=allow_private)
    except ConfigError as error:
        fail(str(error))
        raise
    except OSError as error:  # the state directory cannot be made (a file of that name, no permission)
        fail(f"--state-dir {state_dir}: {error.strerror or error}")
        raise
    configure_logging(settings.log_level if settings.log_level != "info" else "warning")

    # Forked before the event loop and its threads start; they wait until something is to be stored.
    with forked_stage_processes(stage_process_count(settings)) as stages:

        async def main(stop: asyncio.Event) -> Any:
            return await poll_once(settings, specs, stop, stages)

        summary = run_async(main, settings, preload_stages=False)
    sys.stdout.flush()
    print(json.dumps(summary_dict(summary)), flush=True)
    exit_without_teardown()


def exit_without_teardown() -> NoReturn:
    """Exit 0 now, skipping the interpreter's teardown of every module and object: ~0.2 CPU-s and up to
    0.5 s of wall in a poll-once. Only for a command whose resources its `async with` blocks have closed
    already; what it wrote to stdio and the logs is flushed here."""
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(0)


@feeds_app.command("status")
@writes_to_stdout
def feeds_status(
    only: Annotated[str | None, typer.Option("--only", help="Show one health: ok, stale, empty, zombie, ...")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    config: ConfigOption = None,
) -> None:
    """Feed health from the store: stale, empty, zombie, undated, failing and disabled feeds."""
    from newsmon.cli.feeds_admin import HEALTH_ORDER, print_status

    if fmt not in ("table", "json"):
        fail(f"unknown format {fmt!r}; expected 'table' or 'json'")
    if only is not None and only not in HEALTH_ORDER:
        fail(f"unknown health {only!r} for --only; expected one of {', '.join(HEALTH_ORDER)}")
    settings = settings_from(config)
    is_new = is_new_sqlite_store(settings)
    run_async(lambda stop: print_status(settings, only, fmt, Console()), settings)
    if is_new:
        warn_new_store(settings)


@feeds_app.command("import")
def feeds_import(
    file: Annotated[Path, typer.Argument(help="OPML (or URL list, or newsmon TOML) to add to the store.")],
    config: ConfigOption = None,
) -> None:
    """Add the feeds of an OPML file to the store (feeds already there keep their state)."""
    from newsmon.cli.feeds_admin import import_feeds

    settings = settings_from(config)
    specs = catalogue_or_fail(file)
    added = run_async(lambda stop: import_feeds(settings, specs), settings)
    typer.echo(f"imported {len(specs)} feeds ({added} new)")


@feeds_app.command("export")
@writes_to_stdout
def feeds_export(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    config: ConfigOption = None,
) -> None:
    """Write the store's feeds as OPML 2.0."""
    from newsmon.cli.feeds_admin import export_opml

    settings = settings_from(config)
    is_new = is_new_sqlite_store(settings)
    text = run_async(lambda stop: export_opml(settings), settings)
    if output is None:
        write_all_to_stdout(text)
    else:
        try:
            replace_file(output, text)
        except OSError as error:
            fail(f"--output {output}: {error.strerror or error}")
    if is_new:
        warn_new_store(settings)
