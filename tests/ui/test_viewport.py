"""A list's viewport asked for without PySide6 building every QWidget subclass (ui/tables.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QScrollArea, QTableView

from netdesk.ui.tables import viewport


def test_the_viewport_is_the_area_s_own(qtbot) -> None:
    table, area = QTableView(), QScrollArea()
    qtbot.addWidget(table)
    qtbot.addWidget(area)
    assert viewport(table) is table.viewport()
    assert viewport(area) is area.viewport()


def test_asking_for_the_viewport_builds_no_enum_type() -> None:
    """`table.viewport()` first had PySide6 build the QWidget subclasses not built yet (70 enum
    types in a bare process), before Contacts was usable; `viewport` builds none."""
    script = textwrap.dedent(
        """
        import enum
        made = []
        create = enum.EnumType._create_
        def counted(cls, *args, **kwargs):
            made.append(args[0])
            return create(cls, *args, **kwargs)
        enum.EnumType._create_ = counted
        from PySide6.QtWidgets import QApplication, QTableView
        from netdesk.ui.tables import viewport
        app = QApplication(["test", "-platform", "offscreen"])
        table = QTableView()
        table.show()
        before = len(made)
        assert viewport(table) is table.viewport()
        print(made[before:])
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
