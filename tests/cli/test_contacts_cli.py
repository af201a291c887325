"""Contacts and companies from the command line: add, list, show, search, notes, tags."""

from __future__ import annotations

import re
import unicodedata

from tests.cli.support import Cli


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_contact_add_then_list_show_and_search_in_text_and_json(cli: Cli) -> None:
    """A contact added with company, email, phone, tag and note is listed, shown and found."""
    added = cli("contact", "add", "--family-name", "张", "--given-name", "伟",
                "--company", "星光科技", "--email", "work:zw@Example.COM",
                "--phone", "+86 138 0013 8000", "--tag", "VIP", "--note", "首次电话沟通")
    assert added.code == 0, added.err
    contact_id = re.search(r"Added contact 张伟 \(id ([0-9a-f-]{36})\)", added.out).group(1)
    assert "Created company 星光科技" in added.err

    listed, shown, found_zw, found_phone = cli.parallel(
        ("contact", "list"), ("contact", "show", contact_id), ("search", "zw", "--json"),
        ("search", "13800138000"))

    rows = listed.out.splitlines()
    assert rows[0].split()[:3] == ["ID", "Name", "Company"]
    zhang = next(r for r in rows if contact_id in r)
    assert "星光科技" in zhang and "+8613800138000" in zhang and "zw@example.com" in zhang
    phone_columns = {_width(r[:r.index("+86")]) for r in rows if "+86" in r}
    assert len(phone_columns) == 1, listed.out

    assert "Name: 张伟" in shown.out and "Emails: work: zw@example.com" in shown.out
    assert "Tags: VIP" in shown.out and "[note]  首次电话沟通" in shown.out

    assert [hit["id"] for hit in found_zw.json()] == [contact_id]
    assert contact_id in found_phone.out and "张伟" in found_phone.out


def test_contact_edit_with_an_existing_company_name_links_it(cli: Cli, seeded_contact: str) -> None:
    """`--company` takes a known company's name or id; an unknown id is an error, not a name."""
    company = cli.json("company", "add", "--name", "Acme Ltd", "--industry", "Retail")
    edited = cli.json("contact", "edit", seeded_contact, "--company", "acme ltd",
                      "--phone", "mobile:13800138000", "--stage", "customer")
    assert edited["company_id"] == company["id"] and edited["company_name"] == "Acme Ltd"
    assert edited["phones"] == [{"label": "mobile", "value": "+8613800138000"}]
    assert edited["lifecycle_stage"] == "customer"
    unknown = cli("contact", "edit", seeded_contact, "--company", company["id"][:-4] + "0000")
    assert unknown.code == 1 and "No record with id" in unknown.err


def test_note_and_tags_show_on_the_record(cli: Cli, seeded_contact: str) -> None:
    """`note add` and `tag add/remove` change what `contact show` displays."""
    note = cli("note", "add", "--contact", seeded_contact, "--kind", "call", "--text", "回访客户")
    assert note.code == 0 and "Added call" in note.out
    assert cli("tag", "add", seeded_contact, "VIP", "北京").out.strip().endswith("VIP, 北京")
    assert cli.json("tag", "remove", seeded_contact, "VIP") == {
        "id": seeded_contact, "entity": "contact", "tags": ["北京"]}
    shown = cli("contact", "show", seeded_contact).out
    assert "Tags: 北京" in shown and "[call]  回访客户" in shown


def test_contact_edit_with_an_empty_email_or_phone_removes_them(cli: Cli, seeded_contact: str) -> None:
    """`--email ""` and `--phone ""` clear the contact's emails and phones."""
    filled = cli.json("contact", "edit", seeded_contact, "--email", "a@example.com")
    assert filled["emails"] and filled["phones"]
    cleared = cli.json("contact", "edit", seeded_contact, "--email", "", "--phone", "")
    assert (cleared["emails"], cleared["phones"]) == ([], [])


def test_name_order_defaults_by_script_and_can_be_chosen(cli: Cli) -> None:
    """Smith + Anna shows as "Anna Smith"; `--name-order eastern` makes it "Smith Anna"."""
    added = cli.json("contact", "add", "--family-name", "Smith", "--given-name", "Anna")
    assert (added["display_name"], added["name_order"]) == ("Anna Smith", "western")
    edited = cli.json("contact", "edit", added["id"], "--name-order", "eastern")
    assert edited["display_name"] == "Smith Anna"
    wrong = cli("contact", "edit", added["id"], "--name-order", "northern")
    assert wrong.code == 2 and "invalid choice" in wrong.err


def test_huge_limit_or_offset_is_a_usage_error(cli: Cli) -> None:
    """`--limit 99999999999999999999` is refused with the allowed range (exit 2), not a crash."""
    limit, offset = cli.parallel(("contact", "list", "--limit", "99999999999999999999"),
                                 ("company", "list", "--offset", "99999999999999999999"))
    assert limit.code == 2 and "from 1 to 1000000" in limit.err_lines[-1], limit.err
    assert offset.code == 2 and "from 0 to 1000000" in offset.err_lines[-1], offset.err
