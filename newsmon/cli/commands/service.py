"""The commands that run the pipeline: run (everything), poll and consume (scale-out), poll-once, and the demo."""

import asyncio
import gc
import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console

from newsmon.cli.errors import catch_early_stop, fail, run_async
from newsmon.cli.options import ConfigOption, FeedsOption, catalogue_or_fail, feeds_in_use, settings_from
from newsmon.cli.output import writes_to_stdout

if TYPE_CHECKING:  # imported when used: `newsmon --help` needs neither pydantic-settings nor structlog
    from newsmon.config import Settings


def run(feeds: FeedsOption = None, config: ConfigOption = None) -> None:
    """The background service: pollers and every consumer stage, until SIGINT or SIGTERM.

    Polls every enabled feed in the store (the configured catalogue's, and those of `feeds import`); with --feeds,
    only that file's."""
    catch_early_stop()
    import structlog

    from newsmon.cli.pipeline import open_pipeline, polling_of, run_service

    settings = settings_from(config)
    serve_metrics(settings)
    specs = feeds_in_use(feeds, settings, config)

    async def main(stop: asyncio.Event) -> None:
        async with open_pipeline(settings) as pipeline:
            polling = await polling_of(pipeline, specs, only_these=feeds is not None)
            feeds_polled = len(polling.urls) if polling.urls is not None else "every enabled"
            structlog.get_logger().info("service_started", feeds=feeds_polled,
                                        bootstrap=pipeline.connection.bootstrap_servers)  # fmt: skip
            await run_service(pipeline, polling, stop)

    run_async(main, settings)


def poll(feeds: FeedsOption = None, config: ConfigOption = None) -> None:
    """Only the pollers and the outbox relay (scale-out: consumers run as `newsmon consume STAGE`); polls what `run`
    polls."""
    catch_early_stop()
    from newsmon.cli.pipeline import open_pipeline, polling_of, run_service

    settings = settings_from(config)
    serve_metrics(settings)
    specs = feeds_in_use(feeds, settings, config)

    async def main(stop: asyncio.Event) -> None:
        async with open_pipeline(settings, stages=()) as pipeline:
            await run_service(pipeline, await polling_of(pipeline, specs, only_these=feeds is not None), stop)

    run_async(main, settings)


def consume(
    stage: Annotated[str, typer.Argument(help="fulltext, dedupe, claims or alerts")], config: ConfigOption = None
) -> None:
    """Run one consumer stage alone (its consumer group shares partitions with other replicas)."""
    catch_early_stop()
    from consumers import STAGES

    if stage not in STAGES:  # before the stages' heavy imports: a typo is answered at once
        fail(f"unknown stage {stage!r}; expected one of {', '.join(STAGES)}")
    from newsmon.cli.pipeline import open_pipeline, run_service

    settings = settings_from(config)
    serve_metrics(settings)

    async def main(stop: asyncio.Event) -> None:
        async with open_pipeline(settings, stages=[stage]) as pipeline:
            await run_service(pipeline, None, stop)

    run_async(main, settings)


def serve_metrics(settings: "Settings") -> None:
    """Start the Prometheus endpoint when metrics.port is set; a port in use is one line and exit 1."""
    if not settings.metrics.port:
        return
    from newsmon.metrics import MetricsServerError, start_metrics_server

    try:
        start_metrics_server(settings.metrics.host, settings.metrics.port)
    except MetricsServerError as error:
        fail(str(error), code=1)


DEMO_STORE_HELP = ("Keep the demo's SQLite store in this new file, for query, report and serve to read "
                   "(NEWSMON_STORE__URL=sqlite:///FILE); without it the store is temporary.")


@writes_to_stdout
def demo(
    as_json: Annotated[bool, typer.Option("--json", help="Last line: the summary as JSON.")] = False,
    store: Annotated[Path | None, typer.Option("--store", help=DEMO_STORE_HELP)] = None,
) -> None:
    """Offline demo: bundled sample feeds, embedded broker, temporary SQLite store (or --store FILE); prints a
    summary."""
    from newsmon.cli.demo import run_demo
    from newsmon.logging import configure_logging

    if store is not None:
        store = store.absolute()
        if store.exists():  # a second run would add its feeds (another port each time) to the first run's
            fail(f"--store {store}: exists; the demo writes a new store (remove it or name another file)")
        if not store.parent.is_dir():
            fail(f"--store {store}: directory {store.parent} does not exist")
    configure_logging("warning")

    async def main(stop: asyncio.Event) -> Any:
        return await run_demo(store)

    summary = run_async(main)
    console = Console(stderr=as_json)
    console.print("[bold]newsmon demo[/bold]: feeds -> Kafka -> dedupe -> claims -> SQL -> alerts")
    for name, value in summary.as_dict().items():
        console.print(f"  {name:<17} {value}")
    if store is not None:
        console.print(f"store kept: NEWSMON_STORE__URL=sqlite:///{store} newsmon query claims", soft_wrap=True,
                      markup=False, highlight=False)  # fmt: skip
    if as_json:
        print(json.dumps(summary.as_dict()))


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
    with collection_paused():
        from newsmon.cli.poll_once import poll_once, poll_once_settings, stage_process_count, summary_dict
        from newsmon.cli.poll_once_stages import forked_stage_processes
        from newsmon.config import ConfigError
        from newsmon.logging import configure_logging

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


@contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection inside, and what was made inside is frozen (never collected) on the way out: what a
    command imports and sets up at its start lives until it exits, so collecting would only walk it again and
    again (poll-once: a full collection of ~20 ms during the SQLAlchemy import, ~3 % of a warm poll's
    instructions before the fork). Freezing also spares the first collection after it, which would otherwise
    walk every object made inside."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def exit_without_teardown() -> NoReturn:
    """Exit 0 now, skipping the interpreter's teardown of every module and object: ~0.2 CPU-s and up to
    0.5 s of wall in a poll-once. Only for a command whose resources its `async with` blocks have closed
    already; what it wrote to stdio and the logs is flushed here."""
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(0)
