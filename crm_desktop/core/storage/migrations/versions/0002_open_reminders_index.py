"""Index open reminders by their effective due time (snooze time, else due time).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_reminders_open_due "
        "ON reminders (coalesce(snoozed_until, due_at)) "
        "WHERE done_at IS NULL AND deleted_at IS NULL"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_reminders_open_due")
