"""`crm privacy export|erase CONTACT_ID`: a person's data out in one file, or erased for good."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crm_desktop.cli_commands.context import CliError, Context
from crm_desktop.cli_commands.output import add_json_flag, as_json, notice
from crm_desktop.cli_commands.parsing import Subparsers
from crm_desktop.core.i18n import N_, _


def register(commands: Subparsers) -> None:
    privacy = commands.add_parser("privacy", help=_("export or erase everything held about a person"))
    actions = privacy.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help=_("write everything held about a contact to a JSON file"))
    export.add_argument("id", metavar="CONTACT_ID")
    export.add_argument("--out", required=True, metavar="FILE", help=_("the JSON file to write"))
    add_json_flag(export)
    export.set_defaults(handler=export_person)
    erase = actions.add_parser("erase", help=_("erase a contact and their personal data for good "
                                               "(cannot be undone)"))
    erase.add_argument("id", metavar="CONTACT_ID")
    erase.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    add_json_flag(erase)
    erase.set_defaults(handler=erase_person)


def export_person(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        path = crm.privacy.export_person(args.id, Path(args.out))
    notice(_("Warning: {path} is not encrypted. Give it only to the person it is about, and delete "
             "your copy when it has been handed over.").format(path=path))
    if args.json:
        as_json({"id": args.id, "file": str(path)})
    else:
        print(_("Everything held about {id} was written to {path}.").format(id=args.id, path=path))


def erase_person(ctx: Context, args: argparse.Namespace) -> None:
    if not args.yes:
        _confirm(args.id)
    with ctx.open(write=True) as crm:
        erasure = crm.privacy.erase_person(args.id).value
    if args.json:
        as_json({"id": erasure.contact_id, "notes_deleted": erasure.notes_deleted,
                 "reminders_deleted": erasure.reminders_deleted, "deals_kept": erasure.deals_kept,
                 "service_logs_kept": erasure.service_logs_kept})
        return
    print(_("Erased {id}: {notes} note(s) and {reminders} reminder(s) deleted; {deals} deal(s) and "
            "{logs} service log(s) kept without personal data.").format(
        id=erasure.contact_id, notes=erasure.notes_deleted, reminders=erasure.reminders_deleted,
        deals=erasure.deals_kept, logs=erasure.service_logs_kept))
    notice(_("Backups made before now still hold this person until they are deleted."))


def _confirm(contact_id: str) -> None:
    if not sys.stdin.isatty():
        raise CliError(N_("Erasing a person cannot be undone: add --yes to confirm."))
    answer = input(_("Erase {id} and their personal data for good? This cannot be undone. [y/N] ")
                   .format(id=contact_id))
    if answer.strip().lower() not in ("y", "yes", "是", "好"):
        raise CliError(N_("Nothing was erased."))
