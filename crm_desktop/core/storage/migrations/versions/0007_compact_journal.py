"""A record's creation is one journal row: field "*", its fields as one JSON object.

Before, each created record wrote one row per non-blank field (100,000 contacts and their
activities made 4.9 million rows, 60% of the file). Existing creations are folded together here;
the history still lists them field by field (`journal.per_field`). Each folded row keeps the
first row number and the last timestamp of its group, so the newest row still carries the
newest timestamp the clock resumes from.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""
from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = "seq, batch_seq, hlc, entity, row_id, op, field, old_value, new_value"


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_journal_row")
    # Folded rows are parked at negative row numbers until the per-field rows are gone.
    op.execute(f"""
        INSERT INTO journal ({COLUMNS})
        SELECT -min(seq), batch_seq, max(hlc), entity, row_id, 'insert', '*', NULL,
               json_group_object(field, json(new_value))
        FROM journal WHERE op = 'insert' AND field != '*'
        GROUP BY batch_seq, entity, row_id
    """)
    op.execute("DELETE FROM journal WHERE op = 'insert' AND field != '*' AND seq > 0")
    op.execute("UPDATE journal SET seq = -seq WHERE seq < 0")
    op.execute("CREATE INDEX ix_journal_row ON journal (row_id, hlc)")


def downgrade() -> None:
    op.execute(f"""
        INSERT INTO journal (batch_seq, hlc, entity, row_id, op, field, old_value, new_value)
        SELECT j.batch_seq, j.hlc, j.entity, j.row_id, 'insert', e.key, NULL,
               CASE e.type WHEN 'null' THEN NULL WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'
                           WHEN 'object' THEN e.value WHEN 'array' THEN e.value
                           ELSE json_quote(e.value) END
        FROM journal AS j, json_each(j.new_value) AS e
        WHERE j.op = 'insert' AND j.field = '*' AND json_valid(j.new_value)
    """)
    op.execute("DELETE FROM journal WHERE op = 'insert' AND field = '*'")
