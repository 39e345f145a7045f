"""long URLs: on PostgreSQL articles.url and duplicates.url are text, and ix_articles_url a hash index; SQLite unchanged

A B-tree index entry on PostgreSQL holds at most 2,704 bytes, so an article whose canonical URL was longer (an
aggregator's link full of tracking parameters, a slug of 2,000 CJK characters left unencoded: 6,000 bytes) could not
be stored: its item went to the dead-letter topic. varchar(2048) refused a URL of more than 2,048 characters before
the index was reached. A hash index stores a 4-byte hash of the value, not the value, so it takes a URL of any
length and answers the only lookup by URL there is, `url = ...` (articles.by_url), without a change to any query;
it cannot be unique, and ix_articles_url never was (items keyed by guid may share a link).

SQLite has neither limit (varchar(2048) is TEXT to it, and its B-tree entries have no size cap): its column types
and index stay as they were, because changing a declared type there means copying the table (batch mode), which
drops the full-text triggers and may renumber the rowids the FTS5 index points at (newsmon/store/search.py).

ALTER ... TYPE text from varchar is binary-coercible on PostgreSQL: no table rewrite. Building the hash index reads
every row once. The downgrade cannot fit a URL over 2,048 characters back into varchar(2048) and stops with
PostgreSQL's error naming the value if one is stored.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-25 05:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

URL_COLUMNS = (("articles", "url"), ("duplicates", "url"))


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_articles_url", table_name="articles")
    for table, column in URL_COLUMNS:
        op.alter_column(table, column, type_=sa.Text(), existing_type=sa.String(length=2048), existing_nullable=False)
    op.create_index("ix_articles_url", "articles", ["url"], unique=False, postgresql_using="hash")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_articles_url", table_name="articles")
    for table, column in URL_COLUMNS:
        op.alter_column(table, column, type_=sa.String(length=2048), existing_type=sa.Text(), existing_nullable=False)
    op.create_index("ix_articles_url", "articles", ["url"], unique=False)
