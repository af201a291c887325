"""The export benchmark: every contact to CSV (the target), and to .xlsx, vCard and JSON for information.

    .venv/bin/python tests/benchmarks/export_benchmark.py --workspace DIR [--passphrase-env VAR]
        [--runs N] [--formats csv,xlsx,vcard,ics,json] [--out FILE.json] [--scratch DIR]

DIR is a workspace folder (as `benchmark.py --size large --keep X` leaves it in X/workspace). It is
opened read-only and not changed; the exports go to a temp folder (--scratch) and are deleted.
Target (issue 6): 100,000 contacts to CSV in ≤ 5 s. Not run by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.io.exports.output import ExportResult
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.security.vault import Vault

DEFAULT_PASSPHRASE = "benchmark passphrase"  # the core benchmark's
CSV_TARGET_S = 5.0
EXPORTS: dict[str, tuple[str, Callable[[Crm, Path], ExportResult]]] = {
    "csv": ("contacts.csv", lambda crm, path: crm.exports.contacts_csv(path)),
    "xlsx": ("contacts.xlsx", lambda crm, path: crm.exports.contacts_xlsx(path)),
    "vcard": ("contacts.vcf", lambda crm, path: crm.exports.contacts_vcard(path)),
    "ics": ("reminders.ics", lambda crm, path: crm.exports.reminders_ics(path)),
    "json": ("workspace.json", lambda crm, path: crm.exports.workspace_json(path)),
}


def measure(workspace: Path, passphrase: str, scratch: Path, formats: list[str],
            runs: int) -> dict[str, Any]:
    paths = AppPaths.under(workspace)
    key = Vault(paths, MemoryKeyStore()).unlock(passphrase)
    result: dict[str, Any] = {"runs": runs, "cpus": os.cpu_count(),
                              "target": {"csv_s": CSV_TARGET_S}}
    with open_crm(paths, key, write=False) as crm:
        result["contacts"] = crm.contacts.count()
        for kind in formats:
            result[kind] = _time(crm, kind, scratch, runs)
    return result


def _time(crm: Crm, kind: str, scratch: Path, runs: int) -> dict[str, Any]:
    name, export = EXPORTS[kind]
    seconds, size, count = [], 0, 0
    for _ in range(runs):
        path = scratch / name
        started = time.perf_counter()
        count = export(crm, path).count
        seconds.append(time.perf_counter() - started)
        size = path.stat().st_size
        path.unlink()
    return {"records": count, "median_s": round(statistics.median(seconds), 2),
            "min_s": round(min(seconds), 2), "mb": round(size / 1_048_576, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--workspace", type=Path, required=True)
    parser.add_argument("--passphrase-env", help="environment variable holding the passphrase")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--formats", default="csv,xlsx,vcard,ics,json")
    parser.add_argument("--out", type=Path, help="also write the JSON result to this file")
    parser.add_argument("--scratch", type=Path)
    args = parser.parse_args()
    workspace = args.workspace / "workspace" if (args.workspace / "workspace").is_dir() else args.workspace
    passphrase = os.environ.get(args.passphrase_env or "", "") or DEFAULT_PASSPHRASE
    scratch = Path(tempfile.mkdtemp(prefix="crm-export-bench-", dir=args.scratch))
    try:
        result = measure(workspace, passphrase, scratch, args.formats.split(","), args.runs)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
