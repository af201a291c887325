"""The duplicates benchmark: build the duplicate index and list suggestions on a large workspace.

    .venv/bin/python tests/benchmarks/duplicates_benchmark.py --workspace DIR [--passphrase-env VAR]
        [--runs N] [--json]

DIR is a workspace folder (as `benchmark.py --size large --keep X` leaves it in X/workspace); it is
opened read-only and not changed. Also times `matches` per row (what an import pays per row) and
`similar_to` (the warning before saving a new contact). Target (issue 6): the index in ~1–2 s
for 100,000 contacts. Not run by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.domain.models import ContactCreate, Labeled
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.security.vault import Vault
from crm_desktop.core.services.duplicate_index import DuplicateIndex

DEFAULT_PASSPHRASE = "benchmark passphrase"  # the core benchmark's
PROBES = 10_000
NEW_CONTACT = ContactCreate(display_name="张伟", company_name="星光科技",
                            emails=[Labeled(value="zw@example.com")], phones=[Labeled(value="13800138000")])


def timed(action: Callable[[], Any]) -> tuple[float, float, Any]:
    """(wall seconds, CPU seconds, result): the CPU time tells a busy machine from slow code."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def measure(crm: Crm, runs: int) -> dict[str, Any]:
    builds, suggestions, hits, misses, similar = [], [], [], [], []
    for _ in range(runs):
        wall, cpu, index = timed(crm.duplicates.index)
        builds.append((wall, cpu))
        wall, cpu, pairs = timed(crm.duplicates.suggestions)
        suggestions.append((wall, cpu))
        hits.append(per_row(index, [(k.emails, k.phones, k.company) for k in index.keys.values()]))
        misses.append(per_row(index, [((f"new{n}@example.org",), (f"+86139{n:08d}",), "新公司")
                                      for n in range(PROBES)]))
        wall, cpu, _found = timed(lambda: crm.duplicates.similar_to(NEW_CONTACT))
        similar.append((wall, cpu))
    return {"contacts": len(index), "pairs_shown": len(pairs), "pairs_total": len(index.pairs()),
            "index_build_s": _summary(builds), "suggestions_s": _summary(suggestions),
            "matches_per_row_us (stored rows)": _summary(hits),
            "matches_per_row_us (new rows)": _summary(misses), "similar_to_s": _summary(similar)}


def per_row(index: DuplicateIndex, rows: list[tuple[tuple[str, ...], tuple[str, ...], str]]
            ) -> tuple[float, float]:
    """Microseconds per `matches` call, as an import pays them (rows named 张伟)."""
    sample = rows[:PROBES]
    wall, cpu, _found = timed(lambda: [index.matches(e, p, "张伟", c) for e, p, c in sample])
    return wall / len(sample) * 1e6, cpu / len(sample) * 1e6


def _summary(samples: list[tuple[float, float]]) -> dict[str, float]:
    return {"wall_median": round(statistics.median(w for w, _c in samples), 4),
            "cpu_median": round(statistics.median(c for _w, c in samples), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workspace", type=Path, required=True)
    parser.add_argument("--passphrase-env", help="read the passphrase from this variable")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    passphrase = os.environ[args.passphrase_env] if args.passphrase_env else DEFAULT_PASSPHRASE
    paths = AppPaths.under(args.workspace)
    key = Vault(paths, MemoryKeyStore()).unlock(passphrase)
    with open_crm(paths, key, write=False) as crm:
        result = measure(crm, args.runs)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for name, value in result.items():
        print(f"{name:>34}: {value}")


if __name__ == "__main__":
    main()
