"""`crm service add|list|show|update|delete`: customer requests and their resolution."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from crm_desktop.cli_commands.context import Context
from crm_desktop.cli_commands.output import add_json_flag, as_json, fields, report, table
from crm_desktop.cli_commands.parsing import (
    Subparsers,
    add_sort_options,
    count_or_zero,
    given,
    ordering,
    positive_int,
)
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import (
    SERVICE_CHANNELS,
    SERVICE_PRIORITIES,
    SERVICE_SORTS,
    SERVICE_STATUSES,
    ServiceCreate,
    ServiceUpdate,
)
from crm_desktop.core.i18n import _

if TYPE_CHECKING:
    from crm_desktop.core.services.service_logs import ServiceQuery


def register(commands: Subparsers) -> None:
    parser = commands.add_parser("service", help=_("service logs: requests, complaints, visits"))
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help=_("log a service request"))
    add.add_argument("--subject", required=True, help=_("what it is about"))
    _service_options(add)
    add.set_defaults(handler=add_service)

    listing = actions.add_parser("list", help=_("list service logs, newest first"))
    listing.add_argument("--status", choices=SERVICE_STATUSES, help=_("only this status"))
    listing.add_argument("--contact", metavar="ID", help=_("only for this contact"))
    listing.add_argument("--owner", help=_("only service logs of this owner"))
    add_sort_options(listing, SERVICE_SORTS)
    listing.add_argument("--limit", type=positive_int, default=100, help=_("at most this many"))
    listing.add_argument("--offset", type=count_or_zero, default=0, help=_("skip this many"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_services)

    show = actions.add_parser("show", help=_("show one service log"))
    show.add_argument("id")
    add_json_flag(show)
    show.set_defaults(handler=show_service)

    update = actions.add_parser("update", help=_("change status, resolution or other fields"))
    update.add_argument("id")
    update.add_argument("--subject", help=_("what it is about"))
    _service_options(update)
    update.add_argument("--resolution", help=_("how it was solved"))
    update.add_argument("--satisfaction", type=int, choices=range(1, 6), metavar="1-5",
                        help=_("customer satisfaction, 1 to 5"))
    update.set_defaults(handler=update_service)

    delete = actions.add_parser("delete", help=_("move a service log to the trash"))
    delete.add_argument("id")
    delete.set_defaults(handler=delete_service)


def _service_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--contact", metavar="ID", help=_("the customer"))
    parser.add_argument("--description", help=_("details"))
    parser.add_argument("--channel", choices=SERVICE_CHANNELS, help=_("how it came in"))
    parser.add_argument("--category", help=_("a category of your choice"))
    parser.add_argument("--priority", choices=SERVICE_PRIORITIES, help=_("how urgent"))
    parser.add_argument("--status", choices=SERVICE_STATUSES, help=_("where it stands"))
    parser.add_argument("--owner", help=_("who handles it"))
    add_json_flag(parser)


def _values(args: argparse.Namespace) -> dict[str, Any]:
    return given(subject=args.subject, contact_id=args.contact, description=args.description,
                 channel=args.channel, category=args.category, priority=args.priority,
                 status=args.status, owner=args.owner,
                 resolution=getattr(args, "resolution", None),
                 satisfaction=getattr(args, "satisfaction", None))


def add_service(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        log = crm.service.add(ServiceCreate(**_values(args))).value
    report(args, log, _("Logged {subject} (id {id}).").format(subject=log.subject, id=log.id))


def update_service(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        log = crm.service.update(args.id, ServiceUpdate(**_values(args))).value
    report(args, log, _("Saved {subject}: {status} (id {id}).")
           .format(subject=log.subject, status=value_label(log.status), id=log.id))


def list_services(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=False) as crm:
        logs = crm.service.page(_query(args), offset=args.offset, limit=args.limit)
    if args.json:
        as_json(logs)
        return
    table((_("ID"), _("Opened"), _("Subject"), _("Status"), _("Priority")),
          ((s.id, s.opened_at, s.subject, value_label(s.status), value_label(s.priority)) for s in logs))


def _query(args: argparse.Namespace) -> ServiceQuery:
    from crm_desktop.core.services.service_logs import ServiceQuery

    return ServiceQuery(status=args.status, owner=args.owner, contact_id=args.contact,
                        order=ordering(args, ServiceQuery.order))


def show_service(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=False) as crm:
        log = crm.service.get(args.id)
    if args.json:
        as_json(log)
        return
    fields(((_("ID"), log.id), (_("Subject"), log.subject), (_("Contact"), log.contact_id),
            (_("Description"), log.description), (_("Channel"), value_label(log.channel)),
            (_("Category"), log.category), (_("Priority"), value_label(log.priority)),
            (_("Status"), value_label(log.status)), (_("Opened"), log.opened_at),
            (_("Resolved"), log.resolved_at), (_("Resolution"), log.resolution),
            (_("Satisfaction"), log.satisfaction), (_("Owner"), log.owner)))


def delete_service(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        log = crm.service.get(args.id)
        crm.service.delete(log.id)
    print(_("Moved service log {subject} (id {id}) to the trash.")
          .format(subject=log.subject, id=log.id))
