"""`crm export csv|xlsx|vcard|ics|json --out FILE [filters]`: take your customers out."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from crm_desktop.cli_commands.context import CliError, Context
from crm_desktop.cli_commands.output import add_json_flag, as_json, notice
from crm_desktop.cli_commands.parsing import Subparsers
from crm_desktop.core.domain.models import LIFECYCLE_STAGES
from crm_desktop.core.i18n import N_, _

if TYPE_CHECKING:
    from crm_desktop.core.crm import Crm
    from crm_desktop.core.io.exports.service import ExportResult

FORMATS = ("csv", "xlsx", "vcard", "ics", "json")  # the core's exports.service.FORMATS
ENCODINGS = ("utf-8-sig", "gbk", "gb18030")
CONTACT_FILTERS = ("tag", "owner", "stage")


def register(commands: Subparsers) -> None:
    export = commands.add_parser(
        "export", help=_("export contacts, reminders or the whole workspace to a file"),
        description=_("csv, xlsx and vcard write contacts; ics writes the open reminders; json "
                      "writes every record of the workspace. Export files are not encrypted."))
    export.add_argument("format", metavar="FORMAT",
                        help=_("one of: {formats}").format(formats=", ".join(FORMATS)))
    export.add_argument("--out", metavar="FILE", required=True, help=_("the file to write"))
    export.add_argument("--tag", help=_("only contacts with this tag"))
    export.add_argument("--owner", help=_("only contacts (or reminders) of this owner"))
    export.add_argument("--stage", choices=LIFECYCLE_STAGES,
                        help=_("only contacts in this lifecycle stage"))
    export.add_argument("--encoding", choices=ENCODINGS, default="utf-8-sig",
                        help=_("CSV encoding (default: utf-8-sig, UTF-8 that Excel recognises; "
                               "gbk for older Chinese Excel; gb18030 writes every character)"))
    add_json_flag(export)
    export.set_defaults(handler=export_file)


def export_file(ctx: Context, args: argparse.Namespace) -> None:
    from crm_desktop.core.io.exports.service import check_format  # format libraries: on use only

    kind = check_format(args.format)
    _check_options(kind, args)
    with ctx.open(write=False) as crm:
        result = _run(crm, kind, args)
    notice(_("Warning: {path} is not encrypted. Anyone who gets the file can read it; keep it "
             "safe and delete it when you no longer need it.").format(path=result.path))
    if args.json:
        as_json({"format": kind, "file": str(result.path.resolve()), "count": result.count})
    else:
        print(_("{count} record(s) written to {path}").format(count=result.count, path=result.path))


def _check_options(kind: str, args: argparse.Namespace) -> None:
    if kind == "json" and any(getattr(args, name) for name in CONTACT_FILTERS):
        raise CliError(N_("The JSON export is always the whole workspace: leave out --tag, "
                          "--owner and --stage."))
    if kind == "ics" and (args.tag or args.stage):
        raise CliError(N_("Reminders can only be narrowed by --owner."))
    if kind != "csv" and args.encoding != "utf-8-sig":
        raise CliError(N_("--encoding applies to CSV only; the other formats are always UTF-8."))


def _run(crm: Crm, kind: str, args: argparse.Namespace) -> ExportResult:
    from crm_desktop.core.services.contacts import ContactQuery

    out, progress = Path(args.out), _progress_printer()
    query = ContactQuery(tag=args.tag, owner=args.owner, lifecycle_stage=args.stage)
    exports = crm.exports
    if kind == "csv":
        return exports.contacts_csv(out, query, args.encoding, progress)
    if kind == "xlsx":
        return exports.contacts_xlsx(out, query, progress)
    if kind == "vcard":
        return exports.contacts_vcard(out, query, progress)
    if kind == "ics":
        return exports.reminders_ics(out, args.owner, progress)
    return exports.workspace_json(out, progress)


def _progress_printer() -> Callable[[int, int], None] | None:
    """Progress on stderr, only when someone is watching it."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{100 * done // max(total, 1):3d}%", end=end, file=sys.stderr, flush=True)

    return show
