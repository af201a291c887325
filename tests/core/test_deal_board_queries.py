"""The pipeline board's queries: stage headers, the cards of one stage, names on the cards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from sqlalchemy import event

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import CompanyCreate, ContactCreate, DealCreate, DealRead


def add(crm: Crm, title: str, amount: str = "100", stage: str = "Lead",
        currency: str = "CNY", company_id: str | None = None,
        contact_id: str | None = None) -> DealRead:
    return crm.deals.add(DealCreate(title=title, amount=amount, stage=stage, currency=currency,
                                    company_id=company_id, contact_id=contact_id)).value


@contextmanager
def counted_selects(crm: Crm) -> Iterator[list[str]]:
    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(crm.engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(crm.engine, "before_cursor_execute", seen)


def test_summaries_follow_the_pipeline_order_and_are_zero_for_empty_stages(crm: Crm) -> None:
    """Every live stage has a summary, in pipeline order; a stage without deals has none counted."""
    summaries = crm.deals.stage_summaries()
    assert [(s.id, s.name) for s in summaries] == [(s.id, s.name) for s in crm.deals.stages()]
    assert all((s.count, s.totals) == (0, {}) for s in summaries)


def test_summaries_count_and_total_only_open_live_deals_per_currency(crm: Crm) -> None:
    """Counts and per-currency totals equal the sums of the stage's open deals; won, lost and
    deleted deals are left out."""
    add(crm, "A", "1200.50")
    add(crm, "B", "300")
    add(crm, "C", "99.99", currency="USD")
    add(crm, "D", "10", stage="Qualified")
    crm.deals.win(add(crm, "Won", "5000").id)
    crm.deals.lose(add(crm, "Lost", "7000", stage="Qualified").id, "Too expensive")
    crm.deals.delete(add(crm, "Deleted", "9000").id)
    summaries = {s.name: s for s in crm.deals.stage_summaries()}
    assert (summaries["Lead"].count, summaries["Lead"].totals) == (
        3, {"CNY": Decimal("1500.50"), "USD": Decimal("99.99")})
    assert (summaries["Qualified"].count, summaries["Qualified"].totals) == (
        1, {"CNY": Decimal("10.00")})
    assert (summaries["Proposal"].count, summaries["Proposal"].totals) == (0, {})
    for summary in summaries.values():
        deals = crm.deals.open_in_stage(summary.id, 1000)
        assert summary.count == len(deals)
        sums: dict[str, Decimal] = {}
        for deal in deals:
            sums[deal.currency] = sums.get(deal.currency, Decimal(0)) + deal.amount
        assert summary.totals == sums


def test_summaries_are_one_grouped_query(crm: Crm) -> None:
    """The headers of the whole board cost one query for the stages and one grouped query."""
    for n in range(5):
        add(crm, f"Deal {n}", stage=("Lead", "Proposal")[n % 2])
    with counted_selects(crm) as statements:
        crm.deals.stage_summaries()
    assert len(statements) == 2
    assert sum("GROUP BY" in s.upper() for s in statements) == 1


def test_open_in_stage_honours_the_stage_and_the_limit_newest_first(crm: Crm) -> None:
    """Only open live deals of that stage come back, newest first, at most `limit` of them."""
    lead = [add(crm, f"Lead {n}") for n in range(5)]
    add(crm, "Elsewhere", stage="Proposal")
    crm.deals.win(lead[0].id)
    crm.deals.delete(lead[1].id)
    lead_id = next(s.id for s in crm.deals.stages() if s.name == "Lead")
    assert [d.id for d in crm.deals.open_in_stage(lead_id, 10)] == [
        lead[4].id, lead[3].id, lead[2].id]
    assert [d.id for d in crm.deals.open_in_stage(lead_id, 2)] == [lead[4].id, lead[3].id]
    assert crm.deals.open_in_stage(lead_id, 0) == []


def test_party_names_use_the_company_else_the_contact(crm: Crm) -> None:
    """A card shows its company's name; without a live company, its contact's; else nothing."""
    acme = crm.companies.add(CompanyCreate(name="Acme Ltd")).value
    gone = crm.companies.add(CompanyCreate(name="Gone Ltd")).value
    wei = crm.contacts.add(ContactCreate(family_name="张", given_name="伟")).value
    both = add(crm, "Both", company_id=acme.id, contact_id=wei.id)
    person = add(crm, "Person", contact_id=wei.id)
    orphan = add(crm, "Orphan", company_id=gone.id, contact_id=wei.id)
    lonely = add(crm, "Lonely", company_id=gone.id)
    bare = add(crm, "Bare")
    crm.companies.delete(gone.id)
    names = crm.deals.party_names([both, person, orphan, lonely, bare])
    assert names == {both.id: "Acme Ltd", person.id: wei.display_name,
                     orphan.id: wei.display_name, lonely.id: "", bare.id: ""}


def test_party_names_cost_one_query_for_companies_and_one_for_contacts(crm: Crm) -> None:
    """Names for many deals are looked up in one query per table, not one per deal."""
    deals = []
    for n in range(20):
        company = crm.companies.add(CompanyCreate(name=f"Company {n}")).value
        contact = crm.contacts.add(ContactCreate(display_name=f"Contact {n}")).value
        deals.append(add(crm, f"Deal {n}", company_id=company.id))
        deals.append(add(crm, f"Solo {n}", contact_id=contact.id))
    with counted_selects(crm) as statements:
        names = crm.deals.party_names(deals)
    assert len(statements) == 2
    assert names[deals[0].id] == "Company 0" and names[deals[1].id] == "Contact 0"
