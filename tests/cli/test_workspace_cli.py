"""`crm init`, unlocking, passphrase change, recovery key, key export, keyring, lock."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3

from tests.cli.support import PASSPHRASE, Cli, Template, base_env, run_in_terminal

WRONG = "not the passphrase"
NEW = "a brand new passphrase"
UNIX_TERMINAL = pytest.mark.skipif(sys.platform == "win32", reason="needs a Unix pseudo-terminal")
ZH_PO = Path(__file__).resolve().parents[2] / "crm_desktop/locale/zh_CN/LC_MESSAGES/crm.po"


def test_init_prints_the_recovery_key_once_and_where_the_data_lives(cli_template: Template) -> None:
    """`crm init` creates crm.db and keyslots.json, shows the recovery key once, with a warning."""
    out = cli_template.init.out
    assert cli_template.init.code == 0
    assert re.fullmatch(r"([0-9A-Z]{4}-){6}[0-9A-Z]{4}", cli_template.recovery_key)
    assert out.count(cli_template.recovery_key) == 1
    assert "only way back in" in out
    assert f"Your data is in {cli_template.folder}" in out
    assert (cli_template.folder / "crm.db").is_file()
    assert (cli_template.folder / "keyslots.json").is_file()
    assert PASSPHRASE not in out + cli_template.init.err


def test_init_refuses_a_folder_that_already_holds_a_workspace(cli: Cli) -> None:
    """A second `crm init` on the same folder fails with a one-line message and changes nothing."""
    slots = (cli.data_dir / "keyslots.json").read_bytes()
    result = cli("init")
    assert result.code == 1
    assert result.err_lines == [f"A workspace already exists in {cli.data_dir}."]
    assert (cli.data_dir / "keyslots.json").read_bytes() == slots


def test_init_remember_without_keyring_creates_nothing(tmp_path: Path) -> None:
    """`crm init --remember` where no keyring exists says so and leaves no workspace behind."""
    result = Cli(tmp_path / "new")("init", "--remember")
    assert result.code == 1
    assert "no usable keyring" in result.err
    assert not (tmp_path / "new" / "keyslots.json").exists()


def test_passphrase_file_is_read_from_its_first_line(cli: Cli, tmp_path: Path) -> None:
    """--passphrase-file works without CRM_PASSPHRASE; only the first line counts (CRLF too)."""
    secret = tmp_path / "secret.txt"
    secret.write_text(f"{PASSPHRASE}\r\nsecond line\n", encoding="utf-8")
    result = cli("--passphrase-file", str(secret), "contact", "list", CRM_PASSPHRASE="")
    assert result.code == 0, result.err
    assert "李娜" in result.out


def test_without_passphrase_or_terminal_the_error_says_how_to_give_one(cli: Cli) -> None:
    """No passphrase, keyring or terminal: exit 1 naming CRM_PASSPHRASE and --passphrase-file."""
    result = cli("contact", "list", CRM_PASSPHRASE="")
    assert result.code == 1
    assert len(result.err_lines) == 1
    assert "CRM_PASSPHRASE" in result.err and "--passphrase-file" in result.err


def test_wrong_passphrase_is_one_line_without_traceback(cli: Cli) -> None:
    """A wrong passphrase exits 1 with one line on stderr and no traceback."""
    result = cli("contact", "list", CRM_PASSPHRASE=WRONG)
    assert (result.code, result.err_lines, result.out) == (1, ["Wrong passphrase."], "")
    assert "Traceback" not in result.err


def test_lang_zh_cn_gives_chinese_messages(cli: Cli) -> None:
    """`--lang zh_CN` translates errors: a wrong passphrase reads 密码错误。"""
    assert ZH_PO.is_file(), f"missing catalog {ZH_PO}"
    result = cli("--lang", "zh_CN", "contact", "list", CRM_PASSPHRASE=WRONG)
    assert (result.code, result.err_lines) == (1, ["密码错误。"])


def test_no_workspace_points_to_crm_init(tmp_path: Path) -> None:
    """Commands on a folder without a workspace exit 1 with a hint to run `crm init`."""
    result = Cli(tmp_path / "empty")("contact", "list")
    assert result.code == 1
    assert len(result.err_lines) == 1 and "crm init" in result.err


def test_passphrase_change_retires_the_old_passphrase(cli: Cli) -> None:
    """After `crm passphrase change` the old passphrase fails and the new one opens the data."""
    changed = cli("passphrase", "change", CRM_NEW_PASSPHRASE=NEW)
    assert changed.code == 0, changed.err
    assert cli("contact", "list").err_lines == ["Wrong passphrase."]
    assert cli("key", "export", CRM_PASSPHRASE=NEW).code == 0


def test_recovery_key_sets_a_new_passphrase(cli: Cli, cli_template: Template) -> None:
    """`crm unlock --recovery-key` refuses a wrong key; the right one sets a new passphrase."""
    wrong = cli("unlock", "--recovery-key", CRM_RECOVERY_KEY="AAAA-BBBB", CRM_NEW_PASSPHRASE=NEW)
    assert (wrong.code, wrong.err_lines) == (1, ["Wrong recovery key."])
    right = cli("unlock", "--recovery-key", CRM_RECOVERY_KEY=cli_template.recovery_key.lower(),
                CRM_NEW_PASSPHRASE=NEW, CRM_PASSPHRASE="")
    assert right.code == 0, right.err
    assert cli("key", "export", CRM_PASSPHRASE=NEW).code == 0


def test_key_export_opens_the_file_in_plain_sqlcipher(cli: Cli) -> None:
    """`crm key export` prints 64 hex digits and the PRAGMA that opens crm.db in any SQLCipher 4."""
    result = cli("key", "export")
    assert result.code == 0, result.err
    key = result.out.splitlines()[0]
    assert re.fullmatch(r"[0-9a-f]{64}", key)
    assert f"PRAGMA key = \"x'{key}'\";" in result.out
    assert "SQLCipher 4 default" in result.out and "opens all the data" in result.err
    conn = sqlcipher3.connect(str(cli.data_dir / "crm.db"))
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    assert conn.execute("SELECT display_name FROM contacts").fetchall() == [("李娜",)]
    conn.close()


def test_key_export_needs_the_passphrase(cli: Cli) -> None:
    """Key export is refused with a wrong passphrase."""
    assert cli("key", "export", CRM_PASSPHRASE=WRONG).code == 1


def test_remember_without_keyring_explains_and_forget_is_harmless(cli: Cli) -> None:
    """`crm remember` with no usable keyring exits 1 with the keyring message; `forget` exits 0."""
    remember = cli("remember")
    assert remember.code == 1
    assert remember.err_lines == ["This computer has no usable keyring, so the passphrase cannot "
                                  "be remembered. You will be asked for it each time."]
    assert cli("forget").code == 0


def test_a_second_writer_is_told_the_workspace_is_open(cli: Cli) -> None:
    """While another process holds the workspace lock, writes exit 1 clearly; reads still work."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from pathlib import Path; "
         "from crm_desktop.core.storage.lock import WorkspaceLock; "
         f"held = WorkspaceLock(Path({str(cli.data_dir / 'crm.lock')!r})); held.acquire(); "
         "print('locked', flush=True); sys.stdin.readline()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=base_env())
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        write = cli("contact", "add", "--name", "王芳")
        read = cli("contact", "list")
    finally:
        holder.communicate("\n", timeout=10)
    assert write.code == 1
    assert write.err_lines == ["The workspace is already open in another window or process. "
                               "Close it first."]
    assert read.code == 0 and "李娜" in read.out and "王芳" not in read.out


@UNIX_TERMINAL
def test_init_in_a_terminal_asks_for_the_passphrase_twice(tmp_path: Path) -> None:
    """Interactively, `crm init` asks for the new passphrase twice and never echoes it."""
    code, shown = run_in_terminal(Cli(tmp_path / "new"), ["init"],
                                  [("New passphrase: ", NEW),
                                   ("Repeat the new passphrase: ", NEW)],
                                  CRM_PASSPHRASE="")
    assert code == 0, shown
    assert "<New passphrase:>" in shown and "<Repeat the new passphrase:>" in shown
    assert "Recovery key: " in shown and NEW not in shown


@UNIX_TERMINAL
def test_mistyped_new_passphrase_changes_nothing(cli: Cli) -> None:
    """If the two typed passphrases differ, `passphrase change` exits 1 and keeps the old one."""
    code, shown = run_in_terminal(cli, ["passphrase", "change"],
                                  [("New passphrase: ", NEW),
                                   ("Repeat the new passphrase: ", NEW + "x")])
    assert code == 1, shown
    assert "The two passphrases do not match. Nothing was changed." in shown
    assert cli("key", "export").code == 0
