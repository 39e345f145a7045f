"""full text: feeds.full_text, outbox.topic, articles.text_source and text_error

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 16:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('feeds', schema=None) as batch_op:
        batch_op.add_column(sa.Column('full_text', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('topic', sa.String(length=128), nullable=False, server_default='newsmon.items'))
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('text_source', sa.String(length=16), nullable=False, server_default='feed'))
        batch_op.add_column(sa.Column('text_error', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_column('text_error')
        batch_op.drop_column('text_source')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('topic')
    with op.batch_alter_table('feeds', schema=None) as batch_op:
        batch_op.drop_column('full_text')
