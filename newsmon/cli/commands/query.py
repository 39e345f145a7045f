"""`newsmon query`: articles, claims, speakers or disputes from the store, narrowed by outlet, speaker, words, time
or story, as a table or JSON."""

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from newsmon.cli.errors import fail, run_async
from newsmon.cli.options import ConfigOption, is_new_sqlite_store, settings_from, warn_new_store
from newsmon.cli.output import writes_to_stdout

if TYPE_CHECKING:
    from newsmon.store.search import SearchQuery

KINDS = ("articles", "claims", "speakers", "disputes", "stories")
KINDS_HELP = "articles, claims, stories, speakers (who claims most) or disputes (where claims disagree)"
SEARCH_HELP = (
    'Full-text search of the same text as --contains, most relevant first: all words, "a phrase", '
    "OR, -word to exclude, word* for a prefix; any script, any case, accents ignored."
)


@writes_to_stdout
def query(
    kind: Annotated[str, typer.Argument(help=KINDS_HELP)],
    limit: Annotated[int, typer.Option("--limit", min=1, max=100_000)] = 20,
    fmt: Annotated[str, typer.Option("--format", help="table, json (a line each) or csv (with a header)")] = "table",
    outlet: Annotated[str | None, typer.Option("--outlet", help="Outlet name contains this.")] = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Claims: speaker's name, organisation or alias contains this.")
    ] = None,
    contains: Annotated[
        str | None, typer.Option("--contains", help="Claims: text contains this; articles: title or text.")
    ] = None,
    search: Annotated[str | None, typer.Option("--search", help=SEARCH_HELP)] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Published at or after: 2026-11-01, 2026-11-01T08:00, or 36h, 7d ago.")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Published before (same forms as --since).")] = None,
    story: Annotated[str | None, typer.Option("--story", help="Only this story (its origin article id).")] = None,
    article: Annotated[str | None, typer.Option("--article", help="Only this article (claims: its claims).")] = None,
    config: ConfigOption = None,
) -> None:
    """Read articles, claims, speakers or disputes from the store; text matches ignore case."""
    from newsmon.report.tables import fetch_rows, render
    from newsmon.store.filters import Filters
    from newsmon.store.session import open_store

    if kind not in KINDS:
        fail(f"unknown query {kind!r}; expected one of {', '.join(KINDS)}")
    if fmt not in ("table", "json", "csv"):
        fail(f"unknown format {fmt!r}; expected 'table', 'json' or 'csv'")
    if speaker and kind in ("articles", "stories"):
        fail(f"--speaker narrows claims, speakers or disputes, not {kind}")
    now = datetime.now(UTC)
    filters = Filters(outlet=outlet, speaker=speaker, contains=contains, since=moment("--since", since, now),
                      until=moment("--until", until, now), story=story, article=article,
                      search=search_query(search))  # fmt: skip
    if filters.since and filters.until and filters.since >= filters.until:
        fail(f"--since {since} is not before --until {until}")
    settings = settings_from(config)
    is_new = is_new_sqlite_store(settings)

    async def main(stop: asyncio.Event) -> list[dict[str, Any]]:
        async with open_store(settings.store) as store:
            return await fetch_rows(store, kind, limit, filters)  # type: ignore[arg-type]

    rows = run_async(main, settings)
    render(rows, kind, fmt, Console())  # type: ignore[arg-type]
    if is_new:
        warn_new_store(settings)


def search_query(value: str | None) -> "SearchQuery | None":
    from newsmon.store.search import SearchQueryError, parse_search

    if value is None:
        return None
    try:
        return parse_search(value)
    except SearchQueryError as error:
        fail(f"--search {error}")
        raise


def moment(option: str, value: str | None, now: datetime) -> datetime | None:
    from newsmon.store.filters import parse_moment

    if value is None:
        return None
    try:
        return parse_moment(value, now)
    except ValueError as error:
        fail(f"{option} {error}")
        raise


@writes_to_stdout
def report(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="HTML file to write (default: stdout).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Published at or after (as query; default 7d).")] = "7d",
    until: Annotated[str | None, typer.Option("--until", help="Published before (as query).")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Outlet name contains this.")] = None,
    top: Annotated[int, typer.Option("--top", min=1, max=200, help="Speakers and disputes shown.")] = 15,
    config: ConfigOption = None,
) -> None:
    """A self-contained HTML report of a period: articles and claims a day (charts), who claims most, where claims
    disagree, feed health."""
    from newsmon.cli.output import write_output
    from newsmon.report.html import gather, render
    from newsmon.store.filters import Filters
    from newsmon.store.session import open_store

    now = datetime.now(UTC)
    filters = Filters(outlet=outlet, since=moment("--since", since, now), until=moment("--until", until, now))
    if filters.since and filters.until and filters.since >= filters.until:
        fail(f"--since {since} is not before --until {until}")
    settings = settings_from(config)
    is_new = is_new_sqlite_store(settings)

    async def main(stop: asyncio.Event) -> Any:
        async with open_store(settings.store) as store:
            return await gather(store, filters, top)

    page = render(run_async(main, settings))
    write_output(output, page)
    if is_new:
        warn_new_store(settings)
