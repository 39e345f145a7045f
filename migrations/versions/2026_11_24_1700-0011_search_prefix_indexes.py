"""search prefix indexes: SQLite's FTS5 tables rebuilt with prefix='2 3 4'; PostgreSQL unchanged

A prefix search (`kill*`) on an FTS5 table without a prefix index reads and merges the whole posting list of every
word starting so, whatever rows the query is narrowed to: the snippets of a page of 20 rows found by `sh*` took
about 1 s on 30,000 texts of Zipf-distributed words (measured for this migration), `kill*` 0.14-0.5 s for the
snippets of 20 of 400,000 claims (bench/query_speed.py). A prefix index of N characters holds every word's first N
characters as a term of its own, so a prefix of exactly that length is looked up like a word (0.2 ms, 0.01 s).
2, 3 and 4 characters are where the merge costs most (every short prefix starts thousands of words); each length
adds about the size of the index again, and longer prefixes start few enough words to be merged in tens of ms.

FTS5 cannot change a table's options in place, so each table is dropped, created again with the option, given
back its bm25 weights and rebuilt from its content table (the 'rebuild' command, as migration 0009 filled it).
The triggers on articles and claims are left as they are: they name the FTS5 table, and SQLite looks a trigger's
tables up when it fires, so they write to the new table. DROP TABLE IF EXISTS lets a migration that stopped
half-way run again (Python's sqlite3 runs DDL outside a transaction: a DROP is not rolled back). PostgreSQL's GIN
index on the tsvector already answers `'kill':*` (a partial match over the index's sorted keys): left alone.

Cost, once: the rebuild reads and tokenizes every title and text again. 100,000 bench articles (630 characters of
text each) and their 400,000 claims took 3.9-8.2 s; 10,000 texts of 6 KB of varied words took 16.7 s (13.3 s without
prefix indexes), so a store of 100,000 news-length articles needs a few minutes. The indexes grow about 2.6 times
(bench store: 36 -> 95 MiB of 326 MiB; insert and update write the same multiple to the index).

The SQL is spelled out here, not imported from newsmon.store.search: a migration is history.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-24 17:00:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZER = "unicode61 remove_diacritics 2"
PREFIX_CHARS = "2 3 4"  # FTS5 uses a prefix index only for a prefix of exactly one of these lengths (in characters)
# As migration 0009: the indexed columns of each table and their bm25 weights.
SQLITE_INDEXES = {"articles": (("title", 2.5), ("text", 1.0)), "claims": (("text", 1.0),)}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, columns in SQLITE_INDEXES.items():
        _recreate_sqlite_index(table, columns, f", prefix='{PREFIX_CHARS}'")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, columns in SQLITE_INDEXES.items():
        _recreate_sqlite_index(table, columns, "")


def _recreate_sqlite_index(table: str, columns: tuple[tuple[str, float], ...], options: str) -> None:
    fts = f"{table}_search"
    names = ", ".join(name for name, _ in columns)
    weights = ", ".join(str(weight) for _, weight in columns)
    op.execute(f"DROP TABLE IF EXISTS {fts}")
    op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', content_rowid='rowid', "
               f"tokenize='{TOKENIZER}'{options})")
    op.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('rank', 'bm25({weights})')")
    op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
