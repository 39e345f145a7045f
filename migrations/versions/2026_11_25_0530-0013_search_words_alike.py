"""search words alike: PostgreSQL indexes host names, e-mail addresses, links and hyphenated words as their words, as
FTS5 does; both engines read Turkish dotless ı as i

PostgreSQL's text search parser keeps 'www.sana.sy', 'press@sana.sy', a link, a file path, '3.5' or 'al-Assad' one
token ('al-assad' beside 'al' and 'assad', at positions of their own), where FTS5's unicode61 tokenizer splits at every
character that is no letter or digit: `sana` found www.sana.sy on SQLite only, and `"said al assad"` only there. The
generated search_vector now parses the text with each ASCII punctuation character read as a space (a bracket
expression of code point ranges, character for character, so no locale is involved and offsets stay put for
ts_headline's marks): the parser then sees
only words, as FTS5 does. Non-ASCII punctuation was already a separator to both.

Dotless ı (U+0131) has no accent to remove and no upper-case fold to i, so 'Diyarbakır' was indexed as written on
both engines and `diyarbakir` did not find it (dotted İ folds to i on both already: I with a dot above). PostgreSQL
replaces it after the punctuation. FTS5 cannot be given a character mapping, so each FTS5 table now reads its content
through a view that replaces ı by i (`articles_search_source`, `claims_search_source`), and the triggers write the same
folded values; the view keeps the tables' rowids (as `row_id`), so the index points at the same rows, its
'integrity-check' compares it with the view, and highlight() marks the folded text (the same length as the text as
written: newsmon/store/snippets.py carries the marks back).

Cost, once: PostgreSQL computes both generated columns again (a table rewrite each) and rebuilds the GIN indexes;
SQLite rebuilds both FTS5 indexes, as migration 0011 did (a few minutes for 100,000 news-length articles).

The SQL is spelled out here, not imported from newsmon.store.search: a migration is history.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-25 05:30:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZER = "unicode61 remove_diacritics 2"
PREFIX_CHARS = "2 3 4"
# As migration 0009: the indexed columns of each table and their bm25 weights.
SQLITE_INDEXES = {"articles": (("title", 2.5), ("text", 1.0)), "claims": (("text", 1.0),)}
DOTLESS_I = "\u0131"

# Migration 0009's folding (accents off Latin letters, at most 100,000 characters) ...
PG_FOLD_0009 = r"normalize(regexp_replace(normalize(left(coalesce({0}, ''), 100000), NFD), '([A-Za-z])[\u0300-\u036f]+', '\1', 'g'), NFC)"
# ... then every ASCII punctuation character a space, and ı an i (one character for one). A bracket expression, not
# translate(): translate() scans its list for each character (6.2 s for 20 MB of text, regexp_replace 0.33 s).
PUNCTUATION_CLASS = "[!-/:-@[-`{-~]"  # ! to /, : to @, [ to `, { to ~: ASCII's punctuation, by code point
PG_FOLD = ("replace(regexp_replace(" + PG_FOLD_0009 + ", '" + PUNCTUATION_CLASS.replace("{", "{{")  # for format()
           + "', ' ', 'g'), '" + DOTLESS_I + "', 'i')")


def _pg_vectors(fold: str) -> dict[str, str]:
    return {
        "articles": (f"setweight(to_tsvector('simple'::regconfig, {fold.format('title')}), 'A')"
                     f" || setweight(to_tsvector('simple'::regconfig, {fold.format('text')}), 'B')"),
        "claims": f"to_tsvector('simple'::regconfig, {fold.format('text')})",
    }


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _replace_pg_vectors(_pg_vectors(PG_FOLD))
        return
    for table, columns in SQLITE_INDEXES.items():
        _drop_sqlite_index(table)
        fts, names = f"{table}_search", [name for name, _ in columns]
        folded = ", ".join(f"replace({name}, '{DOTLESS_I}', 'i') AS {name}" for name in names)
        op.execute(f"CREATE VIEW {fts}_source AS SELECT rowid AS row_id, {folded} FROM {table}")
        _create_sqlite_index(table, columns, f"{fts}_source", "row_id",
                             lambda value: f"replace({value}, '{DOTLESS_I}', 'i')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _replace_pg_vectors(_pg_vectors(PG_FOLD_0009))
        return
    for table, columns in SQLITE_INDEXES.items():
        _drop_sqlite_index(table)
        op.execute(f"DROP VIEW IF EXISTS {table}_search_source")
        _create_sqlite_index(table, columns, table, "rowid", lambda value: value)


def _replace_pg_vectors(vectors: dict[str, str]) -> None:
    for table, vector in vectors.items():
        op.execute(f"DROP INDEX ix_{table}_search_vector")
        op.execute(f"ALTER TABLE {table} DROP COLUMN search_vector")
        op.execute(f"ALTER TABLE {table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({vector}) STORED")
        op.execute(f"CREATE INDEX ix_{table}_search_vector ON {table} USING gin (search_vector)")


def _drop_sqlite_index(table: str) -> None:
    fts = f"{table}_search"
    for event in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS {fts}_{event}")
    op.execute(f"DROP TABLE IF EXISTS {fts}")  # IF EXISTS: Python's sqlite3 runs DDL outside a transaction


def _create_sqlite_index(table: str, columns: tuple[tuple[str, float], ...], content: str, content_rowid: str,
                         fold) -> None:
    fts = f"{table}_search"
    names = ", ".join(name for name, _ in columns)
    weights = ", ".join(str(weight) for _, weight in columns)
    new_values = ", ".join(fold(f"new.{name}") for name, _ in columns)
    old_values = ", ".join(fold(f"old.{name}") for name, _ in columns)
    op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{content}', content_rowid='{content_rowid}', "
               f"tokenize='{TOKENIZER}', prefix='{PREFIX_CHARS}')")
    op.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('rank', 'bm25({weights})')")
    op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    # An external-content index is told what leaves it: the 'delete' command with the values it indexed.
    op.execute(f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
               f"INSERT INTO {fts}(rowid, {names}) VALUES (new.rowid, {new_values}); END")
    op.execute(f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
               f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old_values}); END")
    op.execute(f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} BEGIN "
               f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old_values}); "
               f"INSERT INTO {fts}(rowid, {names}) VALUES (new.rowid, {new_values}); END")
