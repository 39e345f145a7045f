"""feed polling state: adaptive schedule, weighted failures, health facts, row leases

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 11:02:44.965908
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('feeds', schema=None) as batch_op:
        batch_op.add_column(sa.Column('interval_s', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('server_hint_s', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('failure_score', sa.Float(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('last_status', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('disabled_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('disabled_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('moved_from', sa.String(length=2048), nullable=True))
        batch_op.add_column(sa.Column('health', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('last_new_item_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('publish_gap_s', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('last_item_count', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('last_undated_count', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('last_body_bytes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('polls', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('lease_owner', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('lease_until', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_feeds_lease_until'), ['lease_until'], unique=False)
        batch_op.create_index(batch_op.f('ix_feeds_next_poll_at'), ['next_poll_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('feeds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feeds_next_poll_at'))
        batch_op.drop_index(batch_op.f('ix_feeds_lease_until'))
        batch_op.drop_column('lease_until')
        batch_op.drop_column('lease_owner')
        batch_op.drop_column('polls')
        batch_op.drop_column('last_body_bytes')
        batch_op.drop_column('last_undated_count')
        batch_op.drop_column('last_item_count')
        batch_op.drop_column('publish_gap_s')
        batch_op.drop_column('last_new_item_at')
        batch_op.drop_column('health')
        batch_op.drop_column('moved_from')
        batch_op.drop_column('disabled_at')
        batch_op.drop_column('disabled_reason')
        batch_op.drop_column('last_status')
        batch_op.drop_column('failure_score')
        batch_op.drop_column('server_hint_s')
        batch_op.drop_column('interval_s')


