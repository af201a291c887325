"""Turning command-line text into core input: labelled values, local times, counts."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeAlias

from crm_desktop.core.domain.models import Labeled
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.i18n import N_, _

if TYPE_CHECKING:
    from crm_desktop.core.services.ordering import Ordering

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
LABEL = re.compile(r"^[^\W\d_][\w-]*$")
LOCAL_FORMAT = "%Y-%m-%d %H:%M"
MAX_COUNT = 1_000_000


def labeled(text: str) -> Labeled:
    """`work:a@b.com` → label "work"; `+86:138…` or `a:b@c.com`-like text stays one value."""
    label, sep, value = text.partition(":")
    if sep and LABEL.match(label.strip()) and value.strip():
        return Labeled(label=label.strip(), value=value.strip())
    return Labeled(label="", value=text.strip())


def local_datetime(text: str, field: str) -> datetime:
    """"YYYY-MM-DD HH:MM" in this computer's time zone, as an aware UTC datetime."""
    try:
        naive = datetime.strptime(text.strip(), LOCAL_FORMAT)
    except ValueError:
        raise ValidationError(N_("'{value}' is not a date and time in the form YYYY-MM-DD HH:MM."),
                              field=field, value=text) from None
    return naive.astimezone().astimezone(UTC)


def local_day_start() -> datetime:
    return datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)


def positive_int(text: str) -> int:
    """A count from 1 to MAX_COUNT (larger ones would overflow SQLite's integers)."""
    return _bounded_int(text, 1)


def count_or_zero(text: str) -> int:
    """An offset from 0 to MAX_COUNT."""
    return _bounded_int(text, 0)


def _bounded_int(text: str, minimum: int) -> int:
    try:
        value = int(text)
    except ValueError:
        value = minimum - 1
    if not minimum <= value <= MAX_COUNT:
        raise argparse.ArgumentTypeError(_("'{value}' is not a whole number from {minimum} to "
                                           "{maximum}.").format(value=text, minimum=minimum,
                                                                maximum=MAX_COUNT))
    return value


def given(**values: Any) -> dict[str, Any]:
    """Only the options the user gave (None means "not given")."""
    return {key: value for key, value in values.items() if value is not None}


def add_sort_options(parser: argparse.ArgumentParser, keys: tuple[str, ...]) -> None:
    """--sort KEY (one of the list's sortable columns) and --desc."""
    parser.add_argument("--sort", choices=keys, metavar="KEY",
                        help=_("sort by this column: {keys} (default: the list's usual order)")
                        .format(keys=", ".join(keys)))
    parser.add_argument("--desc", action="store_true",
                        help=_("sort in descending order (Z to A, newest or largest first)"))


def ordering(args: argparse.Namespace, default: Ordering) -> Ordering:
    """The order asked for with --sort and --desc; the list's own order when neither is given."""
    from crm_desktop.core.services.ordering import Ordering

    if args.sort is None and not args.desc:
        return default
    return Ordering(args.sort or default.key, args.desc)
