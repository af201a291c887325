"""Qt translations of the desktop window: `extract` refreshes the .ts from the code (keeping what
is translated), `build` compiles the .qm the app loads.

    .venv/bin/python scripts/qt_translations.py extract
    .venv/bin/python scripts/qt_translations.py build
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "crm_desktop_zh_CN.ts"
QM = TS.with_suffix(".qm")
# English needs a catalog only for plurals ("1 contact" / "2 contacts").
EN_TS = ROOT / "resources" / "translations" / "crm_desktop_en.ts"
EN_QM = EN_TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def sources() -> list[str]:
    files = sorted((ROOT / "crm_desktop" / "ui").rglob("*.py")) + [ROOT / "crm_desktop" / "app.py"]
    return [str(path.relative_to(ROOT)) for path in files]


def extract(target: Path = TS, plurals_only: bool = False) -> str:
    extra = ["-pluralonly"] if plurals_only else []
    done = subprocess.run([str(BIN / "pyside6-lupdate"), *sources(), "-no-obsolete",
                           "-locations", "none", *extra, "-ts", str(target)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def build(source: Path = TS, target: Path = QM) -> None:
    subprocess.run([str(BIN / "pyside6-lrelease"), str(source), "-qm", str(target)],
                   cwd=ROOT, capture_output=True, check=True)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "extract":
        print(extract())
        print(extract(EN_TS, plurals_only=True))
    elif command == "build":
        build()
        build(EN_TS, EN_QM)
    else:
        raise SystemExit(__doc__)
