"""`crm note add`, and the notes timeline shown under a contact, company or deal."""

from __future__ import annotations

import argparse
from typing import Any

from crm_desktop.cli_commands.context import Context
from crm_desktop.cli_commands.output import add_json_flag, clip, jsonable, local_time, report
from crm_desktop.cli_commands.parsing import Subparsers
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import NOTE_KINDS, NoteCreate, NoteRead
from crm_desktop.core.i18n import _


def register(commands: Subparsers) -> None:
    parser = commands.add_parser("note", help=_("notes and activities on a record"))
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help=_("add a note, call, meeting or email"))
    target = add.add_mutually_exclusive_group(required=True)
    target.add_argument("--contact", metavar="ID", help=_("on this contact"))
    target.add_argument("--company", metavar="ID", help=_("on this company"))
    target.add_argument("--deal", metavar="ID", help=_("on this deal"))
    add.add_argument("--kind", choices=NOTE_KINDS, default="note", help=_("what kind of activity"))
    add.add_argument("--text", required=True, help=_("what happened"))
    add_json_flag(add)
    add.set_defaults(handler=add_note)


def add_note(ctx: Context, args: argparse.Namespace) -> None:
    new = NoteCreate(body=args.text, kind=args.kind, contact_id=args.contact,
                     company_id=args.company, deal_id=args.deal)
    with ctx.open(write=True) as crm:
        note = crm.notes.add(new).value
    report(args, note, _("Added {kind} (id {id}).").format(kind=value_label(args.kind), id=note.id))


def with_notes(record: Any, notes: list[NoteRead]) -> dict[str, Any]:
    return {**jsonable(record), "notes": jsonable(notes)}


def print_notes(notes: list[NoteRead]) -> None:
    if not notes:
        return
    print(_("Notes:"))
    for note in notes:
        when = local_time(note.occurred_at)
        print(f"  {when}  [{value_label(note.kind)}]  {clip(note.body, 72)}  ({note.id})")
