"""argparse's own words (usage, options, its errors) through our catalog, so `--lang zh_CN`
translates the whole help screen and every usage error, not only our strings."""

from __future__ import annotations

import argparse

from crm_desktop.core.i18n import N_, _

# The msgids exactly as argparse (Python 3.11+) spells them, listed here so they are extracted.
ARGPARSE_MESSAGES = (
    N_("usage: "), N_("positional arguments"), N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("%(prog)s: error: %(message)s\n"),
)


def translate_argparse() -> None:
    """Point argparse's gettext lookups at the active crm language."""
    argparse._ = _  # type: ignore[attr-defined]
