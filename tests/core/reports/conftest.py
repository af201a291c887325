"""Report fixtures: one demo shop per session (sample data plus known records), opened read-only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop.core.crm import Crm
from tests.core.reports.support import Shop, make_shop, open_shop, require_poppler


@pytest.fixture(scope="session")
def shop(template_workspace: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Shop:
    require_poppler()
    return make_shop(tmp_path_factory.mktemp("report_shop") / "workspace", template_workspace[0])


@pytest.fixture
def shop_crm(shop: Shop) -> Iterator[Crm]:
    with open_shop(shop) as crm:
        yield crm
