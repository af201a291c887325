"""`crm deal add|list|show|edit|move|won|lost|delete`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from crm_desktop.cli_commands.companies import announce_new_companies, company_link
from crm_desktop.cli_commands.context import Context
from crm_desktop.cli_commands.notes import print_notes, with_notes
from crm_desktop.cli_commands.output import (
    add_json_flag,
    as_json,
    fields,
    local_time,
    money,
    report,
    table,
)
from crm_desktop.cli_commands.parsing import (
    Subparsers,
    add_sort_options,
    count_or_zero,
    given,
    ordering,
    positive_int,
)
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import DEAL_SORTS, DEAL_STATUSES, DealCreate, DealUpdate
from crm_desktop.core.i18n import _

if TYPE_CHECKING:
    from crm_desktop.core.services.deals import DealQuery


def register(commands: Subparsers) -> None:
    parser = commands.add_parser("deal", help=_("sales opportunities through the pipeline"))
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help=_("add a deal"))
    add.add_argument("--title", required=True, help=_("what is being sold"))
    _deal_options(add)
    add.add_argument("--tag", action="append", default=[], help=_("a tag (repeatable)"))
    add.set_defaults(handler=add_deal)

    listing = actions.add_parser("list", help=_("list deals, newest first"))
    listing.add_argument("--stage", help=_("only deals in this stage (name or id)"))
    listing.add_argument("--status", choices=DEAL_STATUSES, help=_("only open, won or lost deals"))
    listing.add_argument("--owner", help=_("only deals of this owner"))
    listing.add_argument("--tag", help=_("only deals with this tag"))
    listing.add_argument("--contact", metavar="ID", help=_("only deals with this contact"))
    listing.add_argument("--company", metavar="ID", help=_("only deals with this company"))
    add_sort_options(listing, DEAL_SORTS)
    listing.add_argument("--limit", type=positive_int, default=100, help=_("at most this many"))
    listing.add_argument("--offset", type=count_or_zero, default=0, help=_("skip this many"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_deals)

    show = actions.add_parser("show", help=_("show one deal with its stage history"))
    show.add_argument("id")
    add_json_flag(show)
    show.set_defaults(handler=show_deal)

    edit = actions.add_parser("edit", help=_("change a deal's fields"))
    edit.add_argument("id")
    edit.add_argument("--title", help=_("what is being sold"))
    _deal_options(edit)
    edit.set_defaults(handler=edit_deal)

    move = actions.add_parser("move", help=_("move a deal to another pipeline stage"))
    move.add_argument("id")
    move.add_argument("stage", help=_("stage name or id"))
    add_json_flag(move)
    move.set_defaults(handler=move_deal)

    won = actions.add_parser("won", help=_("mark a deal as won"))
    won.add_argument("id")
    add_json_flag(won)
    won.set_defaults(handler=win_deal)

    lost = actions.add_parser("lost", help=_("mark a deal as lost"))
    lost.add_argument("id")
    lost.add_argument("--reason", required=True, help=_("why it was lost"))
    add_json_flag(lost)
    lost.set_defaults(handler=lose_deal)

    delete = actions.add_parser("delete", help=_("move a deal to the trash"))
    delete.add_argument("id")
    delete.set_defaults(handler=delete_deal)


def _deal_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--contact", metavar="ID", help=_("the contact it is with"))
    parser.add_argument("--company", metavar="ID_OR_NAME",
                        help=_("company id or name; an unknown name creates the company"))
    parser.add_argument("--stage", help=_("pipeline stage name or id (default: the first)"))
    parser.add_argument("--amount", help=_("expected amount, e.g. 12000.50"))
    parser.add_argument("--currency", help=_("ISO 4217 code (default: the workspace currency)"))
    parser.add_argument("--expected-close", metavar="YYYY-MM-DD", help=_("expected closing date"))
    parser.add_argument("--source", help=_("where the deal came from"))
    parser.add_argument("--owner", help=_("who works on it"))
    add_json_flag(parser)


def _values(args: argparse.Namespace) -> dict[str, Any]:
    """The options given; `--contact ""`, `--company ""` and `--expected-close ""` clear them."""
    contact = {} if args.contact is None else {"contact_id": args.contact.strip() or None}
    return given(title=args.title, stage=args.stage, amount=args.amount, currency=args.currency,
                 expected_close=args.expected_close, source=args.source,
                 owner=args.owner) | contact | company_link(args.company)


def add_deal(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        outcome = crm.deals.add(DealCreate(**_values(args), tags=args.tag))
        announce_new_companies(crm, outcome.changes)
        deal = outcome.value
    report(args, deal, _("Added deal {title} (id {id}).").format(title=deal.title, id=deal.id))


def edit_deal(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        outcome = crm.deals.update(args.id, DealUpdate(**_values(args)))
        announce_new_companies(crm, outcome.changes)
        deal = outcome.value
    report(args, deal, _("Saved deal {title} (id {id}).").format(title=deal.title, id=deal.id))


def move_deal(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        deal = crm.deals.move(args.id, args.stage).value
    report(args, deal, _("Moved deal {title} to {stage}.")
           .format(title=deal.title, stage=deal.stage_name))


def win_deal(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        deal = crm.deals.win(args.id).value
    report(args, deal, _("Deal {title} is won.").format(title=deal.title))


def lose_deal(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        deal = crm.deals.lose(args.id, args.reason).value
    report(args, deal, _("Deal {title} is lost: {reason}")
           .format(title=deal.title, reason=deal.lost_reason))


def delete_deal(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        deal = crm.deals.get(args.id)
        crm.deals.delete(deal.id)
    print(_("Moved deal {title} (id {id}) to the trash.").format(title=deal.title, id=deal.id))


def list_deals(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=False) as crm:
        deals = crm.deals.page(_query(args), offset=args.offset, limit=args.limit)
    if args.json:
        as_json(deals)
        return
    table((_("ID"), _("Title"), _("Stage"), _("Status"), _("Amount"), _("Expected close")),
          ((d.id, d.title, d.stage_name, value_label(d.status), money(d.amount, d.currency, ctx.language),
            d.expected_close) for d in deals))


def _query(args: argparse.Namespace) -> DealQuery:
    from crm_desktop.core.services.deals import DealQuery

    return DealQuery(stage=args.stage, status=args.status, owner=args.owner, tag=args.tag,
                     contact_id=args.contact, company_id=args.company,
                     order=ordering(args, DealQuery.order))


def show_deal(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=False) as crm:
        deal = crm.deals.get(args.id)
        stages = crm.deals.stage_history(deal.id)
        notes = crm.notes.for_record(deal.id)
    if args.json:
        as_json(with_notes(deal, notes) | {"stage_history": [s.model_dump(mode="json")
                                                             for s in stages]})
        return
    fields(((_("ID"), deal.id), (_("Title"), deal.title), (_("Stage"), deal.stage_name),
            (_("Probability"), f"{deal.probability}%"), (_("Status"), value_label(deal.status)),
            (_("Amount"), money(deal.amount, deal.currency, ctx.language)),
            (_("Contact"), deal.contact_id), (_("Company"), deal.company_id),
            (_("Expected close"), deal.expected_close), (_("Lost reason"), deal.lost_reason),
            (_("Source"), deal.source), (_("Owner"), deal.owner), (_("Closed"), deal.closed_at),
            (_("Tags"), deal.tags), (_("Created"), deal.created_at)))
    print(_("Stage history:"))
    for change in stages:
        print(f"  {local_time(change.at)}  {change.from_stage or '-'} → {change.to_stage}"
              f"  ({change.actor})")
    print_notes(notes)
