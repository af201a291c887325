"""The deal form on the deals page: new deal (Ctrl+N), edit, inline validation, board refresh."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QSettings, Qt

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import CompanyCreate, DealCreate, DealRead
from crm_desktop.core.services.deals import DealQuery
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.deals_page import LIST, DealsPage


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def page(crm: Crm, bus: ChangeBus, qsettings: QSettings, qtbot) -> DealsPage:  # type: ignore[no-untyped-def]
    widget = DealsPage(crm, bus, qsettings)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def stage_id(crm: Crm, name: str) -> str:
    return next(s.id for s in crm.deals.stages() if s.name == name)


def add_deal(crm: Crm, bus: ChangeBus, title: str, stage: str = "Lead") -> DealRead:
    outcome = crm.deals.add(DealCreate(title=title, amount="1000", stage=stage, currency="CNY"))
    bus.publish(outcome.changes)
    return outcome.value


def test_a_new_deal_from_the_form_lands_in_the_chosen_stage_and_on_the_board(
        page: DealsPage, crm: Crm, bus: ChangeBus, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+N, fill the form and save: the deal is stored in the stage chosen and its card
    is selected in that stage's column."""
    other = add_deal(crm, bus, "Older deal")
    page.pipeline.select_deal(other.id)
    assert page.editor.editing is not None
    page.board.setFocus()
    qtbot.keyClick(page.board, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.editor
    assert form.editing is None and form.title.text() == ""
    assert page.pipeline.selected_deal_id() is None
    form.title.setText("50 office chairs")
    form.company.setText("华宇科技")
    form.amount.setText("12,000.50")
    form.set_currency("CNY")
    form.stage.setCurrentIndex(form.stage.findData(stage_id(crm, "Proposal")))
    form.no_close_date.setChecked(False)
    form.expected_close.setDate(QDate(2031, 6, 30))
    form.source.setText("Trade fair")
    form.owner.setText("小李")
    form.save()
    [deal] = [d for d in crm.deals.page() if d.id != other.id]
    assert (deal.title, deal.stage_name, deal.amount, deal.currency) == (
        "50 office chairs", "Proposal", Decimal("12000.50"), "CNY")
    assert (deal.expected_close, deal.source, deal.owner) == ("2031-06-30", "Trade fair", "小李")
    assert deal.company_id is not None
    assert crm.companies.get(deal.company_id).name == "华宇科技"
    assert page.pipeline.card_ids(stage_id(crm, "Proposal")) == [deal.id]
    assert page.pipeline.selected_deal_id() == deal.id
    assert form.editing is not None and form.editing.id == deal.id


def test_a_bad_amount_is_shown_under_the_amount_and_nothing_is_saved(page: DealsPage,
                                                                     crm: Crm) -> None:
    """An amount with more decimals than the currency has (12.345 CNY) is refused under the
    amount field, and no deal (nor its new company) is stored."""
    page.new_button.click()
    form = page.editor
    form.title.setText("Desks")
    form.company.setText("New Company Ltd")
    form.amount.setText("12.345")
    form.set_currency("CNY")
    form.save()
    assert not form.errors["amount"].isHidden()
    assert form.errors["amount"].text() == "CNY amounts have at most 2 decimal places."
    assert form.errors["form"].isHidden() and form.errors["title"].isHidden()
    assert crm.deals.count(DealQuery()) == 0
    assert crm.companies.count() == 0
    assert form.title.text() == "Desks"  # what was typed is kept for correcting


def test_a_missing_title_is_shown_under_the_title(page: DealsPage, crm: Crm) -> None:
    """Saving a deal without a title shows the core's message under the title field."""
    page.new_button.click()
    page.editor.save()
    assert page.editor.errors["title"].text() == "Title is required."
    assert crm.deals.count(DealQuery()) == 0


def test_editing_the_stage_in_the_form_moves_the_card_and_the_history_shows_it(
        page: DealsPage, crm: Crm, bus: ChangeBus) -> None:
    """Choosing another stage in the form and saving moves the card to that column and the
    stage history lists the move."""
    deal = add_deal(crm, bus, "Solar panels")
    assert page.pipeline.select_deal(deal.id)
    form = page.editor
    assert form.editing is not None and form.editing.id == deal.id
    assert form.stage.currentData() == stage_id(crm, "Lead")
    form.stage.setCurrentIndex(form.stage.findData(stage_id(crm, "Negotiation")))
    form.save()
    assert crm.deals.get(deal.id).stage_name == "Negotiation"
    assert page.pipeline.card_ids(stage_id(crm, "Negotiation")) == [deal.id]
    assert page.pipeline.card_ids(stage_id(crm, "Lead")) == []
    assert [(c.from_stage, c.to_stage) for c in crm.deals.stage_history(deal.id)] == [
        (None, "Lead"), ("Lead", "Negotiation")]
    assert page.history_rows() == ["Lead", "Lead → Negotiation"]


def test_editing_changes_only_what_was_changed(page: DealsPage, crm: Crm,
                                               bus: ChangeBus) -> None:
    """Saving an edited amount changes the amount; the stage history gains no entry."""
    deal = add_deal(crm, bus, "Solar panels")
    page.pipeline.select_deal(deal.id)
    page.editor.amount.setText("2500")
    page.editor.save()
    assert crm.deals.get(deal.id).amount == Decimal("2500.00")
    assert page.history_rows() == ["Lead"]
    assert [h.field for h in crm.history.of(deal.id) if h.op == "update"] == ["amount_minor"]


def test_clearing_the_company_and_the_close_date_unlinks_them(page: DealsPage, crm: Crm,
                                                              bus: ChangeBus) -> None:
    """Emptying the company and ticking "none" for the date saves a deal with neither."""
    company = crm.companies.add(CompanyCreate(name="Acme")).value
    outcome = crm.deals.add(DealCreate(title="Pumps", company_id=company.id,
                                       expected_close="2031-01-31"))
    bus.publish(outcome.changes)
    page.set_mode(LIST)
    page.open_deal(outcome.value.id)
    form = page.editor
    assert form.company.text() == "Acme" and not form.no_close_date.isChecked()
    assert form.expected_close.date() == QDate(2031, 1, 31)
    form.company.clear()
    form.no_close_date.setChecked(True)
    form.save()
    saved = crm.deals.get(outcome.value.id)
    assert (saved.company_id, saved.expected_close) == (None, None)


def test_cancel_puts_back_the_stored_values(page: DealsPage, crm: Crm, bus: ChangeBus) -> None:
    """Cancel discards what was typed into the form of the selected deal."""
    deal = add_deal(crm, bus, "Solar panels")
    page.pipeline.select_deal(deal.id)
    page.editor.title.setText("Something else")
    page.editor.buttons.rejected.emit()
    assert page.editor.title.text() == "Solar panels"
    assert crm.deals.get(deal.id).title == "Solar panels"


def test_lock_empties_the_form(page: DealsPage, crm: Crm, bus: ChangeBus) -> None:
    """On lock the deal form keeps nothing of the deal that was open."""
    deal = add_deal(crm, bus, "Solar panels")
    page.pipeline.select_deal(deal.id)
    page.forget()
    assert page.editor.editing is None and page.editor.title.text() == ""
