"""The report benchmark: a 5,000-row contact list and a customer profile on a large workspace.

    .venv/bin/python tests/benchmarks/report_benchmark.py --workspace DIR [--passphrase-env VAR]
        [--runs N] [--rows 5000] [--json] [--out DIR]

DIR is a workspace folder (as `benchmark.py --size large --keep X` leaves it in X/workspace). It
is opened read-only (no lock, nothing written), so it may be in use by another benchmark. The
contact list is the one a tag filter gives; the tag chosen is the one whose contact count is
closest to --rows (at least that many when one has). The profiles are of the contact with the
most deals among the first 50 of that list, and of the company with the most people among the
first 50 companies.
Targets (issue 5): contact list ≤ 5 s, customer profile ≤ 0.5 s. Not run by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.reports.options import ReportOptions
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.security.vault import Vault
from crm_desktop.core.services.contacts import ContactQuery
from crm_desktop.core.services.deals import DealQuery

DEFAULT_PASSPHRASE = "benchmark passphrase"  # the core benchmark's
LIST_TARGET_S, PROFILE_TARGET_S = 5.0, 0.5


def pick_tag(crm: Crm, rows: int) -> tuple[str, int]:
    counts = {tag: crm.contacts.count(ContactQuery(tag=tag)) for tag in crm.tags.all()}
    enough = {tag: n for tag, n in counts.items() if n >= rows}
    pool = enough or counts
    tag = min(pool, key=lambda name: abs(pool[name] - rows))
    return tag, counts[tag]


def pick_contact(crm: Crm, tag: str) -> str:
    candidates = crm.contacts.page(ContactQuery(tag=tag), limit=50)
    return max(candidates, key=lambda c: crm.deals.count(DealQuery(contact_id=c.id))).id


def pick_company(crm: Crm) -> str:
    candidates = crm.companies.page(limit=50)
    return max(candidates, key=lambda c: crm.contacts.count(ContactQuery(company_id=c.id))).id


def timed(crm: Crm, name: str, out: Path, options: ReportOptions, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        crm.reports.render(name, out, options)
        times.append(time.perf_counter() - started)
    return times


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=False)
    found = [line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:")]
    return int(found[0]) if found else -1


def measure(workspace: Path, passphrase: str, runs: int, rows: int, out: Path) -> dict[str, Any]:
    paths = AppPaths.under(workspace)
    key = Vault(paths, MemoryKeyStore()).unlock(passphrase)
    started = time.perf_counter()
    with open_crm(paths, key, write=False) as crm:
        opened = time.perf_counter() - started
        tag, count = pick_tag(crm, rows)
        contact = pick_contact(crm, tag)
        first_start = time.perf_counter()
        crm.reports.render("profile", out / "warm-up.pdf", ReportOptions(contact_id=contact))
        first = time.perf_counter() - first_start  # loads reportlab and the font
        list_pdf, profile_pdf = out / "contacts.pdf", out / "profile.pdf"
        lists = timed(crm, "contacts", list_pdf, ReportOptions(tag=tag, language="zh_CN"), runs)
        profiles = timed(crm, "profile", profile_pdf,
                         ReportOptions(contact_id=contact, language="zh_CN"), runs)
        company = pick_company(crm)
        company_pdf = out / "company.pdf"
        companies = timed(crm, "profile", company_pdf,
                          ReportOptions(company_id=company, language="zh_CN"), runs)
        people = crm.contacts.count(ContactQuery(company_id=company))
        total = crm.contacts.count()
    return {"workspace_contacts": total, "open_s": round(opened, 3),
            "first_report_s": round(first, 3),
            "contact_list": {"tag": tag, "rows": count, "pages": pages(list_pdf),
                             "bytes": list_pdf.stat().st_size, "runs_s": _rounded(lists),
                             "median_s": round(statistics.median(lists), 3),
                             "target_s": LIST_TARGET_S},
            "profile": {"contact": contact, "pages": pages(profile_pdf),
                        "runs_s": _rounded(profiles),
                        "median_s": round(statistics.median(profiles), 3),
                        "target_s": PROFILE_TARGET_S},
            "company_profile": {"company": company, "people": people,
                                "pages": pages(company_pdf), "runs_s": _rounded(companies),
                                "median_s": round(statistics.median(companies), 3),
                                "target_s": PROFILE_TARGET_S}}


def _rounded(values: list[float]) -> list[float]:
    return [round(value, 3) for value in values]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", type=Path, required=True)
    parser.add_argument("--passphrase-env", default="", help="variable holding the passphrase")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--out", type=Path, help="keep the PDFs here (default: a temp folder)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    passphrase = os.environ.get(args.passphrase_env, "") if args.passphrase_env else ""
    with tempfile.TemporaryDirectory() as scratch:
        out = args.out or Path(scratch)
        out.mkdir(parents=True, exist_ok=True)
        result = measure(args.workspace, passphrase or DEFAULT_PASSPHRASE, args.runs, args.rows,
                         out)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        lists, profile, company = (result["contact_list"], result["profile"],
                                   result["company_profile"])
        print(f"workspace: {result['workspace_contacts']:,} contacts "
              f"(opened in {result['open_s']} s; first report {result['first_report_s']} s)")
        print(f"contact list, tag {lists['tag']!r}: {lists['rows']:,} rows, {lists['pages']} pages, "
              f"median {lists['median_s']} s (target ≤ {LIST_TARGET_S} s) runs {lists['runs_s']}")
        print(f"customer profile: {profile['pages']} page(s), median {profile['median_s']} s "
              f"(target ≤ {PROFILE_TARGET_S} s) runs {profile['runs_s']}")
        print(f"company profile ({company['people']} people): {company['pages']} page(s), "
              f"median {company['median_s']} s runs {company['runs_s']}")
    ok = (result["contact_list"]["median_s"] <= LIST_TARGET_S
          and result["profile"]["median_s"] <= PROFILE_TARGET_S
          and result["company_profile"]["median_s"] <= PROFILE_TARGET_S)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
