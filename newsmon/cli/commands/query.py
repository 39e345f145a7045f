"""`newsmon query`: articles, claims, speakers or disputes from the store, narrowed by outlet, speaker, words, time
or story, as a table or JSON."""

import asyncio
import html
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from newsmon.cli.errors import fail, run_async
from newsmon.cli.options import ConfigOption, is_new_sqlite_store, settings_from, warn_new_store
from newsmon.cli.output import writes_to_stdout

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

    from newsmon.store.search import SearchQuery

KINDS = ("articles", "claims", "speakers", "disputes", "stories")
KINDS_HELP = "articles, claims, stories, speakers (who claims most) or disputes (where claims disagree)"
SEARCH_HELP = (
    'Full-text search of the same text as --contains, most relevant first: all words, "a phrase", '
    "OR, -word to exclude, word* for a prefix; any script, any case, accents ignored. Articles and claims get a "
    "snippet: about 30 words around the best match, searched words in bold (in json and csv: <mark>word</mark>, "
    "the rest HTML-escaped)."
)
SPEAKER_HELP = "Claims: speaker's name, organisation or alias contains this; disputes: stories where one such speaks."
CONTAINS_HELP = "Claims: text contains this; articles: title or text; disputes: stories with such a claim."
SORT_HELP = "Articles and claims: relevance (with --search, and its default), newest (the default otherwise) or oldest."
MARK = re.compile("<mark>(.*?)</mark>")  # newsmon/store/snippets.py: the text between is escaped, never a tag


@writes_to_stdout
def query(
    kind: Annotated[str, typer.Argument(help=KINDS_HELP)],
    limit: Annotated[int, typer.Option("--limit", min=1, max=100_000)] = 20,
    fmt: Annotated[str, typer.Option("--format", help="table, json (a line each) or csv (with a header)")] = "table",
    outlet: Annotated[str | None, typer.Option("--outlet", help="Outlet name contains this.")] = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help=SPEAKER_HELP)
    ] = None,
    contains: Annotated[str | None, typer.Option("--contains", help=CONTAINS_HELP)] = None,
    search: Annotated[str | None, typer.Option("--search", help=SEARCH_HELP)] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Published at or after: 2026-11-01, 2026-11-01T08:00, or 36h, 7d ago.")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="Published before (same forms as --since).")] = None,
    story: Annotated[str | None, typer.Option("--story", help="Only this story (its origin article id).")] = None,
    article: Annotated[str | None, typer.Option("--article", help="Only this article (claims: its claims).")] = None,
    sort: Annotated[str | None, typer.Option("--sort", help=SORT_HELP)] = None,
    config: ConfigOption = None,
) -> None:
    """Read articles, claims, stories, speakers or disputes from the store; text matches ignore case."""
    from newsmon.report.tables import SNIPPET_KINDS, fetch_rows, query_problem, render
    from newsmon.store import snippets
    from newsmon.store.filters import Filters
    from newsmon.store.search import SORTS
    from newsmon.store.session import open_store

    if kind not in KINDS:
        fail(f"unknown query {kind!r}; expected one of {', '.join(KINDS)}")
    if fmt not in ("table", "json", "csv"):
        fail(f"unknown format {fmt!r}; expected 'table', 'json' or 'csv'")
    if sort is not None and sort not in SORTS:
        fail(f"--sort {sort!r}: expected one of {', '.join(SORTS)}")
    now = datetime.now(UTC)
    filters = Filters(outlet=outlet, speaker=speaker, contains=contains, since=moment("--since", since, now),
                      until=moment("--until", until, now), story=story, article=article,
                      search=search_query(search))  # fmt: skip
    if problem := query_problem(kind, filters, sort, option="--"):
        fail(problem)
    if filters.since and filters.until and filters.since >= filters.until:
        fail(f"--since {since} is not before --until {until}")
    settings = settings_from(config)
    is_new = is_new_sqlite_store(settings)

    async def main(stop: asyncio.Event) -> list[dict[str, Any]]:
        async with open_store(settings.store) as store:
            rows = await fetch_rows(store, kind, limit, filters, sort)  # type: ignore[arg-type]
            if filters.search and kind in SNIPPET_KINDS:
                await snippets.add_to_rows(store, kind, rows, filters.search)
            return rows

    rows = run_async(main, settings)
    if filters.search and kind in SNIPPET_KINDS and fmt == "table":
        Console().print(snippet_table(rows, kind))
    else:
        render(rows, kind, fmt, Console(), searched=filters.search is not None)  # type: ignore[arg-type]
    if is_new:
        warn_new_store(settings)


def snippet_table(rows: list[dict[str, Any]], kind: str) -> "Table":
    """The table of searched articles or claims: a claim's text, or beside an article's title its snippet, with the
    searched words in bold."""
    from rich.table import Table

    from newsmon.report.tables import TABLE_COLUMNS, plain_cell

    columns = [column for column in TABLE_COLUMNS[kind] if column != "text"]
    columns.insert(columns.index("title") + 1 if "title" in columns else len(columns), "snippet")
    table = Table(title=f"{len(rows)} {kind}", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold", max_width=70 if column in ("snippet", "title") else None)
    for row in rows:
        table.add_row(*(snippet_cell(row) if column == "snippet" else plain_cell(row[column]) for column in columns))
    return table


def snippet_cell(row: dict[str, Any]) -> "Text":
    """A row's snippet as rich text: <mark>ed words bold, the rest unescaped and shown as it is (plain_cell)."""
    from rich.text import Text

    from newsmon.report.tables import plain_cell

    marked = row.get("snippet") or html.escape(row.get("text") or "", quote=False)  # a claim deleted meanwhile
    cell = Text()
    for position, piece in enumerate(MARK.split(marked)):  # odd pieces are the marked words
        shown = plain_cell(html.unescape(piece))
        if position % 2:
            shown.stylize("bold")
        cell.append_text(shown)
    return cell


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
