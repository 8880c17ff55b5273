"""The import dialog starts reading once it has painted (its first showing beside a worker that
holds the GIL froze the window), and reads all the same when it is never painted or cancelled
before."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject

from netdesk.store.models import Contact
from netdesk.ui.importing.dialog import ImportDialog

ANN = "BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\nEMAIL:ann@x.test\nEND:VCARD\n"


class _Paints(QObject):
    """Counts the paint events of the widget it filters."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _card(tmp_path: Path) -> list[str]:
    (tmp_path / "ann.vcf").write_text(ANN)
    return [str(tmp_path / "ann.vcf")]


def _dialog(qtbot, services, monkeypatch, paints: _Paints) -> tuple[ImportDialog, list[int]]:
    """A dialog whose service notes how many paints the dialog had when reading began."""
    dialog = ImportDialog(services.importing)
    qtbot.addWidget(dialog)
    dialog.installEventFilter(paints)
    seen: list[int] = []
    plan = services.importing.plan

    def noting_plan(*args, **kwargs):
        seen.append(paints.count)
        return plan(*args, **kwargs)

    monkeypatch.setattr(services.importing, "plan", noting_plan)
    return dialog, seen


def test_reading_starts_after_the_first_paint(qtbot, services, monkeypatch, tmp_path) -> None:
    paints = _Paints()
    dialog, seen = _dialog(qtbot, services, monkeypatch, paints)
    dialog.show()
    dialog.read_files(_card(tmp_path))
    assert dialog.status.text() == "Reading ann.vcf…"
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.task is None)
    assert seen and seen[0] >= 1
    assert dialog.preview.counts.text().startswith("1 new contact")
    dialog.start_import()  # painted: the import starts at once
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert [c.display_name for c in Contact.select()] == ["Ann Lee"]


def test_a_dialog_never_painted_still_reads(qtbot, services, monkeypatch, tmp_path) -> None:
    paints = _Paints()
    dialog, seen = _dialog(qtbot, services, monkeypatch, paints)
    dialog.read_files(_card(tmp_path))  # never shown
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.task is None)
    assert seen == [0]


def test_cancel_before_the_first_paint_stops_the_reading(
    qtbot, services, monkeypatch, tmp_path
) -> None:
    paints = _Paints()
    dialog, seen = _dialog(qtbot, services, monkeypatch, paints)
    dialog.read_files(_card(tmp_path))
    dialog.cancel()
    qtbot.waitUntil(lambda: dialog.task is None)
    assert seen == [0]  # started at once, stopped at its first progress report
    assert dialog.plan is None
    assert dialog.status.text() == "Cancelled. Nothing was changed."


def test_the_preview_is_filled_hidden_and_shown_a_turn_later(
    qtbot, services, monkeypatch, tmp_path
) -> None:
    """Filling the preview and its first layout and paint were one stall: the preview is filled
    while the reading page still shows, and shown (with Import ready) on a later turn."""
    dialog = ImportDialog(services.importing)
    qtbot.addWidget(dialog)
    shown_at_fill: list[int] = []
    show_plan = dialog.preview.show_plan

    def noting_show_plan(plan) -> None:
        shown_at_fill.append(dialog.pages.currentIndex())
        show_plan(plan)
        assert dialog.plan is None and not dialog.import_button.isEnabled()

    monkeypatch.setattr(dialog.preview, "show_plan", noting_show_plan)
    dialog.show()
    dialog.read_files(_card(tmp_path))
    qtbot.waitUntil(lambda: dialog.plan is not None)
    assert shown_at_fill == [0]
    assert dialog.pages.currentWidget() is dialog.preview
    assert dialog.import_button.isEnabled() and dialog.import_button.hasFocus()
    assert dialog.preview.counts.text().startswith("1 new contact")
