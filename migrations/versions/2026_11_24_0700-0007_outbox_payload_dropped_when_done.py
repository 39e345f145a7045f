"""outbox payload dropped once done: a done row keeps only what the poller's "seen before" check needs

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 07:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PAYLOAD = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.alter_column('payload', existing_type=_PAYLOAD, nullable=True)
    # The rows already stored: their items are articles now, so the copy is dead weight.
    op.execute("UPDATE outbox SET payload = NULL WHERE done_at IS NOT NULL")


def downgrade() -> None:
    # A done row's payload is gone; an empty object stands in for it (only rows not done are ever published).
    op.execute("UPDATE outbox SET payload = '{}' WHERE payload IS NULL")
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.alter_column('payload', existing_type=_PAYLOAD, nullable=False)
