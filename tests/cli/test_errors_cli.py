"""The exit-code contract: 1 with one translated line for user errors, 2 for usage, 3 for bugs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.support import Cli, parallel, run_python

INVALID = (
    (("contact", "add", "--name", "X", "--email", "zw@@x.cn"), "'zw@@x.cn' is not a valid email"),
    (("contact", "add", "--name", "X", "--phone", "12"), "'12' is not a valid phone number"),
    (("contact", "add", "--name", "X", "--birthday", "1990-02-30"), "'1990-02-30' is not a date"),
    (("deal", "add", "--title", "X", "--amount", "12,0.0.1"), "'12,0.0.1' is not a valid amount"),
    (("deal", "add", "--title", "X", "--currency", "RMB"), "'RMB' is not a currency code (ISO 4217"),
    (("reminder", "add", "--title", "X", "--due", "明天"), "'明天' is not a date and time"),
)


def test_invalid_values_exit_1_naming_the_value(cli: Cli, tmp_path: Path) -> None:
    """Bad email, phone, date, amount, currency or due time: exit 1, one line naming the value."""
    copies = []
    for number in range(len(INVALID)):
        folder = tmp_path / f"copy{number}"
        shutil.copytree(cli.data_dir, folder)
        copies.append(Cli(folder))
    results = parallel(*((copy, args) for copy, (args, _msg) in zip(copies, INVALID, strict=True)))
    for (args, message), result in zip(INVALID, results, strict=True):
        assert result.code == 1, (args, result)
        assert len(result.err_lines) == 1 and message in result.err, (args, result.err)
        assert "Traceback" not in result.err and result.out == ""


@pytest.mark.parametrize("args", [("contact", "frobnicate"), (),
                                  ("contact", "add", "--stage", "vip"),
                                  ("--lang", "fr", "contact", "list")])
def test_usage_errors_exit_2(cli: Cli, args: tuple[str, ...]) -> None:
    """Unknown commands, missing commands and invalid choices are usage errors (exit 2)."""
    result = cli(*args)
    assert result.code == 2 and "usage: crm" in result.err


HELP_EVERYWHERE = """
import argparse, contextlib, io, json
from crm_desktop import cli
from crm_desktop.core.i18n import set_language

def paths(parser, prefix=()):
    yield prefix
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from paths(sub, prefix + (name,))

set_language("en")
results = {}
for path in paths(cli.build_parser()):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            cli.main([*path, "--help"])
            code = None
        except SystemExit as exit:
            code = exit.code
    results[" ".join(path)] = [code, out.getvalue().startswith("usage: crm")]
print(json.dumps(results))
"""


def test_every_command_level_has_help() -> None:
    """`--help` works on every command and subcommand and exits 0."""
    result = run_python(HELP_EVERYWHERE)
    assert result.code == 0, result.err
    helps = json.loads(result.out)
    assert {"", "contact", "contact add", "deal lost", "reminder snooze", "trash purge",
            "key export", "passphrase change", "stage add", "demo"} <= helps.keys()
    assert {path: value for path, value in helps.items() if value != [0, True]} == {}


BOOM = """
import sys
from crm_desktop.cli_commands import admin
def boom(ctx, args):
    raise RuntimeError("customer 张伟 13800138000")
admin.show_settings = boom
from crm_desktop.cli import main
sys.exit(main(["--data-dir", "unused", "settings", "show"]))
"""


def test_unexpected_errors_exit_3_with_one_line_and_no_customer_data() -> None:
    """A bug gives exit 3 and one line without data; CRM_DEBUG=1 shows the traceback."""
    quiet = run_python(BOOM)
    assert (quiet.code, len(quiet.err_lines)) == (3, 1)
    assert "CRM_DEBUG=1" in quiet.err and "张伟" not in quiet.err and "Traceback" not in quiet.err
    debug = run_python(BOOM, CRM_DEBUG="1")
    assert debug.code == 3 and "Traceback" in debug.err and "RuntimeError" in debug.err


def test_the_cli_never_loads_qt(cli: Cli) -> None:
    """Importing and running the CLI loads neither PySide6 nor the GUI packages."""
    code = f"""
import sys
from crm_desktop.cli import main
assert main(["--data-dir", {str(cli.data_dir)!r}, "contact", "list"]) == 0
loaded = [m for m in sys.modules if m.startswith(("PySide6", "crm_desktop.ui", "crm_desktop.app"))]
assert not loaded, loaded
"""
    result = run_python(code)
    assert result.code == 0, result.err
    assert "李娜" in result.out
