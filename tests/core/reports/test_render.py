"""Every report, on the demo shop, in English and in Chinese: the names, amounts and totals it
should show are in its text, every font is embedded, the page count is sane, nothing runs past
the margins."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.money import Money
from crm_desktop.core.i18n import active_language
from crm_desktop.core.reports.document import MARGIN_X
from crm_desktop.core.reports.options import Period, ReportOptions
from crm_desktop.core.services.contacts import ContactQuery
from crm_desktop.core.services.deals import DealQuery
from tests.core.reports.support import (
    LONG_COMPANY,
    LONG_NAME,
    Shop,
    pdf_fonts,
    pdf_info,
    pdf_text,
    squashed,
    words_outside,
)

LANGUAGES = ("en", "zh_CN")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def shanghai_today() -> date:
    """The reports' today (their time zone's), not this machine's."""
    return datetime.now(SHANGHAI).date()


def render(crm: Crm, tmp_path: Path, name: str, language: str, **options: object) -> Path:
    out = tmp_path / f"{name}-{language}.pdf"
    crm.reports.render(name, out, ReportOptions(language=language, timezone=SHANGHAI,
                                                **options))  # type: ignore[arg-type]
    return out


def check(path: Path, expected: list[str], max_pages: int) -> str:
    """The shared checks; returns the text without whitespace."""
    text = squashed(pdf_text(path))
    missing = [item for item in expected if squashed(item) not in text]
    assert missing == []
    fonts = pdf_fonts(path)
    assert fonts and all(embedded == "yes" for _name, embedded in fonts), fonts
    assert 1 <= int(pdf_info(path)["Pages"]) <= max_pages
    assert words_outside(path, MARGIN_X) == []
    return text


def money(amount: Decimal | str, language: str, currency: str = "CNY") -> str:
    return Money.parse(Decimal(amount), currency).format(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_list_has_every_contact_with_phone_numbers(shop_crm: Crm, tmp_path: Path,
                                                          language: str) -> None:
    """All contacts, Chinese and Latin names, numbered to the total, national phone format."""
    total = shop_crm.contacts.count()
    first = shop_crm.contacts.page(limit=1)[0].display_name
    path = render(shop_crm, tmp_path, "contacts", language)
    check(path, ["欧阳娜娜", LONG_NAME, first, "139 1234 5678", "021 6123 4567",
                 "nana.ouyang@yuanhang.example.com", f"{total}"], max_pages=total // 15 + 2)


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_list_filters_by_tag_owner_stage_and_search(shop_crm: Crm, tmp_path: Path,
                                                           language: str) -> None:
    """Each filter keeps exactly the contacts the core's own list (or search) gives."""
    vip = [c.display_name for c in shop_crm.contacts.page(ContactQuery(tag="VIP"), limit=500)]
    path = render(shop_crm, tmp_path, "contacts", language, tag="VIP")
    text = check(path, vip, max_pages=3)
    assert squashed(LONG_NAME) not in text
    path = render(shop_crm, tmp_path, "contacts", language, owner="Sam Lee",
                  lifecycle_stage="lead")
    text = check(path, [LONG_NAME], max_pages=1)
    assert "欧阳娜娜" not in text
    path = render(shop_crm, tmp_path, "contacts", language, search="欧阳")
    check(path, ["欧阳娜娜"], max_pages=1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_profile_shows_details_deals_reminders_service_and_whole_notes(
        shop: Shop, shop_crm: Crm, tmp_path: Path, language: str) -> None:
    """Everything about 欧阳娜娜, the long meeting note in full (it may run over a page)."""
    path = render(shop_crm, tmp_path, "profile", language, contact_id=shop.nana)
    deals = shop_crm.deals.page(DealQuery(contact_id=shop.nana))
    check(path, ["欧阳娜娜", LONG_COMPANY, "采购总监 Head of Purchasing", "139 1234 5678",
                 *[d.title for d in deals], money("123456.78", language),
                 money("8800", language), "回电确认报价 Call back about the quote",
                 "寄样品 Send samples", "打印机卡纸 Printer jam", "5/5",
                 "拜访客户，了解明年采购计划。" * 12], max_pages=3)


@pytest.mark.parametrize("language", LANGUAGES)
def test_company_profile_lists_its_people_and_deals(shop: Shop, shop_crm: Crm, tmp_path: Path,
                                                   language: str) -> None:
    """A company's profile: its people, its deals with the open total, its people's reminders."""
    path = render(shop_crm, tmp_path, "profile", language, company_id=shop.company)
    check(path, [LONG_COMPANY, "欧阳娜娜", "Website redesign", "年度采购 Annual supply 2027",
                 money("123456.78", language), "回电确认报价 Call back about the quote",
                 "贸易 Trading"], max_pages=3)


@pytest.mark.parametrize("language", LANGUAGES)
def test_pipeline_shows_stages_totals_lost_reasons_and_largest_deals(
        shop_crm: Crm, tmp_path: Path, language: str) -> None:
    """Stage names, the open total (summed here from the deal list), a lost reason."""
    open_deals = shop_crm.deals.page(DealQuery(status="open"), limit=10_000)
    total = sum((d.amount for d in open_deals), Decimal(0))
    largest = max(open_deals, key=lambda d: d.amount)
    path = render(shop_crm, tmp_path, "pipeline", language)
    check(path, [*[s.name for s in shop_crm.deals.stages()], money(total, language),
                 "价格太高 price too high", largest.title, money(largest.amount, language)],
          max_pages=4)


@pytest.mark.parametrize("language", LANGUAGES)
def test_agenda_lists_overdue_and_todays_reminders_with_phones(shop_crm: Crm, tmp_path: Path,
                                                              language: str) -> None:
    """王芳's overdue and upcoming reminders with 欧阳娜娜's phone numbers."""
    path = render(shop_crm, tmp_path, "agenda", language, owner="王芳")
    text = check(path, ["王芳", "回电确认报价 Call back about the quote", "寄样品 Send samples",
                        "欧阳娜娜", "139 1234 5678"], max_pages=2)
    assert "回访" not in text  # the demo's reminders have no owner


@pytest.mark.parametrize("language", LANGUAGES)
def test_service_report_counts_categories_and_ratings(shop_crm: Crm, tmp_path: Path,
                                                      language: str) -> None:
    """The categories of the year's logs as typed (mixed languages), and the five ratings."""
    year = Period.last_days(shanghai_today(), 365)
    start, end = year.bounds(SHANGHAI)
    categories = {log.category for log in shop_crm.service.page(limit=10_000)
                  if start <= log.opened_at < end}
    path = render(shop_crm, tmp_path, "service", language, period=year)
    check(path, [*categories, "1 / 5", "5 / 5"], max_pages=3)


@pytest.mark.parametrize("language", LANGUAGES)
def test_business_summary_renders_every_figure(shop_crm: Crm, tmp_path: Path,
                                               language: str) -> None:
    """Twelve numbered figures and their twelve definitions on one or two pages."""
    start, end = Period.last_days(shanghai_today()).bounds(SHANGHAI)
    won = sum((d.amount for d in shop_crm.deals.page(DealQuery(status="won"), limit=10_000)
               if d.closed_at and start <= d.closed_at < end), Decimal(0))
    path = render(shop_crm, tmp_path, "summary", language)
    text = check(path, [money(won, language)], max_pages=2)
    assert all(f"({number})" in text for number in range(1, 13))


def test_report_language_is_its_own(shop_crm: Crm, tmp_path: Path) -> None:
    """A Chinese report leaves the app's language as it was (English here)."""
    render(shop_crm, tmp_path, "summary", "zh_CN")
    assert active_language() == "en"
