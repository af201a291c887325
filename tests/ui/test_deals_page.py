"""The deals page: pipeline board with drag and drop, totals, won / lost, list model, history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox

from crm_desktop.core.crm import Crm
from crm_desktop.core.demo import populate_demo
from crm_desktop.core.domain.models import DealCreate, DealRead
from crm_desktop.ui import models
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.deals_page import DealsPage
from crm_desktop.ui.models.deals_model import DealsModel
from crm_desktop.ui.views.deals_board_view import DealCardList


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def page(crm: Crm, bus: ChangeBus, qsettings: QSettings, qtbot) -> DealsPage:  # type: ignore[no-untyped-def]
    widget = DealsPage(crm, bus, qsettings)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def stage_id(crm: Crm, name: str) -> str:
    return next(s.id for s in crm.deals.stages() if s.name == name)


def add_deal(crm: Crm, bus: ChangeBus, title: str, amount: str = "1000", stage: str = "Lead",
             currency: str = "CNY") -> DealRead:
    outcome = crm.deals.add(DealCreate(title=title, amount=amount, stage=stage, currency=currency))
    bus.publish(outcome.changes)
    return outcome.value


def cards(page: DealsPage, crm: Crm, stage: str) -> DealCardList:
    return page.pipeline.columns[stage_id(crm, stage)].cards


def drop(target: DealCardList, data: QMimeData) -> QDropEvent:
    """Deliver a drop as Qt does at the end of a drag (real mouse DnD cannot run offscreen)."""
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.MoveAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    target.dropEvent(event)
    return event


def test_deals_model_passes_the_model_tester(crm: Crm, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """The deals list model follows Qt's model rules (checked by qtmodeltester)."""
    populate_demo(crm, 60)
    qtmodeltester.check(DealsModel(crm.deals))


def test_deals_model_pages_on_demand(crm: Crm, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list loads one page of deals at first and the next pages as it is scrolled."""
    monkeypatch.setattr(models.paged, "PAGE", 10)
    populate_demo(crm, 50)
    model = DealsModel(crm.deals)
    assert (model.rowCount(), model.total) == (10, 25)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 25


def test_dragging_a_card_to_another_column_moves_its_stage_and_history_shows_it(
        page: DealsPage, crm: Crm, bus: ChangeBus) -> None:
    """Dropping a Lead card on Qualified moves the deal there; its history lists the move."""
    deal = add_deal(crm, bus, "Solar panels")
    source, target = cards(page, crm, "Lead"), cards(page, crm, "Qualified")
    assert page.pipeline.select_deal(deal.id)
    dragged = source.mimeData([source.currentItem()])
    event = drop(target, dragged)
    assert event.isAccepted()
    assert crm.deals.get(deal.id).stage_name == "Qualified"
    assert page.pipeline.card_ids(stage_id(crm, "Qualified")) == [deal.id]
    assert page.pipeline.card_ids(stage_id(crm, "Lead")) == []
    assert [(c.from_stage, c.to_stage) for c in crm.deals.stage_history(deal.id)] == [
        (None, "Lead"), ("Lead", "Qualified")]
    assert page.pipeline.selected_deal_id() == deal.id
    assert page.history_rows() == ["Lead", "Lead → Qualified"]


def test_a_drop_without_a_deal_is_refused(page: DealsPage, crm: Crm, bus: ChangeBus) -> None:
    """Dropping something that is not a deal card (plain text) changes nothing."""
    deal = add_deal(crm, bus, "Solar panels")
    junk = QMimeData()
    junk.setText(deal.id)
    assert not drop(cards(page, crm, "Qualified"), junk).isAccepted()
    assert crm.deals.get(deal.id).stage_name == "Lead"


def test_column_header_shows_count_and_total_of_its_open_deals(
        page: DealsPage, crm: Crm, bus: ChangeBus) -> None:
    """Each column's header counts its open deals and sums their amounts per currency."""
    add_deal(crm, bus, "A", "1200.50")
    add_deal(crm, bus, "B", "300")
    add_deal(crm, bus, "C", "99.99", currency="USD")
    add_deal(crm, bus, "D", "10", stage="Qualified")
    won = add_deal(crm, bus, "E", "5000")
    bus.publish(crm.deals.win(won.id).changes)
    lead = page.pipeline.columns[stage_id(crm, "Lead")]
    assert lead.count.text() == "3"
    assert lead.total.text() == "CN¥1,500.50 + $99.99"
    assert page.pipeline.columns[stage_id(crm, "Qualified")].total.text() == "CN¥10.00"
    assert page.pipeline.columns[stage_id(crm, "Proposal")].total.text() == "CN¥0.00"


def test_lost_without_a_reason_shows_the_message_and_leaves_the_deal_open(
        page: DealsPage, crm: Crm, bus: ChangeBus) -> None:
    """Marking a deal lost needs a reason: an empty one is refused with the core's message."""
    deal = add_deal(crm, bus, "Solar panels")
    page.pipeline.select_deal(deal.id)
    page.lost_button.click()
    dialog = page.lost_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.error.text() == "Lost reason is required."
    assert dialog.isVisible() and not dialog.error.isHidden()
    assert crm.deals.get(deal.id).status == "open"
    assert page.pipeline.card_ids(stage_id(crm, "Lead")) == [deal.id]
    dialog.reason.setText("Chose a competitor")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    stored = crm.deals.get(deal.id)
    assert (stored.status, stored.lost_reason) == ("lost", "Chose a competitor")
    assert page.pipeline.card_ids(stage_id(crm, "Lead")) == []


def test_won_moves_the_deal_off_the_board(page: DealsPage, crm: Crm, bus: ChangeBus) -> None:
    """Won takes the selected deal off the board; the list still shows it, as won."""
    deal = add_deal(crm, bus, "Solar panels")
    other = add_deal(crm, bus, "Wind farm")
    page.pipeline.select_deal(deal.id)
    page.won_button.click()
    assert crm.deals.get(deal.id).status == "won"
    assert page.pipeline.card_ids(stage_id(crm, "Lead")) == [other.id]
    assert page.reopen_button.isEnabled() and not page.won_button.isEnabled()
    row = page.model.row_of(deal.id)
    assert row is not None
    assert page.model.index(row, 2).data() == "won"


def test_reopen_puts_a_won_deal_back_on_the_board(page: DealsPage, crm: Crm,
                                                  bus: ChangeBus) -> None:
    """Reopen returns a won deal to its stage's column."""
    deal = add_deal(crm, bus, "Solar panels")
    bus.publish(crm.deals.win(deal.id).changes)
    page.set_mode(1)
    page.table.selectRow(page.model.row_of(deal.id) or 0)
    page.reopen_button.click()
    assert crm.deals.get(deal.id).status == "open"
    assert page.pipeline.card_ids(stage_id(crm, "Lead")) == [deal.id]


def test_deals_added_elsewhere_appear_on_the_board(page: DealsPage, crm: Crm,
                                                   bus: ChangeBus) -> None:
    """A deal saved by another page shows up on the board once its changes are published."""
    outcome = crm.deals.add(DealCreate(title="Solar panels", amount="800", stage="Proposal"))
    proposal = stage_id(crm, "Proposal")
    assert page.pipeline.card_ids(proposal) == []
    bus.publish(outcome.changes)
    assert page.pipeline.card_ids(proposal) == [outcome.value.id]
    assert page.pipeline.columns[proposal].total.text() == "CN¥800.00"
    assert page.count.text() == "1 open deal(s)"


def test_forget_drops_every_displayed_deal(page: DealsPage, crm: Crm, bus: ChangeBus) -> None:
    """On lock the page keeps no deal on screen: no cards, no rows, no history."""
    deal = add_deal(crm, bus, "Solar panels")
    page.pipeline.select_deal(deal.id)
    page.forget()
    assert all(c.cards.count() == 0 for c in page.pipeline.columns.values())
    assert page.model.rowCount() == 0 and page.history.topLevelItemCount() == 0
    assert page.deal_title.text() == ""


def test_open_deal_shows_a_closed_deal_in_the_list(page: DealsPage, crm: Crm,
                                                   bus: ChangeBus) -> None:
    """Opening a won deal (from search) switches to the list, selects it and shows its history."""
    deal = add_deal(crm, bus, "Solar panels")
    bus.publish(crm.deals.win(deal.id).changes)
    page.status_filter.setCurrentIndex(page.status_filter.findData("lost"))
    page.open_deal(deal.id)
    assert page.stack.currentWidget() is page.table
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.deal_at(i.row()).id for i in selected] == [deal.id]
    assert page.deal_title.text() == "Solar panels" and page.history_rows() == ["Lead"]


def test_board_count_shows_the_open_deals_on_opening(crm, qsettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The board is built when first shown, and its count tells how many open deals it holds."""
    from crm_desktop.core.domain.models import DealCreate
    from crm_desktop.ui.changes import ChangeBus
    from crm_desktop.ui.controllers.deals_page import DealsPage
    for title in ("One", "Two", "Three"):
        crm.deals.add(DealCreate(title=title))
    page = DealsPage(crm, ChangeBus(), qsettings)
    qtbot.addWidget(page)
    assert not page.pipeline.columns or all(c.cards.count() == 0 for c in page.pipeline.columns.values())
    page.show()
    assert page.count.text().startswith("3")
