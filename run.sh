#!/usr/bin/env sh
# Install the app into .venv and start it. Until the desktop window lands, this creates a
# workspace with sample data (asking for a passphrase) and shows what `crm` can do.
set -eu
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
CRM=.venv/bin/crm
if ! $CRM contact list --limit 1 >/dev/null 2>&1; then
  echo "Creating your encrypted workspace (choose a passphrase of at least 8 characters)."
  $CRM init
  $CRM demo --contacts 200
fi
$CRM contact list --limit 15
echo
echo "Try: .venv/bin/crm search 张  |  .venv/bin/crm deal list  |  .venv/bin/crm --help"
