"""Lists and trees of Python-built items empty cleanly, even while a worker runs Python."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QListWidget, QListWidgetItem, QTreeWidget, QTreeWidgetItem

from crm_desktop.ui.item_lists import empty_list, empty_tree


def test_lists_and_trees_empty_while_a_worker_runs_python(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Refilling a list and a tree 300 times beside a busy Python thread leaves them empty and
    the process alive (Qt's own clear() released these items without the GIL)."""
    rows, tree = QListWidget(), QTreeWidget()
    qtbot.addWidget(rows)
    qtbot.addWidget(tree)
    stop = threading.Event()

    def busy() -> None:
        while not stop.is_set():
            [{"n": i} for i in range(500)]

    worker = threading.Thread(target=busy)
    worker.start()
    try:
        for _ in range(300):
            for i in range(20):
                rows.addItem(QListWidgetItem(f"row {i}"))
                tree.addTopLevelItem(QTreeWidgetItem([f"cell {i}", "x"]))
            assert rows.count() == 20 and tree.topLevelItemCount() == 20
            empty_list(rows)
            empty_tree(tree)
    finally:
        stop.set()
        worker.join()
    assert rows.count() == 0 and tree.topLevelItemCount() == 0
