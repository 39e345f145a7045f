"""Full-text search over articles (title and text) and claims (text): `newsmon query --search`, `search=` in the API.

Users type what they type into a search box: words (all must occur), "a quoted phrase", `OR` between two words or
phrases (either may occur), `-word` or `-"a phrase"`, or `NOT` before one (must not occur) and `word*` (a word starting
so). A lone `AND` is the default and ignored. Only upper-case `OR`, `AND` and `NOT` are operators; in lower case they
are words. `parse_search` reads that into a `SearchQuery` and writes it out again in each engine's
own syntax, quoting every word, so what a user types never reaches FTS5 or to_tsquery as syntax: `NEAR(`, `:`, `&|!`
or a stray `*` are punctuation between words, and a query that is malformed (an unclosed quote, an `OR` with nothing
on one side, nothing but exclusions or no word at all) is a `SearchQueryError` naming what is wrong.

The index (migration 0009; SQLite's prefix indexes 0011; words alike on both engines 0013) is kept in sync by the
database itself, whoever writes:

- SQLite: FTS5 external-content tables `articles_search` (title, text) and `claims_search` (text) over the tables'
  rowids, read through the views `articles_search_source` and `claims_search_source` (Turkish dotless ı as i: no
  tokenizer option maps a letter; highlight() marks that folded text, which snippets.py carries back), with triggers
  on insert, on delete and on an update of the indexed columns (an update of claims_version
  touches nothing). Both hold prefix indexes of 2, 3 and 4 characters (`prefix='2 3 4'`): FTS5 answers a prefix of
  exactly such a length as it does a word, and any other by merging the posting lists of every word starting so (on
  30,000 texts: tens of ms from 5 characters on, about a second for 2; migration 0011 has the figures). A migration that
  creates these tables again must keep the option. The tokenizer is `unicode61 remove_diacritics 2`: words are runs of
  letters and digits in any script, folded to lower case, and accents are dropped from Latin letters ("Çarşemê" is
  "carseme", "Alépo" is "alepo"), so Arabic, Russian, Kurdish and accented Latin words match as written. An
  external-content index relies on the rowids of its table staying put: VACUUM keeps them in practice (SQLite documents
  that it "may" not), but a batch migration that copies `articles` or `claims` into a new table drops the triggers and
  can renumber rowids. Such a migration must create the triggers again and run
  `INSERT INTO articles_search(articles_search) VALUES('rebuild')` (tests/newsmon/store/test_search.py checks at head
  that the triggers exist and the index agrees with its view).
- PostgreSQL: a stored generated `search_vector` tsvector column on each table with a GIN index, so the vector is
  computed once at write time (ts_rank reads it without parsing the text again) and the migration's ADD COLUMN
  back-fills every row; the GIN index also answers a prefix (`'kill':*`) by a partial match over its sorted
  lexemes. The text search configuration is `simple`: lower-casing and nothing else. The language-
  specific configurations stem, and PostgreSQL has none for Arabic or Kurdish; stemming English while a Russian
  or Arabic word must match exactly would rank and match differently by language, and an article's language tag
  comes from its feed, not its text. Before to_tsvector the text has accents removed from Latin letters as the
  SQLite tokenizer does (NFD, drop combining marks after A-Z, NFC: no extension needed, and Cyrillic "й" keeps
  its breve), then every ASCII punctuation character read as a space and ı as i (one character for one: the
  parser would keep 'www.sana.sy', 'a@sana.sy', links, paths, '3.5' and 'al-Assad' one token, where FTS5 splits
  them into words; a test asks both engines every word and phrase of a corpus and compares), and only its first
  100,000 characters are indexed (a tsvector holds at most 1 MB; a longer text
  could not be stored at all). Title words weigh A and text words B, and SQLite's bm25 weighs the title 2.5 times
  the text, as ts_rank's default weights do for A against B.

Both engines also drop Arabic vowel marks (harakat) from the query, so a vocalised query word finds the usual
unvocalised text; a vocalised article splits at its marks on SQLite (unicode61 treats them as separators).
The autogenerate comparison must not see these objects (they are not in the models): `include_in_autogenerate`.
"""

import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from sqlalchemy import ColumnElement, Select, func, literal_column, select, table
from sqlalchemy import column as sql_column

from newsmon.store.models import ArticleRow, ClaimRow

if TYPE_CHECKING:
    from alembic.runtime.environment import NameFilterParentNames, NameFilterType

ARTICLES_SEARCH = "articles_search"  # SQLite FTS5 table over articles
CLAIMS_SEARCH = "claims_search"  # SQLite FTS5 table over claims
SEARCH_VECTOR = "search_vector"  # PostgreSQL generated tsvector column on articles and claims
SEARCH_INDEXES = frozenset({"ix_articles_search_vector", "ix_claims_search_vector"})  # their GIN indexes
MAX_SEARCH_WORDS = 32  # a search box query, not a document: more is a paste gone wrong, and each word costs a lookup

_ARABIC_VOWEL_MARKS = re.compile("[\u064b-\u065f\u0670]")
DOTLESS_I = "\u0131"  # Turkish ı: both indexes read it as i (migration 0013), as they read İ (an I with a dot above)
# PostgreSQL's parser would keep 'www.sana.sy', 'a@b.sy', '3.5' or 'al-Assad' one token; FTS5 splits at each of these.
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"  # ASCII's
_PUNCTUATION_AS_SPACE = str.maketrans(PUNCTUATION + DOTLESS_I, " " * len(PUNCTUATION) + "i")
_LATIN_ACCENTS = re.compile(r"([A-Za-z])[\u0300-\u036f]+")
_WORD = re.compile(r"[^\W_]+")  # letters and digits, as unicode61 splits (its separators: punctuation, marks, "_")
_TERM = re.compile(r'(-?)"([^"]*)"(\*?)|([^\s"]+)')  # -"a phrase"*, or a bare term up to a space or quote


class SearchQueryError(ValueError):
    """A search that cannot be run; the message says what is wrong with it."""


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must occur in this order (one word is a phrase of one); the last may be a prefix."""

    words: tuple[str, ...]
    is_prefix: bool = False
    # Per gap between two words: True where the user wrote them joined by one '.' ("U.S.", "3.5", "sana.sy").
    # PostgreSQL's parser keeps such a run one lexeme ('u.s'), FTS5 splits it: the tsquery asks for either.
    dotted: tuple[bool, ...] = ()

    def runs(self) -> list[tuple[str, ...]]:
        """The words in runs: words written joined by dots ("U.S.") one run, every other word a run of its own."""
        runs: list[list[str]] = [[self.words[0]]]
        for word, is_dotted in zip(self.words[1:], self.dotted or (False,) * len(self.words), strict=False):
            if is_dotted:
                runs[-1].append(word)
            else:
                runs.append([word])
        return [tuple(run) for run in runs]


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A parsed search: every group must match (a group matches when any of its phrases does), no exclusion may."""

    text: str
    required: tuple[tuple[Phrase, ...], ...]
    excluded: tuple[Phrase, ...] = ()

    def as_fts5(self) -> str:
        """The query in FTS5 MATCH syntax, every word a quoted string."""
        groups = " AND ".join("(" + " OR ".join(_fts5_phrase(phrase) for phrase in group) + ")"
                              for group in self.required)  # fmt: skip
        if not self.excluded:
            return groups
        return f"({groups}) NOT (" + " OR ".join(_fts5_phrase(phrase) for phrase in self.excluded) + ")"

    def as_tsquery(self) -> str:
        """The query in to_tsquery syntax, every word a quoted lexeme."""
        parts = ["(" + " | ".join(_tsquery_phrase(phrase) for phrase in group) + ")" for group in self.required]
        parts += ["!(" + _tsquery_phrase(phrase) + ")" for phrase in self.excluded]
        return " & ".join(parts)


def fold_word(word: str) -> str:
    """A word as both indexes compare it: lower case, without accents on Latin letters or Arabic vowel marks, and
    Turkish dotless ı as i (dotted İ is I with an accent)."""
    decomposed = _LATIN_ACCENTS.sub(r"\1", unicodedata.normalize("NFD", word))
    return unicodedata.normalize("NFC", _ARABIC_VOWEL_MARKS.sub("", decomposed)).lower().replace(DOTLESS_I, "i")


def fold_accents(text: str) -> str:
    """`text` as PostgreSQL's index parses it (migrations 0009, 0013): accents taken off Latin letters (NFD, marks after
    A-Z dropped, NFC), then each ASCII punctuation character a space and ı an i (one character for one); case kept."""
    unaccented = unicodedata.normalize("NFC", _LATIN_ACCENTS.sub(r"\1", unicodedata.normalize("NFD", text)))
    return unaccented.translate(_PUNCTUATION_AS_SPACE)


def parse_search(text: str) -> SearchQuery:
    """Read a search-box query (words, "phrases", OR, -exclusions, prefix*); SearchQueryError says what is wrong."""
    if text.count('"') % 2:
        raise SearchQueryError(f"{text!r}: a quote is not closed")
    terms: list[tuple[bool, Phrase] | str] = []  # (is_excluded, phrase), or "OR"
    for match in _TERM.finditer(_ARABIC_VOWEL_MARKS.sub("", text)):
        if match[4] in ("OR", "AND", "NOT"):
            terms.append(match[4])
            continue
        is_excluded, body, is_prefix = _term_parts(match)
        found = list(_WORD.finditer(body))
        words = tuple(fold_word(word[0]) for word in found)
        dotted = tuple(body[before.end() : after.start()] == "." for before, after in itertools.pairwise(found))
        if words:  # a term of punctuation alone ("*", "&|!", ":") stands for no word
            terms.append((is_excluded, Phrase(words, is_prefix, dotted if any(dotted) else ())))
    return _combine(text, terms)


def _term_parts(match: re.Match[str]) -> tuple[bool, str, bool]:
    if match[4] is None:  # a quoted phrase
        return match[1] == "-", match[2], match[3] == "*"
    bare = match[4]
    is_excluded = bare.startswith("-") and len(bare) > 1
    return is_excluded, bare[1:] if is_excluded else bare, bare.endswith("*")


def _combine(text: str, terms: list[tuple[bool, Phrase] | str]) -> SearchQuery:
    terms = _not_as_exclusion(text, [term for term in terms if term != "AND"])
    required: list[list[Phrase]] = []
    excluded: list[Phrase] = []
    for position, term in enumerate(terms):
        if term == "OR":
            before, after = terms[position - 1] if position else None, terms[position + 1 : position + 2]
            if not isinstance(before, tuple) or not after or not isinstance(after[0], tuple):
                raise SearchQueryError(f"{text!r}: OR needs a word or phrase on each side")
            if before[0] or after[0][0]:
                raise SearchQueryError(f"{text!r}: OR joins words to find; an -excluded word cannot be one of them")
            continue
        assert isinstance(term, tuple)
        is_excluded, phrase = term
        if is_excluded:
            excluded.append(phrase)
        elif position and terms[position - 1] == "OR":
            required[-1].append(phrase)
        else:
            required.append([phrase])
    words = sum(len(phrase.words) for phrase in [*excluded, *(p for group in required for p in group)])
    if not words:
        raise SearchQueryError(f"{text!r}: no word to search for (words are letters or digits)")
    if not required:
        raise SearchQueryError(f"{text!r}: only exclusions; say what to find as well")
    if words > MAX_SEARCH_WORDS:
        raise SearchQueryError(f"{text!r}: {words} words; at most {MAX_SEARCH_WORDS}")
    return SearchQuery(text, tuple(tuple(group) for group in required), tuple(excluded))


def _not_as_exclusion(text: str, terms: list[tuple[bool, Phrase] | str]) -> list[tuple[bool, Phrase] | str]:
    """`NOT word` and `NOT "a phrase"` read as `-word` and `-"a phrase"`; a NOT with no word or phrase after it is
    refused."""
    read: list[tuple[bool, Phrase] | str] = []
    for position, term in enumerate(terms):
        if term == "NOT":
            continue
        if position and terms[position - 1] == "NOT":
            if not isinstance(term, tuple):
                raise SearchQueryError(f"{text!r}: NOT needs a word or phrase after it")
            term = (True, term[1])
        read.append(term)
    if terms and terms[-1] == "NOT":
        raise SearchQueryError(f"{text!r}: NOT needs a word or phrase after it")
    return read


def _fts5_phrase(phrase: Phrase) -> str:
    # Words are letters and digits only (no '"' to escape); FTS5 tokenizes a quoted string with the index's own
    # tokenizer, and a '*' after the closing quote makes its last word a prefix.
    return '"' + " ".join(phrase.words) + '"' + ("*" if phrase.is_prefix else "")


def _tsquery_phrase(phrase: Phrase) -> str:
    # Quoted lexemes (no "'" to escape); to_tsquery parses each with the `simple` configuration, as to_tsvector
    # parsed the text, and <-> asks for the next word right after.
    # A run of words written joined by dots is either PostgreSQL's one lexeme ("U.S." indexed as 'u.s') or the
    # words one after another (as written "U S", or split by a writer's other punctuation).
    runs = phrase.runs()
    rendered = []
    for position, run in enumerate(runs):
        prefix = ":*" if phrase.is_prefix and position == len(runs) - 1 else ""
        words = " <-> ".join(f"'{word}'" for word in run) + prefix
        rendered.append(words if len(run) == 1 else f"('{'.'.join(run)}'{prefix} | {words})")
    return " <-> ".join(rendered)


# --- conditions and ranking for the store's queries ---------------------------------------------------------------

SelectT = TypeVar("SelectT", bound=Select[*tuple[Any, ...]])
Sort = Literal["relevance", "newest", "oldest"]  # `--sort`: relevance needs a search, and is its default
SORTS: tuple[Sort, ...] = ("relevance", "newest", "oldest")


def ranks_by_relevance(sort: Sort | None, search: SearchQuery | None) -> bool:
    """Whether rows go most relevant first: with a search, unless sorted by date."""
    return search is not None and sort in (None, "relevance")


_SEARCH_TABLES = {ArticleRow.__tablename__: ARTICLES_SEARCH, ClaimRow.__tablename__: CLAIMS_SEARCH}


def matches(row_table: str, query: SearchQuery, dialect: str) -> ColumnElement[bool]:
    """Rows of `row_table` ("articles" or "claims") that match `query`."""
    if dialect == "postgresql":
        return _vector(row_table).op("@@")(_tsquery(query))  # type: ignore[no-any-return]
    hits = _fts5_table(row_table)
    return literal_column(f"{row_table}.rowid").in_(select(hits.c.rowid).where(_fts5_match(row_table, query)))


def ranked(query: SelectT, row_table: str, search: SearchQuery, dialect: str) -> tuple[SelectT, Any]:
    """`query` (over `row_table`) narrowed to the rows matching `search`, and the ORDER BY term that puts the most
    relevant first (bm25 on SQLite, ts_rank on PostgreSQL)."""
    if dialect == "postgresql":
        tsquery = _tsquery(search)
        return query.where(_vector(row_table).op("@@")(tsquery)), func.ts_rank(_vector(row_table), tsquery).desc()
    fts = _fts5_table(row_table)
    # One pass over the index gives both the rows and their bm25 (`rank`, weighted in the migration); an IN
    # condition plus a rank looked up per row would run the MATCH twice.
    hits = select(fts.c.rowid.label("hit_rowid"), fts.c.rank).where(_fts5_match(row_table, search)).subquery()
    return query.join(hits, hits.c.hit_rowid == literal_column(f"{row_table}.rowid")), hits.c.rank


def _fts5_table(row_table: str) -> Any:
    return table(_SEARCH_TABLES[row_table], sql_column("rowid"), sql_column("rank"))


def _fts5_match(row_table: str, query: SearchQuery) -> ColumnElement[bool]:
    return literal_column(_SEARCH_TABLES[row_table]).op("MATCH")(query.as_fts5())  # type: ignore[no-any-return]


def _vector(row_table: str) -> Any:
    return literal_column(f"{row_table}.{SEARCH_VECTOR}")


def _tsquery(query: SearchQuery) -> Any:
    return func.to_tsquery(literal_column("'simple'::regconfig"), query.as_tsquery())


def include_in_autogenerate(name: str | None, type_: "NameFilterType", parent_names: "NameFilterParentNames") -> bool:
    """Alembic's `include_name` hook: False for the search index's tables, columns and indexes, which the models do
    not declare (FTS5 virtual tables and their shadow tables; the generated tsvector columns and GIN indexes)."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith((ARTICLES_SEARCH, CLAIMS_SEARCH))
    if type_ == "column":
        return name != SEARCH_VECTOR
    if type_ == "index":
        return name not in SEARCH_INDEXES
    return True
