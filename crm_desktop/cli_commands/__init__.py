"""The `crm` subcommands, one module per area; each module's `register` adds its parsers."""

from __future__ import annotations

from crm_desktop.cli_commands import (
    admin,
    backup,
    companies,
    contacts,
    deals,
    duplicates,
    exports,
    imports,
    notes,
    privacy,
    records,
    reminders,
    reports,
    service,
    workspace,
)
from crm_desktop.cli_commands.parsing import Subparsers

MODULES = (workspace, contacts, companies, deals, reminders, service, notes, records, admin,
           backup, reports, imports, privacy, duplicates, exports)


def register_all(commands: Subparsers) -> None:
    for module in MODULES:
        module.register(commands)
