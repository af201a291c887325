"""Creating and unlocking a workspace: the steps `crm init` and the first-run wizard share."""

from __future__ import annotations

from dataclasses import dataclass

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.errors import ReadOnlyError
from crm_desktop.core.security.keystore import KeyStore
from crm_desktop.core.security.vault import Vault
from crm_desktop.core.services.history import SETUP_ACTION


@dataclass(frozen=True)
class NewWorkspace:
    crm: Crm
    recovery_key: str


def init_workspace(paths: AppPaths, keystore: KeyStore, passphrase: str, *,
                   language: str = "en", business_name: str = "", currency: str = "CNY",
                   region: str = "CN", actor: str | None = None) -> NewWorkspace:
    """Key slots, then the encrypted database with its schema, settings and default stages."""
    try:
        paths.root.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise ReadOnlyError(path=str(paths.root)) from None
    keys = Vault(paths, keystore).create(passphrase)
    crm: Crm | None = None
    try:
        crm = open_crm(paths, keys.data_key, actor=actor, create=True)
        with crm.db.transaction(SETUP_ACTION) as tx:
            crm.settings.apply(tx, business_name=business_name, currency=currency,
                               default_region=region, language=language)
            crm.deals.add_default_stages(tx, language)
    except BaseException:
        if crm is not None:
            crm.close()
        _remove_partial(paths)
        raise
    return NewWorkspace(crm, keys.recovery_key)


def _remove_partial(paths: AppPaths) -> None:
    """A failed init leaves no half workspace behind (it would block the next `crm init`)."""
    for path in (paths.key_slots, paths.database, paths.database.with_name("crm.db-wal"),
                 paths.database.with_name("crm.db-shm")):
        path.unlink(missing_ok=True)
