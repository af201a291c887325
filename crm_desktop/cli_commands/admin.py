"""`crm settings show|set`, `crm stage list|add`, `crm demo`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from crm_desktop.cli_commands.context import CliError, Context
from crm_desktop.cli_commands.output import add_json_flag, as_json, fields, table
from crm_desktop.cli_commands.parsing import Subparsers, given, positive_int
from crm_desktop.core.i18n import N_, _

if TYPE_CHECKING:
    from crm_desktop.core.crm import Crm


def register(commands: Subparsers) -> None:
    settings = commands.add_parser("settings", help=_("business name, currency, phone region"))
    actions = settings.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = actions.add_parser("show", help=_("show the workspace settings"))
    add_json_flag(show)
    show.set_defaults(handler=show_settings)
    change = actions.add_parser("set", help=_("change workspace settings"))
    change.add_argument("--business-name", help=_("your business's name"))
    change.add_argument("--currency", help=_("default currency (ISO 4217 code)"))
    change.add_argument("--region", help=_("default phone region (two-letter country code)"))
    logo = change.add_mutually_exclusive_group()
    logo.add_argument("--logo", metavar="FILE",
                      help=_("a PNG or JPEG picture (at most 1 MB) printed on reports"))
    logo.add_argument("--no-logo", action="store_true", help=_("print reports without a logo"))
    change.set_defaults(handler=set_settings)

    stage = commands.add_parser("stage", help=_("pipeline stages"))
    stage_actions = stage.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = stage_actions.add_parser("list", help=_("list the pipeline stages in order"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_stages)
    add = stage_actions.add_parser("add", help=_("add a stage at the end of the pipeline"))
    add.add_argument("name")
    add.add_argument("--probability", type=int, required=True, metavar="0-100",
                     help=_("chance of winning a deal in this stage, in percent"))
    add.set_defaults(handler=add_stage)

    demo = commands.add_parser("demo", help=_("fill the workspace with sample data"))
    demo.add_argument("--contacts", type=positive_int, default=50,
                      help=_("how many sample contacts (default: 50)"))
    demo.set_defaults(handler=add_demo_data)


def show_settings(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=False) as crm:
        settings = crm.settings.get()
        logo = crm.settings.logo()
    workspace_id = ctx.vault().workspace_id
    if args.json:
        as_json({"id": workspace_id, **settings.model_dump(), "logo": logo is not None,
                 "data_dir": str(ctx.paths.root)})
        return
    shown_logo = _("{size} KB").format(size=max(1, len(logo) // 1024)) if logo else "-"
    fields(((_("Business name"), settings.business_name), (_("Currency"), settings.currency),
            (_("Phone region"), settings.default_region), (_("Language"), settings.language),
            (_("Logo"), shown_logo),
            (_("Data folder"), ctx.paths.root), (_("Workspace id"), workspace_id)))


def set_settings(ctx: Context, args: argparse.Namespace) -> None:
    values = given(business_name=args.business_name, currency=args.currency,
                   default_region=args.region)
    if not values and not args.logo and not args.no_logo:
        raise CliError(N_("Nothing to change: give --business-name, --currency, --region, --logo "
                          "or --no-logo."))
    with ctx.open(write=True) as crm:
        _set_logo(crm, args)
        if values:
            settings = crm.settings.update(**values).value
            print(_("Settings saved: {name}, {currency}, {region}.").format(
                name=settings.business_name or "-", currency=settings.currency,
                region=settings.default_region))


def _set_logo(crm: Crm, args: argparse.Namespace) -> None:
    """The logo first: a picture that is refused leaves the other settings unchanged too."""
    if args.logo:
        crm.settings.set_logo(args.logo)
        print(_("Logo saved: it is printed on every report."))
    elif args.no_logo:
        crm.settings.clear_logo()
        print(_("Logo removed."))


def list_stages(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=False) as crm:
        stages = crm.deals.stages()
    if args.json:
        as_json(stages)
        return
    table((_("ID"), _("Position"), _("Name"), _("Probability")),
          ((s.id, s.position + 1, s.name, f"{s.probability}%") for s in stages))


def add_stage(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        stage = crm.deals.add_stage(args.name, args.probability)
    print(_("Added stage {name} ({probability}%) (id {id}).")
          .format(name=stage.name, probability=stage.probability, id=stage.id))


def add_demo_data(ctx: Context, args: argparse.Namespace) -> None:
    from crm_desktop.core.demo import populate_demo  # heavy: keep `crm --help` fast

    with ctx.open(write=True) as crm:
        counts = populate_demo(crm, contacts=args.contacts, progress=_progress_printer())
    summary = ", ".join(f"{entity}: {count}" for entity, count in counts.items())
    print(_("Added sample data: {summary}.").format(summary=summary))


def _progress_printer() -> Callable[[int, int], None]:
    """Progress on stderr, only when someone is watching it."""
    if not sys.stderr.isatty():
        return lambda _done, _total: None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{done}/{total}", end=end, file=sys.stderr, flush=True)

    return show
