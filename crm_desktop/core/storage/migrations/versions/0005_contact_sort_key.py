"""Contacts are listed in pinyin order (阿 A…, 白 B…, 张 Z…) mixed with Latin names.

A `sort_key` column holds the order (see `crm_desktop.core.search.text.sort_key`); existing
contacts get theirs here, and the live-row list index moves from `display_name` to it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crm_desktop.core.search.text import sort_key

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

LIVE_ORDER = "ix_contacts_live_order"
IN_BIN = "ix_contacts_in_bin"


def upgrade() -> None:
    op.drop_index(LIVE_ORDER, table_name="contacts")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sort_key", sa.String(), nullable=False, server_default=""))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, display_name FROM contacts")).fetchall()
    if rows:
        conn.execute(sa.text("UPDATE contacts SET sort_key = :key WHERE id = :id"),
                     [{"key": sort_key(name or ""), "id": row_id} for row_id, name in rows])
    op.create_index(LIVE_ORDER, "contacts", ["sort_key", "id"],
                    sqlite_where=sa.text("deleted_at IS NULL"))


def downgrade() -> None:
    # Batch mode may rebuild the table from what it reflects; partial indexes are made again by hand.
    op.drop_index(LIVE_ORDER, table_name="contacts")
    op.drop_index(IN_BIN, table_name="contacts")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_column("sort_key")
    op.create_index(IN_BIN, "contacts", ["deleted_at"],
                    sqlite_where=sa.text("deleted_at IS NOT NULL"))
    op.create_index(LIVE_ORDER, "contacts", ["display_name", "id"],
                    sqlite_where=sa.text("deleted_at IS NULL"))
