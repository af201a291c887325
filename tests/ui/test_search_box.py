"""Global search answers at once after unlocking: while Today still gathers, and in pinyin."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any, cast

import pytest
from PySide6.QtCore import QSettings

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers import search_box
from crm_desktop.ui.controllers.search_box import SearchBox
from crm_desktop.ui.controllers.today_page import TodayPage
from crm_desktop.ui.controllers.workbench import Workbench
from crm_desktop.ui.tasks import ImmediateTaskRunner


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


@pytest.fixture
def warm_ups(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Names of the threads the pinyin warm-up runs on (it runs once per process: reset here)."""
    threads: list[str] = []
    monkeypatch.setattr(search_box, "warm_up",
                        lambda: threads.append(threading.current_thread().name))
    search_box.warm_up_in_background.cache_clear()
    search_box.warm_up_when_idle.cache_clear()
    yield threads
    search_box.warm_up_in_background.cache_clear()
    search_box.warm_up_when_idle.cache_clear()


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


def test_pinyin_tables_load_off_the_gui_thread_once_today_is_shown(
        crm: Crm, qsettings: QSettings, warm_ups: list[str], qtbot) -> None:  # type: ignore[no-untyped-def]
    """After Today's figures are shown and the window is idle, the tables a pinyin search needs
    are loaded on a thread of their own, once; not while the window is still being built."""
    page = TodayPage(crm, ChangeBus(), qsettings, runner=ImmediateTaskRunner())
    qtbot.addWidget(page)
    assert page.data is not None and warm_ups == []  # shown, but the loop has not idled yet
    qtbot.waitUntil(lambda: warm_ups != [], timeout=2000)
    page.refresh()
    qtbot.wait(50)
    assert warm_ups == ["search warm-up"]


def test_focusing_the_search_field_loads_the_pinyin_tables(
        crm: Crm, warm_ups: list[str], qtbot) -> None:  # type: ignore[no-untyped-def]
    """Focusing the search field (Ctrl+K, a click) loads the tables before the first key."""
    box = SearchBox(crm)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    box.activateWindow()
    box.focus()
    qtbot.waitUntil(lambda: warm_ups == ["search warm-up"], timeout=2000)
