"""`crm reminder`: time zones, recurrence, and clear refusals (the CLI runs with TZ=Asia/Shanghai)."""

from __future__ import annotations

import pytest

from crm_desktop.cli_commands import reminders as reminder_commands
from crm_desktop.core.errors import ValidationError
from tests.cli.support import Cli


def test_add_records_the_computer_time_zone_or_the_one_given(cli: Cli) -> None:
    """`--due` is read in this computer's IANA zone, or in `--timezone`, and the zone is kept."""
    here = cli.json("reminder", "add", "--title", "本地", "--due", "2026-01-05 09:00")
    assert (here["timezone"], here["due_at"][:19]) == ("Asia/Shanghai", "2026-01-05T01:00:00")
    there = cli.json("reminder", "add", "--title", "NY", "--due", "2026-07-06 09:00",
                     "--timezone", "America/New_York")
    assert (there["timezone"], there["due_at"][:19]) == ("America/New_York", "2026-07-06T13:00:00")


def test_weekly_reminder_done_stays_on_the_local_monday(cli: Cli) -> None:
    """A Monday 07:00 weekly reminder typed in Shanghai comes back the next Monday 07:00."""
    added = cli.json("reminder", "add", "--title", "周会", "--due", "2099-11-30 07:00",
                     "--repeat", "FREQ=WEEKLY;BYDAY=MO")
    done = cli("reminder", "done", added["id"])
    assert done.out.strip() == "Done: 周会. Next time: 2099-12-07 07:00."


@pytest.mark.parametrize(("args", "message"), [
    (("add", "--title", "x", "--due", "2026-01-05 09:00", "--timezone", "Mars/Olympus"),
     "'Mars/Olympus' is not a known time zone"),
    (("add", "--title", "x", "--due", "2300-01-01 09:00"), "the latest year accepted is 2199"),
    (("add", "--title", "x", "--due", "2026-01-05 09:00", "--repeat",
      "DTSTART:20260101T000000Z RRULE:FREQ=DAILY"), "is not a single recurrence rule"),
    (("snooze", "ID", "--minutes", "999999999999999"), "Snooze for at most 527040 minutes"),
])
def test_bad_reminder_input_exits_1_with_one_line(cli: Cli, args: tuple[str, ...],
                                                  message: str) -> None:
    """Unknown zones, far dates, DTSTART in a rule and huge snoozes: exit 1, one clear line."""
    result = cli("reminder", *args)
    assert result.code == 1 and len(result.err_lines) == 1, result
    assert message in result.err and "Traceback" not in result.err


def test_done_twice_is_refused(cli: Cli) -> None:
    """Marking a finished reminder done again exits 1 and says it is already done."""
    added = cli.json("reminder", "add", "--title", "once", "--due", "2026-01-05 09:00")
    assert cli("reminder", "done", added["id"]).code == 0
    again = cli("reminder", "done", added["id"])
    assert (again.code, again.err.strip()) == (1, "This reminder is already done.")


def test_list_help_says_today_and_week_include_overdue(cli: Cli) -> None:
    """`reminder list --help` tells that today and week also list overdue reminders."""
    shown = " ".join(cli("reminder", "list", "--help").out.split())
    assert "today and week also list the overdue ones" in shown


def test_unknown_computer_time_zone_asks_for_timezone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the computer's zone cannot be told, the user is asked to give `--timezone`."""
    import tzlocal

    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: None)
    with pytest.raises(ValidationError, match="--timezone"):
        reminder_commands.machine_zone()
