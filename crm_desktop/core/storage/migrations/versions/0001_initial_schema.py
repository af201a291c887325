"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('companies',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.Text(), nullable=True),
    sa.Column('owner', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('industry', sa.String(), nullable=False),
    sa.Column('phone', sa.String(), nullable=False),
    sa.Column('website', sa.String(), nullable=False),
    sa.Column('address', sa.String(), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_companies_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_companies_name'), ['name'], unique=False)

    op.create_table('journal_batches',
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('hlc', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(), nullable=False),
    sa.Column('actor', sa.String(), nullable=False),
    sa.Column('action', sa.String(), nullable=False),
    sa.Column('undo_of', sa.String(), nullable=True),
    sa.Column('undone_by', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('seq')
    )
    with op.batch_alter_table('journal_batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_journal_batches_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_journal_batches_id'), ['id'], unique=False)

    op.create_table('meta',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('pipeline_stages',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.Text(), nullable=True),
    sa.Column('owner', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('probability', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('pipeline_stages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pipeline_stages_deleted_at'), ['deleted_at'], unique=False)

    op.create_table('tags',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.Text(), nullable=True),
    sa.Column('owner', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('color', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('tags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tags_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_tags_name'), ['name'], unique=False)

    op.create_table('contacts',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.Text(), nullable=True),
    sa.Column('owner', sa.String(), nullable=False),
    sa.Column('display_name', sa.String(), nullable=False),
    sa.Column('family_name', sa.String(), nullable=False),
    sa.Column('given_name', sa.String(), nullable=False),
    sa.Column('name_order', sa.String(), nullable=False),
    sa.Column('company_id', sa.String(), nullable=True),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('emails', sa.Text(), nullable=False),
    sa.Column('phones', sa.Text(), nullable=False),
    sa.Column('addresses', sa.Text(), nullable=False),
    sa.Column('birthday', sa.String(), nullable=True),
    sa.Column('lead_source', sa.String(), nullable=False),
    sa.Column('lifecycle_stage', sa.String(), nullable=False),
    sa.Column('marketing_consent', sa.Boolean(), nullable=False),
    sa.Column('consent_date', sa.String(), nullable=True),
    sa.Column('consent_source', sa.String(), nullable=False),
    sa.Column('custom_fields', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_display_name'), ['display_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_lifecycle_stage'), ['lifecycle_stage'], unique=False)

    op.create_table('journal',
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('batch_seq', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(), nullable=False),
    sa.Column('row_id', sa.String(), nullable=False),
    sa.Column('op', sa.String(), nullable=False),
    sa.Column('field', sa.String(), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['batch_seq'], ['journal_batches.seq'], ),
    sa.PrimaryKeyConstraint('seq')
    )
    with op.batch_alter_table('journal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_journal_batch_seq'), ['batch_seq'], unique=False)
        batch_op.create_index('ix_journal_row', ['row_id', 'hlc'], unique=False)

    op.create_table('taggings',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.Text(), nullable=True),
    sa.Column('owner', sa.String(), nullable=False),
    sa.Column('tag_id', sa.String(), nullable=False),
    sa.Column('entity', sa.String(), nullable=False),
    sa.Column('row_id', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['tag_id'], ['tags.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('taggings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_taggings_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_taggings_row_id'), ['row_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_taggings_tag_id'), ['tag_id'], unique=False)

    op.create_table('deals',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.Text(), nullable=True),
    sa.Column('owner', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('contact_id', sa.String(), nullable=True),
    sa.Column('company_id', sa.String(), nullable=True),
    sa.Column('stage_id', sa.String(), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(), nullable=False),
    sa.Column('expected_close', sa.String(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('lost_reason', sa.String(), nullable=False),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('closed_at', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], ),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], ),
    sa.ForeignKeyConstraint(['stage_id'], ['pipeline_stages.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('deals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deals_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deals_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deals_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_deals_expected_close'), ['expected_close'], unique=False)
        batch_op.create_index(batch_op.f('ix_deals_stage_id'), ['stage_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deals_status'), ['status'], unique=False)

    op.create_table('service_logs',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.Text(), nullable=True),
    sa.Column('owner', sa.String(), nullable=False),
    sa.Column('contact_id', sa.String(), nullable=True),
    sa.Column('subject', sa.String(), nullable=False),
    sa.Column('description', sa.String(), nullable=False),
    sa.Column('channel', sa.String(), nullable=False),
    sa.Column('category', sa.String(), nullable=False),
    sa.Column('priority', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('opened_at', sa.Text(), nullable=False),
    sa.Column('resolved_at', sa.Text(), nullable=True),
    sa.Column('resolution', sa.String(), nullable=False),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('service_logs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_logs_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_logs_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_logs_status'), ['status'], unique=False)

    op.create_table('notes',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.Text(), nullable=True),
    sa.Column('owner', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('body', sa.String(), nullable=False),
    sa.Column('contact_id', sa.String(), nullable=True),
    sa.Column('company_id', sa.String(), nullable=True),
    sa.Column('deal_id', sa.String(), nullable=True),
    sa.Column('occurred_at', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], ),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], ),
    sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notes_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notes_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notes_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notes_deleted_at'), ['deleted_at'], unique=False)

    op.create_table('reminders',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.Text(), nullable=False),
    sa.Column('deleted_at', sa.Text(), nullable=True),
    sa.Column('owner', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('due_at', sa.Text(), nullable=False),
    sa.Column('contact_id', sa.String(), nullable=True),
    sa.Column('deal_id', sa.String(), nullable=True),
    sa.Column('service_log_id', sa.String(), nullable=True),
    sa.Column('rrule', sa.String(), nullable=False),
    sa.Column('snoozed_until', sa.Text(), nullable=True),
    sa.Column('done_at', sa.Text(), nullable=True),
    sa.Column('notes', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], ),
    sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], ),
    sa.ForeignKeyConstraint(['service_log_id'], ['service_logs.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminders_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminders_deal_id'), ['deal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminders_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminders_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_reminders_service_log_id'), ['service_log_id'], unique=False)

    # The search index (FTS5 virtual tables) is created by the search module's own DDL.
    from crm_desktop.core.search.index import create_schema

    create_schema(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminders_service_log_id'))
        batch_op.drop_index(batch_op.f('ix_reminders_due_at'))
        batch_op.drop_index(batch_op.f('ix_reminders_deleted_at'))
        batch_op.drop_index(batch_op.f('ix_reminders_deal_id'))
        batch_op.drop_index(batch_op.f('ix_reminders_contact_id'))

    op.drop_table('reminders')
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notes_deleted_at'))
        batch_op.drop_index(batch_op.f('ix_notes_deal_id'))
        batch_op.drop_index(batch_op.f('ix_notes_contact_id'))
        batch_op.drop_index(batch_op.f('ix_notes_company_id'))

    op.drop_table('notes')
    with op.batch_alter_table('service_logs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_logs_status'))
        batch_op.drop_index(batch_op.f('ix_service_logs_deleted_at'))
        batch_op.drop_index(batch_op.f('ix_service_logs_contact_id'))

    op.drop_table('service_logs')
    with op.batch_alter_table('deals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deals_status'))
        batch_op.drop_index(batch_op.f('ix_deals_stage_id'))
        batch_op.drop_index(batch_op.f('ix_deals_expected_close'))
        batch_op.drop_index(batch_op.f('ix_deals_deleted_at'))
        batch_op.drop_index(batch_op.f('ix_deals_contact_id'))
        batch_op.drop_index(batch_op.f('ix_deals_company_id'))

    op.drop_table('deals')
    with op.batch_alter_table('taggings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_taggings_tag_id'))
        batch_op.drop_index(batch_op.f('ix_taggings_row_id'))
        batch_op.drop_index(batch_op.f('ix_taggings_deleted_at'))

    op.drop_table('taggings')
    with op.batch_alter_table('journal', schema=None) as batch_op:
        batch_op.drop_index('ix_journal_row')
        batch_op.drop_index(batch_op.f('ix_journal_batch_seq'))

    op.drop_table('journal')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contacts_lifecycle_stage'))
        batch_op.drop_index(batch_op.f('ix_contacts_display_name'))
        batch_op.drop_index(batch_op.f('ix_contacts_deleted_at'))
        batch_op.drop_index(batch_op.f('ix_contacts_company_id'))

    op.drop_table('contacts')
    with op.batch_alter_table('tags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tags_name'))
        batch_op.drop_index(batch_op.f('ix_tags_deleted_at'))

    op.drop_table('tags')
    with op.batch_alter_table('pipeline_stages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pipeline_stages_deleted_at'))

    op.drop_table('pipeline_stages')
    op.drop_table('meta')
    with op.batch_alter_table('journal_batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_journal_batches_id'))
        batch_op.drop_index(batch_op.f('ix_journal_batches_hlc'))

    op.drop_table('journal_batches')
    with op.batch_alter_table('companies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_companies_name'))
        batch_op.drop_index(batch_op.f('ix_companies_deleted_at'))

    op.drop_table('companies')
