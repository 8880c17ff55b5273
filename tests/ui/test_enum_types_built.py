"""Qt classes whose Python types (each with all its enum types, ~10 µs a member) PySide6 builds
before Contacts is usable, and those it no longer builds then (ui/tables.py's `viewport`, the
dialogs' classes and modules imported when asked for)."""

from __future__ import annotations

import textwrap

from PySide6.QtWidgets import QScrollArea, QTableView

from netdesk.ui.tables import viewport
from tests.ui.fresh_process import probe

_COUNTING = """
import enum, json
made = []
create = enum.EnumType._create_
def counted(cls, *args, **kwargs):
    built = create(cls, *args, **kwargs)
    made.append(built)
    return built
enum.EnumType._create_ = counted
"""
"""The start of a probe: `made` lists the enum types built (named once made)."""


def _built(code: str) -> list[str]:
    """The enum types built by `code` (after `_COUNTING`) since it set `before`."""
    names = "\nprint(json.dumps([built.__qualname__ for built in made[before:]]))"
    done = probe(_COUNTING + textwrap.dedent(code) + names)
    assert isinstance(done, list)
    return done


def test_the_viewport_is_the_area_s_own(qtbot) -> None:
    table, area = QTableView(), QScrollArea()
    qtbot.addWidget(table)
    qtbot.addWidget(area)
    assert viewport(table) is table.viewport()
    assert viewport(area) is area.viewport()


def test_asking_for_the_viewport_builds_no_enum_type() -> None:
    """`table.viewport()` first had PySide6 build the QWidget subclasses not built yet (70 enum
    types in a bare process), before Contacts was usable; `viewport` builds none."""
    code = """
        from PySide6.QtWidgets import QApplication, QTableView
        from netdesk.ui.tables import viewport
        app = QApplication([])
        table = QTableView()
        table.show()
        before = len(made)
        assert viewport(table) is table.viewport()
        """
    assert _built(code) == []


def test_the_contacts_view_s_modules_build_no_dialog_s_type() -> None:
    """The boxes Contacts opens when asked (a question, a tag, a photo) and the links it opens
    have their types built then, not as its modules are imported before it is usable."""
    code = """
        before = 0
        import netdesk.ui.contacts.view
        """
    asked_only = ("QMessageBox.", "QInputDialog.", "QFileDialog.", "QUrl.")
    assert [name for name in _built(code) if name.startswith(asked_only)] == []


def test_the_contacts_view_imports_its_dialogs_when_first_asked_for() -> None:
    """Logging an interaction, editing a job and merging open dialogs whose modules (with the
    follow-up form's and the people completer's) took ~2 ms of the import steps before
    Contacts was usable."""
    code = "import json, sys\nimport netdesk.ui.contacts.view\nprint(json.dumps(list(sys.modules)))"
    loaded = probe(code)
    assert isinstance(loaded, list)
    dialogs = ("log_dialog", "job_dialog", "merge_dialog", "followup_dialog", "contact_completer")
    assert [name for name in loaded if name.rpartition(".")[2] in dialogs] == []


def test_a_contact_without_a_photo_is_drawn_without_qimage() -> None:
    """The initials in the list and in the editor are drawn on a pixmap: making a null QImage
    for them had PySide6 build QImage's, QImageReader's and QImageWriter's types before Contacts
    was usable (5 enum types, ~0.4 ms)."""
    code = """
        before = 0
        from PySide6.QtWidgets import QApplication
        from netdesk.core.contact_list import ContactRow
        from netdesk.ui.contacts.avatars import Avatars
        from netdesk.ui.contacts.photo import PhotoField
        app = QApplication([])
        row = ContactRow(1, "Maria Chen", "", "", "", "", None, None, False, None, "")
        assert not Avatars(lambda ids: {}).pixmap(row).isNull()
        field = PhotoField()
        field.set_photo(None, "Maria Chen")
        """
    assert [name for name in _built(code) if name.startswith("QImage")] == []
