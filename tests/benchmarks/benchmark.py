"""The project benchmark: build a workspace through the bulk path, then time the everyday queries
on the encrypted file and on a plain-SQLite copy of it.

    .venv/bin/python tests/benchmarks/benchmark.py --size small|large [--json] [--keep DIR]

Large = 100,000 contacts, 20,000 companies, 50,000 deals, 100,000 reminders, 100,000 service
logs and 100,000 notes. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from crm_desktop.core.config.paths import AppPaths  # noqa: E402
from crm_desktop.core.crm import Crm, open_crm  # noqa: E402
from crm_desktop.core.demo import populate_demo  # noqa: E402
from crm_desktop.core.domain.models import ContactCreate, Labeled  # noqa: E402
from crm_desktop.core.security.keystore import MemoryKeyStore  # noqa: E402
from crm_desktop.core.security.vault import Vault  # noqa: E402
from crm_desktop.core.services.contacts import ContactQuery  # noqa: E402
from crm_desktop.core.services.deals import DealQuery  # noqa: E402
from crm_desktop.core.services.ordering import Ordering  # noqa: E402
from crm_desktop.core.setup import init_workspace  # noqa: E402
from crm_desktop.core.storage.engine import connect  # noqa: E402
from tests.benchmarks.plain import export_plain, open_plain  # noqa: E402

SIZES = {"small": 2_000, "large": 100_000}
PASSPHRASE = "benchmark passphrase"
TARGETS_MS = {"open/unlock": 1000, "first page of contacts": 20, "contact detail + timeline": 20,
              "sorted contacts (company, email↓)": 50, "single add (journal + index)": 10}
BY_COMPANY = ContactQuery(order=Ordering("company"))
BY_EMAIL_DOWN = ContactQuery(order=Ordering("email", descending=True))
SEARCH_TARGET_MS = 30
SEARCHES = {
    "search 1-char Chinese": "张",
    "search 2-char Chinese": "明华",
    "search 3-char Chinese": "欧阳明",
    "search pinyin full": "zhangwei",
    "search pinyin initials": "zw",
    "search Latin": "smith",
    "search phone digits": "13800138",
    "search email fragment": "example.co",
}


def timed(work: Callable[[], Any], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def p95(samples: list[float]) -> float:
    return sorted(samples)[max(0, int(round(len(samples) * 0.95)) - 1)]


def build(root: Path, contacts: int) -> tuple[AppPaths, float]:
    paths = AppPaths.under(root / "workspace")
    start = time.perf_counter()
    created = init_workspace(paths, MemoryKeyStore(), PASSPHRASE, language="zh_CN")
    populate_demo(created.crm, contacts, progress=_progress)
    _add_known_records(created.crm)
    created.crm.close()
    print(file=sys.stderr)
    return paths, time.perf_counter() - start


def _add_known_records(crm: Crm) -> None:
    """A few records the queries are sure to hit, like a real user's own contacts."""
    crm.contacts.add(ContactCreate(display_name="张伟", phones=[Labeled(value="+86 138 0013 8000")]))
    crm.contacts.add(ContactCreate(display_name="欧阳明华", emails=[
        Labeled(value="ouyang.minghua@example.com")]))


def _progress(done: int, total: int) -> None:
    print(f"\rbuilding: {done:,}/{total:,} rows", end="", file=sys.stderr)


def measure(crm_factory: Callable[[], Crm], runs: int) -> dict[str, list[float]]:
    crm = crm_factory()
    try:
        middle = crm.contacts.count() // 2
        contact = crm.contacts.page(limit=1, offset=middle)[0]
        results = {
            "first page of contacts": timed(lambda: crm.contacts.page(limit=50), runs),
            "contact detail + timeline": timed(lambda: _detail(crm, contact.id), runs),
            "sorted contacts (company, email↓)": timed(lambda: _sorted(crm, middle), runs),
        }
        for name, query in SEARCHES.items():
            results[name] = timed(lambda q=query: crm.search(q, limit=50), runs)  # type: ignore[misc]
        crm.contacts.add(ContactCreate(display_name="预热"))  # first add loads the pinyin tables
        results["single add (journal + index)"] = timed(
            lambda: crm.contacts.add(ContactCreate(display_name="基准 测试", phones=[
                Labeled(value="13912345678")])), max(10, runs // 2))
    finally:
        crm.close()
    return results


def _first_use(crm: Crm) -> None:
    """Open means ready: the first page is on screen."""
    crm.contacts.page(limit=50)
    crm.close()


def _sorted(crm: Crm, middle: int) -> None:
    """A click on a column header: the first page by company, a page halfway down by email Z–A."""
    crm.contacts.page(BY_COMPANY, limit=50)
    crm.contacts.page(BY_EMAIL_DOWN, offset=middle, limit=50)


def _detail(crm: Crm, contact_id: str) -> None:
    crm.contacts.get(contact_id)
    crm.notes.for_record(contact_id)
    crm.service.list(contact_id=contact_id)
    crm.deals.page(DealQuery(contact_id=contact_id))
    crm.reminders.list("all", contact_id=contact_id)
    crm.history.of(contact_id)


def open_encrypted(paths: AppPaths) -> Crm:
    return open_crm(paths, Vault(paths, MemoryKeyStore()).unlock(PASSPHRASE), write=True)


def run(size: str, keep: Path | None, runs: int) -> dict[str, Any]:
    root = keep or Path(tempfile.mkdtemp(prefix="crm-bench-"))
    paths, build_s = build(root, SIZES[size])
    key = Vault(paths, MemoryKeyStore()).unlock(PASSPHRASE)
    plain_path = export_plain(connect(paths.database, key), root / "plain.db")
    rows = [{"name": "large build" if size == "large" else "build", "ms_p50": build_s * 1000,
             "ms_p95": build_s * 1000, "plain_ms_p50": None, "ratio": None,
             "target_ms": 120_000 if size == "large" else None}]
    opened = timed(lambda: _first_use(open_encrypted(paths)), 5)
    plain_opened = timed(lambda: _first_use(open_plain(plain_path)), 5)
    rows.append(_row("open/unlock", opened, plain_opened))
    encrypted = measure(lambda: open_encrypted(paths), runs)
    plain = measure(lambda: open_plain(plain_path), runs)
    rows += [_row(name, samples, plain[name]) for name, samples in encrypted.items()]
    return {"size": size, "contacts": SIZES[size], "results": rows}


def _row(name: str, samples: list[float], plain: list[float]) -> dict[str, Any]:
    target = TARGETS_MS.get(name, SEARCH_TARGET_MS if name.startswith("search") else None)
    p50, plain50 = statistics.median(samples), statistics.median(plain)
    return {"name": name, "ms_p50": round(p50, 2), "ms_p95": round(p95(samples), 2),
            "plain_ms_p50": round(plain50, 2), "ratio": round(p50 / plain50, 2) if plain50 else None,
            "target_ms": target}


def print_table(report: dict[str, Any]) -> None:
    print(f"\nsize: {report['size']} ({report['contacts']:,} contacts)")
    print(f"{'measure':34} {'p50 ms':>9} {'p95 ms':>9} {'plain p50':>10} {'ratio':>6} {'target':>8}")
    for row in report["results"]:
        plain = "" if row["plain_ms_p50"] is None else f"{row['plain_ms_p50']:.2f}"
        ratio = "" if row["ratio"] is None else f"{row['ratio']:.2f}"
        target = "" if row["target_ms"] is None else f"≤{row['target_ms']}"
        print(f"{row['name']:34} {row['ms_p50']:9.2f} {row['ms_p95']:9.2f} {plain:>10} "
              f"{ratio:>6} {target:>8}")
    # Unlock is slow on purpose (Argon2id against passphrase guessing), so it is not a query.
    queries = [r for r in report["results"] if r["ratio"] and r["name"] != "open/unlock"]
    overall = statistics.median(r["ratio"] for r in queries) if queries else None
    print(f"median encrypted ÷ plain over the query set: {overall:.2f} (target ≤ 1.5)")


def markdown_table(report: dict[str, Any]) -> str:
    """The README's performance table."""
    lines = ["| measure | p50 ms | p95 ms | plain p50 ms | encrypted ÷ plain | target |",
             "|---|---:|---:|---:|---:|---|"]
    for row in report["results"]:
        plain = "" if row["plain_ms_p50"] is None else f"{row['plain_ms_p50']:.2f}"
        ratio = "" if row["ratio"] is None else f"{row['ratio']:.2f}"
        target = "" if row["target_ms"] is None else f"≤ {row['target_ms']:,} ms"
        lines.append(f"| {row['name']} | {row['ms_p50']:,.2f} | {row['ms_p95']:,.2f} | {plain} | "
                     f"{ratio} | {target} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=SIZES, default="small")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--markdown", type=Path, help="also read a saved --json report and print "
                        "it as the README's Markdown table, then exit")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--runs", type=int, default=100, help="repetitions per query")
    args = parser.parse_args()
    if args.markdown:
        print(markdown_table(json.loads(args.markdown.read_text(encoding="utf-8"))))
        return 0
    report = run(args.size, args.keep, args.runs)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
