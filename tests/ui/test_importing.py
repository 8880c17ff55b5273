"""Importing through the GUI: drops of files and of vCard data, preview choices, cancel, undo."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from netdesk.core.importing import ImportPlan, ImportReport, ProgressFn
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.models import Contact
from netdesk.ui.importing.choices import CHOICE_COLUMN
from netdesk.ui.importing.conflicts import ACTION_COLUMN
from netdesk.ui.importing.controller import ImportController
from netdesk.ui.importing.dialog import ImportDialog
from netdesk.ui.tasks import Task
from tests.db_snapshot import dump_database
from tests.testdata.vcards import generate_vcards

ANN = "BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\nEMAIL:ann@x.test\nEND:VCARD\n"
BOB = "BEGIN:VCARD\nVERSION:3.0\nFN:Bob Ray\nTEL:+44 20 7946 0000\nEND:VCARD\n"
CYD = "BEGIN:VCARD\nVERSION:3.0\nFN:Cyd Fox\nORG:Acme\nEND:VCARD\n"
BROKEN = "BEGIN:VCARD\nNOTE:nobody\nEND:VCARD\n"


@pytest.fixture
def window(app_window):
    return app_window


@pytest.fixture
def controller(window) -> ImportController:
    return window.findChild(ImportController)


def _drop(window, mime: QMimeData) -> QDragEnterEvent:
    target = window.centralWidget().rect().center()
    enter = QDragEnterEvent(
        target,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(
        QPointF(target),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    return enter


def _preview(qtbot: QtBot, controller: ImportController) -> ImportDialog | None:
    qtbot.waitUntil(
        lambda: (
            controller.dialog is not None
            and controller.dialog.task is None
            and controller.dialog.pages.currentIndex() == 1
        )
    )
    return controller.dialog


def _import(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None)


def test_dropping_a_folder_and_a_file_previews_then_imports(window, controller, qtbot, tmp_path):
    folder = tmp_path / "cards"
    folder.mkdir()
    (folder / "a.vcf").write_text(ANN + BROKEN)
    (tmp_path / "b.vcf").write_text(BOB)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(tmp_path / "b.vcf"))])
    assert _drop(window, mime).isAccepted()
    dialog = _preview(qtbot, controller)
    assert dialog.preview.counts.text() == "2 new contacts · 0 matches · 1 cannot be read"
    assert dialog.preview.errors.item(0).text() == (
        "a.vcf, card 2: the card has no name, organisation, email or phone"
    )
    assert not dialog.preview.match_box.isVisibleTo(dialog)
    assert not dialog.preview.warning_box.isVisibleTo(dialog)
    _import(qtbot, dialog)
    assert sorted(c.display_name for c in Contact.select()) == ["Ann Lee", "Bob Ray"]
    assert "Added 2 · Merged 0" in dialog.outcome.words()


def test_dropping_vcard_data_from_another_address_book(window, controller, qtbot) -> None:
    for kind in ("text/vcard", "text/x-vcard", "text/directory"):
        mime = QMimeData()
        mime.setData(kind, (ANN + CYD).encode())
        assert _drop(window, mime).isAccepted(), kind
        dialog = _preview(qtbot, controller)
        if kind == "text/vcard":
            assert dialog.preview.counts.text().startswith("2 new contacts")
            _import(qtbot, dialog)
        else:
            assert dialog.preview.counts.text() == (
                "0 new contacts · 1 match · 1 possible duplicate · 0 cannot be read"
            )
            dialog.reject()
    assert Contact.select().count() == 2
    mime = QMimeData()
    mime.setData("text/vcard", (ANN + CYD.replace("ORG:Acme", "ORG:Acme\nTITLE:CTO")).encode())
    _drop(window, mime)
    dialog = _preview(qtbot, controller)
    possible = dialog.preview.possible
    assert dialog.preview.possible_box.isVisibleTo(dialog)
    row = [possible.item(0, column).text() for column in range(4)]
    assert row == ["Cyd Fox  (dropped cards.vcf)", "Cyd Fox", "same name and organisation", "new"]
    possible.item(0, CHOICE_COLUMN).setText("merge")
    assert dialog.plan.possible[0].choice == "merge"
    _import(qtbot, dialog)
    assert dialog.outcome.words().startswith(
        "Added 0 · Merged 1 · Already up to date 1 · Skipped 0 · Failed 0"
    )


def test_preview_choices_and_apply_to_all(window, controller, qtbot, tmp_path) -> None:
    services = window.services
    ann = services.contacts.create(
        ContactDraft(
            given_name="Ann", family_name="Lee", methods=[MethodDraft("email", "ann@x.test")]
        )
    )
    services.contacts.create(
        ContactDraft(display_name="Bob R.", methods=[MethodDraft("phone", "+44 20 7946 0000")])
    )
    path = tmp_path / "again.vcf"
    path.write_text(ANN.replace("END", "TITLE:CTO\nEND") + BOB + CYD)
    assert window.open_files([str(path)])
    dialog = _preview(qtbot, controller)
    table = dialog.preview.matches
    assert table.rowCount() == 2
    assert [table.item(r, 1).text() for r in range(2)] == ["Ann Lee", "Bob R."]
    assert table.item(1, 2).text() == "same phone +44 20 7946 0000"
    dialog.preview.all_choice.setCurrentText("skip")
    qtbot.mouseClick(dialog.preview.apply_all, Qt.MouseButton.LeftButton)
    assert [c.choice for c in dialog.plan.matches] == ["skip", "skip"]
    table.item(0, CHOICE_COLUMN).setText("merge")
    table.item(1, CHOICE_COLUMN).setText("nonsense")
    assert [c.choice for c in dialog.plan.matches] == ["merge", "skip"]
    assert table.item(1, CHOICE_COLUMN).text() == "skip"
    _import(qtbot, dialog)
    assert (dialog.report.created, dialog.report.merged, dialog.report.skipped) == (1, 1, 1)
    assert services.contacts.load(ann).title == "CTO"
    dialog.grab().save(str(tmp_path / "import-done.png"))


def test_cancel_mid_import_leaves_the_database_unchanged(
    window, controller, qtbot, tmp_path, paths, monkeypatch
) -> None:
    window.services.contacts.create(ContactDraft(display_name="Already here"))
    big = tmp_path / "big.vcf"
    big.write_bytes(generate_vcards(1200))
    before = dump_database(paths.database)
    service = window.services.importing
    real_apply = service.apply
    gate = threading.Event()

    def gated_apply(plan: ImportPlan, progress: ProgressFn) -> ImportReport:
        def held(done: int, total: int, text: str = "") -> None:
            progress(done, total, text)
            if done > 0:
                gate.wait(10)

        return real_apply(plan, held)

    monkeypatch.setattr(service, "apply", gated_apply)
    window.open_files([str(big)])
    dialog = _preview(qtbot, controller)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress.value() > 0)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: dialog.task is None)
    assert dialog.status.text() == "Cancelled. Nothing was changed."
    assert dialog.report is None
    assert dump_database(paths.database) == before


def test_file_menu_import_history_and_undo(window, controller, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "menu.vcf"
    path.write_text(ANN)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    assert controller.import_action.shortcut().toString() == "Ctrl+I"
    controller.import_action.trigger()
    _import(qtbot, _preview(qtbot, controller))
    assert Contact.select().count() == 1
    history = controller.show_history()
    cells = [history.table.item(0, column).text() for column in range(2, 9)]
    assert cells == ["1", "0", "0", "0", "0", "", "imported"]
    assert not history.undo_button.isEnabled()
    history.table.selectRow(0)
    qtbot.mouseClick(history.undo_button, Qt.MouseButton.LeftButton)
    assert Contact.select().count() == 0
    assert history.table.item(0, 8).text() == "undone" and not history.undo_button.isEnabled()


def test_export_everything_from_the_file_menu(window, controller, qtbot, tmp_path) -> None:
    window.services.contacts.create(ContactDraft(display_name="Ann Lee"))
    controller.export_to(str(tmp_path / "all"), "csv")
    target = tmp_path / "all.csv"
    qtbot.waitUntil(lambda: target.exists() and "Ann Lee" in target.read_text())
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Exported to"))


def test_files_that_are_not_contacts_are_left_to_others(window, controller) -> None:
    assert not controller.open_files(["/tmp/notes.txt"])
    assert controller.dialog is None


def test_dragging_contacts_out_gives_vcf_files_and_card_data(window, qtbot) -> None:
    from netdesk.ui.importing.drag_out import contacts_mime_data, remove_dragged_files

    services = window.services
    ids = [services.contacts.create(ContactDraft(display_name=n)) for n in ("Ann/Lee", "Ann/Lee")]
    mime = contacts_mime_data(services.exporting, ids)
    files = [Path(url.toLocalFile()) for url in mime.urls()]
    assert [file.name for file in files] == ["Ann_Lee.vcf", f"Ann_Lee ({ids[1]}).vcf"]
    assert bytes(mime.data("text/vcard").data()).count(b"FN:Ann/Lee") == 2
    remove_dragged_files()  # what happens at exit
    assert not any(file.exists() or file.parent.exists() for file in files)


def test_a_card_imported_without_its_photo_is_named_in_the_preview(
    window, controller, qtbot, tmp_path
):
    card = tmp_path / "photo.vcf"
    card.write_text(ANN.replace("END:VCARD", "PHOTO;ENCODING=b:@@@\nEND:VCARD"))
    controller.open_files([str(card)])
    dialog = _preview(qtbot, controller)
    assert dialog.preview.warning_box.isVisibleTo(dialog)
    assert (
        dialog.preview.warnings.item(0)
        .text()
        .startswith("photo.vcf, card 1: its photo could not be read")
    )
    dialog.resize(480, 500)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview.warnings.isVisible())
    warnings = dialog.preview.warnings
    item_rect = warnings.visualItemRect(warnings.item(0))
    assert item_rect.width() <= warnings.viewport().width()  # long reasons wrap
    assert item_rect.height() > warnings.fontMetrics().height() * 1.5
    _import(qtbot, dialog)
    assert [c.display_name for c in Contact.select()] == ["Ann Lee"]


def test_dropping_a_group_card_tags_its_members(window, controller, qtbot) -> None:
    group = "BEGIN:VCARD\nVERSION:4.0\nKIND:group\nFN:Climbers\nMEMBER:mailto:ann@x.test\n"
    group += "END:VCARD\n"
    mime = QMimeData()
    mime.setData("text/vcard", (ANN + group).encode())
    assert _drop(window, mime).isAccepted()
    dialog = _preview(qtbot, controller)
    assert dialog.preview.counts.text() == (
        "2 new contacts · 0 matches · 0 cannot be read"
        " · 1 group card: its members get the group's name as a tag"
    )
    dialog.preview.grab().save("/tmp/netdesk-group-preview.png")
    _import(qtbot, dialog)
    ann = Contact.get(Contact.display_name == "Ann Lee")
    assert window.services.contacts.tags_of(ann.id) == ["Climbers"]


def test_enter_imports_from_the_preview_and_then_closes(controller, qtbot, tmp_path) -> None:
    card = tmp_path / "a.vcf"
    card.write_text(ANN)
    controller.open_files([str(card)])
    dialog = _preview(qtbot, controller)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert [c.display_name for c in Contact.select()] == ["Ann Lee"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_preview_lists_different_values_and_applies_the_choices(
    window, controller, qtbot, tmp_path
) -> None:
    services = window.services
    ann = services.contacts.create(
        ContactDraft(
            given_name="Ann",
            family_name="Lee",
            title="Engineer",
            notes="Met at <b>PyCon</b>",
            methods=[MethodDraft("email", "ann@x.test")],
        )
    )
    path = tmp_path / "newer.vcf"
    path.write_text(ANN.replace("END", "TITLE:CTO\nNOTE:Climbs\\non weekends\nEND"))
    assert window.open_files([str(path)])
    dialog = _preview(qtbot, controller)
    preview = dialog.preview
    assert preview.conflict_box.isVisibleTo(dialog)
    assert preview.counts.text() == (
        "0 new contacts · 1 match · 0 cannot be read · 2 different values"
    )
    table = preview.conflicts
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert rows == [
        ["Ann Lee  (newer.vcf)", "title", "Engineer", "CTO", "take new"],
        ["Ann Lee  (newer.vcf)", "notes", "Met at <b>PyCon</b>", "Climbs ⏎ on weekends", "keep"],
    ]
    qtbot.mouseClick(preview.take_all, Qt.MouseButton.LeftButton)
    assert [c.choice for _, c in table.pairs] == ["replace", "replace"]
    table.item(0, ACTION_COLUMN).setText("append")  # not offered for a title
    table.item(1, ACTION_COLUMN).setText("append")
    assert [c.choice for _, c in table.pairs] == ["replace", "append"]
    assert table.item(0, ACTION_COLUMN).text() == "take new"
    _import(qtbot, dialog)
    stored = services.contacts.load(ann)
    assert stored.title == "CTO"
    assert stored.notes == "Met at <b>PyCon</b>\n\nClimbs\non weekends"
    assert "kept aside" not in dialog.outcome.words()


def test_close_pressed_as_the_result_shows_closes_once_the_worker_has_let_go(
    controller, qtbot, tmp_path
) -> None:
    """Close pressed after the result shows, while the worker's `finished` is still on its way
    (emitted, not yet delivered): the dialog closes once it arrives. A connection made at the
    press missed a signal emitted before it, and the dialog stayed open (a time-matrix CI run)."""
    import threading

    (tmp_path / "a.vcf").write_text(ANN)
    controller.open_files([str(tmp_path / "a.vcf")])
    dialog = _preview(qtbot, controller)
    _import(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.task is None)
    held = Task(lambda _: None, dialog)  # the step is over, its worker not yet finished
    held.finished.connect(dialog._finished)  # as the dialog's own steps are
    dialog.task = held
    worker = threading.Thread(target=held.finished.emit)  # queued: delivered on a later turn
    worker.start()
    worker.join()
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Return)  # Close
    assert dialog.isVisible() and "Cancelling" not in dialog.status.text()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_file_handed_over_during_a_preview_waits_its_turn(controller, qtbot, tmp_path) -> None:
    (tmp_path / "a.vcf").write_text(ANN)
    (tmp_path / "b.vcf").write_text(BOB)
    controller.open_files([str(tmp_path / "a.vcf")])
    first = _preview(qtbot, controller)
    controller.open_files([str(tmp_path / "b.vcf")])
    assert controller.dialog is first and first.plan is not None
    assert first.windowTitle() == "Import contacts — 1 more import waiting"
    _import(qtbot, first)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Close
    qtbot.waitUntil(lambda: controller.dialog is not first)
    second = _preview(qtbot, controller)
    assert second.windowTitle() == "Import contacts"
    _import(qtbot, second)
    assert sorted(c.display_name for c in Contact.select()) == ["Ann Lee", "Bob Ray"]


def test_file_names_and_reasons_in_tooltips_are_plain(window, controller, qtbot, tmp_path) -> None:
    window.services.contacts.create(
        ContactDraft(given_name="Ann", methods=[MethodDraft("email", "ann@x.test")])
    )
    path = tmp_path / "<b>cards<img src=x>.vcf"
    path.write_text(ANN + BROKEN)
    assert window.open_files([str(path)])
    dialog = _preview(qtbot, controller)
    tips = [dialog.preview.matches.item(0, 0).toolTip(), dialog.preview.errors.item(0).toolTip()]
    _import(qtbot, dialog)
    tips.append(controller.show_history().table.item(0, 1).toolTip())
    assert all("&lt;b&gt;cards&lt;img src=x&gt;.vcf" in tip and "<b>" not in tip for tip in tips)


def test_preview_lists_another_photo_and_another_card_uid(
    window, controller, qtbot, tmp_path
) -> None:
    """Nothing a card brings is dropped unseen: its other photo (the picture as the cell's
    icon) and, for a possible duplicate merged, its other UID, which the contact never takes."""
    from netdesk.core.import_conflicts import shown
    from tests.core.test_import_conflicts import _with_photo

    png, jpeg = _picture("PNG", Qt.GlobalColor.red), _picture("JPEG", Qt.GlobalColor.blue)
    services = window.services
    ann = services.contacts.create(
        ContactDraft(
            given_name="Ann",
            family_name="Lee",
            uid="urn:uuid:ann-1",
            photo=png,
            methods=[MethodDraft("email", "ann@x.test")],
        )
    )
    path = tmp_path / "other.vcf"
    path.write_bytes(_with_photo(ANN.replace("FN:", "UID:urn:uuid:ann-2\nFN:"), jpeg))
    assert window.open_files([str(path)])
    dialog = _preview(qtbot, controller)
    table = dialog.preview.conflicts
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert rows == [
        ["Ann Lee  (other.vcf)", "photo", shown(png), shown(jpeg), "keep"],
        ["Ann Lee  (other.vcf)", "uid", "urn:uuid:ann-1", "urn:uuid:ann-2", "keep"],
    ]
    assert shown(png).startswith("PNG photo, ") and shown(jpeg).startswith("JPEG photo, ")
    assert table.item(0, 2).icon().pixmap(8).toImage().pixelColor(4, 4) == QColor("red")
    assert table.item(0, 3).icon().pixmap(8).toImage().pixelColor(4, 4).blue() > 200
    qtbot.mouseClick(dialog.preview.take_all, Qt.MouseButton.LeftButton)
    assert [c.choice for _, c in table.pairs] == ["replace", "keep"]
    table.item(1, ACTION_COLUMN).setText("take new")  # not offered for a UID
    assert table.item(1, ACTION_COLUMN).text() == "keep"
    assert dialog.import_button.isEnabled(), "a file of possible duplicates only imports too"
    dialog.preview.possible.item(0, CHOICE_COLUMN).setText("merge")
    _import(qtbot, dialog)
    stored = services.contacts.load(ann)
    assert (stored.photo, stored.uid) == (jpeg, "urn:uuid:ann-1")
    assert "1 value of the files kept aside" in dialog.outcome.words()
    (batch,) = services.importing.history()
    assert (batch.merged, batch.kept_aside) == (1, 1)


def _picture(kind: str, color: Qt.GlobalColor) -> bytes:
    """A 16×16 picture of one colour, as `kind` ("PNG", "JPEG") bytes."""
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    image.fill(color)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, kind)
    return bytes(buffer.data().data())
