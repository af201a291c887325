"""For the report tests: a demo shop made once per session, and poppler to read PDFs back."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.demo import populate_demo
from crm_desktop.core.domain.models import (
    CompanyCreate,
    ContactCreate,
    DealCreate,
    Labeled,
    NoteCreate,
    ReminderCreate,
    ServiceCreate,
    ServiceUpdate,
)
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.security.vault import Vault

PASSPHRASE = "correct horse battery"
POPPLER = ("pdftotext", "pdffonts", "pdfinfo")
LONG_COMPANY = "上海远航国际贸易有限公司 Shanghai Yuanhang International Trading Company Limited"
LONG_NAME = "Alexandria Montgomery-Whitfield van der Berg-Oyelaran"


@dataclass(frozen=True)
class Shop:
    """The demo workspace with a few known records on top of the sample data."""

    paths: AppPaths
    key: bytes
    made_at: datetime
    nana: str          # a contact id: 欧阳娜娜, at LONG_COMPANY, owner 王芳, tagged VIP
    company: str       # LONG_COMPANY's id
    alexandria: str    # a contact id: LONG_NAME, owner Sam Lee


def require_poppler() -> None:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"poppler-utils is missing ({', '.join(missing)}): ./test.sh installs it, "
                    "or apt-get install poppler-utils")


def make_shop(folder: Path, template: Path) -> Shop:
    shutil.copytree(template, folder)
    paths = AppPaths.under(folder)
    key = Vault(paths, MemoryKeyStore()).unlock(PASSPHRASE)
    with open_crm(paths, key, actor="tester") as crm:
        populate_demo(crm, 60, seed=5)
        company = crm.companies.add(CompanyCreate(name=LONG_COMPANY, industry="贸易 Trading",
                                                  owner="王芳")).value.id
        nana = _nana(crm, company)
        alexandria = crm.contacts.add(ContactCreate(
            display_name=LONG_NAME, lifecycle_stage="lead", owner="Sam Lee",
            phones=[Labeled(label="work", value="+1 415 555 0134")])).value.id
        _deals(crm, nana, company)
    return Shop(paths, key, datetime.now(UTC), nana, company, alexandria)


def _nana(crm: Crm, company: str) -> str:
    nana = crm.contacts.add(ContactCreate(
        family_name="欧阳", given_name="娜娜", company_id=company, title="采购总监 Head of Purchasing",
        phones=[Labeled(label="mobile", value="13912345678"),
                Labeled(label="office", value="021 6123 4567")],
        emails=[Labeled(label="work", value="nana.ouyang@yuanhang.example.com")],
        lifecycle_stage="customer", owner="王芳", tags=["VIP"])).value.id
    now = datetime.now(UTC)
    crm.reminders.add(ReminderCreate(title="回电确认报价 Call back about the quote", owner="王芳",
                                     due_at=now + timedelta(minutes=30), contact_id=nana))
    crm.reminders.add(ReminderCreate(title="寄样品 Send samples", owner="王芳",
                                     due_at=now - timedelta(days=2), contact_id=nana))
    log = crm.service.add(ServiceCreate(subject="打印机卡纸 Printer jam", contact_id=nana,
                                        channel="wechat", category="售后", priority="high")).value
    crm.service.update(log.id, ServiceUpdate(status="resolved", satisfaction=5))
    crm.notes.add(NoteCreate(body="拜访客户，了解明年采购计划。" * 12, kind="meeting", contact_id=nana))
    return nana


def _deals(crm: Crm, nana: str, company: str) -> None:
    crm.deals.add(DealCreate(title="年度采购 Annual supply 2027", contact_id=nana, company_id=company,
                             stage="Proposal", amount=Decimal("123456.78"), owner="王芳",
                             expected_close=(datetime.now(UTC) + timedelta(days=40)).date()
                             .isoformat()))
    won = crm.deals.add(DealCreate(title="Printer fleet 打印机", contact_id=nana,
                                   amount=Decimal(8800), owner="王芳")).value
    crm.deals.win(won.id)
    lost = crm.deals.add(DealCreate(title="Website redesign", company_id=company,
                                    amount=Decimal(5000), owner="Sam Lee")).value
    crm.deals.lose(lost.id, "价格太高 price too high")


def open_shop(shop: Shop) -> Crm:
    """Read-only: a test that tried to change the shared shop would fail at once."""
    return open_crm(shop.paths, shop.key, write=False)


# -- reading PDFs back with poppler ----------------------------------------------------------------

def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, errors="replace", check=True).stdout


def pdf_text(path: Path, password: str | None = None) -> str:
    return _run("pdftotext", *(["-upw", password] if password else []), str(path), "-")


def squashed(text: str) -> str:
    """Without any whitespace: a name wrapped over two lines of a cell still reads as one."""
    return re.sub(r"\s+", "", text)


def pdf_fonts(path: Path, password: str | None = None) -> list[tuple[str, str]]:
    """(font name, embedded yes/no) of every font the PDF uses."""
    lines = _run("pdffonts", *(["-upw", password] if password else []), str(path)).splitlines()
    return [(line.split()[0], line.split()[-5]) for line in lines[2:] if line.strip()]


def pdf_info(path: Path, password: str | None = None) -> dict[str, str]:
    out = _run("pdfinfo", *(["-upw", password] if password else []), str(path))
    return {key.strip(): value.strip() for key, _sep, value in
            (line.partition(":") for line in out.splitlines()) if _sep}


def words_outside(path: Path, margin: float) -> list[str]:
    """Words that reach past the left or right margin (`margin` points from the edge): text
    that overflows its cell or the page."""
    page_width = 0.0
    outside = []
    for line in _run("pdftotext", "-bbox", str(path), "-").splitlines():
        if line.strip().startswith("<page "):
            page_width = float(re.search(r'width="([\d.]+)"', line).group(1))  # type: ignore[union-attr]
        found = re.search(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)".*>(.*)</word>',
                          line)
        if found and (float(found.group(1)) < margin - 1
                      or float(found.group(2)) > page_width - margin + 1):
            outside.append(found.group(3))
    return outside
