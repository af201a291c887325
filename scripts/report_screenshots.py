"""Page 1 of every PDF report, in English and Chinese, as PNG under resources/screenshots/.

    .venv/bin/python scripts/report_screenshots.py [--out DIR] [--dpi 80] [--keep DIR]

Builds a sample shop (the demo data, with owners) in a temporary folder per language, renders
each report and converts its first page with poppler's pdftoppm. Run it again after the
translations change.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PIL import Image

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm
from crm_desktop.core.demo import populate_demo
from crm_desktop.core.domain.models import ContactUpdate, DealUpdate, ReminderFields
from crm_desktop.core.reports.options import Period, ReportOptions
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.services.contacts import ContactQuery
from crm_desktop.core.services.deals import DealQuery
from crm_desktop.core.services.reminders import ReminderQuery
from crm_desktop.core.setup import init_workspace

ROOT = Path(__file__).resolve().parents[1]
BUSINESS = {"en": "Minghua Trading 明华贸易", "zh_CN": "明华贸易有限公司 Minghua Trading"}
OWNERS = ("王芳", "Sam Lee")
SHORT = {"en": "en", "zh_CN": "zh"}


def shop(folder: Path, language: str) -> Crm:
    made = init_workspace(AppPaths.under(folder), MemoryKeyStore(), "screenshot passphrase",
                          language=language, business_name=BUSINESS[language])
    crm = made.crm
    populate_demo(crm, 120, seed=11)
    rng = random.Random(11)
    for reminder in crm.reminders.page(ReminderQuery(due="week"), limit=40):
        crm.reminders.update(reminder.id, ReminderFields(owner=rng.choice(OWNERS)))
    for contact in crm.contacts.page(ContactQuery(), limit=200)[::2]:
        crm.contacts.update(contact.id, ContactUpdate(owner=rng.choice(OWNERS)))
    for deal in crm.deals.page(DealQuery(), limit=30):
        crm.deals.update(deal.id, DealUpdate(owner=rng.choice(OWNERS)))
    return crm


def shoot(crm: Crm, language: str, pdfs: Path, out: Path, dpi: int) -> None:
    company = max(crm.companies.page(limit=50),
                  key=lambda c: crm.contacts.count(ContactQuery(company_id=c.id)))
    year = Period(date.today() - timedelta(days=364), date.today())
    jobs = {"contacts": ReportOptions(), "profile": ReportOptions(company_id=company.id),
            "pipeline": ReportOptions(period=year), "agenda": ReportOptions(),
            "service": ReportOptions(period=year), "summary": ReportOptions(period=year)}
    for name, options in jobs.items():
        pdf = pdfs / f"report-{name}-{SHORT[language]}.pdf"
        crm.reports.render(name, pdf, replace(options, language=language))
        png = (out / pdf.stem).with_suffix(".png")
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1",
                        "-singlefile", str(pdf), str(png.with_suffix(""))], check=True)
        _shrink(png)
        print(png)


def _shrink(png: Path) -> None:
    """64 colours are plenty for a page of text: a third of the bytes."""
    with Image.open(png) as page:
        fewer = page.convert("RGB").quantize(colors=64, dither=Image.Dither.NONE)
    fewer.save(png, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        pdfs = args.keep or Path(scratch)
        pdfs.mkdir(parents=True, exist_ok=True)
        for language in ("en", "zh_CN"):
            with shop(Path(scratch) / language, language) as crm:
                shoot(crm, language, pdfs, args.out, args.dpi)


if __name__ == "__main__":
    main()
