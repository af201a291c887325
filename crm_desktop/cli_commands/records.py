"""Commands on any record: `crm tag`, `search`, `history`, `undo`, `trash`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from crm_desktop.cli_commands.context import CliError, Context
from crm_desktop.cli_commands.output import add_json_flag, as_json, clip, local_time, report, table
from crm_desktop.cli_commands.parsing import Subparsers, positive_int
from crm_desktop.core.domain.labels import action_label, value_label
from crm_desktop.core.domain.models import HistoryEntry
from crm_desktop.core.errors import NotFoundError
from crm_desktop.core.i18n import N_, _

SEARCH_KINDS = ("contact", "company", "deal", "service", "note")


def register(commands: Subparsers) -> None:
    _register_tags(commands)
    search = commands.add_parser("search", help=_("find records by name, pinyin, phone, text"))
    search.add_argument("query")
    search.add_argument("--kind", action="append", choices=SEARCH_KINDS,
                        help=_("only this kind (repeatable)"))
    search.add_argument("--limit", type=positive_int, default=20, help=_("at most this many"))
    add_json_flag(search)
    search.set_defaults(handler=search_records)

    history = commands.add_parser("history", help=_("who changed what on a record, and when"))
    history.add_argument("id")
    add_json_flag(history)
    history.set_defaults(handler=show_history)

    undo = commands.add_parser("undo", help=_("undo the last change made on this computer"))
    undo.set_defaults(handler=undo_last)
    _register_trash(commands)


def _register_tags(commands: Subparsers) -> None:
    tag = commands.add_parser("tag", help=_("tags on contacts, companies and deals"))
    actions = tag.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, handler, text in (("add", add_tags, _("put tags on a record")),
                                ("remove", remove_tags, _("take tags off a record"))):
        action = actions.add_parser(name, help=text)
        action.add_argument("id")
        action.add_argument("tags", nargs="+", metavar="TAG")
        add_json_flag(action)
        action.set_defaults(handler=handler)


def _register_trash(commands: Subparsers) -> None:
    trash = commands.add_parser("trash", help=_("deleted records: list, restore, purge"))
    actions = trash.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help=_("list deleted records"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_trash)
    restore = actions.add_parser("restore", help=_("bring a deleted record back"))
    restore.add_argument("id")
    restore.set_defaults(handler=restore_record)
    purge = actions.add_parser("purge", help=_("delete a record for good (cannot be undone)"))
    purge.add_argument("id")
    purge.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    purge.set_defaults(handler=purge_record)


def add_tags(ctx: Context, args: argparse.Namespace) -> None:
    _change_tags(ctx, args, remove=False)


def remove_tags(ctx: Context, args: argparse.Namespace) -> None:
    _change_tags(ctx, args, remove=True)


def _change_tags(ctx: Context, args: argparse.Namespace, *, remove: bool) -> None:
    with ctx.open(write=True) as crm:
        entity = crm.tags.entity_of(args.id)
        if entity is None:
            raise NotFoundError(id=args.id)
        change = crm.tags.remove if remove else crm.tags.add
        tags = change(entity, args.id, args.tags).value
    report(args, {"id": args.id, "entity": entity, "tags": list(tags)},
           _("Tags of {id}: {tags}").format(id=args.id, tags=", ".join(tags) or "-"))


def search_records(ctx: Context, args: argparse.Namespace) -> None:
    kinds = tuple(args.kind) if args.kind else None
    with ctx.open(write=False) as crm:
        hits = crm.search(args.query, kinds=kinds, limit=args.limit)
    if args.json:
        as_json([{"id": h.row_id, "kind": h.kind, "title": h.title, "subtitle": h.subtitle}
                 for h in hits])
        return
    table((_("Kind"), _("ID"), _("Title"), _("Details")),
          ((value_label(h.kind), h.row_id, h.title, h.subtitle) for h in hits))


def show_history(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=False) as crm:
        entries = crm.history.of(args.id)
        stage_names = {s.id: s.name for s in crm.deals.stages()}
    if not entries:
        raise NotFoundError(id=args.id)
    entries = [_readable(e, stage_names) for e in entries]
    if args.json:
        as_json({"id": args.id, "entity": entries[0].entity, "changes": entries})
        return
    table((_("When"), _("Who"), _("Change"), _("Field"), _("Old"), _("New")),
          ((local_time(e.at), e.actor, value_label(e.op), e.field, _value(e.old_value), _value(e.new_value))
           for e in entries))


def _readable(entry: HistoryEntry, stage_names: dict[str, str]) -> HistoryEntry:
    """A deal's stage ids shown as stage names."""
    if entry.field != "stage_id":
        return entry
    return entry.model_copy(update={
        "old_value": stage_names.get(entry.old_value, entry.old_value),
        "new_value": stage_names.get(entry.new_value, entry.new_value)})


def _value(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def undo_last(ctx: Context, _args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        result = crm.history.undo().value
    print(_("Undone: {action} ({count} field changes reverted).")
          .format(action=action_label(result.action), count=result.fields))


def list_trash(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=False) as crm:
        items = crm.trash.list()
    if args.json:
        as_json(items)
        return
    table((_("Kind"), _("ID"), _("Name"), _("Deleted")),
          ((value_label(i.entity), i.id, i.label, i.deleted_at) for i in items))


def restore_record(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        item = crm.trash.restore(args.id).value
    print(_("Restored {kind} {name} (id {id}).").format(kind=value_label(item.entity), name=clip(item.label),
                                                         id=item.id))


def purge_record(ctx: Context, args: argparse.Namespace) -> None:
    if not args.yes and not _confirmed(_("Delete {id} for good? This cannot be undone. [y/N] ")
                                       .format(id=args.id)):
        raise CliError(N_("Nothing was purged. Add --yes to confirm."))
    with ctx.open(write=True) as crm:
        crm.trash.purge(args.id)
    print(_("Deleted {id} for good.").format(id=args.id))


def _confirmed(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", _("y"), _("yes"))
