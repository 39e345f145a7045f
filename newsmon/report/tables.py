"""Read-only views of the store for the CLI: rows as dicts, rendered as a table or JSON lines."""

import json
import re
from collections.abc import Sequence
from typing import Any, Literal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsmon.store import articles, claims
from newsmon.store.session import Store

Kind = Literal["articles", "claims"]


async def fetch_rows(store: Store, kind: Kind, limit: int) -> list[dict[str, Any]]:
    async with store.reads() as session:
        if kind == "articles":
            return [{"article_id": a.id, "published_at": a.published_at.isoformat(), "outlet": a.outlet,
                     "title": a.title, "url": a.url, "version": a.version, "language": a.language}
                    for a in await articles.latest(session, limit)]  # fmt: skip
        return [{"claim_id": c.claim.id, "article_id": c.claim.article_id, "outlet": c.outlet, "speaker": c.speaker,
                 "speaker_org": c.speaker_org, "cue": c.claim.cue, "kind": c.claim.kind, "text": c.claim.text,
                 "start": c.claim.start, "end": c.claim.end, "quantities": c.claim.quantities, "url": c.url,
                 "extractor_version": c.claim.extractor_version}
                for c in await claims.latest(session, limit)]  # fmt: skip


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
}


def render(rows: list[dict[str, Any]], kind: Kind, fmt: Literal["table", "json"], console: Console) -> None:
    if fmt == "json":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))  # plain print: rich would wrap long lines
        return
    table = Table(title=f"{len(rows)} {kind}", show_lines=False)
    for column in TABLE_COLUMNS[kind]:
        table.add_column(column, overflow="fold", max_width=70 if column in ("text", "title") else None)
    for row in rows:
        table.add_row(*(plain_cell(row[column]) for column in TABLE_COLUMNS[kind]))
    console.print(table)
