"""Global search answers at once after unlocking: while Today still gathers, and in pinyin."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QSettings

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate
from crm_desktop.ui.controllers.search_box import SearchBox
from crm_desktop.ui.controllers.today_page import TodayPage
from crm_desktop.ui.controllers.workbench import Workbench


class HeldTaskRunner:
    """Keeps every job until `release()`: a worker that has not finished yet."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []

    def run(self, work, on_done, on_error=None, on_progress=None) -> None:  # type: ignore[no-untyped-def]
        self.jobs.append((work, on_done))

    def release(self) -> None:
        jobs, self.jobs = self.jobs, []
        for work, on_done in jobs:
            on_done(work())


def _shown(box: SearchBox) -> list[str]:
    return [hit.title for hit in box.hits()]


def test_search_answers_while_today_is_still_gathering(crm: Crm, qsettings: QSettings,
                                                       qtbot) -> None:  # type: ignore[no-untyped-def]
    """Typing in the search box shows results while the Today page is still gathering."""
    crm.contacts.add(ContactCreate(family_name="张", given_name="伟"))
    held = HeldTaskRunner()
    workbench = Workbench(crm, qsettings, runner=held)
    qtbot.addWidget(workbench)
    workbench.show()
    today = cast(TodayPage, workbench.today)
    assert today.loading
    workbench.search.field.setText("zw")
    assert _shown(workbench.search) == ["张伟"]
    assert today.loading and today.data is None
    held.release()
    assert not today.loading and today.data is not None
    workbench.forget()
