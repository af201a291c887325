"""`crm reminder add|list|done|snooze|delete`: due times typed and shown in local time.

A new reminder remembers this computer's IANA time zone (or `--timezone`): its due time is read
in that zone and its repeats follow that zone's clock.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from crm_desktop.cli_commands.context import Context
from crm_desktop.cli_commands.output import add_json_flag, as_json, local_time, report, table
from crm_desktop.cli_commands.parsing import (
    LOCAL_FORMAT,
    Subparsers,
    add_sort_options,
    count_or_zero,
    given,
    local_datetime,
    local_day_start,
    ordering,
    positive_int,
)
from crm_desktop.core.domain.models import REMINDER_SORTS, ReminderCreate
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.i18n import N_, _

if TYPE_CHECKING:
    from crm_desktop.core.services.reminders import ReminderQuery

DUE_CHOICES = ("today", "overdue", "week", "all")
MAX_SNOOZE_MINUTES = 366 * 24 * 60


def register(commands: Subparsers) -> None:
    parser = commands.add_parser("reminder", help=_("follow-up reminders"))
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help=_("add a reminder"))
    add.add_argument("--title", required=True, help=_("what to do"))
    add.add_argument("--due", required=True, metavar="'YYYY-MM-DD HH:MM'",
                     help=_("when, in local time (or in the --timezone zone)"))
    add.add_argument("--timezone", metavar="ZONE",
                     help=_("IANA time zone for the due time and the repeats, e.g. "
                            "America/New_York (default: this computer's)"))
    add.add_argument("--contact", metavar="ID", help=_("about this contact"))
    add.add_argument("--deal", metavar="ID", help=_("about this deal"))
    add.add_argument("--service", metavar="ID", help=_("about this service log"))
    add.add_argument("--repeat", metavar="RRULE", help=_("recurrence, e.g. FREQ=WEEKLY"))
    add.add_argument("--notes", help=_("details"))
    add.add_argument("--owner", help=_("whose reminder it is"))
    add_json_flag(add)
    add.set_defaults(handler=add_reminder)

    listing = actions.add_parser("list", help=_("list open reminders, soonest first"))
    listing.add_argument("--due", choices=DUE_CHOICES, default="all",
                         help=_("which ones (default: all); today and week also list the "
                                "overdue ones, since what is late is still to do"))
    listing.add_argument("--contact", metavar="ID", help=_("only about this contact"))
    listing.add_argument("--owner", help=_("only reminders of this owner"))
    listing.add_argument("--done", action="store_true", help=_("also list finished reminders"))
    add_sort_options(listing, REMINDER_SORTS)
    listing.add_argument("--limit", type=positive_int, default=500, help=_("at most this many"))
    listing.add_argument("--offset", type=count_or_zero, default=0, help=_("skip this many"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_reminders)

    done = actions.add_parser("done", help=_("mark a reminder as done"))
    done.add_argument("id")
    add_json_flag(done)
    done.set_defaults(handler=done_reminder)

    snooze = actions.add_parser("snooze", help=_("remind later"))
    snooze.add_argument("id")
    when = snooze.add_mutually_exclusive_group(required=True)
    when.add_argument("--minutes", type=snooze_minutes,
                      help=_("this many minutes from now (at most 366 days)"))
    when.add_argument("--until", metavar="'YYYY-MM-DD HH:MM'", help=_("until then, in local time"))
    add_json_flag(snooze)
    snooze.set_defaults(handler=snooze_reminder)

    delete = actions.add_parser("delete", help=_("move a reminder to the trash"))
    delete.add_argument("id")
    delete.set_defaults(handler=delete_reminder)


def add_reminder(ctx: Context, args: argparse.Namespace) -> None:
    from crm_desktop.core.services.reminders import time_zone, zone_name

    zone = zone_name(args.timezone if args.timezone is not None else machine_zone())
    new = ReminderCreate(title=args.title, due_at=zoned_datetime(args.due, time_zone(zone)),
                         timezone=zone,
                         **given(contact_id=args.contact, deal_id=args.deal,
                                 service_log_id=args.service, rrule=args.repeat,
                                 notes=args.notes, owner=args.owner))
    with ctx.open(write=True) as crm:
        reminder = crm.reminders.add(new).value
    report(args, reminder, _("Added reminder {title} due {due} (id {id}).")
           .format(title=reminder.title, due=local_time(reminder.due_at), id=reminder.id))


def list_reminders(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=False) as crm:
        reminders = crm.reminders.page(_query(args), offset=args.offset, limit=args.limit,
                                       day_start=local_day_start())
    if args.json:
        as_json(reminders)
        return
    now = datetime.now(UTC)
    table((_("ID"), _("Due"), _("Title"), _("Overdue")),
          ((r.id, local_time(r.effective_due), r.title, r.done_at is None and r.effective_due < now)
           for r in reminders))


def _query(args: argparse.Namespace) -> ReminderQuery:
    from crm_desktop.core.services.reminders import ReminderQuery

    return ReminderQuery(due=args.due, contact_id=args.contact, owner=args.owner,
                         include_done=args.done, order=ordering(args, ReminderQuery.order))


def done_reminder(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        reminder = crm.reminders.done(args.id).value
    message = (_("Done: {title}.") if reminder.done_at else
               _("Done: {title}. Next time: {due}.")).format(title=reminder.title,
                                                              due=local_time(reminder.due_at))
    report(args, reminder, message)


def snooze_reminder(ctx: Context, args: argparse.Namespace) -> None:
    if args.minutes and args.minutes > MAX_SNOOZE_MINUTES:
        raise ValidationError(N_("Snooze for at most {limit} minutes (366 days)."),
                              field="until", limit=MAX_SNOOZE_MINUTES)
    until = (datetime.now(UTC) + timedelta(minutes=args.minutes) if args.minutes
             else local_datetime(args.until, "until"))
    with ctx.open(write=True) as crm:
        reminder = crm.reminders.snooze(args.id, until).value
    report(args, reminder, _("Snoozed {title} until {until}.")
           .format(title=reminder.title, until=local_time(until)))


def delete_reminder(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=True) as crm:
        reminder = crm.reminders.get(args.id)
        crm.reminders.delete(reminder.id)
    print(_("Moved reminder {title} (id {id}) to the trash.")
          .format(title=reminder.title, id=reminder.id))


def snooze_minutes(text: str) -> int:
    """A whole number of minutes; one past the snooze limit is left for the handler to refuse
    with a clear message (exit 1) instead of a usage error."""
    try:
        value = int(text)
    except ValueError:
        return positive_int(text)  # refuses it as a usage error
    return value if value > MAX_SNOOZE_MINUTES else positive_int(text)


def machine_zone() -> str:
    """This computer's IANA time zone name (TZ, else the system setting)."""
    import tzlocal

    try:
        name = tzlocal.get_localzone_name()
    except (LookupError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
        name = None
    if not name:
        raise ValidationError(N_("This computer's time zone is unknown: give one with --timezone, "
                                 "e.g. Asia/Shanghai."), field="timezone")
    return name


def zoned_datetime(text: str, zone: tzinfo) -> datetime:
    """"YYYY-MM-DD HH:MM" on the clocks of `zone`, as an aware UTC datetime."""
    try:
        naive = datetime.strptime(text.strip(), LOCAL_FORMAT)
    except ValueError:
        raise ValidationError(N_("'{value}' is not a date and time in the form YYYY-MM-DD HH:MM."),
                              field="due_at", value=text) from None
    return naive.replace(tzinfo=zone).astimezone(UTC)
