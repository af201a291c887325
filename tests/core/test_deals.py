"""Deals: exact money, pipeline stages with history, won and lost."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import DealCreate, DealUpdate
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.services.deals import DealQuery


def test_amount_is_exact_and_defaults_to_the_workspace_currency(crm: Crm) -> None:
    """0.1 + 0.2 style amounts stay exact; CNY is the default currency."""
    deal = crm.deals.add(DealCreate(title="Supply", amount="12345.67")).value
    assert (deal.amount, deal.currency) == (Decimal("12345.67"), "CNY")


@pytest.mark.parametrize(("amount", "currency", "message"), [
    ("1.234", "CNY", "at most 2 decimal"),
    ("10.5", "JPY", "at most 0 decimal"),
    ("-5", "CNY", "not a valid amount"),
    ("abc", "CNY", "not a valid amount"),
    ("10", "XYZ", "ISO 4217"),
    ("10", "XAU", "ISO 4217"),
])
def test_bad_amounts_and_currencies_are_refused(crm: Crm, amount: str, currency: str,
                                                message: str) -> None:
    """Too many decimals for the currency, negatives, junk and unknown currencies are refused."""
    with pytest.raises(ValidationError, match=message):
        crm.deals.add(DealCreate(title="Bad", amount=amount, currency=currency))
    assert crm.deals.count() == 0


def test_new_deal_starts_in_the_first_stage_with_its_probability(crm: Crm) -> None:
    """A new deal sits in the first stage and carries that stage's default win probability."""
    deal = crm.deals.add(DealCreate(title="New")).value
    assert (deal.stage_name, deal.probability, deal.status) == ("Lead", 10, "open")


def test_every_stage_change_is_kept(crm: Crm) -> None:
    """Moving a deal twice leaves both moves in its stage history."""
    deal = crm.deals.add(DealCreate(title="Moving")).value
    crm.deals.move(deal.id, "Proposal")
    crm.deals.move(deal.id, "negotiation")
    history = crm.deals.stage_history(deal.id)
    assert [(h.from_stage, h.to_stage) for h in history] == [
        (None, "Lead"), ("Lead", "Proposal"), ("Proposal", "Negotiation")]
    assert history[-1].actor == "tester"


def test_unknown_stage_lists_the_known_ones(crm: Crm) -> None:
    """Moving to a stage that does not exist names the stages that do."""
    deal = crm.deals.add(DealCreate(title="Lost in space")).value
    with pytest.raises(ValidationError, match="Lead, Qualified, Proposal, Negotiation"):
        crm.deals.move(deal.id, "Orbit")


def test_lost_needs_a_reason_and_won_counts_fully(crm: Crm) -> None:
    """A lost deal needs a reason; won deals count at 100 %, lost at 0 %."""
    won = crm.deals.add(DealCreate(title="Yes")).value
    lost = crm.deals.add(DealCreate(title="No")).value
    with pytest.raises(ValidationError):
        crm.deals.lose(lost.id, " ")
    assert crm.deals.win(won.id).value.probability == 100
    result = crm.deals.lose(lost.id, "价格太高").value
    assert (result.status, result.lost_reason, result.probability) == ("lost", "价格太高", 0)
    assert crm.deals.count(DealQuery(status="open")) == 0


def test_changing_currency_keeps_the_amount(crm: Crm) -> None:
    """Switching a deal to USD keeps its amount and stores it in USD minor units."""
    deal = crm.deals.add(DealCreate(title="FX", amount="99.50")).value
    updated = crm.deals.update(deal.id, DealUpdate(currency="usd")).value
    assert (updated.amount, updated.currency) == (Decimal("99.50"), "USD")


def test_custom_stage_can_be_added(crm: Crm) -> None:
    """A business can add its own stage with its own probability."""
    crm.deals.add_stage("Contract sent", 90)
    assert crm.deals.stages()[-1].name == "Contract sent"
    with pytest.raises(ValidationError):
        crm.deals.add_stage("Impossible", 150)


@pytest.mark.parametrize(("amount", "currency", "expected"), [
    ("100", "JPY", "¥100"), ("99.50", "USD", "$99.50")])
def test_changing_currency_never_rescales_the_amount(crm: Crm, amount: str, currency: str,
                                                     expected: str) -> None:
    """A CNY deal switched to JPY or USD keeps the same number, not a hundredfold one."""
    deal = crm.deals.add(DealCreate(title="FX", amount=amount)).value
    updated = crm.deals.update(deal.id, DealUpdate(currency=currency)).value
    from crm_desktop.core.domain.money import Money
    assert Money.parse(updated.amount, updated.currency).format("en_US") == expected


def test_currency_change_that_would_lose_cents_is_refused(crm: Crm) -> None:
    """99.50 CNY cannot silently become 99 or 9950 JPY: the change is refused and nothing moves."""
    deal = crm.deals.add(DealCreate(title="Cents", amount="99.50")).value
    with pytest.raises(ValidationError, match="JPY"):
        crm.deals.update(deal.id, DealUpdate(currency="JPY"))
    assert crm.deals.get(deal.id).currency == "CNY"


@pytest.mark.parametrize("amount", ["1234,50", "1,2,3", "1e40", "99999999999999999999999999"])
def test_malformed_or_huge_amounts_are_refused(crm: Crm, amount: str) -> None:
    """Misplaced commas, exponents and amounts beyond storage are refused with a message."""
    with pytest.raises(ValidationError, match=amount):
        crm.deals.add(DealCreate(title="Bad", amount=amount))


def test_thousands_separators_are_understood(crm: Crm) -> None:
    """'1,234,567.89' is read as one million and more, as typed."""
    assert crm.deals.add(DealCreate(title="Big", amount="1,234,567.89")).value.amount == Decimal(
        "1234567.89")


def test_a_deal_can_lose_its_contact_and_company(crm: Crm) -> None:
    """Clearing a deal's contact or company unlinks them; the deal itself stays."""
    from crm_desktop.core.domain.models import CompanyCreate, ContactCreate
    contact = crm.contacts.add(ContactCreate(display_name="Linked")).value
    company = crm.companies.add(CompanyCreate(name="Linked Co")).value
    deal = crm.deals.add(DealCreate(title="T", contact_id=contact.id, company_id=company.id)).value
    cleared = crm.deals.update(deal.id, DealUpdate(contact_id=None, company_id="")).value
    assert (cleared.contact_id, cleared.company_id, cleared.title) == (None, None, "T")
