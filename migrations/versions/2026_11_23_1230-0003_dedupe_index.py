"""dedupe index in the store (LSH bands, sketches) and article guid

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 12:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'dedupe_docs',
        sa.Column('doc_id', sa.String(length=64), nullable=False),
        sa.Column('first_seen', sa.Float(), nullable=False),
        sa.Column('sketch', sa.LargeBinary(), nullable=False),
        sa.Column('story_id', sa.String(length=64), nullable=False),
        sa.Column('duplicate_of', sa.String(length=64), nullable=True),
        sa.Column('similarity', sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint('doc_id', name=op.f('pk_dedupe_docs')),
    )
    op.create_index(op.f('ix_dedupe_docs_story_id'), 'dedupe_docs', ['story_id'], unique=False)
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
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('guid', sa.String(length=1024), nullable=True))
        batch_op.create_index('ix_articles_feed_guid', ['feed_url', 'guid'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index('ix_articles_feed_guid')
        batch_op.drop_column('guid')
    op.drop_index('ix_dedupe_bands_recent', table_name='dedupe_bands')
    op.drop_index('ix_dedupe_bands_doc_id', table_name='dedupe_bands')
    op.drop_table('dedupe_bands')
    op.drop_index(op.f('ix_dedupe_docs_story_id'), table_name='dedupe_docs')
    op.drop_table('dedupe_docs')
