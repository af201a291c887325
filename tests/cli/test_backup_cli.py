"""`crm backup …` for scheduled jobs: non-interactive, clear messages, exit codes scripts can test."""

from __future__ import annotations

from pathlib import Path

from tests.cli.support import Cli


def _usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_create_list_verify_restore_round_trip(cli: Cli, tmp_path: Path, seeded_contact: str) -> None:
    """A cron-style backup, then list and verify it; restore --yes brings back a deleted contact."""
    usb = _usb(tmp_path)
    made = cli.json("backup", "create", "--to", str(usb))
    assert made["ok"] and Path(made["file"]).parent == usb
    listed = cli.json("backup", "list", str(usb))
    assert [item["file"] for item in listed] == [made["file"]]
    assert listed[0]["manifest"]["counts"]["contacts"] == 1
    checked = cli.json("backup", "verify", made["file"])
    assert checked["ok"] and {c["name"] for c in checked["checks"]} >= {"pages", "integrity"}
    assert cli("contact", "delete", seeded_contact).code == 0
    restored = cli("backup", "restore", made["file"], "--yes")
    assert restored.code == 0, restored.err
    assert "Restored the backup of" in restored.out
    assert cli.json("contact", "show", seeded_contact)["display_name"] == "李娜"


def test_restore_without_yes_in_a_script_asks_for_it_and_changes_nothing(
        cli: Cli, tmp_path: Path, seeded_contact: str) -> None:
    """Restore is never silent: without a terminal it needs --yes."""
    made = cli.json("backup", "create", "--to", str(_usb(tmp_path)))
    cli("contact", "delete", seeded_contact)
    result = cli("backup", "restore", made["file"])
    assert result.code == 1 and "add --yes" in result.err
    assert cli("contact", "show", seeded_contact).code != 0  # still deleted


def test_verify_reports_a_damaged_backup_with_exit_1(cli: Cli, tmp_path: Path) -> None:
    """A bit-flipped backup fails verify with exit code 1 and says which check failed."""
    made = cli.json("backup", "create", "--to", str(_usb(tmp_path)))
    path = Path(made["file"])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    result = cli("backup", "verify", str(path))
    assert result.code == 1
    assert "FAILED" in result.out and "✗" in result.out


def test_backup_without_a_folder_or_to_a_missing_one_explains(cli: Cli, tmp_path: Path) -> None:
    """No folder chosen, or an unplugged stick: a one-line message, exit 1."""
    no_folder = cli("backup", "create")
    assert no_folder.code == 1 and "--to" in no_folder.err
    missing = cli("backup", "create", "--to", str(tmp_path / "unplugged"))
    assert missing.code == 1 and "plug the stick in" in missing.err
    assert "Traceback" not in missing.err


def test_wrong_passphrase_for_a_backup_is_named(cli: Cli, tmp_path: Path) -> None:
    """Verifying with the wrong passphrase says so instead of calling the backup damaged."""
    made = cli.json("backup", "create", "--to", str(_usb(tmp_path)))
    result = cli("backup", "verify", made["file"], CRM_PASSPHRASE="wrong passphrase here")
    assert result.code == 1 and "passphrase" in result.err.lower()


def test_messages_in_chinese(cli: Cli, tmp_path: Path) -> None:
    """The backup command speaks Chinese when asked."""
    result = cli("backup", "create", "--to", str(tmp_path / "unplugged"), CRM_LANG="zh_CN")
    assert result.code == 1 and "U 盘" in result.err
