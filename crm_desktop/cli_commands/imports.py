"""`crm import FILE [options]` (preview with --dry-run) and `crm import undo BATCH_ID`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from crm_desktop.cli_commands.context import CliError, Context
from crm_desktop.cli_commands.output import add_json_flag, as_json, notice, table
from crm_desktop.cli_commands.parsing import Subparsers
from crm_desktop.core.crm import Crm
from crm_desktop.core.i18n import N_, _
from crm_desktop.core.io.imports.plan import ImportPlan
from crm_desktop.core.io.imports.source import FORMATS, ReadOptions

EXIT_NOT_WRITTEN = 1
ACTION_LABELS = {"create": N_("create"), "update": N_("update"), "skip": N_("skip"),
                 "invalid": N_("invalid")}


def register(commands: Subparsers) -> None:
    parser = commands.add_parser(
        "import", help=_("import contacts from CSV, Excel (.xlsx) or vCard; `crm import undo ID` "
                         "takes an import back"),
        description=_("Import contacts. Nothing is written when a row is invalid unless "
                      "--skip-invalid is given; --dry-run shows what each row would do."))
    parser.add_argument("file", metavar="FILE", help=_("the file to import (or `undo`)"))
    parser.add_argument("batch", nargs="?", metavar="BATCH_ID",
                        help=_("with `undo`: the import to take back"))
    parser.add_argument("--format", choices=FORMATS, help=_("the file's format (default: detected)"))
    parser.add_argument("--encoding", metavar="E", help=_("the text encoding, e.g. gb18030 or big5 "
                                                          "(default: detected)"))
    parser.add_argument("--delimiter", metavar="C", help=_("the CSV delimiter (default: detected)"))
    parser.add_argument("--sheet", metavar="NAME", help=_("the Excel sheet (default: the first)"))
    parser.add_argument("--mapping", metavar="NAME", help=_("use a saved column mapping"))
    parser.add_argument("--save-mapping", metavar="NAME",
                        help=_("save the mapping used under this name"))
    parser.add_argument("--dry-run", action="store_true", help=_("only show what would happen"))
    parser.add_argument("--skip-invalid", action="store_true",
                        help=_("import the valid rows even when some rows are invalid"))
    add_json_flag(parser)
    parser.set_defaults(handler=run_import)


def run_import(ctx: Context, args: argparse.Namespace) -> int:
    if args.file == "undo":
        return undo(ctx, args)
    if args.batch:
        raise CliError(N_("Give one file to import."))
    options = ReadOptions(args.format, args.encoding, _delimiter(args.delimiter), args.sheet)
    with ctx.open(write=not args.dry_run) as crm:
        source = crm.imports.read(Path(args.file), options)
        mapping = crm.imports.mapping(args.mapping, source) if args.mapping else None
        plan = crm.imports.preview(source, mapping)
        if args.save_mapping and not args.dry_run:
            crm.imports.save_mapping(args.save_mapping, plan.mapping)
        return _finish(crm, plan, args)


def _finish(crm: Crm, plan: ImportPlan, args: argparse.Namespace) -> int:
    counts = plan.counts()
    blocked = counts["invalid"] > 0 and not args.skip_invalid
    written = None
    if not args.dry_run and not blocked and (counts["create"] or counts["update"]
                                             or plan.source.document is not None):
        written = crm.imports.run(plan).value
    if args.json:
        as_json(_plan_json(plan) | {"written": written is not None,
                                    "batch_id": written.batch_id if written else None})
    else:
        _print_plan(plan)
    if written:
        notice(_("Imported: {create} created, {update} updated. Undo with: crm import undo {id}")
               .format(**counts, id=written.batch_id))
    elif blocked and not args.dry_run:
        notice(_("Nothing was imported: {invalid} rows are invalid. Correct them, or import the "
                 "valid rows with --skip-invalid.").format(**counts))
        return EXIT_NOT_WRITTEN
    return 0


def _print_plan(plan: ImportPlan) -> None:
    counts = plan.counts()
    print(_("{create} to create, {update} to update, {skip} to skip, {invalid} invalid "
            "({format}, {encoding}).").format(**counts, format=plan.source.format,
                                             encoding=plan.source.encoding or "-"))
    problems = [row for row in plan.rows if row.action != "create" or row.reasons]
    if problems:
        table((_("Line"), _("Action"), _("Name"), _("Why")),
              ((row.line, _(ACTION_LABELS[row.action]),
                row.candidate.values.get("display_name", ""),
                "; ".join(str(reason) for reason in row.reasons)) for row in problems[:200]))


def _plan_json(plan: ImportPlan) -> dict[str, Any]:
    return {"format": plan.source.format, "encoding": plan.source.encoding,
            "delimiter": plan.source.delimiter, "counts": plan.counts(),
            "mapping": [{"column": m.column, "field": m.field, "label": m.label} for m in plan.mapping],
            "rows": [{"line": row.line, "action": row.action, "contact_id": row.contact_id or None,
                      "name": row.candidate.values.get("display_name", ""),
                      "reasons": [str(reason) for reason in row.reasons]} for row in plan.rows]}


def undo(ctx: Context, args: argparse.Namespace) -> int:
    if not args.batch:
        raise CliError(N_("Say which import to undo: crm import undo BATCH_ID."))
    with ctx.open(write=True) as crm:
        result = crm.imports.undo(args.batch).value
    if args.json:
        as_json({"batch_id": result.batch_id, "records": result.fields})
    else:
        print(_("The import was undone; its new records are in the recycle bin."))
    return 0


def _delimiter(value: str | None) -> str | None:
    return {"tab": "\t", "\\t": "\t"}.get(value or "", value)
