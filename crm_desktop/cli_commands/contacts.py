"""`crm contact add|list|show|edit|delete`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from crm_desktop.cli_commands.companies import announce_new_companies, company_link
from crm_desktop.cli_commands.context import Context
from crm_desktop.cli_commands.notes import print_notes, with_notes
from crm_desktop.cli_commands.output import add_json_flag, as_json, fields, report, table
from crm_desktop.cli_commands.parsing import (
    Subparsers,
    add_sort_options,
    count_or_zero,
    given,
    labeled,
    ordering,
    positive_int,
)
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import (
    CONTACT_SORTS,
    LIFECYCLE_STAGES,
    NAME_ORDERS,
    ContactCreate,
    ContactUpdate,
    Labeled,
)
from crm_desktop.core.i18n import _

if TYPE_CHECKING:
    from crm_desktop.core.services.contacts import ContactQuery


def register(commands: Subparsers) -> None:
    parser = commands.add_parser("contact", help=_("people: add, list, show, edit, delete"))
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help=_("add a contact"),
                             description=_("Add a contact. Give --name, or --family-name and "
                                           "--given-name."))
    _contact_options(add)
    add.add_argument("--tag", action="append", default=[], help=_("a tag (repeatable)"))
    add.add_argument("--note", help=_("add this note to the new contact"))
    add.set_defaults(handler=add_contact)

    listing = actions.add_parser("list", help=_("list contacts"))
    listing.add_argument("--tag", help=_("only contacts with this tag"))
    listing.add_argument("--owner", help=_("only contacts of this owner"))
    listing.add_argument("--stage", choices=LIFECYCLE_STAGES, help=_("only this lifecycle stage"))
    listing.add_argument("--company", metavar="ID", help=_("only people at this company"))
    add_sort_options(listing, CONTACT_SORTS)
    listing.add_argument("--limit", type=positive_int, default=100, help=_("at most this many"))
    listing.add_argument("--offset", type=count_or_zero, default=0, help=_("skip this many"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_contacts)

    show = actions.add_parser("show", help=_("show one contact"))
    show.add_argument("id")
    add_json_flag(show)
    show.set_defaults(handler=show_contact)

    edit = actions.add_parser("edit", help=_("change a contact's fields"),
                              description=_("Change the given fields; --email and --phone "
                                            "replace all existing ones, and --email '' or "
                                            "--phone '' removes them; --company '' clears it."))
    edit.add_argument("id")
    _contact_options(edit)
    edit.set_defaults(handler=edit_contact)

    delete = actions.add_parser("delete", help=_("move a contact to the trash"))
    delete.add_argument("id")
    delete.set_defaults(handler=delete_contact)


def _contact_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", help=_("the name as shown (default: family + given name)"))
    parser.add_argument("--family-name", help=_("family name (surname)"))
    parser.add_argument("--given-name", help=_("given name"))
    parser.add_argument("--name-order", choices=NAME_ORDERS,
                        help=_("eastern puts the family name first (张伟), western the given name "
                               "(Anna Smith); default: eastern for Chinese names, else western"))
    parser.add_argument("--company", metavar="ID_OR_NAME",
                        help=_("company id or name; an unknown name creates the company"))
    parser.add_argument("--email", action="append", metavar="[LABEL:]EMAIL",
                        help=_("email, e.g. work:a@b.com (repeatable)"))
    parser.add_argument("--phone", action="append", metavar="[LABEL:]PHONE",
                        help=_("phone, e.g. mobile:13800138000 (repeatable)"))
    parser.add_argument("--title", help=_("job title"))
    parser.add_argument("--stage", choices=LIFECYCLE_STAGES, help=_("lifecycle stage"))
    parser.add_argument("--birthday", metavar="YYYY-MM-DD", help=_("birthday"))
    parser.add_argument("--owner", help=_("who looks after this contact"))
    parser.add_argument("--source", help=_("where the contact came from"))
    parser.add_argument("--consent", action=argparse.BooleanOptionalAction, default=None,
                        help=_("agreed to receive marketing"))
    add_json_flag(parser)


def _values(args: argparse.Namespace) -> dict[str, Any]:
    return given(display_name=args.name, family_name=args.family_name, given_name=args.given_name,
                 name_order=args.name_order, emails=_labeled_list(args.email),
                 phones=_labeled_list(args.phone),
                 title=args.title, lifecycle_stage=args.stage, birthday=args.birthday,
                 owner=args.owner, lead_source=args.source, marketing_consent=args.consent)


def _labeled_list(values: list[str] | None) -> list[Labeled] | None:
    """The values given (blank ones skipped, so a lone `--email ""` empties the list)."""
    return None if values is None else [labeled(v) for v in values if v.strip()]


def add_contact(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        values = _values(args) | company_link(args.company)
        outcome = crm.contacts.add(ContactCreate(**values, tags=args.tag, note=args.note))
        announce_new_companies(crm, outcome.changes)
        contact = outcome.value
    report(args, contact, _("Added contact {name} (id {id}).")
           .format(name=contact.display_name, id=contact.id))


def edit_contact(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        values = _values(args) | company_link(args.company)
        outcome = crm.contacts.update(args.id, ContactUpdate(**values))
        announce_new_companies(crm, outcome.changes)
        contact = outcome.value
    report(args, contact, _("Saved contact {name} (id {id}).")
           .format(name=contact.display_name, id=contact.id))


def list_contacts(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=False) as crm:
        contacts = crm.contacts.page(_query(args), offset=args.offset, limit=args.limit)
    if args.json:
        as_json(contacts)
        return
    table((_("ID"), _("Name"), _("Company"), _("Phone"), _("Email"), _("Stage")),
          ((c.id, c.display_name, c.company_name, c.primary_phone, c.primary_email,
            value_label(c.lifecycle_stage)) for c in contacts))


def _query(args: argparse.Namespace) -> ContactQuery:
    from crm_desktop.core.services.contacts import ContactQuery

    return ContactQuery(tag=args.tag, owner=args.owner, lifecycle_stage=args.stage,
                        company_id=args.company, order=ordering(args, ContactQuery.order))


def show_contact(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=False) as crm:
        contact = crm.contacts.get(args.id)
        notes = crm.notes.for_record(contact.id)
    if args.json:
        as_json(with_notes(contact, notes))
        return
    company = f"{contact.company_name} ({contact.company_id})" if contact.company_id else ""
    fields(((_("ID"), contact.id), (_("Name"), contact.display_name),
            (_("Family name"), contact.family_name), (_("Given name"), contact.given_name),
            (_("Company"), company), (_("Title"), contact.title),
            (_("Emails"), [_labeled_text(e) for e in contact.emails]),
            (_("Phones"), [_labeled_text(p) for p in contact.phones]),
            (_("Birthday"), contact.birthday), (_("Stage"), value_label(contact.lifecycle_stage)),
            (_("Source"), contact.lead_source), (_("Owner"), contact.owner),
            (_("Marketing consent"), contact.marketing_consent), (_("Tags"), contact.tags),
            (_("Created"), contact.created_at), (_("Updated"), contact.updated_at)))
    print_notes(notes)


def _labeled_text(item: Labeled) -> str:
    return f"{item.label}: {item.value}" if item.label else item.value


def delete_contact(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        contact = crm.contacts.get(args.id)
        crm.contacts.delete(contact.id)
    print(_("Moved contact {name} (id {id}) to the trash.")
          .format(name=contact.display_name, id=contact.id))
