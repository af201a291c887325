"""`crm duplicates` lists likely duplicates; `crm merge` merges two contacts, and `crm undo` undoes it."""

from __future__ import annotations

from tests.cli.support import Cli, run_in_terminal


def _twin(cli: Cli) -> str:
    """A second 李娜 with the seeded contact's phone, typed differently, and an email."""
    added = cli.json("contact", "add", "--name", "Li Na", "--phone", "139-1234-5678",
                     "--email", "na@example.com", "--title", "店长")
    return str(added["id"])


def test_duplicates_lists_the_pair_in_text_and_json(cli: Cli, seeded_contact: str) -> None:
    """A contact with the same phone as another is listed with the older one as keeper."""
    twin = _twin(cli)
    listed = cli.json("duplicates")
    assert [(p["keep"]["id"], p["other"]["id"], p["reasons"]) for p in listed] == [
        (seeded_contact, twin, ["phone"])]
    text = cli("duplicates")
    assert text.code == 0 and "same phone" in text.out and twin in text.out


def test_merge_without_a_terminal_or_yes_refuses(cli: Cli, seeded_contact: str) -> None:
    """Without --yes and without a terminal, merge changes nothing and says how to confirm."""
    twin = _twin(cli)
    refused = cli("merge", seeded_contact, twin)
    assert refused.code == 1 and "--yes" in refused.err
    assert len(cli.json("duplicates")) == 1


def test_merge_with_take_then_undo(cli: Cli, seeded_contact: str) -> None:
    """`--take name` keeps the other's name; the other's email moves over; `crm undo` restores both."""
    twin = _twin(cli)
    merged = cli.json("merge", seeded_contact, twin, "--take", "name", "--yes")
    assert (merged["id"], merged["display_name"], merged["title"]) == (seeded_contact, "Li Na", "店长")
    assert [e["value"] for e in merged["emails"]] == ["na@example.com"]
    assert cli.json("duplicates") == []
    assert cli("contact", "show", twin).code == 1
    undone = cli("undo")
    assert undone.code == 0, undone.err
    assert cli.json("contact", "show", seeded_contact)["display_name"] == "李娜"
    assert cli.json("contact", "show", twin)["display_name"] == "Li Na"


def test_merge_asks_in_a_terminal(cli: Cli, seeded_contact: str) -> None:
    """In a terminal, merge names both contacts and merges on "y"."""
    twin = _twin(cli)
    code, shown = run_in_terminal(cli, ("merge", seeded_contact, twin), [("[y/N] ", "y")])
    assert code == 0, shown
    assert "Merge Li Na" in shown and "Merged into 李娜" in shown


def test_merge_errors_are_one_clear_line(cli: Cli, seeded_contact: str) -> None:
    """Itself, an unknown field: exit 1 with one translated line naming the problem."""
    twin = _twin(cli)
    itself = cli("merge", seeded_contact, seeded_contact, "--yes")
    assert itself.code == 1 and "itself" in itself.err and len(itself.err_lines) == 1
    field = cli("merge", seeded_contact, twin, "--take", "colour", "--yes")
    assert field.code == 1 and "colour" in field.err and "emails" in field.err
