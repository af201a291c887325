"""Deals, reminders and service logs from the command line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.cli.support import Cli


def test_deal_goes_through_the_pipeline_and_history_shows_it(cli: Cli, seeded_contact: str) -> None:
    """A deal is added, moved, won, then lost with a reason; `history` lists the stage change."""
    deal = cli.json("deal", "add", "--title", "年度采购", "--amount", "12000.50",
                    "--contact", seeded_contact)
    assert (deal["stage_name"], deal["amount"], deal["currency"]) == ("Lead", "12000.50", "CNY")
    moved = cli("deal", "move", deal["id"], "Proposal")
    assert moved.out.strip() == "Moved deal 年度采购 to Proposal."
    assert cli.json("deal", "won", deal["id"])["status"] == "won"
    no_reason = cli("deal", "lost", deal["id"])
    assert no_reason.code == 2 and "--reason" in no_reason.err
    lost = cli.json("deal", "lost", deal["id"], "--reason", "价格太高")
    assert (lost["status"], lost["lost_reason"]) == ("lost", "价格太高")

    history, listed = cli.parallel(("history", deal["id"]), ("deal", "list"))
    assert any(line.split()[-3:] == ["stage_id", "Lead", "Proposal"]
               for line in history.out.splitlines()), history.out
    assert "CN¥12,000.50" in listed.out and "lost" in listed.out


def test_reminders_overdue_snooze_and_done(cli: Cli) -> None:
    """A past reminder (typed in local time, stored in UTC) is overdue until snoozed, then done."""
    reminder = cli.json("reminder", "add", "--title", "回电话", "--due", "2020-01-01 09:00")
    assert reminder["due_at"].startswith("2020-01-01T01:00:00")  # 09:00 in Asia/Shanghai
    assert [r["id"] for r in cli.json("reminder", "list", "--due", "overdue")] == [reminder["id"]]
    snoozed = cli.json("reminder", "snooze", reminder["id"], "--minutes", "120")
    until = datetime.fromisoformat(snoozed["snoozed_until"])
    assert abs(until - (datetime.now(UTC) + timedelta(minutes=120))) < timedelta(minutes=2)
    assert cli.json("reminder", "list", "--due", "overdue") == []
    done = cli("reminder", "done", reminder["id"])
    assert done.out.strip() == "Done: 回电话."


def test_service_log_is_resolved_by_update(cli: Cli, seeded_contact: str) -> None:
    """`service update --status resolved` stamps the resolution time."""
    log = cli.json("service", "add", "--subject", "打印机故障", "--contact", seeded_contact,
                   "--priority", "high")
    assert (log["status"], log["resolved_at"]) == ("open", None)
    resolved = cli.json("service", "update", log["id"], "--status", "resolved",
                        "--resolution", "换了硒鼓", "--satisfaction", "5")
    assert resolved["status"] == "resolved" and resolved["resolved_at"]
    assert resolved["satisfaction"] == 5


def test_deal_edit_with_an_empty_expected_close_clears_it(cli: Cli) -> None:
    """`deal edit --expected-close ""` removes the expected closing date."""
    deal = cli.json("deal", "add", "--title", "续约", "--expected-close", "2030-06-30")
    assert deal["expected_close"] == "2030-06-30"
    assert cli.json("deal", "edit", deal["id"], "--expected-close", "")["expected_close"] is None


def test_deal_edit_with_an_empty_contact_or_company_clears_them(cli: Cli,
                                                                seeded_contact: str) -> None:
    """`deal edit --contact "" --company ""` unlinks the deal from its contact and company."""
    deal = cli.json("deal", "add", "--title", "续约", "--contact", seeded_contact,
                    "--company", "星光科技")
    assert deal["contact_id"] == seeded_contact and deal["company_id"]
    cleared = cli.json("deal", "edit", deal["id"], "--contact", "", "--company", "")
    assert (cleared["contact_id"], cleared["company_id"]) == (None, None)
