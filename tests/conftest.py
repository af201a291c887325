"""Shared fixtures: real encrypted workspaces in tmp_path, copied from one template per session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CRM_LANG"] = "en"

from crm_desktop.core.config.paths import AppPaths  # noqa: E402
from crm_desktop.core.crm import Crm, open_crm  # noqa: E402
from crm_desktop.core.i18n import set_language  # noqa: E402
from crm_desktop.core.security.keystore import MemoryKeyStore  # noqa: E402
from crm_desktop.core.security.vault import Vault  # noqa: E402
from crm_desktop.core.setup import init_workspace  # noqa: E402

PASSPHRASE = "correct horse battery"


@pytest.fixture(scope="session")
def template_workspace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One initialised workspace (keys, schema, default stages) made once; returns (folder, recovery key)."""
    root = tmp_path_factory.mktemp("template") / "workspace"
    created = init_workspace(AppPaths.under(root), MemoryKeyStore(), PASSPHRASE,
                             language="en", business_name="Test Shop")
    created.crm.close()
    return root, created.recovery_key


@pytest.fixture
def workspace(template_workspace: tuple[Path, str], tmp_path: Path) -> AppPaths:
    """A fresh copy of the template workspace, unopened."""
    target = tmp_path / "workspace"
    shutil.copytree(template_workspace[0], target)
    return AppPaths.under(target)


@pytest.fixture
def recovery_key(template_workspace: tuple[Path, str]) -> str:
    return template_workspace[1]


@pytest.fixture
def data_key(workspace: AppPaths) -> bytes:
    return Vault(workspace, MemoryKeyStore()).unlock(PASSPHRASE)


@pytest.fixture
def crm(workspace: AppPaths, data_key: bytes) -> Iterator[Crm]:
    """An open, writable Crm over a fresh encrypted workspace."""
    with open_crm(workspace, data_key, actor="tester") as opened:
        yield opened


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")
