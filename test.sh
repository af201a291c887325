#!/usr/bin/env sh
# Install everything the tests need into .venv, then run every test (offscreen, no display needed).
set -eu
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
# pdftotext, pdffonts and pdfinfo read the PDF reports back in the tests.
EXTRA_PACKAGES="poppler-utils" ./scripts/install-desktop-packages.sh
QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "$@"
