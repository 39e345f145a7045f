"""full-text search: FTS5 tables with triggers on SQLite, generated tsvector columns on PostgreSQL

Why each engine's index looks as it does: newsmon/store/search.py. Both are filled from the rows already stored
(FTS5 'rebuild'; PostgreSQL computes a generated column for every row as it adds it) and kept in step by the
database on every insert, update and delete, whoever writes.

The SQL is spelled out here, not imported from newsmon.store.search: a migration is history and must keep doing
what it did when the code moves on.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 13:00:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZER = "unicode61 remove_diacritics 2"
# The indexed columns of each table: title weighs 2.5 times the text in bm25 (ts_rank's A against B weights).
SQLITE_INDEXES = {"articles": (("title", 2.5), ("text", 1.0)), "claims": (("text", 1.0),)}

# Accents off Latin letters (as the FTS5 tokenizer does) and at most 100,000 characters (a tsvector holds 1 MB).
PG_FOLD = r"normalize(regexp_replace(normalize(left(coalesce({0}, ''), 100000), NFD), '([A-Za-z])[\u0300-\u036f]+', '\1', 'g'), NFC)"
PG_VECTORS = {
    "articles": (f"setweight(to_tsvector('simple'::regconfig, {PG_FOLD.format('title')}), 'A')"
                 f" || setweight(to_tsvector('simple'::regconfig, {PG_FOLD.format('text')}), 'B')"),
    "claims": f"to_tsvector('simple'::regconfig, {PG_FOLD.format('text')})",
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, vector in PG_VECTORS.items():
            op.execute(f"ALTER TABLE {table} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({vector}) STORED")
            op.execute(f"CREATE INDEX ix_{table}_search_vector ON {table} USING gin (search_vector)")
        return
    for table, columns in SQLITE_INDEXES.items():
        _create_sqlite_index(table, [name for name, _ in columns], [weight for _, weight in columns])


def _create_sqlite_index(table: str, columns: list[str], weights: list[float]) -> None:
    fts = f"{table}_search"
    names = ", ".join(columns)
    new_values = ", ".join(f"new.{name}" for name in columns)
    old_values = ", ".join(f"old.{name}" for name in columns)
    op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', content_rowid='rowid', "
               f"tokenize='{TOKENIZER}')")
    op.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('rank', 'bm25({', '.join(map(str, weights))})')")
    op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    # An external-content index is told what leaves it: the 'delete' command with the values it indexed.
    op.execute(f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
               f"INSERT INTO {fts}(rowid, {names}) VALUES (new.rowid, {new_values}); END")
    op.execute(f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
               f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old_values}); END")
    op.execute(f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} BEGIN "
               f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old_values}); "
               f"INSERT INTO {fts}(rowid, {names}) VALUES (new.rowid, {new_values}); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in PG_VECTORS:
            op.execute(f"DROP INDEX ix_{table}_search_vector")
            op.execute(f"ALTER TABLE {table} DROP COLUMN search_vector")
        return
    for table in SQLITE_INDEXES:
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER {table}_search_{event}")
        op.execute(f"DROP TABLE {table}_search")
