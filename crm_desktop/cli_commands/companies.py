"""`crm company add|list|show|edit|delete`, and what `--company ID_OR_NAME` means."""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING, Any

from crm_desktop.cli_commands.context import Context
from crm_desktop.cli_commands.notes import print_notes, with_notes
from crm_desktop.cli_commands.output import add_json_flag, as_json, fields, notice, report, table
from crm_desktop.cli_commands.parsing import (
    Subparsers,
    add_sort_options,
    count_or_zero,
    given,
    ordering,
    positive_int,
)
from crm_desktop.core.domain.models import COMPANY_SORTS, CompanyCreate, CompanyUpdate
from crm_desktop.core.i18n import _

if TYPE_CHECKING:
    from crm_desktop.core.crm import Crm
    from crm_desktop.core.domain.changes import Changes
    from crm_desktop.core.services.companies import CompanyQuery

RECORD_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)


def register(commands: Subparsers) -> None:
    parser = commands.add_parser("company", help=_("companies: add, list, show, edit, delete"))
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help=_("add a company"))
    add.add_argument("--name", required=True, help=_("the company's name"))
    _company_options(add)
    add.add_argument("--tag", action="append", default=[], help=_("a tag (repeatable)"))
    add.set_defaults(handler=add_company)

    listing = actions.add_parser("list", help=_("list companies"))
    listing.add_argument("--tag", help=_("only companies with this tag"))
    listing.add_argument("--owner", help=_("only companies of this owner"))
    add_sort_options(listing, COMPANY_SORTS)
    listing.add_argument("--limit", type=positive_int, default=100, help=_("at most this many"))
    listing.add_argument("--offset", type=count_or_zero, default=0, help=_("skip this many"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_companies)

    show = actions.add_parser("show", help=_("show one company"))
    show.add_argument("id")
    add_json_flag(show)
    show.set_defaults(handler=show_company)

    edit = actions.add_parser("edit", help=_("change a company's fields"))
    edit.add_argument("id")
    edit.add_argument("--name", help=_("the company's name"))
    _company_options(edit)
    edit.set_defaults(handler=edit_company)

    delete = actions.add_parser("delete", help=_("move a company to the trash"))
    delete.add_argument("id")
    delete.set_defaults(handler=delete_company)


def _company_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--industry", help=_("industry"))
    parser.add_argument("--phone", help=_("phone number"))
    parser.add_argument("--website", help=_("website"))
    parser.add_argument("--address", help=_("address"))
    parser.add_argument("--notes", help=_("free text about the company"))
    parser.add_argument("--owner", help=_("who looks after it"))
    add_json_flag(parser)


def _values(args: argparse.Namespace) -> dict[str, Any]:
    return given(name=args.name, industry=args.industry, phone=args.phone, website=args.website,
                 address=args.address, notes=args.notes, owner=args.owner)


def add_company(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        company = crm.companies.add(CompanyCreate(**_values(args), tags=args.tag)).value
    report(args, company, _("Added company {name} (id {id}).")
           .format(name=company.name, id=company.id))


def list_companies(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=False) as crm:
        companies = crm.companies.page(_query(args), offset=args.offset, limit=args.limit)
    if args.json:
        as_json(companies)
        return
    table((_("ID"), _("Name"), _("Industry"), _("Phone"), _("Tags")),
          ((c.id, c.name, c.industry, c.phone, c.tags) for c in companies))


def _query(args: argparse.Namespace) -> CompanyQuery:
    from crm_desktop.core.services.companies import CompanyQuery

    return CompanyQuery(tag=args.tag, owner=args.owner, order=ordering(args, CompanyQuery.order))


def show_company(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=False) as crm:
        company = crm.companies.get(args.id)
        notes = crm.notes.for_record(company.id)
    if args.json:
        as_json(with_notes(company, notes))
        return
    fields(((_("ID"), company.id), (_("Name"), company.name), (_("Industry"), company.industry),
            (_("Phone"), company.phone), (_("Website"), company.website),
            (_("Address"), company.address), (_("Notes"), company.notes),
            (_("Owner"), company.owner), (_("Tags"), company.tags),
            (_("Created"), company.created_at), (_("Updated"), company.updated_at)))
    print_notes(notes)


def edit_company(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        company = crm.companies.update(args.id, CompanyUpdate(**_values(args))).value
    report(args, company, _("Saved company {name} (id {id}).")
           .format(name=company.name, id=company.id))


def delete_company(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        company = crm.companies.get(args.id)
        crm.companies.delete(company.id)
    print(_("Moved company {name} (id {id}) to the trash.")
          .format(name=company.name, id=company.id))


def company_link(id_or_name: str | None) -> dict[str, str | None]:
    """What `--company` asks of the core: "" clears the link; a record id links to that company
    (an unknown id is an error, never a name to create); any other text is a name, which the
    core links to (any case) or creates in the same transaction as the record that names it."""
    if id_or_name is None:
        return {}
    text = id_or_name.strip()
    if not text:
        return {"company_id": None}
    return {"company_id": text.lower()} if RECORD_ID.match(text) else {"company_name": text}


def announce_new_companies(crm: Crm, changes: Changes) -> None:
    for company_id in sorted(changes.ids("company")):
        company = crm.companies.get(company_id)
        notice(_("Created company {name} (id {id}).").format(name=company.name, id=company.id))
