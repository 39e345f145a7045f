"""`newsmon feeds`: the catalogue in use (list), and the store's feeds (status, import, export as OPML)."""

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsmon.cli.errors import fail, run_async
from newsmon.cli.options import (
    ConfigOption,
    FeedsOption,
    catalogue_or_fail,
    feeds_in_use,
    is_new_sqlite_store,
    settings_from,
    warn_new_store,
)
from newsmon.cli.output import write_output, writes_to_stdout


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


def feeds_add(
    url: Annotated[str, typer.Argument(help="The feed's http(s) URL.")],
    outlet: Annotated[str | None, typer.Option("--outlet", help="Outlet name (default: the URL's host).")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Feed name (default: the URL).")] = None,
    language: Annotated[str, typer.Option("--language", help="Language code of the feed, e.g. en, ar, ru.")] = "en",
    full_text: Annotated[
        bool, typer.Option("--full-text", help="The feed carries summaries only: fetch each article's page.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Add one feed to the store; `run` polls it from its next round (a feed already there keeps its state)."""
    from newsmon.cli.feeds_admin import import_feeds
    from producers.catalogue import CatalogueError, feed_spec

    try:
        spec = feed_spec(url, outlet=outlet, name=name, language=language, full_text=full_text)
    except CatalogueError as error:
        fail(str(error))
        raise
    settings = settings_from(config)
    added = run_async(lambda stop: import_feeds(settings, [spec]), settings)
    typer.echo(f"{'added' if added else 'already subscribed:'} {spec.url} ({spec.outlet})")


def feeds_disable(
    url: Annotated[str, typer.Argument(help="The feed's URL, as `feeds status` shows it.")], config: ConfigOption = None
) -> None:
    """Stop polling a feed; its state and articles stay, and `feeds enable` resumes it."""
    _set_enabled(url, config, enabled=False)


def feeds_enable(
    url: Annotated[str, typer.Argument(help="The feed's URL, as `feeds status` shows it.")], config: ConfigOption = None
) -> None:
    """Poll a disabled feed again (disabled by you, by 410 Gone or by repeated failures), its failures cleared."""
    _set_enabled(url, config, enabled=True)


def _set_enabled(url: str, config: Path | None, *, enabled: bool) -> None:
    from newsmon.cli.feeds_admin import set_enabled

    settings = settings_from(config)
    if is_new_sqlite_store(settings):
        fail(f"store {settings.store.url} does not exist, so it has no feed {url} (is store.url the one you meant?)")
    if not run_async(lambda stop: set_enabled(settings, url, enabled=enabled), settings):
        fail(f"no feed {url} in the store; `newsmon feeds status` lists them")
    typer.echo(f"{'enabled' if enabled else 'disabled'} {url}")


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
    write_output(output, text)
    if is_new:
        warn_new_store(settings)
