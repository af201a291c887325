"""`crm report NAME --out FILE.pdf [filters]` and `crm report --list`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from crm_desktop.cli_commands.context import CliError, Context
from crm_desktop.cli_commands.output import add_json_flag, as_json, table
from crm_desktop.cli_commands.parsing import Subparsers
from crm_desktop.core.domain.models import LIFECYCLE_STAGES
from crm_desktop.core.errors import CrmError
from crm_desktop.core.i18n import N_, _

if TYPE_CHECKING:
    from crm_desktop.core.reports.options import Period, ReportOptions

LANGUAGES = ("zh_CN", "en")
PAPERS = ("a4", "letter")
# The options of each report filter, as `crm report --list` shows them.
FLAGS = {"period": "--from/--to", "tag": "--tag", "owner": "--owner", "lifecycle_stage": "--stage",
         "search": "--search", "contact_id": "--contact", "company_id": "--company"}


class PasswordFileError(CrmError):
    template = N_("The password file {path} cannot be read: {reason}")


def register(commands: Subparsers) -> None:
    report = commands.add_parser("report", help=_("print a report to a PDF file"),
                                 description=_("Write a PDF report. `crm report --list` names the "
                                               "reports and the filters each one takes."))
    report.add_argument("name", nargs="?", metavar="NAME", help=_("which report (see --list)"))
    report.add_argument("--list", action="store_true", help=_("list the reports"))
    report.add_argument("--out", metavar="FILE.pdf", help=_("the PDF file to write"))
    report.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                        help=_("first day of the period (default: the last 30 days)"))
    report.add_argument("--to", dest="end", metavar="YYYY-MM-DD",
                        help=_("last day of the period"))
    report.add_argument("--tag", help=_("only records with this tag"))
    report.add_argument("--owner", help=_("only records of this owner"))
    report.add_argument("--stage", choices=LIFECYCLE_STAGES,
                        help=_("only contacts in this lifecycle stage"))
    report.add_argument("--search", metavar="TEXT", help=_("only contacts this search finds"))
    report.add_argument("--contact", metavar="ID", help=_("the contact a profile is about"))
    report.add_argument("--company", metavar="ID", help=_("the company a profile is about"))
    report.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help=_("language of the report (default: the language of messages)"))
    report.add_argument("--paper", choices=PAPERS, default="a4",
                        help=_("paper size (default: a4)"))
    report.add_argument("--password-file", metavar="FILE",
                        help=_("protect the PDF with the password on the first line of FILE"))
    add_json_flag(report)
    report.set_defaults(handler=make_report)


def make_report(ctx: Context, args: argparse.Namespace) -> None:
    if args.list:
        _list_reports(args)
        return
    if not args.name or not args.out:
        raise CliError(N_("Name a report and where to write it: crm report NAME --out FILE.pdf "
                          "(crm report --list names the reports)."))
    from crm_desktop.core.reports.options import Period  # heavy: keep `crm --help` fast

    options = _options(ctx, args, Period.parse(args.start, args.end))
    with ctx.open(write=False) as crm:
        path = crm.reports.render(args.name, Path(args.out), options, _progress_printer())
    if args.json:
        as_json({"report": args.name, "file": str(path.resolve())})
    else:
        print(_("Report written: {path}").format(path=path))


def _options(ctx: Context, args: argparse.Namespace, period: Period | None) -> ReportOptions:
    from crm_desktop.core.reports.options import ReportOptions

    return ReportOptions(period=period, tag=args.tag, owner=args.owner,
                         lifecycle_stage=args.stage, search=args.search,
                         contact_id=args.contact, company_id=args.company,
                         language=getattr(args, "lang", None) or ctx.language, paper=args.paper,
                         password=_password(args.password_file))


def _password(path_text: str | None) -> str | None:
    if path_text is None:
        return None
    path = Path(path_text)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise PasswordFileError(path=str(path), reason=reason) from None
    return text.split("\n", 1)[0].removesuffix("\r")


def _list_reports(args: argparse.Namespace) -> None:
    from crm_desktop.core.reports.registry import KINDS

    if args.json:
        as_json([{"name": kind.name, "title": _(kind.title), "description": _(kind.description),
                  "filters": sorted(kind.accepts)} for kind in KINDS])
        return
    table((_("Name"), _("Report"), _("Options")),
          ((kind.name, _(kind.title), ", ".join(FLAGS[name] for name in FLAGS if name in kind.accepts))
           for kind in KINDS))


def _progress_printer() -> Callable[[int, int], None] | None:
    """Progress on stderr, only when someone is watching it."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{100 * done // max(total, 1):3d}%", end=end, file=sys.stderr, flush=True)

    return show
