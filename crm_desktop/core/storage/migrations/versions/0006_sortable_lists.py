"""Every list can be sorted by the columns it shows, and filtered by owner, at any size.

Each sortable key gets a partial index on live rows ending in the id (the last tiebreaker), so a
sorted page is read straight from an index, as fast at row 50,000 as at row 0; an (owner, list
order, id) index serves the owner filter and the list of owners; the reminders' indexes carry
`done_at` (and the title one the due time) so the open-only and due filters are read from them.
The single-column indexes on stage and status go: SQLite picked them over the live ones and then
read every row to skip the deleted. Companies get a `sort_key` (pinyin order, like contacts in
0005). The contacts' and companies' order indexes become UNIQUE: that
can never refuse a row (the id is unique) and tells SQLite each one comes once, so contacts can
be listed by company name (and service logs by contact name) without sorting the whole table.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crm_desktop.core.search.text import sort_key

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

LIVE = "deleted_at IS NULL"
OPEN = "done_at IS NULL AND deleted_at IS NULL"
DUE = "coalesce(snoozed_until, due_at)"
PHONE = "json_extract(phones, '$[0].value')"
EMAIL = "json_extract(emails, '$[0].value')"

# name, table, columns before, columns now, rows covered, unique now
REPLACED = (
    ("ix_contacts_live_order", "contacts", "sort_key, id", "sort_key, id", LIVE, True),
    ("ix_deals_live_order", "deals", "created_at", "created_at, id", LIVE, False),
    ("ix_service_logs_live_order", "service_logs", "opened_at", "opened_at, id", LIVE, False),
    ("ix_reminders_open_due", "reminders", DUE, f"{DUE}, id", OPEN, False),
)
# name, table, columns (all on live rows)
ADDED = (
    ("ix_contacts_live_owner", "contacts", "owner, sort_key, id"),
    ("ix_contacts_live_company", "contacts", "company_id, id"),
    ("ix_contacts_live_title", "contacts", "title, id"),
    ("ix_contacts_live_phone", "contacts", f"{PHONE}, id"),
    ("ix_contacts_live_email", "contacts", f"{EMAIL}, id"),
    ("ix_contacts_live_stage", "contacts", "lifecycle_stage, id"),
    ("ix_companies_live_owner", "companies", "owner, sort_key, id"),
    ("ix_companies_live_industry", "companies", "industry, id"),
    ("ix_companies_live_phone", "companies", "phone, id"),
    ("ix_companies_live_website", "companies", "website, id"),
    ("ix_deals_live_owner", "deals", "owner, created_at, id"),
    ("ix_deals_live_title", "deals", "title, id"),
    ("ix_deals_live_stage", "deals", "stage_id, id"),
    ("ix_deals_live_status", "deals", "status, id"),
    ("ix_deals_live_amount", "deals", "amount_minor, id"),
    ("ix_deals_live_close", "deals", "expected_close, id"),
    ("ix_service_logs_live_owner", "service_logs", "owner, opened_at, id"),
    ("ix_service_logs_live_contact", "service_logs", "contact_id, id"),
    ("ix_service_logs_live_subject", "service_logs", "subject, id"),
    ("ix_service_logs_live_channel", "service_logs", "channel, id"),
    ("ix_service_logs_live_priority", "service_logs", "priority, id"),
    ("ix_service_logs_live_status", "service_logs", "status, id"),
    ("ix_service_logs_live_resolved", "service_logs", "resolved_at, id"),
    ("ix_service_logs_live_satisfaction", "service_logs", "satisfaction, id"),
    ("ix_reminders_live_due", "reminders", f"{DUE}, id, done_at"),
    ("ix_reminders_live_owner", "reminders", f"owner, {DUE}, id, done_at"),
    ("ix_reminders_live_title", "reminders", f"title, id, done_at, {DUE}"),
)
# name, table, column: superseded by the live (column, id) indexes above
DROPPED = (
    ("ix_contacts_lifecycle_stage", "contacts", "lifecycle_stage"),
    ("ix_deals_stage_id", "deals", "stage_id"),
    ("ix_deals_status", "deals", "status"),
    ("ix_service_logs_status", "service_logs", "status"),
)
COMPANY_ORDER = "ix_companies_live_order"
COMPANY_BIN = "ix_companies_in_bin"


def _create(name: str, table: str, columns: str, where: str, unique: bool = False) -> None:
    kind = "UNIQUE INDEX" if unique else "INDEX"
    op.execute(f"CREATE {kind} {name} ON {table} ({columns}) WHERE {where}")


def upgrade() -> None:
    op.execute(f"DROP INDEX {COMPANY_ORDER}")
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sort_key", sa.String(), nullable=False, server_default=""))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name FROM companies")).fetchall()
    if rows:
        conn.execute(sa.text("UPDATE companies SET sort_key = :key WHERE id = :id"),
                     [{"key": sort_key(name or ""), "id": row_id} for row_id, name in rows])
    _create(COMPANY_ORDER, "companies", "sort_key, id", LIVE, unique=True)
    for name, table, _before, columns, where, unique in REPLACED:
        op.execute(f"DROP INDEX {name}")
        _create(name, table, columns, where, unique)
    for name, table, columns in ADDED:
        _create(name, table, columns, LIVE)
    for name, _table, _column in DROPPED:
        op.execute(f"DROP INDEX {name}")


def downgrade() -> None:
    for name, table, column in DROPPED:
        op.execute(f"CREATE INDEX {name} ON {table} ({column})")
    for name, _table, _columns in ADDED:
        op.execute(f"DROP INDEX {name}")
    for name, table, columns, _now, where, _unique in REPLACED:
        op.execute(f"DROP INDEX {name}")
        _create(name, table, columns, where)
    # Batch mode rebuilds the table from what it reflects; partial indexes are made again by hand.
    op.execute(f"DROP INDEX {COMPANY_ORDER}")
    op.execute(f"DROP INDEX {COMPANY_BIN}")
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.drop_column("sort_key")
    _create(COMPANY_BIN, "companies", "deleted_at", "deleted_at IS NOT NULL")
    _create(COMPANY_ORDER, "companies", "name, id", LIVE)
