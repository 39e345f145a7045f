"""Read-only views of the store for the CLI: rows as dicts, rendered as a table or JSON lines."""

import csv
import json
import re
import sys
from collections.abc import Sequence
from typing import Any, Literal, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsmon.report.disputes import latest_disputes
from newsmon.report.json_text import json_line
from newsmon.store import articles, claims
from newsmon.store.filters import Filters
from newsmon.store.search import Sort
from newsmon.store.session import Store

Kind = Literal["articles", "claims", "speakers", "disputes", "stories"]
SNIPPET_KINDS = ("articles", "claims")  # the kinds a search gives snippets and --sort orders
# The keys of each kind's rows (fetch_rows; a search adds "snippet" to SNIPPET_KINDS' rows): the CSV header, also
# of a result with no row.
ROW_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "published_at", "outlet", "title", "url", "version", "language", "story_id",
                 "text_source", "text_error"),
    "claims": ("claim_id", "article_id", "outlet", "speaker", "speaker_org", "cue", "kind", "text", "start", "end",
               "quantities", "url", "extractor_version"),
    "speakers": ("speaker", "organisation", "claims", "articles", "outlets", "last_published_at"),
    "disputes": ("story_id", "title", "first_published_at", "speakers", "outlets", "reasons", "claims"),
    "stories": ("story_id", "title", "articles", "outlets", "first_published_at", "last_published_at"),
}  # fmt: skip


def query_problem(kind: str, filters: Filters, sort: str | None, option: str = "") -> str | None:
    """What is wrong with asking for `kind` so, naming each option with `option` before it (the CLI's "--", none in
    the API), or None."""
    for name, value in (("story", filters.story), ("article", filters.article)):
        if value is not None and not value.strip():  # a "$ID" left unset: no filter at all, every row
            return f"{option}{name} is empty; give the {name}_id of a row"
    if filters.speaker and kind in ("articles", "stories"):
        return f"{option}speaker narrows claims, speakers or disputes, not {kind}"
    if sort is not None and kind not in SNIPPET_KINDS:
        return f"{option}sort orders articles or claims, not {kind}"
    if sort == "relevance" and filters.search is None:
        return f"{option}sort relevance needs {option}search (without one, rows are newest first)"
    return None


async def fetch_rows(store: Store, kind: Kind, limit: int, filters: Filters | None = None,
                     sort: Sort | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """The rows of a report; `sort` orders articles and claims (newsmon/store/search.py)."""
    async with store.reads() as session:
        if kind == "articles":
            return [{"article_id": a.id, "published_at": a.published_at.isoformat(), "outlet": a.outlet,
                     "title": a.title, "url": a.url, "version": a.version, "language": a.language,
                     "story_id": a.story_id, "text_source": a.text_source, "text_error": a.text_error}
                    for a in await articles.latest(session, limit, filters, sort)]  # fmt: skip
        if kind == "disputes":
            return [dispute.as_dict() for dispute in await latest_disputes(session, limit, filters)]
        if kind == "stories":
            return [{"story_id": s.story_id, "title": s.title, "articles": s.articles, "outlets": s.outlets,
                     "first_published_at": s.first_published_at.isoformat(),
                     "last_published_at": s.last_published_at.isoformat()}
                    for s in await articles.stories(session, limit, filters)]  # fmt: skip
        if kind == "speakers":
            return [{"speaker": s.speaker, "organisation": s.organisation, "claims": s.claims, "articles": s.articles,
                     "outlets": s.outlets, "last_published_at": s.last_published_at.isoformat()}
                    for s in await claims.top_speakers(session, limit, filters)]  # fmt: skip
        return [{"claim_id": c.claim.id, "article_id": c.claim.article_id, "outlet": c.outlet, "speaker": c.speaker,
                 "speaker_org": c.speaker_org, "cue": c.claim.cue, "kind": c.claim.kind, "text": c.claim.text,
                 "start": c.claim.start, "end": c.claim.end, "quantities": c.claim.quantities, "url": c.url,
                 "extractor_version": c.claim.extractor_version}
                for c in await claims.latest(session, limit, filters, sort)]  # fmt: skip


# C0 and C1 controls (tab and newline print as themselves): an escape sequence in a feed's title could clear the
# screen, retitle the terminal or plant a hidden link (OSC 8) in what a user reads as our output.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain_cell(value: object) -> Text:
    """A table cell that shows `value` as it is: text from feeds is data, never rich markup or terminal control
    (a title with '[/]' stopped the table with a MarkupError; '[bold]' or '[link=...]' changed what it showed)."""
    return Text(CONTROL_CHARACTERS.sub("\ufffd", str(value)))


TABLE_COLUMNS: dict[str, Sequence[str]] = {
    "articles": ("published_at", "outlet", "title", "url"),
    "claims": ("outlet", "speaker", "cue", "kind", "text"),
    "speakers": ("speaker", "organisation", "claims", "articles", "outlets", "last_published_at"),
    "disputes": ("first_published_at", "title", "speakers", "reasons"),
    "stories": ("last_published_at", "title", "articles", "outlets", "story_id"),
}


def render(rows: list[dict[str, Any]], kind: Kind, fmt: Literal["table", "json", "csv"], console: Console,
           searched: bool = False) -> None:  # fmt: skip
    """`rows` of `kind` as a table, JSON lines or CSV (`searched`: the rows of a search, with their snippets)."""
    if fmt == "json":
        for row in rows:
            print(json_line(row))  # plain print: rich would wrap long lines
        return
    if fmt == "csv":
        snippet = ("snippet",) if searched and kind in SNIPPET_KINDS else ()
        write_csv(rows, sys.stdout, columns=(*ROW_KEYS[kind], *snippet))
        return
    table = Table(title=f"{len(rows)} {kind}", show_lines=False)
    for column in TABLE_COLUMNS[kind]:
        table.add_column(column, overflow="fold", max_width=70 if column in ("text", "title") else None)
    for row in rows:
        table.add_row(*(plain_cell(_cell(row[column])) for column in TABLE_COLUMNS[kind]))
    console.print(table)


def _cell(value: object) -> object:
    """A list (a dispute's speakers or reasons) one item a line."""
    return "\n".join(map(str, value)) if isinstance(value, list) else value


# A cell a spreadsheet would read as a formula ("=HYPERLINK(...)" in a hostile headline): kept as text by a leading
# apostrophe, as OWASP advises for CSV that people open in Excel or LibreOffice.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_csv(rows: list[dict[str, Any]], out: TextIO, columns: Sequence[str] | None = None) -> None:
    """Rows as CSV with a header (the rows' keys; `columns` when there is no row, so that a script reading the
    header finds it; none without either); lists and objects as JSON text, formulas defused."""
    if not rows and not columns:
        return
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else list(columns or ()))
    writer.writeheader()
    writer.writerows({key: _csv_cell(value) for key, value in row.items()} for row in rows)


def _csv_cell(value: object) -> object:
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
