"""Trash, undo, settings, stages and demo data from the command line."""

from __future__ import annotations

import importlib.util

import pytest

from tests.cli.support import Cli


def test_trash_lists_restores_and_purges(cli: Cli, seeded_contact: str) -> None:
    """A deleted contact is in the trash, comes back on restore, and once purged is unknown."""
    deleted = cli("contact", "delete", seeded_contact)
    assert deleted.out.strip() == f"Moved contact 李娜 (id {seeded_contact}) to the trash."
    assert [(i["id"], i["entity"], i["label"]) for i in cli.json("trash", "list")] == [
        (seeded_contact, "contact", "李娜")]
    assert cli("trash", "restore", seeded_contact).code == 0
    assert cli("contact", "delete", seeded_contact).code == 0
    unconfirmed = cli("trash", "purge", seeded_contact)
    assert unconfirmed.code == 1 and "--yes" in unconfirmed.err
    assert cli("trash", "purge", seeded_contact, "--yes").code == 0
    gone = cli("trash", "restore", seeded_contact)
    assert (gone.code, gone.err_lines) == (1, [f"No record with id {seeded_contact}."])


def test_undo_reverts_the_last_edit(cli: Cli, seeded_contact: str) -> None:
    """`crm undo` puts back the value the last edit changed."""
    assert cli.json("contact", "edit", seeded_contact, "--title", "经理")["title"] == "经理"
    undone = cli("undo")
    assert undone.code == 0 and "edit contact" in undone.out
    assert cli.json("contact", "show", seeded_contact)["title"] == ""


def test_settings_and_stages_can_be_changed(cli: Cli) -> None:
    """`settings set` changes the currency and `stage add` appends to the pipeline."""
    assert cli("settings", "set", "--currency", "usd").code == 0
    assert cli("stage", "add", "合同签订", "--probability", "90").code == 0
    settings, stages = (r.json() for r in cli.parallel(("settings", "show", "--json"),
                                                      ("stage", "list", "--json")))
    assert (settings["business_name"], settings["currency"]) == ("Test Shop", "USD")
    assert settings["id"] and settings["data_dir"] == str(cli.data_dir)
    assert [s["name"] for s in stages] == [
        "Lead", "Qualified", "Proposal", "Negotiation", "合同签订"]
    assert stages[-1]["probability"] == 90 and all(s["id"] for s in stages)


@pytest.mark.skipif(importlib.util.find_spec("crm_desktop.core.demo") is None,
                    reason="crm_desktop.core.demo is not written yet")
def test_demo_fills_the_workspace(cli: Cli) -> None:
    """`crm demo --contacts 5` adds sample data and reports how much."""
    result = cli("demo", "--contacts", "5")
    assert result.code == 0, result.err
    assert "contact: 5" in result.out
    assert result.err == ""
