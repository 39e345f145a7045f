"""downstream progress: articles.claims_version and alerts_version, claims.alerts_checked

The embedded broker forgets every record when it stops; these say which articles the claims and alerts stages
have finished, so a restart publishes the others again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 09:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claims_version', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('alerts_version', sa.Integer(), nullable=True))
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('alerts_checked', sa.Boolean(), nullable=False, server_default=sa.false()))
    # What is stored already was stored by a service that ran every stage: taken as finished, so the first start
    # after the upgrade does not publish the whole store again.
    op.execute("UPDATE articles SET claims_version = version, alerts_version = version")
    op.execute("UPDATE claims SET alerts_checked = TRUE")


def downgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_column('alerts_checked')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_column('alerts_version')
        batch_op.drop_column('claims_version')
