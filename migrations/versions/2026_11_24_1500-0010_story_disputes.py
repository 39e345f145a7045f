"""story disputes: the day each story became disputed, recorded as its claims are written

newsmon/store/claims.py keeps one row per story with claims up to date in the transaction that writes them (its
module docstring says why the record stays right); this fills it for the stories already stored. The claims are
read with SQL spelled out here (a migration is history); the rule that decides a dispute is the code's own pure
function, so the rows are those the running code would have written.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24 15:00:00
"""
import json
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every claim of a story, in publishing order (ties within an article by position, then id), as the store reads it.
CLAIMS_BY_STORY = """
SELECT a.story_id, {day} AS day, s.name, c.cue, c.quantities
FROM claims c JOIN speakers s ON s.id = c.speaker_id JOIN articles a ON a.id = c.article_id
WHERE a.story_id IS NOT NULL
ORDER BY a.story_id, a.published_at, c.article_id, c.start, c.id
"""


@dataclass(frozen=True)
class _Claim:
    day: str
    speaker: str
    cue: str
    quantities: Sequence[dict[str, Any]]
    text: str = ""  # not read here: 0014 records every story again with the text of claims with quantities


def upgrade() -> None:
    table = op.create_table(
        'story_disputes',
        sa.Column('story_id', sa.String(length=64), nullable=False),
        sa.Column('arose_on', sa.String(length=10), nullable=True),
        sa.Column('kind', sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint('story_id', name=op.f('pk_story_disputes')),
    )
    from newsmon.report.dispute_rules import dispute_arises

    bind = op.get_bind()
    day = "date(timezone('UTC', a.published_at))" if bind.dialect.name == "postgresql" else "date(a.published_at)"
    rows = []
    for story_id, found in groupby(bind.execute(sa.text(CLAIMS_BY_STORY.format(day=day))), key=lambda row: row[0]):
        story = [_Claim(str(day)[:10], speaker, cue, json.loads(quantities) if isinstance(quantities, str)
                        else quantities or ()) for _, day, speaker, cue, quantities in found]  # fmt: skip
        arises = dispute_arises(story)
        rows.append({"story_id": story_id, "arose_on": story[arises[0]].day if arises else None,
                     "kind": arises[1] if arises else None})  # fmt: skip
    if rows:
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.drop_table('story_disputes')
