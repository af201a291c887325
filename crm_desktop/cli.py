"""The `crm` command: global options, language, dispatch to `cli_commands`, and exit codes.

Exit codes: 0 success; 1 a problem the user can act on (one translated line on stderr);
2 a usage error (argparse); 3 an unexpected failure (traceback only with CRM_DEBUG=1).
Qt-free: nothing here or in `cli_commands` imports PySide6, `ui` or `app`.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import traceback
from collections.abc import Sequence

from crm_desktop.cli_commands import register_all
from crm_desktop.cli_commands.argparse_messages import translate_argparse
from crm_desktop.cli_commands.context import Context
from crm_desktop.core.errors import CrmError
from crm_desktop.core.i18n import _, detect_language, set_language

EXIT_OK, EXIT_USER, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED = 130
LANGUAGES = ("zh_CN", "en")


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a frozen build's helper processes start here
    arguments = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_option(arguments) or detect_language())
    translate_argparse()
    args = build_parser().parse_args(arguments)
    return run(args)


def _language_option(arguments: list[str]) -> str | None:
    """`--lang` is read before the parser is built, so that its help texts are translated too."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    known, _rest = early.parse_known_args(arguments)
    return known.lang if known.lang in LANGUAGES else None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crm",
        description=_("Offline CRM for small businesses: contacts, companies, deals, "
                      "reminders and service logs in one encrypted file."),
        epilog=_("The passphrase is never given on the command line: crm uses the key remembered "
                 "on this computer, then CRM_PASSPHRASE, --passphrase-file, or asks for it."))
    parser.add_argument("--data-dir", metavar="DIR",
                        help=_("the workspace folder (default: CRM_DATA_DIR, "
                               "else the user data folder)"))
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help=_("read the passphrase from the first line of FILE"))
    parser.add_argument("--lang", choices=LANGUAGES,
                        help=_("language of messages (default: CRM_LANG or the system language)"))
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                     title=_("commands"))
    register_all(commands)
    return parser


def run(args: argparse.Namespace) -> int:
    try:
        return int(args.handler(Context.from_args(args), args) or EXIT_OK)
    except CrmError as err:
        _error_line(str(err))
        return EXIT_USER
    except KeyboardInterrupt:
        _error_line(_("Interrupted."))
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except Exception as exc:
        return _internal_error(exc)


def _internal_error(exc: Exception) -> int:
    if os.environ.get("CRM_DEBUG") == "1":
        traceback.print_exc()
    else:
        _error_line(_("Internal error ({kind}). Run again with CRM_DEBUG=1 to see the details.")
                    .format(kind=type(exc).__name__))
    return EXIT_INTERNAL


def _error_line(message: str) -> None:
    print(" ".join(message.split()), file=sys.stderr)


def _silence_stdout() -> None:
    """The reader went away (`crm contact list | head`): stop writing without a second error."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
