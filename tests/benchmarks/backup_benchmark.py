"""The backup benchmark: back up, verify and restore a workspace, beside a plain file copy.

    .venv/bin/python tests/benchmarks/backup_benchmark.py --workspace DIR [--passphrase-env VAR]
        [--runs N] [--json] [--scratch DIR]

DIR is a workspace folder (as `benchmark.py --size large --keep X` leaves it in X/workspace);
it is not changed: the restore is timed on a copy under --scratch (default: a temp folder on the
same disk as DIR, so the copy and the backups compete for the same disk as in real life).
Targets (issue 4): backup ≤ 3 × the plain copy, verify ≤ 5 s, restore ≤ 10 s. Not run by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from crm_desktop.core.backup.restore import apply_restore, prepare_restore
from crm_desktop.core.backup.verify import BackupKey, verify_backup
from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import open_crm
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.security.vault import Vault

DEFAULT_PASSPHRASE = "benchmark passphrase"  # the core benchmark's
BACKUP_RATIO_TARGET, VERIFY_TARGET_S, RESTORE_TARGET_S = 3.0, 5.0, 10.0


def plain_copy(database: Path, target: Path) -> float:
    """cp + fsync: what copying the file by hand to the same folder costs."""
    started = time.perf_counter()
    with open(database, "rb") as source, open(target, "wb") as out:
        shutil.copyfileobj(source, out, 4 * 1024 * 1024)
        out.flush()
        os.fsync(out.fileno())
    elapsed = time.perf_counter() - started
    target.unlink()
    return elapsed


def measure(workspace: Path, passphrase: str, scratch: Path, runs: int) -> dict[str, Any]:
    paths = AppPaths.under(workspace)
    key = Vault(paths, MemoryKeyStore()).unlock(passphrase)
    folder = scratch / "usb"
    folder.mkdir(parents=True)
    copies, backups, verifies, restores = [], [], [], []
    size = paths.database.stat().st_size
    for _ in range(runs):
        copies.append(plain_copy(paths.database, folder / "plain-copy.db"))
        with open_crm(paths, key, write=False) as crm:
            started = time.perf_counter()
            report = crm.backups.back_up(folder)
            backups.append(time.perf_counter() - started)
        started = time.perf_counter()
        assert verify_backup(report.path, BackupKey(data_key=key), scratch / "work").ok
        verifies.append(time.perf_counter() - started)
        restores.append(_restore_once(paths, report.path, key, scratch))
        report.path.unlink()
    copy_s, backup_s = statistics.median(copies), statistics.median(backups)
    return {"database_mb": round(size / 1_048_576), "runs": runs,
            "plain_copy_s": round(copy_s, 2), "backup_s": round(backup_s, 2),
            "backup_ratio": round(backup_s / copy_s, 2),
            "verify_s": round(statistics.median(verifies), 2),
            "restore_s": round(statistics.median(restores), 2),
            "targets": {"backup_ratio": BACKUP_RATIO_TARGET, "verify_s": VERIFY_TARGET_S,
                        "restore_s": RESTORE_TARGET_S}}


def _restore_once(paths: AppPaths, backup: Path, key: bytes, scratch: Path) -> float:
    """Restore into a copy of the workspace (made outside the timing), then open it."""
    target = AppPaths.under(scratch / "restore-target")
    shutil.rmtree(target.root, ignore_errors=True)
    shutil.copytree(paths.root, target.root, ignore=shutil.ignore_patterns("backup-work", "safety"))
    started = time.perf_counter()
    plan = prepare_restore(target, backup, BackupKey(data_key=key))
    apply_restore(target, plan)
    with open_crm(target, plan.data_key) as crm:
        crm.contacts.count()
    elapsed = time.perf_counter() - started
    shutil.rmtree(target.root)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workspace", type=Path, required=True)
    parser.add_argument("--passphrase-env", help="environment variable holding the passphrase")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--scratch", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    workspace = args.workspace / "workspace" if (args.workspace / "workspace").is_dir() else args.workspace
    passphrase = os.environ.get(args.passphrase_env or "", "") or DEFAULT_PASSPHRASE
    scratch = Path(tempfile.mkdtemp(prefix="crm-backup-bench-", dir=args.scratch or workspace.parent))
    try:
        result = measure(workspace, passphrase, scratch, args.runs)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for name, value in result.items():
            print(f"{name:>14}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
