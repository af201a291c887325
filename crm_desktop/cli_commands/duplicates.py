"""`crm duplicates` lists likely duplicate contacts; `crm merge KEEP_ID OTHER_ID` merges two."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from crm_desktop.cli_commands.context import CliError, Context
from crm_desktop.cli_commands.output import add_json_flag, as_json, jsonable, report, table
from crm_desktop.cli_commands.parsing import Subparsers, positive_int
from crm_desktop.core.i18n import N_, _

if TYPE_CHECKING:
    from crm_desktop.core.services.duplicates import DuplicatePair
    from crm_desktop.core.services.merge import Choice

REASON_LABELS = {"email": N_("same email"), "phone": N_("same phone"),
                 "name": N_("similar name, same company")}
YES = ("y", "yes", "是", "好")


def register(commands: Subparsers) -> None:
    listing = commands.add_parser("duplicates", help=_("list contacts that look like duplicates"),
                                  description=_("Pairs of contacts with the same email or phone, "
                                                "or a similar name at the same company. Nothing "
                                                "is merged: merge a pair with `crm merge`."))
    listing.add_argument("--limit", type=positive_int, default=500, help=_("at most this many pairs"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_duplicates)

    merge = commands.add_parser("merge", help=_("merge two contacts into one"),
                                description=_("Merge OTHER_ID into KEEP_ID: the kept contact keeps "
                                              "its values (the other's fill its blanks), gains "
                                              "the other's emails, phones, tags, deals, notes, "
                                              "reminders and service logs; the other goes to "
                                              "the trash. `crm undo` reverses it."))
    merge.add_argument("keep_id", metavar="KEEP_ID")
    merge.add_argument("other_id", metavar="OTHER_ID")
    merge.add_argument("--take", action="extend", nargs="+", default=[], metavar="FIELD",
                       help=_("take these fields from OTHER_ID instead (name, company, title, "
                              "emails, phones, addresses, birthday, lead_source, lifecycle_stage, "
                              "marketing_consent, owner, custom_fields)"))
    merge.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    add_json_flag(merge)
    merge.set_defaults(handler=merge_contacts)


def list_duplicates(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=False) as crm:
        pairs = crm.duplicates.suggestions(limit=args.limit)
    if args.json:
        as_json([_pair_json(pair) for pair in pairs])
        return
    table((_("Keep ID"), _("Name"), _("Other ID"), _("Name"), _("Why")),
          ((p.keep_candidate.id, p.keep_candidate.display_name, p.other.id, p.other.display_name,
            ", ".join(_(REASON_LABELS[r]) for r in p.reasons)) for p in pairs))


def _pair_json(pair: DuplicatePair) -> dict[str, Any]:
    return {"keep": jsonable(pair.keep_candidate), "other": jsonable(pair.other),
            "reasons": list(pair.reasons)}


def merge_contacts(ctx: Context, args: argparse.Namespace) -> None:
    if not args.yes and not sys.stdin.isatty():
        raise CliError(N_("Merging changes two contacts: add --yes to confirm (`crm undo` "
                          "reverses it)."))
    take: dict[str, Choice] = dict.fromkeys(args.take, "other")
    with ctx.open(write=True) as crm:
        if not args.yes:
            keep = crm.contacts.get(args.keep_id, include_deleted=True)
            other = crm.contacts.get(args.other_id, include_deleted=True)
            _confirm(_("Merge {other} (id {other_id}) into {keep} (id {keep_id})? [y/N] ").format(
                other=other.display_name, other_id=other.id, keep=keep.display_name,
                keep_id=keep.id))
        merged = crm.duplicates.merge(args.keep_id, args.other_id, take).value
    report(args, merged, _("Merged into {name} (id {id}). `crm undo` reverses it.")
           .format(name=merged.display_name, id=merged.id))


def _confirm(question: str) -> None:
    try:
        answer = input(question)
    except EOFError:
        answer = ""
    if answer.strip().lower() not in (*YES, _("y"), _("yes")):
        raise CliError(N_("Nothing was merged."))
