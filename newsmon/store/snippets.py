"""Snippets of searched rows: about thirty words of an article's text (its title when only the title matched) or of a
claim, around the best match, every searched word marked: `"… near <mark>Idlib</mark> on Tuesday …"`.

The marker is HTML's: each searched word is wrapped in `<mark>` and `</mark>`, and the text itself is escaped (`&amp;`,
`&lt;`, `&gt;`), so a `<mark>` in a snippet is always ours and a snippet can go into a page as it is. `…` stands for
text left out; runs of white space read as one space.

Each engine marks the words with its own matcher, over the same words the search found the row by: FTS5's
`highlight()` on SQLite, `ts_headline(..., 'HighlightAll=true')` with the `simple` configuration on PostgreSQL. Both
are asked for every word of the search's required part on its own (`chemical OR weapons` for `"chemical weapons"`,
prefixes kept, exclusions left out), because ts_headline marks each word of a phrase wherever it occurs, and marks
excluded words too, where FTS5 marks only whole phrases: asked word by word, both mark the same words. The excerpt
is then cut from the marked text here, the same way for both (FTS5's `snippet()` and ts_headline's own fragments
choose different windows of the same text).

ts_headline parses the text again, and the index searched text with accents taken off Latin letters (search.py), so
PostgreSQL is given the text folded the same way and the marks are carried back onto the text as written, which
differs from the folded one only where accents were dropped.

Only the first 20,000 characters of a text give its snippet, on both engines (a later match leaves the text's opening
unmarked): ts_headline parses all it is given, and normalising and marking 20 texts of 100,000 characters took 2 s
on PostgreSQL (bench/query_speed.py); news articles are rarely longer than a few thousand.
"""

import html
import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any

from sqlalchemy import column as sql_column
from sqlalchemy import func, literal_column, select, table
from sqlalchemy.ext.asyncio import AsyncSession

from newsmon.store.models import ArticleRow, ClaimRow
from newsmon.store.search import (
    ARTICLES_SEARCH,
    CLAIMS_SEARCH,
    DOTLESS_I,
    Phrase,
    SearchQuery,
    fold_accents,
)
from newsmon.store.session import Store

SNIPPET_WORDS = 30  # about 200 characters of English
MAX_SNIPPET_CHARS = 300  # a window of long words (URLs, compounds) is cut shorter
CONTEXT_WORDS = 5  # words shown before the first mark of a window
SOURCE_CHARS = 20_000  # of a text, for its snippet (see above)
IDS_PER_QUERY = 500  # well under SQLite's limit on bound variables
MARK_START, MARK_END = "<mark>", "</mark>"

# Unicode noncharacters, "reserved for internal use": what the engines put around a match before we mark it.
_START, _STOP = "\ufdd0", "\ufdd1"
_WORD = re.compile(r"[^\W_]+")  # as search.py and unicode61 split words
_SPACES = re.compile(r"\s+")
_CLUSTER = re.compile("(?s).[\u0300-\u036f]*")  # a character and the accents that may follow it
_ROWS: dict[str, tuple[type[ArticleRow] | type[ClaimRow], str, tuple[str, ...]]] = {
    "articles": (ArticleRow, ARTICLES_SEARCH, ("title", "text")),
    "claims": (ClaimRow, CLAIMS_SEARCH, ("text",)),
}
_ID_KEYS = {"articles": "article_id", "claims": "claim_id"}
_PG_PUNCTUATION = "[!-/:-@[-`{-~]"  # search.PUNCTUATION as code point ranges, as migration 0013 has it

Marked = tuple[str, list[tuple[int, int]]]  # a text and the (start, end) of each marked word in it


async def add_to_rows(store: Store, kind: str, rows: list[dict[str, Any]], search: SearchQuery) -> None:
    """Give each of `rows` (a page of `newsmon query articles|claims` rows found by `search`) its "snippet"."""
    key = _ID_KEYS[kind]
    async with store.reads() as session:
        found = await for_rows(session, kind, [row[key] for row in rows], search)
    for row in rows:
        row["snippet"] = found.get(row[key])  # None only for a row deleted since the page was read


async def for_rows(session: AsyncSession, kind: str, ids: list[str], search: SearchQuery) -> dict[str, str]:
    """The snippet of each of the articles or claims `ids` (all found by `search`), by id."""
    is_postgresql = session.get_bind().dialect.name == "postgresql"
    marking = _words_to_mark(search, dotted_runs=is_postgresql)
    marked: dict[str, list[Marked]] = {}
    for chunk in (ids[start : start + IDS_PER_QUERY] for start in range(0, len(ids), IDS_PER_QUERY)):
        if is_postgresql:
            for row_id, *pairs in await session.execute(_headlines(kind, chunk, marking)):
                marked[row_id] = [_unfold(*pair) for pair in zip(pairs[::2], pairs[1::2], strict=True)]
        else:
            for row_id, *pairs in await session.execute(_highlights(kind, chunk, marking)):
                by_column = zip(pairs[::2], pairs[1::2], strict=True)
                marked[row_id] = [_source_prefix(*_as_written(*pair)) for pair in by_column]
    return {row_id: excerpt(*_best_column(columns)) for row_id, columns in marked.items()}


def _words_to_mark(search: SearchQuery, dotted_runs: bool = False) -> SearchQuery:
    """Every word the search requires, each on its own, any of them (a phrase's last word keeps its prefix star).

    `dotted_runs` (PostgreSQL): also each run of words the user joined by dots ("U.S."), which ts_headline sees as
    one token ('u.s') that neither word alone matches; its mark is then split into the words, as FTS5 marks them."""
    phrases = [phrase for group in search.required for phrase in group]
    words = [Phrase((word,), phrase.is_prefix and position == len(phrase.words) - 1)
             for phrase in phrases for position, word in enumerate(phrase.words)]  # fmt: skip
    if dotted_runs:
        for phrase in phrases:
            runs = phrase.runs()
            words += [Phrase(run, phrase.is_prefix and position == len(runs) - 1, (True,) * (len(run) - 1))
                      for position, run in enumerate(runs) if len(run) > 1]  # fmt: skip
    return SearchQuery(search.text, (tuple(dict.fromkeys(words)),))


def _highlights(kind: str, ids: list[str], marking: SearchQuery) -> Any:
    row, fts_name, columns = _ROWS[kind]
    fts = table(fts_name, sql_column("rowid"))
    rowid: Any = literal_column(f"{row.__tablename__}.rowid")
    marked = []
    for index, name in enumerate(columns):
        marked += [getattr(row, name), func.highlight(literal_column(fts_name), index, _START, _STOP)]
    return (select(row.id, *marked).select_from(fts).join(row, rowid == fts.c.rowid)
            .where(literal_column(fts_name).op("MATCH")(marking.as_fts5()),
                   fts.c.rowid.in_(select(rowid).where(row.id.in_(ids)))))  # fmt: skip


def _headlines(kind: str, ids: list[str], marking: SearchQuery) -> Any:
    row, _, columns = _ROWS[kind]
    simple: Any = literal_column("'simple'::regconfig")
    tsquery = func.to_tsquery(simple, marking.as_tsquery())
    options = f'HighlightAll=true, StartSel="{_START}", StopSel="{_STOP}"'
    selected = []
    for name in columns:
        source = func.left(func.coalesce(getattr(row, name), ""), SOURCE_CHARS)
        selected += [source, func.ts_headline(simple, _fold_sql(source), tsquery, options)]
    return select(row.id, *selected).where(row.id.in_(ids))


def _fold_sql(text: Any) -> Any:
    # As migrations 0009 and 0013 fold what they index: NFD, accents after A-Z dropped, NFC; ASCII punctuation a
    # space and ı an i (search.fold_accents).
    decomposed = func.normalize(text, literal_column("NFD"))
    stripped = func.regexp_replace(decomposed, "([A-Za-z])[\u0300-\u036f]+", r"\1", "g")
    spaced = func.regexp_replace(func.normalize(stripped, literal_column("NFC")), _PG_PUNCTUATION, " ", "g")
    return func.replace(spaced, DOTLESS_I, "i")


# --- marks: from the engines' text to spans, carried back onto the text as written, and the excerpt ---------------


def _parse_marks(value: str) -> Marked:
    """The text without the engine's sentinels, and the spans they enclosed (none if they do not pair up, as when a
    text carries the sentinels itself)."""
    text, marks, start = [], [], None
    length = 0
    for piece in re.split(f"([{_START}{_STOP}])", value):
        if piece == _START:
            if start is not None:
                return value.replace(_START, "").replace(_STOP, ""), []
            start = length
        elif piece == _STOP:
            if start is None:
                return value.replace(_START, "").replace(_STOP, ""), []
            marks.append((start, length))
            start = None
        else:
            text.append(piece)
            length += len(piece)
    return "".join(text), marks if start is None else []


def _as_written(source: str | None, highlighted: str | None) -> Marked:
    """FTS5's marks on the text it indexed (its content view reads ı as i: migration 0013), carried onto `source`
    as written: the two differ only there, one character for one."""
    text, marks = _parse_marks(unicodedata.normalize("NFC", highlighted or ""))
    written = unicodedata.normalize("NFC", source or "")
    return (written, marks) if len(written) == len(text) else (text, marks)


def _source_prefix(text: str, marks: list[tuple[int, int]]) -> Marked:
    """The part of a text that gives its snippet, as on PostgreSQL."""
    return text[:SOURCE_CHARS], [(start, end) for start, end in marks if end <= SOURCE_CHARS]


def _unfold(source: str, headline: str) -> Marked:
    """ts_headline's marks on the folded text, carried onto `source` as written (the folded text itself if the two
    cannot be lined up, which no text seen so far does)."""
    source = unicodedata.normalize("NFC", source)
    folded, marks = _parse_marks(headline)
    if len(folded) == len(source):  # each character folded to one: the same offsets
        return source, marks
    starts, ends = [], []  # for each folded character: where its cluster starts and ends in `source`
    for cluster in _CLUSTER.finditer(source):
        width = len(_fold_cluster(cluster.group()))
        starts += [cluster.start()] * width
        ends += [cluster.end()] * width
    if "".join(_fold_cluster(cluster) for cluster in _CLUSTER.findall(source)) != folded:
        return folded, marks
    return source, [(starts[start], ends[end - 1]) for start, end in marks if end > start]


@lru_cache(maxsize=4096)
def _fold_cluster(cluster: str) -> str:
    return fold_accents(cluster)


def _best_column(columns: list[Marked]) -> Marked:
    """An article's text when the search matched it, else its title when that matched, else its text."""
    for text, marks in [columns[-1], *columns[:-1]]:
        if marks:
            return text, marks
    return columns[-1]


def excerpt(text: str, marks: list[tuple[int, int]]) -> str:
    """About SNIPPET_WORDS words of `text` around its best run of marks, the marked words in <mark>, the rest
    escaped, `…` where text was left out."""
    words = [match.span() for match in _WORD.finditer(text)]
    if not words:
        return _render(text.strip(), [])
    marked = _marked_words(words, marks)
    first, last = _window(text, words, marked)
    start = 0 if first == 0 else _space_before(text, words[first][0])
    end = len(text) if last == len(words) - 1 else _space_after(text, words[last][1])
    shown = [(words[index][0] - start, words[index][1] - start) for index in sorted(marked) if first <= index <= last]
    return ("… " if start else "") + _render(text[start:end], shown) + (" …" if end < len(text) else "")


def _marked_words(words: list[tuple[int, int]], marks: list[tuple[int, int]]) -> set[int]:
    """The words inside a mark: each word of a marked span on its own, so that both engines' spans read alike."""
    marked, spans = set(), iter(sorted(marks))
    span = next(spans, None)
    for index, (start, end) in enumerate(words):
        while span is not None and span[1] <= start:
            span = next(spans, None)
        if span is not None and span[0] < end and start < span[1]:
            marked.add(index)
    return marked


def _window(text: str, words: list[tuple[int, int]], marked: set[int]) -> tuple[int, int]:
    """The first and last word of the window with the most different marked words (then the most marks; then the
    earliest), starting a few words before its first mark."""
    best, best_score = (0, min(len(words), SNIPPET_WORDS) - 1), (0, 0)
    ordered = sorted(marked)
    for anchor in ordered:
        first = max(0, min(anchor - CONTEXT_WORDS, len(words) - SNIPPET_WORDS))
        last = min(len(words), first + SNIPPET_WORDS) - 1
        inside = ordered[bisect_left(ordered, first) : bisect_right(ordered, last)]
        score = (len({text[slice(*words[index])].casefold() for index in inside}), len(inside))
        if score > best_score:
            best, best_score = (first, last), score
    first, last = best
    while last > first and words[last][1] - words[first][0] > MAX_SNIPPET_CHARS:
        last -= 1
    return first, last


def _space_before(text: str, position: int) -> int:
    """Back to the white space before a word, to keep an opening quote or bracket."""
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return position


def _space_after(text: str, position: int) -> int:
    while position < len(text) and not text[position].isspace():
        position += 1
    return position


def _render(text: str, marks: list[tuple[int, int]]) -> str:
    pieces, done = [], 0
    for start, end in marks:
        pieces += [_escape(text[done:start]), MARK_START, _escape(text[start:end]), MARK_END]
        done = end
    pieces.append(_escape(text[done:]))
    return _SPACES.sub(" ", "".join(pieces)).strip()


def _escape(text: str) -> str:
    return html.escape(text, quote=False)
