"""Reminders keep their IANA time zone and the start of their series.

A recurring reminder is expanded in local time from the start of its series (so a weekly Monday
07:00 in Shanghai stays Monday 07:00, a daily 09:00 in New York stays 09:00 across daylight
saving, and COUNT/UNTIL end). Existing reminders were evaluated in UTC: they keep that zone, and
their series starts at their current due time.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Batch mode rebuilds the table on downgrade from what it reflects, which cannot carry an
# expression index (and warns about it): these indexes are dropped first and made again after.
REMINDER_INDEXES = (
    ("ix_reminders_open_due", "coalesce(snoozed_until, due_at)",
     "done_at IS NULL AND deleted_at IS NULL"),
    ("ix_reminders_in_bin", "deleted_at", "deleted_at IS NOT NULL"),
)


def upgrade() -> None:
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("timezone", sa.String(), nullable=False,
                                      server_default="UTC"))
        batch_op.add_column(sa.Column("series_start", sa.Text(), nullable=True))
    op.execute("UPDATE reminders SET series_start = due_at WHERE series_start IS NULL")


def downgrade() -> None:
    for name, _expression, _where in REMINDER_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.drop_column("series_start")
        batch_op.drop_column("timezone")
    for name, expression, where in REMINDER_INDEXES:
        op.execute(f"CREATE INDEX {name} ON reminders ({expression}) WHERE {where}")
