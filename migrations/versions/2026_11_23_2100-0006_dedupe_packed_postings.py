"""dedupe index: one row of packed doc seqs per band key (dedupe_postings) instead of a row per (key, doc)

Each key keeps only its POSTING_LIMIT (64) most recent doc seqs, newest first, as little-endian int64: all a
lookup ever read of dedupe_bands. The rows are built from dedupe_bands in Python (SQLite before 3.41 has no
way to make an integer's bytes in SQL), streamed in key order, so an existing store keeps every decision.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 21:00:00
"""
import struct
from collections.abc import Iterator, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

POSTING_LIMIT = 64  # newsmon/store/dedupe_index.py at this revision
_CHUNK = 20_000


def _packed_rows(connection: sa.Connection) -> Iterator[list[dict[str, object]]]:
    """dedupe_bands as {band_key, seqs} rows, a chunk at a time."""
    result = connection.execute(sa.text("SELECT band_key, doc_seq FROM dedupe_bands ORDER BY band_key, doc_seq"),
                                execution_options={"stream_results": True})
    chunk: list[dict[str, object]] = []
    key: object = None
    seqs: list[int] = []
    for band_key, doc_seq in result:
        if band_key != key:
            if seqs:
                chunk.append({"band_key": key, "seqs": _pack(seqs)})
            key, seqs = band_key, []
            if len(chunk) >= _CHUNK:
                yield chunk
                chunk = []
        seqs.append(doc_seq)
    if seqs:
        chunk.append({"band_key": key, "seqs": _pack(seqs)})
    if chunk:
        yield chunk


def _pack(ascending: list[int]) -> bytes:
    newest = ascending[::-1][:POSTING_LIMIT]
    return struct.pack(f"<{len(newest)}q", *newest)


def upgrade() -> None:
    postings = op.create_table(
        'dedupe_postings',
        sa.Column('band_key', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column('seqs', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('band_key', name=op.f('pk_dedupe_postings')),
        sqlite_with_rowid=False,
    )
    connection = op.get_bind()
    # The read cursor stays open while the same connection inserts into the other table (a server-side cursor
    # on PostgreSQL), so a 100k-doc store (~6M band rows) is never held in memory at once.
    for chunk in _packed_rows(connection):
        connection.execute(postings.insert(), chunk)
    op.drop_table('dedupe_bands')


def downgrade() -> None:
    bands = op.create_table(
        'dedupe_bands',
        sa.Column('band_key', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column('doc_seq', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint('band_key', 'doc_seq', name=op.f('pk_dedupe_bands')),
        sqlite_with_rowid=False,
    )
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT band_key, seqs FROM dedupe_postings")).all()
    chunk: list[dict[str, int]] = []
    for band_key, packed in rows:
        chunk += [{"band_key": band_key, "doc_seq": seq} for seq in struct.unpack(f"<{len(packed) // 8}q", packed)]
        if len(chunk) >= _CHUNK:
            connection.execute(bands.insert(), chunk)
            chunk = []
    if chunk:
        connection.execute(bands.insert(), chunk)
    op.drop_table('dedupe_postings')
