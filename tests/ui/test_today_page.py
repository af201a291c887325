"""Today: follow-ups due, open service logs by priority, deals closing this month, the figures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings

from crm_desktop.core.crm import Crm
from crm_desktop.core.demo import populate_demo
from crm_desktop.core.domain.models import DealCreate, ReminderCreate, ServiceCreate
from crm_desktop.core.services.deals import DealQuery
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.today_page import TodayPage, money_text
from crm_desktop.ui.tasks import ImmediateTaskRunner


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


def _page(crm: Crm, bus: ChangeBus, qsettings: QSettings, qtbot) -> TodayPage:  # type: ignore[no-untyped-def]
    page = TodayPage(crm, bus, qsettings, runner=ImmediateTaskRunner())
    qtbot.addWidget(page)
    return page


def _texts(tree, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [tree.topLevelItem(i).text(column) for i in range(tree.topLevelItemCount())]


def test_today_shows_an_overdue_follow_up_marked_overdue(crm: Crm, bus: ChangeBus,
                                                         qsettings: QSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A reminder past its due time is listed under follow-ups and marked overdue."""
    crm.reminders.add(ReminderCreate(title="Call 王芳", due_at=datetime.now(UTC) - timedelta(days=2)))
    crm.reminders.add(ReminderCreate(title="Next month", due_at=datetime.now(UTC) + timedelta(days=40)))
    page = _page(crm, bus, qsettings, qtbot)
    assert _texts(page.followups, 1) == ["Call 王芳"]
    assert _texts(page.followups, 0)[0].startswith("Overdue")


def test_urgent_service_log_comes_before_a_low_one(crm: Crm, bus: ChangeBus,
                                                   qsettings: QSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Open service logs are listed by priority, urgent first; resolved ones are not listed."""
    crm.service.add(ServiceCreate(subject="Printer jam", priority="low"))
    crm.service.add(ServiceCreate(subject="Server down", priority="urgent"))
    crm.service.add(ServiceCreate(subject="Fixed already", priority="urgent", status="resolved"))
    page = _page(crm, bus, qsettings, qtbot)
    assert _texts(page.service, 1) == ["Server down", "Printer jam"]
    assert page.open_service.value.text() == "2"


def test_open_pipeline_total_is_the_sum_of_open_deals(crm: Crm, bus: ChangeBus,
                                                      qsettings: QSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The open pipeline figure adds up every open deal; a won deal counts as won this month."""
    this_month = datetime.now().date().replace(day=15).isoformat()
    crm.deals.add(DealCreate(title="Supply", amount="1200.50", currency="CNY",
                             expected_close=this_month))
    crm.deals.add(DealCreate(title="Fit-out", amount="300", currency="CNY"))
    won = crm.deals.add(DealCreate(title="Done deal", amount="999", currency="CNY")).value
    crm.deals.win(won.id)
    page = _page(crm, bus, qsettings, qtbot)
    assert page.pipeline.value.text() == money_text(Decimal("1500.50"), "CNY")
    assert page.won.value.text() == "1"
    assert _texts(page.deals, 0) == ["Supply"]


def test_pipeline_total_matches_the_core_on_sample_data(crm: Crm, bus: ChangeBus,
                                                        qsettings: QSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """On the sample business the figure equals the sum, per currency, of the open deals."""
    populate_demo(crm, 120)
    page = _page(crm, bus, qsettings, qtbot)
    totals: dict[str, Decimal] = {}
    for deal in crm.deals.page(DealQuery(status="open"), limit=10_000):
        totals[deal.currency] = totals.get(deal.currency, Decimal(0)) + deal.amount
    assert page.data is not None and page.data.pipeline == totals
    assert page.open_service.value.text() == str(
        crm.service.count(status="open") + crm.service.count(status="in_progress"))


def test_today_refreshes_when_a_change_is_published(crm: Crm, bus: ChangeBus,
                                                    qsettings: QSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A follow-up added elsewhere appears on Today once its change is published."""
    page = _page(crm, bus, qsettings, qtbot)
    assert _texts(page.followups, 1) == []
    outcome = crm.reminders.add(ReminderCreate(title="New", due_at=datetime.now(UTC)))
    bus.publish(outcome.changes)
    qtbot.waitUntil(lambda: _texts(page.followups, 1) == ["New"], timeout=2000)


def test_forget_drops_everything_shown(crm: Crm, bus: ChangeBus, qsettings: QSettings,
                                       qtbot) -> None:  # type: ignore[no-untyped-def]
    """On lock the page holds no customer data."""
    crm.service.add(ServiceCreate(subject="Server down", priority="urgent"))
    page = _page(crm, bus, qsettings, qtbot)
    page.forget()
    assert page.service.topLevelItemCount() == 0 and page.data is None
