"""The import dialogs say what will happen and what happened (issue 20): the preview lists the new
contacts and what merging each match changes, the result is a compact summary with its errors
and Undo, and the history lists a batch's many files instead of cramming them into a cell."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QListView

from netdesk.core.import_merge_preview import merge_changes
from netdesk.core.import_plan import PlannedCard
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.models import Contact
from netdesk.ui.importing.choices import CHOICE_COLUMN
from netdesk.ui.importing.controller import ImportController
from netdesk.ui.importing.history import files_text
from netdesk.ui.importing.merge_words import change_lines, method_words, new_contact_line
from netdesk.ui.numbers import grouped
from netdesk.ui.plain import plain_tooltip
from tests.ui.test_importing import _import, _preview

ANN = (
    "BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\nEMAIL:ann@x.test\nEMAIL:ann@home.test\n"
    "TITLE:CTO\nORG:Acme\nBDAY:1990-03-14\nCATEGORIES:berlin\nEND:VCARD\n"
)
BOB = "BEGIN:VCARD\nVERSION:3.0\nFN:Bob Ray\nTITLE:Chef\nTEL:+44 20 7946 0000\nEND:VCARD\n"
BROKEN = "BEGIN:VCARD\nNOTE:nobody\nEND:VCARD\n"


def _stored_ann(services) -> int:
    return services.contacts.create(
        ContactDraft(
            display_name="Ann Lee",
            title="Engineer",
            methods=[MethodDraft("email", "ann@x.test")],
        )
    )


def test_merge_changes_are_what_the_import_writes(services, tmp_path) -> None:
    ann = _stored_ann(services)
    (tmp_path / "a.vcf").write_text(ANN)
    plan = services.importing.plan([tmp_path / "a.vcf"])
    (card,) = plan.matches
    changes = services.importing.merge_changes(card)
    assert changes is not None
    assert changes.fields == [
        ("organisation", "", "Acme"),
        ("title", "Engineer", "CTO"),
        ("birthday", None, date(1990, 3, 14)),
    ]
    assert [m.value for m in changes.added] == ["ann@home.test"]
    assert changes.tags == ["berlin"]
    assert change_lines(changes) == [
        "Organisation: — → Acme",
        "Title: Engineer → CTO",
        "Birthday: — → 14 Mar 1990",
        "+ email ann@home.test",
        "+ tags berlin",
    ]
    (title,) = [c for c in card.conflicts if c.field == "title"]
    title.choice = "keep"  # the title as it is: the file's is kept aside
    kept = merge_changes(services.contacts.load(ann), card)
    assert ("title", "Engineer", "CTO") not in kept.fields
    assert change_lines(kept)[-1] == "Kept as it is: title CTO in the file is not taken"
    services.importing.apply(plan)
    stored = services.contacts.load(ann)
    assert (stored.organisation, stored.title, stored.tags) == ("Acme", "Engineer", ["berlin"])
    assert {m.value for m in stored.methods} == {"ann@x.test", "ann@home.test"}
    assert services.importing.merge_changes(PlannedCard(ContactDraft(), "b", 1)) is None


def test_preview_lists_new_contacts_and_what_a_merge_changes(
    app_window, services, qtbot, tmp_path
) -> None:
    _stored_ann(services)
    (tmp_path / "cards.vcf").write_text(ANN + BOB)
    controller = app_window.findChild(ImportController)
    controller.open_files([str(tmp_path / "cards.vcf")])
    dialog = _preview(qtbot, controller)
    preview = dialog.preview
    assert preview.new_box.isVisibleTo(dialog)
    assert preview.new_box.title() == "New contacts (1)"
    assert preview.new_list.model().index(0, 0).data() == "Bob Ray — Chef · +44 20 7946 0000"
    assert preview.fate.isVisibleTo(dialog)
    assert preview.fate.toPlainText().splitlines() == [
        "Ann Lee (card 1 of cards.vcf)",
        "Merging into Ann Lee changes:",
        "  Organisation: — → Acme",
        "  Title: Engineer → CTO",
        "  Birthday: — → 14 Mar 1990",
        "  + email ann@home.test",
        "  + tags berlin",
    ]
    preview.matches.item(0, CHOICE_COLUMN).setText("skip")
    qtbot.waitUntil(lambda: "Skipped" in preview.fate.toPlainText())
    assert preview.fate.toPlainText().endswith("Skipped: Ann Lee stays as it is.")
    preview.choose_for_all("merge")
    qtbot.waitUntil(lambda: "Merging into" in preview.fate.toPlainText())


def test_what_a_card_becomes_reads_left_to_right_when_the_name_is_arabic(
    app_window, services, qtbot, tmp_path
) -> None:
    """A line starting with an Arabic name was laid out right to left: "(card 2 of a.vcf) محمد
    العلي" instead of "محمد العلي (card 2 of a.vcf)"."""
    card = "BEGIN:VCARD\nVERSION:3.0\nFN:محمد العلي\nORG:Deloitte\nEND:VCARD\n"
    (tmp_path / "a.vcf").write_text(card + card)
    controller = app_window.findChild(ImportController)
    controller.open_files([str(tmp_path / "a.vcf")])
    preview = _preview(qtbot, controller).preview
    assert preview.fate.toPlainText().startswith("محمد العلي (card 2 of a.vcf)")
    block = preview.fate.document().firstBlock()
    assert block.textDirection() == Qt.LayoutDirection.LeftToRight


def _inked_colours(view: QListView) -> int:
    """How many colours the top of the list's viewport paints (1: blank)."""
    image = view.viewport().grab().toImage()
    return len({image.pixel(x, y) for x in range(0, 240, 2) for y in range(2, 14)})


def test_a_long_list_says_it_is_reading_until_its_rows_are_laid_out(
    app_window, qtbot, tmp_path
) -> None:
    """Batched, the list painted no row until its last batch (ten turns for 1,001 rows): the
    preview showed a blank list. Until then it says it is still reading the file."""
    cards = "".join(f"BEGIN:VCARD\nVERSION:3.0\nFN:P {i}\nEND:VCARD\n" for i in range(1005))
    (tmp_path / "long.vcf").write_text(cards)
    controller = app_window.findChild(ImportController)
    controller.open_files([str(tmp_path / "long.vcf")])
    qtbot.waitUntil(lambda: controller.dialog is not None)
    dialog = controller.dialog
    view = dialog.preview.new_list
    shown: list[int] = []  # the colours of the list as the preview is shown
    dialog.pages.currentChanged.connect(
        lambda index: shown.append(_inked_colours(view)) if index == 1 else None
    )
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)
    assert view.waiting == "Reading long.vcf…"
    assert len(shown) == 1 and shown[0] > 1, "never a blank list"
    qtbot.waitUntil(view.laid_out)
    assert view.indexAt(QPoint(1, 1)).data() == "P 0"
    assert _inked_colours(view) > 1


def test_many_new_contacts_are_counted_and_listed(app_window, qtbot, tmp_path) -> None:
    cards = "".join(
        f"BEGIN:VCARD\nVERSION:3.0\nFN:Person {i}\nEMAIL:p{i}@x.test\nEND:VCARD\n"
        for i in range(1005)
    )
    (tmp_path / "many.vcf").write_text(cards)
    controller = app_window.findChild(ImportController)
    controller.open_files([str(tmp_path / "many.vcf")])
    preview = _preview(qtbot, controller).preview
    assert preview.new_box.title() == "New contacts (1005)"
    listed = preview.new_list.model()
    assert listed.rowCount() == 1001
    assert listed.index(1000, 0).data() == "… and 5 more"
    view = preview.new_list
    assert view.layoutMode() == QListView.LayoutMode.Batched  # a hundred rows laid out a turn
    qtbot.waitUntil(view.laid_out)

    def last_row_shown() -> bool:
        view.scrollToBottom()  # the scroll range is set once the last batch is laid out
        return view.viewport().rect().contains(view.visualRect(listed.index(1000, 0)))

    qtbot.waitUntil(last_row_shown)
    last = view.visualRect(listed.index(1000, 0))
    assert view.indexAt(last.center()).data() == "… and 5 more"
    assert listed.index(7, 0).data(Qt.ItemDataRole.ToolTipRole) == plain_tooltip(
        f"{tmp_path / 'many.vcf'}, card 8"
    )
    assert not preview.fate.isVisibleTo(preview)


def test_the_result_is_compact_names_failed_cards_and_undoes(
    app_window, qtbot, tmp_path, monkeypatch
) -> None:
    (tmp_path / "a.vcf").write_text(ANN + BROKEN + BOB)
    _stored_ann(app_window.services)  # a merge, a job change and a different value: a tall preview
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(tmp_path / "a.vcf")], "")
    )
    controller = app_window.findChild(ImportController)
    controller.import_action.trigger()
    dialog = _preview(qtbot, controller)
    dialog.resize(900, 700)
    tall = dialog.minimumSizeHint().height()
    _import(qtbot, dialog)
    result = dialog.outcome
    assert dialog.pages.currentWidget() is result
    assert result.title.text() == "Imported a.vcf"
    assert result.words() == (
        "Added 1 · Merged 1 · Already up to date 0 · Skipped 0 · Failed 1 · 1 job change recorded"
    )
    assert result.errors.item(0).text() == (
        "a.vcf, card 2: the card has no name, organisation, email or phone"
    )
    qtbot.wait(200)  # the layout settles
    assert tall > 500 and dialog.height() < 350, "no large empty dialog around the summary"
    assert dialog.cancel_button.text() == "Close"
    assert Contact.select().count() == 2
    assert app_window.services.contacts.load(1).title == "CTO"
    qtbot.mouseClick(result.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: result.state.text().startswith("Undone"))
    assert Contact.select().count() == 1
    assert app_window.services.contacts.load(1).title == "Engineer"
    assert not result.undo_button.isVisibleTo(result)
    (batch,) = app_window.services.importing.history()
    assert batch.undone_at is not None


def test_history_names_a_few_files_and_lists_all_of_the_selected_import(
    app_window, services, qtbot, tmp_path
) -> None:
    paths = []
    for number in range(40):
        path = tmp_path / f"people-{number:02}.vcf"
        path.write_text(f"BEGIN:VCARD\nVERSION:3.0\nFN:P {number}\nEND:VCARD\n")
        paths.append(str(path))
    plan = services.importing.plan(paths)
    services.importing.apply(plan)
    assert files_text(paths[:3]) == "people-00.vcf, people-01.vcf, people-02.vcf"
    history = app_window.findChild(ImportController).show_history()
    qtbot.addWidget(history)
    cell = history.table.item(0, 1)
    assert cell.text() == "people-00.vcf, people-01.vcf and 38 more"
    assert cell.toolTip().count("people-") == 40
    created = history.table.item(0, 2)  # counts as counts: grouped ("2,000"), right-aligned
    assert created.text() == grouped(40)
    assert created.textAlignment() & Qt.AlignmentFlag.AlignRight
    assert not history.files.isVisibleTo(history)
    history.table.selectRow(0)
    assert history.files_label.text() == "Files of this import (40):"
    assert history.files.count() == 40 and history.files.item(39).text().endswith("people-39.vcf")


def test_new_contact_lines_tell_namesakes_apart() -> None:
    one = PlannedCard(ContactDraft(display_name="Noor Sato", organisation="Acme"), "a", 1)
    other = PlannedCard(
        ContactDraft(display_name="Noor Sato", methods=[MethodDraft("email", "noor@b.test")]),
        "a",
        2,
    )
    assert new_contact_line(one) == "Noor Sato — Acme"
    assert new_contact_line(other) == "Noor Sato · noor@b.test"
    github = MethodDraft("profile", "https://github.com/noor", service="github")
    assert method_words(github) == "GitHub profile https://github.com/noor"


def test_a_list_is_laid_out_when_it_has_no_rows_or_its_top_row_is_placed(qtbot) -> None:
    from PySide6.QtCore import QStringListModel

    from netdesk.ui.importing.new_contacts import NewContactList
    from netdesk.ui.importing.preview import file_names

    view = NewContactList()
    qtbot.addWidget(view)
    assert view.laid_out(), "no model"
    model = QStringListModel([])
    view.setModel(model)
    assert view.laid_out(), "no rows"
    model.setStringList([f"row {i}" for i in range(500)])
    view.resize(300, 200)
    view.show()
    assert not view.laid_out(), "the batches are laid out on later turns"
    qtbot.waitUntil(view.laid_out)
    assert view.indexAt(QPoint(1, 1)).data() == "row 0"
    assert file_names(["/a/x.vcf"]) == "x.vcf"
    assert file_names(["a.vcf", "b.csv", "c.vcf", "d.vcf"]) == "a.vcf, b.csv, c.vcf …"


def test_the_dialog_opens_no_taller_than_it_asks_before_a_card_is_read(
    app_window, qtbot, tmp_path
) -> None:
    """Every box of the preview shown before a plan hid them made the page ~1,000 pixels tall:
    the dialog opened that tall (taller than a 1024x768 screen) on a three-card file."""
    (tmp_path / "cards.vcf").write_text(ANN + BOB)
    controller = app_window.findChild(ImportController)
    controller.open_files([str(tmp_path / "cards.vcf")])
    dialog = _preview(qtbot, controller)
    assert dialog.height() == 640 and dialog.minimumSizeHint().height() < 400
    assert dialog.preview.new_box.isVisibleTo(dialog)
    assert not dialog.preview.conflict_box.isVisibleTo(dialog)


def _text_lines(table, row: int, column: int) -> int:
    """How many lines of text `table` paints in a cell (runs of inked pixel rows)."""
    from PySide6.QtGui import QImage

    rect = table.visualRect(table.model().index(row, column))
    image = table.viewport().grab(rect).toImage().convertToFormat(QImage.Format.Format_RGB32)
    inked = [
        any(image.pixelColor(x, y).lightness() < 120 for x in range(image.width()))
        for y in range(image.height())
    ]
    starts = [y for y, ink in enumerate(inked) if ink and (y == 0 or not inked[y - 1])]
    gaps = [b - a for a, b in pairwise(starts)]
    return 1 + sum(gap > table.fontMetrics().height() // 2 for gap in gaps)


def test_a_long_reason_or_value_stays_on_one_line_whole_in_its_tooltip(
    app_window, services, qtbot, tmp_path
) -> None:
    """A reason or a value wider than its column wrapped to two lines cramped in a one-line row
    ("same email" over the address); it ends in "…" on one line, whole in the tooltip."""
    email = "ann.lee.with.a.rather.long.address@a-very-long-company-name.example"
    services.contacts.create(
        ContactDraft(
            display_name="Ann Lee",
            title="Senior Manager, Strategy & Operations EMEA and Latin America",
            methods=[MethodDraft("email", email)],
        )
    )
    card = f"BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\nEMAIL:{email}\nTITLE:Head of Data\nEND:VCARD\n"
    (tmp_path / "ann.vcf").write_text(card)
    controller = app_window.findChild(ImportController)
    controller.open_files([str(tmp_path / "ann.vcf")])
    preview = _preview(qtbot, controller).preview
    matches, conflicts = preview.matches, preview.conflicts
    assert matches.item(0, 2).text() == f"same email {email}"
    assert matches.item(0, 2).toolTip() == plain_tooltip(f"same email {email}")
    assert _text_lines(matches, 0, 2) == 1
    assert conflicts.item(0, 2).text().startswith("Senior Manager")
    assert _text_lines(conflicts, 0, 2) == 1
