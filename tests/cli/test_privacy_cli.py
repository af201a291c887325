"""`crm privacy export|erase`: a person's data out in one file, or erased for good, from a script."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.support import Cli


def test_export_writes_the_persons_json_and_warns_it_is_not_encrypted(
        cli: Cli, tmp_path: Path, seeded_contact: str) -> None:
    """The file holds the contact and their notes; stderr says the file is not encrypted."""
    assert cli("note", "add", "--contact", seeded_contact, "--text", "喜欢绿茶").code == 0
    out = tmp_path / "li-na.json"
    result = cli("privacy", "export", seeded_contact, "--out", str(out), "--json")
    assert result.json() == {"id": seeded_contact, "file": str(out)}
    assert "not encrypted" in result.err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["contact"]["display_name"] == "李娜"
    assert [n["body"] for n in data["notes"]] == ["喜欢绿茶"]
    assert "export" in {c["op"] for c in cli.json("history", seeded_contact)["changes"]}


def test_erase_in_a_script_needs_yes_and_changes_nothing_without_it(
        cli: Cli, seeded_contact: str) -> None:
    """Without a terminal, erase refuses unless --yes is given, and says it cannot be undone."""
    result = cli("privacy", "erase", seeded_contact)
    assert result.code == 1 and "--yes" in result.err and "cannot be undone" in result.err
    assert cli.json("contact", "show", seeded_contact)["display_name"] == "李娜"


def test_erase_with_yes_removes_the_person_and_undo_refuses(cli: Cli, seeded_contact: str) -> None:
    """After `erase --yes` the contact is gone from lists and search, and `crm undo` refuses."""
    erased = cli.json("privacy", "erase", seeded_contact, "--yes")
    assert erased["id"] == seeded_contact and erased["notes_deleted"] == 0
    assert cli("contact", "show", seeded_contact).code == 1
    assert cli.json("search", "李娜") == []
    undo = cli("undo")
    assert undo.code == 1 and "cannot be undone" in undo.err
    ops = [c["op"] for c in cli.json("history", seeded_contact)["changes"]]
    assert ops[-1] == "erase"


def test_erase_of_an_unknown_id_explains(cli: Cli) -> None:
    """An unknown contact id gives a one-line message and exit code 1."""
    result = cli("privacy", "erase", "no-such-id", "--yes")
    assert result.code == 1 and "no contact with id no-such-id" in result.err
    assert len(result.err_lines) == 1
