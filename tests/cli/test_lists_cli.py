"""`list` commands sort by a column (--sort, --desc) and filter by owner; reminders show done ones."""

from __future__ import annotations

from tests.cli.support import Cli


def test_contact_and_company_lists_sort_by_a_column_and_filter_by_owner(cli: Cli) -> None:
    """--sort company --desc orders contacts by company Z to A (those without one last); --owner
    keeps one person's; companies sort by name in pinyin order."""
    for name, company, owner in (("Anna", "Zeta", "Lee"), ("张伟", "阿里", "王经理"),
                                 ("Bo", "Beta", "Lee")):
        added = cli("contact", "add", "--name", name, "--company", company, "--owner", owner)
        assert added.code == 0, added.err
    by_company, lees, companies, refused = cli.parallel(
        ("contact", "list", "--sort", "company", "--desc", "--json"),
        ("contact", "list", "--owner", "Lee", "--json"),
        ("company", "list", "--sort", "name", "--json"),
        ("contact", "list", "--sort", "tags"))
    assert [c["display_name"] for c in by_company.json()] == ["Anna", "Bo", "张伟", "李娜"]
    assert [c["display_name"] for c in lees.json()] == ["Anna", "Bo"]
    assert [c["name"] for c in companies.json()] == ["阿里", "Beta", "Zeta"]
    assert refused.code == 2 and "invalid choice: 'tags'" in refused.err


def test_reminder_list_shows_finished_reminders_only_with_done(cli: Cli) -> None:
    """A finished reminder leaves the list, and comes back with --done."""
    reminder = cli.json("reminder", "add", "--title", "Call back", "--due", "2030-01-01 09:00")
    assert cli("reminder", "done", reminder["id"]).code == 0
    open_only, every = cli.parallel(("reminder", "list", "--json"),
                                    ("reminder", "list", "--done", "--sort", "title", "--json"))
    assert open_only.json() == []
    assert [(r["title"], r["done_at"] is not None) for r in every.json()] == [("Call back", True)]
