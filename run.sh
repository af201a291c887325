#!/usr/bin/env sh
# Install the app into .venv and start the desktop window. The first start asks for a language,
# your business and a passphrase, shows your recovery key, and offers sample data.
set -eu
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
./scripts/install-desktop-packages.sh
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e . 2>/dev/null
exec .venv/bin/crm-desktop "$@"
