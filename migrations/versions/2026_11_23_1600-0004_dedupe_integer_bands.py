"""dedupe index: 64-bit integer band keys in a WITHOUT ROWID table keyed by (band_key, doc_seq)

Sketch version 2 changes how band keys are made, so version-1 band rows can never match again: the old
table is replaced by an empty one. Docs keep their decisions (a replay still decides as before) and get
an arrival number `seq`, numbered by first_seen.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 16:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index('ix_dedupe_bands_recent', table_name='dedupe_bands')
    op.drop_index('ix_dedupe_bands_doc_id', table_name='dedupe_bands')
    op.drop_table('dedupe_bands')
    op.create_table(
        'dedupe_bands',
        sa.Column('band_key', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column('doc_seq', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint('band_key', 'doc_seq', name=op.f('pk_dedupe_bands')),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table('dedupe_docs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seq', sa.BigInteger(), nullable=True))
    op.execute(
        "UPDATE dedupe_docs SET seq = (SELECT numbered.n FROM (SELECT doc_id, row_number() OVER "
        "(ORDER BY first_seen, doc_id) AS n FROM dedupe_docs) AS numbered WHERE numbered.doc_id = dedupe_docs.doc_id)"
    )
    with op.batch_alter_table('dedupe_docs', schema=None) as batch_op:
        batch_op.alter_column('seq', existing_type=sa.BigInteger(), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_dedupe_docs_seq'), ['seq'])


def downgrade() -> None:
    with op.batch_alter_table('dedupe_docs', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_dedupe_docs_seq'), type_='unique')
        batch_op.drop_column('seq')
    op.drop_table('dedupe_bands')
    op.create_table(
        'dedupe_bands',
        sa.Column('band_key', sa.String(length=32), nullable=False),
        sa.Column('doc_id', sa.String(length=64), nullable=False),
        sa.Column('first_seen', sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(['doc_id'], ['dedupe_docs.doc_id'], name=op.f('fk_dedupe_bands_doc_id_dedupe_docs'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('band_key', 'doc_id', name=op.f('pk_dedupe_bands')),
    )
    op.create_index('ix_dedupe_bands_doc_id', 'dedupe_bands', ['doc_id'], unique=False)
    op.create_index('ix_dedupe_bands_recent', 'dedupe_bands', ['band_key', 'first_seen'], unique=False)
