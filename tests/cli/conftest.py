"""Fixtures for the `crm` command: the real program in a subprocess, over a copied workspace.

`crm init` runs once per session into a template (plus one seeded contact); every test gets a copy.
The template's passphrase slot is then re-wrapped with the cheapest Argon2id parameters the slot
format accepts: each of the ~50 subprocesses saves ~0.15 s. The KDF itself is tested in tests/core.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.security import keyslots
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.security.vault import Vault
from tests.cli.support import PASSPHRASE, Cli, Template

CHEAP_ARGON2 = {"memory_kib": 64, "iterations": 1, "lanes": 1}


@pytest.fixture(scope="session")
def cli_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    folder = tmp_path_factory.mktemp("cli_template") / "workspace"
    cli = Cli(folder)
    init = cli("init", "--business-name", "Test Shop")
    assert init.code == 0, init.err
    key = next(line.split(": ", 1)[1] for line in init.out.splitlines()
               if line.startswith("Recovery key: "))
    _cheapen_passphrase_slot(folder)
    seeded = cli.json("contact", "add", "--name", "李娜", "--phone", "13912345678")
    return Template(folder, init, key, seeded["id"])


def _cheapen_passphrase_slot(folder: Path) -> None:
    vault = Vault(AppPaths.under(folder), MemoryKeyStore())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keyslots, "ARGON2_DEFAULTS", CHEAP_ARGON2)
        vault.change_passphrase(vault.unlock(PASSPHRASE), PASSPHRASE)


@pytest.fixture
def cli(cli_template: Template, tmp_path: Path) -> Cli:
    """`crm` over a fresh copy of the template workspace."""
    target = tmp_path / "workspace"
    shutil.copytree(cli_template.folder, target)
    return Cli(target)


@pytest.fixture
def seeded_contact(cli_template: Template) -> str:
    return cli_template.contact_id
