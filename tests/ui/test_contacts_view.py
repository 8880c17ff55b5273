"""The Contacts view driven through the GUI: create, edit, validate, search, filter, sort,
trash + undo + restore, bulk actions, merge and the plain-text rule."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QMessageBox

from netdesk.core import phones
from netdesk.core.contact_list import ContactListQuery, ListFilter
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.models import Contact
from netdesk.ui.app import settings_for
from netdesk.ui.contacts import view as contacts_view_module
from netdesk.ui.contacts.column_layout import HEADER_KEY
from netdesk.ui.contacts.view import ContactsView
from netdesk.ui.latest_read import LatestRead
from netdesk.ui.plain import plain_tooltip
from netdesk.ui.stored_settings import read_bytes
from netdesk.ui.views import made


@pytest.fixture
def view(contacts_view) -> ContactsView:
    return contacts_view


def _add(services, given: str, family: str = "", **fields) -> int:
    return services.contacts.create(ContactDraft(given_name=given, family_name=family, **fields))


def _settle(view: ContactsView) -> None:
    """Let a change reach the list and the list's read again, off the GUI thread, end."""
    QApplication.processEvents()
    for _ in range(2000):
        if not view.counter.busy:
            return
        QTest.qWait(5)
    raise AssertionError("the list was not read again")


def _names(view: ContactsView) -> list[str]:
    _settle(view)
    return [view.model.row_of(view.model.index(r, 0)).name for r in range(view.model.rowCount())]


def _type_search(qtbot, view: ContactsView, text: str) -> None:
    view.search.clear()
    qtbot.keyClicks(view.search, text)
    qtbot.waitUntil(lambda: view.model.list_filter.text == text)


def test_empty_state_then_create_with_ctrl_n(view, qtbot) -> None:
    assert view.list_stack.currentWidget() is view.empty
    assert "Ctrl+N" in view.empty.detail.text()
    # beside it no "Select someone in the list" and no second New contact button
    assert view.editor_stack.currentWidget() is view.no_selection
    assert not view.no_selection.hint.isVisible()
    assert not view.no_selection.new_button.isVisible()
    qtbot.keyClick(view.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.given.hasFocus()
    assert not view.editor.save_button.isEnabled()
    qtbot.keyClicks(view.editor.given, "Maria")
    qtbot.keyClicks(view.editor.family, "Chen")
    qtbot.keyClicks(view.editor.organisation, "Acme")
    view.editor.circle.setCurrentIndex(view.editor.circle.findData("mentor"))
    qtbot.keyClicks(view.editor.tags, "data, berlin")
    row = view.editor.methods.add(MethodDraft("email", ""))
    qtbot.keyClicks(row.value_edit, "maria@acme.io")
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert _names(view) == ["Maria Chen"]
    stored = Contact.get()
    assert (stored.organisation, stored.circle) == ("Acme", "mentor")
    assert view.services.contacts.tags_of(stored.id) == ["berlin", "data"]
    assert view.list_stack.currentWidget() is view.table
    assert view.selected_ids() == [stored.id]


def test_validation_blocks_bad_email_and_phone(view, qtbot) -> None:
    view.controller.new_contact()
    qtbot.keyClicks(view.editor.given, "Sam")
    email = view.editor.methods.add(MethodDraft("email", ""))
    qtbot.keyClicks(email.value_edit, "sam@")
    assert "not an email address" in email.message.text()
    assert not view.editor.save_button.isEnabled()
    assert "Email:" in view.editor.problems.text()
    qtbot.keyClicks(email.value_edit, "example.org")
    assert email.message.isHidden()
    phone = view.editor.methods.add(MethodDraft("phone", ""))
    qtbot.keyClicks(phone.value_edit, "12")
    assert phone.error()
    assert not view.editor.save_button.isEnabled()
    phone.value_edit.setText("+44 20 7946 0018")
    assert phone.error() == ""
    profile = view.editor.methods.add(MethodDraft("profile", ""))
    profile.label_box.setCurrentIndex(profile.label_box.findData("github"))
    qtbot.keyClicks(profile.value_edit, "@samdev")
    assert view.editor.save() is True
    methods = view.services.contacts.load(Contact.get().id).methods
    assert [(m.kind, m.value) for m in methods][-1] == ("profile", "https://github.com/samdev")


def test_edit_then_undo_and_redo(view, qtbot, services) -> None:
    contact_id = _add(services, "Ana", "Silva", title="Recruiter")
    view.apply_filter()
    view.select_contact(contact_id)
    assert view.editor.contact_id == contact_id
    view.editor.title.setText("Head of Talent")
    view.editor.title.setFocus()
    qtbot.keyClick(view.editor.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert Contact.get_by_id(contact_id).title == "Head of Talent"
    view.controller.undo_action.trigger()
    assert Contact.get_by_id(contact_id).title == "Recruiter"
    view.controller.redo_action.trigger()
    assert Contact.get_by_id(contact_id).title == "Head of Talent"


def test_search_accents_prefixes_and_words(view, qtbot, services) -> None:
    _add(services, "Jürgen", "Müller", organisation="Bosch")
    _add(services, "Maria", "Chen", organisation="Acme", title="Data Engineer")
    _add(services, "Marius", "Berg", organisation="Acme", title="Designer")
    view.apply_filter()
    _type_search(qtbot, view, "jurgen")
    assert _names(view) == ["Jürgen Müller"]
    _type_search(qtbot, view, "mari")
    assert _names(view) == ["Maria Chen", "Marius Berg"]
    _type_search(qtbot, view, "mari acme data")
    assert _names(view) == ["Maria Chen"]
    _type_search(qtbot, view, "nobody")
    assert view.list_stack.currentWidget() is view.empty
    assert "No contacts match" in view.empty.title.text()
    view.search.setFocus()
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(_names(view)) == 3)


def test_filters_and_sort(view, qtbot, services) -> None:
    a = _add(services, "Ana", organisation="Zeta", circle="mentor", tags=["data"])
    _add(services, "Bob", organisation="Acme", circle="peer")
    cy = _add(services, "Cy", organisation="Moon", cadence_days=30)
    added = services.clock.now() - timedelta(days=40)  # a check-in is due a cadence after adding
    Contact.update(created_at=added).where(Contact.id == cy).execute()
    view._reload_after_change()
    qtbot.waitUntil(lambda: view.company_filter.findData("Acme") > 0)  # the menus read off-thread
    view.circle_filter.setCurrentIndex(view.circle_filter.findData("mentor"))
    assert _names(view) == ["Ana"]
    view.circle_filter.setCurrentIndex(0)
    view.tag_filter.setCurrentIndex(view.tag_filter.findData("data"))
    assert _names(view) == ["Ana"]
    view.tag_filter.setCurrentIndex(0)
    view.company_filter.setCurrentIndex(view.company_filter.findData("Acme"))
    assert _names(view) == ["Bob"]
    view.company_filter.setCurrentIndex(0)
    view.due_filter.setChecked(True)
    assert _names(view) == ["Cy"]
    view.due_filter.setChecked(False)
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert _names(view) == ["Bob", "Cy", "Ana"]
    view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert _names(view)[0] == "Ana"
    assert view.model.data(view.model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None
    assert Contact.get_by_id(a).organisation == "Zeta"


def test_delete_undo_and_restore_from_trash(view, qtbot, services, monkeypatch) -> None:
    ids = [_add(services, name) for name in ("Ana", "Bob", "Cy")]
    view.apply_filter()
    view.table.selectAll()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert _names(view) == []
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _names(view) == ["Ana", "Bob", "Cy"]
    view.select_contact(ids[1])
    view.controller.delete_selected()
    view.scope.setCurrentIndex(view.scope.findData("trash"))
    assert view.trash_bar.isVisible() and _names(view) == ["Bob"]
    view.select_contact(ids[1])
    assert view.selected_ids() == [ids[1]]
    view.controller.restore_selected()
    assert _names(view) == []
    view.scope.setCurrentIndex(view.scope.findData("active"))
    assert _names(view) == ["Ana", "Bob", "Cy"]
    view.select_contact(ids[2])
    view.controller.delete_selected()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.controller.empty_trash()
    assert Contact.select().count() == 2


def test_bulk_tag_circle_archive(view, qtbot, services) -> None:
    ids = [_add(services, name) for name in ("Ana", "Bob")]
    view.apply_filter()
    view.table.selectAll()
    view.controller.tag_selected("pycon")
    assert all(services.contacts.tags_of(i) == ["pycon"] for i in ids)
    view.controller.set_circle_selected("peer")
    assert ContactListQuery(ListFilter(circle="peer")).count() == 2
    view.controller.undo_action.trigger()
    assert ContactListQuery(ListFilter(circle="peer")).count() == 0
    view.table.selectAll()
    view.controller.untag_selected("pycon")
    assert services.contacts.tags_of(ids[0]) == []
    view.table.selectAll()
    view.controller.toggle_archive()
    assert _names(view) == []
    view.scope.setCurrentIndex(view.scope.findData("archived"))
    assert _names(view) == ["Ana", "Bob"]
    assert view.controller.archive_action.text() == "Un&archive"


def test_merge_through_dialog_and_undo(view, qtbot, services) -> None:
    a = _add(
        services, "Maria", "Chen", title="Engineer", methods=[MethodDraft("email", "maria@acme.io")]
    )
    b = _add(
        services,
        "Maria",
        "Chen",
        title="Data Engineer",
        methods=[MethodDraft("phone", "+1 202 555 0101")],
        tags=["pycon"],
    )
    view.apply_filter()
    view.table.selectAll()
    assert view.controller.merge_action.isEnabled()
    dialog = view.controller.merge_selected()
    assert dialog is not None and set(dialog.choices) == {"title"}
    dialog.choices["title"].setCurrentIndex(1)
    dialog.accept()
    assert _names(view) == ["Maria Chen"]
    kept = services.contacts.load(a)
    assert kept.title == "Data Engineer" and kept.tags == ["pycon"]
    assert {m.kind for m in kept.methods} == {"email", "phone"}
    view.controller.undo_action.trigger()
    assert _names(view) == ["Maria Chen", "Maria Chen"]
    assert services.contacts.load(a).title == "Engineer"
    assert Contact.get_by_id(b).deleted_at is None


def test_duplicate_check_offers_the_existing_contact(view, qtbot, services, monkeypatch) -> None:
    existing = _add(services, "Maria", "Chen", methods=[MethodDraft("email", "maria@acme.io")])
    view.apply_filter()
    shown: list[str] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box.text())
        box.buttons()[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    view.controller.new_contact()
    view.editor.given.setText("M.")
    view.editor.methods.add(MethodDraft("email", "Maria@acme.io"))
    assert view.editor.save()
    assert shown == ["Maria Chen with this email already exists — open it?"]
    assert Contact.select().count() == 1
    assert view.editor.contact_id == existing


@pytest.mark.parametrize(
    ("button", "choice"),
    [("Open existing", "open"), ("Save as new", "new"), ("Cancel", "cancel")],
)
def test_duplicate_prompt_says_what_the_user_chose(qtbot, monkeypatch, button, choice) -> None:
    from PySide6.QtWidgets import QWidget

    from netdesk.core.merge import Duplicate
    from netdesk.ui.contacts.duplicate_prompt import ask_about_duplicate

    def click(box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText
        next(b for b in box.buttons() if b.text() == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ask_about_duplicate(parent, Duplicate(1, "Ann", "this email")).value == choice


def test_the_view_keeps_its_layout_in_the_windows_settings(app_window, qtbot) -> None:
    contacts = app_window.show_view("contacts")
    assert contacts.controller.settings is app_window.settings
    contacts.table.setColumnWidth(1, 211)
    header = app_window.settings.value("contacts/header")
    assert header == contacts.table.horizontalHeader().saveState()


def test_contact_text_is_plain(view, qtbot, services) -> None:
    hostile = '<b>Bob</b><img src="http://x/y.png">'
    contact_id = _add(services, hostile)
    view.apply_filter()
    view.select_contact(contact_id)
    assert view.editor.heading.textFormat() == Qt.TextFormat.PlainText
    assert view.editor.heading.text() == hostile
    assert view.model.data(view.model.index(0, 0)) == hostile
    tooltip = view.model.data(view.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;" in tooltip and "<b>" not in tooltip


def test_log_interaction_updates_last_contacted(view, qtbot, services) -> None:
    from netdesk.core.event_times import to_utc
    from netdesk.ui.contacts.log_dialog import LoggedInteraction

    contact_id = _add(services, "Ana")
    view.apply_filter()
    view.select_contact(contact_id)
    dialog_entry = LoggedInteraction(
        occurred_at=to_utc(services.clock.now()),
        channel="coffee",
        summary="Talked about the data team",
        follow_up_on=None,
    )
    view.editor.timeline.record(dialog_entry)
    assert view.editor.timeline.items.count() == 1
    assert "Talked about the data team" in view.editor.timeline.items.item(0).text()
    _settle(view)
    assert view.model.data(view.model.index(0, 5)) == "today"
    assert view.editor.tabs.tabText(1) == "Timeline (1)"
    view.editor.timeline.items.item(0).setSelected(True)
    view.editor.timeline.delete_selected()
    assert view.editor.timeline.items.count() == 0
    _settle(view)
    assert view.model.data(view.model.index(0, 5)) == "—"
    view.controller.undo_action.trigger()
    _settle(view)
    assert "Talked about the data team" in view.editor.timeline.items.item(0).text()
    assert view.model.data(view.model.index(0, 5)) == "today"


def test_ctrl_shift_f_schedules_a_follow_up(view, qtbot, services, monkeypatch) -> None:
    from netdesk.store.models import FollowUp
    from netdesk.ui.followup_dialog import FollowUpDialog

    contact_id = _add(services, "Ana", "Silva")
    view.apply_filter()
    view.select_contact(contact_id)
    monkeypatch.setattr(FollowUpDialog, "exec", lambda dialog: dialog.accept() or 1)
    view.table.setFocus()
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [f.contact_id for f in FollowUp.select()] == [contact_id]
    _settle(view)
    assert view.model.data(view.model.index(0, 6)) != ""


def test_profiles_of_other_networks_keep_their_service(view, services) -> None:
    contact_id = _add(
        services,
        "Ana",
        methods=[MethodDraft("profile", "https://gitlab.com/ana", service="gitlab")],
    )
    view.apply_filter()
    view.select_contact(contact_id)
    row = view.editor.methods.rows[0]
    assert row.service == "gitlab" and row.error() == ""
    assert row.draft().value == "https://gitlab.com/ana"


def test_hostile_links_do_not_open_as_what_they_claim(view, services, monkeypatch) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        lambda url: not opened.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded)),
    )
    contact_id = _add(
        services,
        "Eve",
        methods=[
            MethodDraft("email", "x?attach=/etc/passwd&body=hi@evil.example"),
            MethodDraft("profile", "https://evil.example/in/x", service="linkedin"),
            MethodDraft("email", "eve+news@acme.io"),
        ],
    )
    view.apply_filter()
    view.select_contact(contact_id)
    hostile_email, profile, email = view.editor.methods.rows
    assert hostile_email.error() and not hostile_email.open_button.isEnabled()
    assert not hostile_email.open_link()
    assert profile.service == "website" and profile.label_box.currentText() == "Website"
    assert profile.open_button.statusTip() == "Open evil.example: https://evil.example/in/x"
    assert "evil.example" in profile.open_button.toolTip()
    assert email.open_button.statusTip() == "Open mailto:eve%2Bnews@acme.io"
    assert profile.open_link() and email.open_link()
    assert opened == ["https://evil.example/in/x", "mailto:eve%2Bnews@acme.io"]


def test_drag_out_gives_vcard_data_and_a_vcf_file(view, services) -> None:
    from pathlib import Path

    from netdesk.formats.vcard_reader import read_vcards

    contact_id = _add(services, "Jürgen", "Müller", methods=[MethodDraft("email", "j@m.de")])
    view.apply_filter()
    view.select_contact(contact_id)
    assert view.model.flags(view.model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    mime = view.model.mimeData([view.model.index(0, 0), view.model.index(0, 1)])
    text = bytes(mime.data("text/vcard")).decode()
    assert text.count("BEGIN:VCARD") == 1 and "Jürgen" in text
    path = mime.urls()[0].toLocalFile()
    assert path.endswith(".vcf") and len(mime.urls()) == 1
    drafts = read_vcards(Path(path).read_bytes(), path).drafts
    assert drafts[0].methods[0].value == "j@m.de"


def test_phone_region_setting(view, monkeypatch) -> None:
    from netdesk.ui.contacts.settings_dialog import ContactSettingsDialog

    def choose_germany(dialog: ContactSettingsDialog) -> int:
        dialog.region.setCurrentIndex(dialog.region.findData("DE"))
        return ContactSettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(ContactSettingsDialog, "exec", choose_germany)
    max_id = view.services.contacts.create(
        ContactDraft(given_name="Max", methods=[MethodDraft("phone", "030 1234567")])
    )
    view.editor.set_region("US")
    row = view.editor.methods.add(MethodDraft("phone", "030 901820"))
    assert row.error()
    view.controller.edit_settings()
    assert row.error() == "" and view.editor.region == "DE"
    assert view.controller.settings.value("contacts/phone_region") == "DE"
    assert row.draft().value == "030 901820"
    assert phones.matching_region() == "DE", "imports read numbers in the chosen region too"
    card = b"BEGIN:VCARD\nFN:Max\nTEL:+49 30 1234567\nEND:VCARD\n"
    plan = view.services.importing.plan_data(card, "a.vcf")
    assert [c.match_id for c in plan.matches] == [max_id], "the stored number was read again"


def _stored_sort(services) -> int:
    """The column the stored header of the list sorts by."""
    header = QHeaderView(Qt.Orientation.Horizontal)
    header.restoreState(read_bytes(settings_for(services.paths), HEADER_KEY))
    return header.sortIndicatorSection()


def test_column_layout_and_sort_are_remembered(qtbot, services, view) -> None:
    _add(services, "Ana", organisation="Zeta")
    _add(services, "Bob", organisation="Acme")
    view.table.setColumnWidth(1, 222)
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: _stored_sort(services) == 1)  # stored a turn after it shows
    again = ContactsView(services, settings_for(services.paths))
    qtbot.addWidget(again)
    assert again.table.columnWidth(1) == 222
    assert again.model.sort_key == "organisation"
    assert _names(again) == ["Bob", "Ana"]


def test_typing_on_filters_the_kept_matches_and_a_change_reads_them_again(view, qtbot, monkeypatch):
    from netdesk.core import contact_walk

    _add(view.services, "Ana", organisation="Acme")
    _add(view.services, "Andrea", organisation="Acme")
    _add(view.services, "Bob", organisation="Acme")
    QApplication.processEvents()
    _type_search(qtbot, view, "an")
    assert _names(view) == ["Ana", "Andrea"]
    breadth_counts = []
    monkeypatch.setattr(contact_walk, "walk_budget", lambda e: breadth_counts.append(e) or 0)
    qtbot.keyClicks(view.search, "d")
    qtbot.waitUntil(lambda: view.model.list_filter.text == "and")
    assert _names(view) == ["Andrea"] and breadth_counts == []
    _add(view.services, "Andy", organisation="Acme")
    qtbot.waitUntil(lambda: _names(view) == ["Andrea", "Andy"])
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.keyClicks(view.search, "r")
    qtbot.waitUntil(lambda: view.model.list_filter.text == "andr")
    assert _names(view) == ["Andrea"]
    view.search.setText("a")
    qtbot.waitUntil(lambda: view.model.list_filter.text == "a")
    assert _names(view) == ["Bob", "Andy", "Andrea", "Ana"]


def test_double_click_opens_the_contact_in_a_window(view, qtbot, services) -> None:
    from netdesk.ui.contacts.dialog import ContactDialog

    contact_id = _add(services, "Ana", "Silva")
    view.apply_filter()
    rect = view.table.visualRect(view.model.index(0, 1))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = view.findChild(ContactDialog)
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "Ana Silva"
    dialog.editor.title.setText("Founder")
    dialog.editor.save()
    assert not dialog.isVisible()
    assert Contact.get_by_id(contact_id).title == "Founder"
    view.controller.undo_action.trigger()
    assert Contact.get_by_id(contact_id).title == ""


def test_the_first_page_reads_about_what_the_list_shows(view, qtbot) -> None:
    for number in range(45):
        _add(view.services, f"Person {number:02}")
    view.apply_filter()
    shown = view.table.viewport().height() // view.table.verticalHeader().defaultSectionSize()
    assert view.model.first_page_size == max(shown + 10, 30) < 45
    assert view.model.rowCount() == view.model.first_page_size and view.model.canFetchMore()
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 45)


def test_the_editor_asks_for_the_opportunities_when_a_contact_is_shown(qtbot, services) -> None:
    """Made with the view, the editor leaves the opportunity service (and its modules) to the
    first contact shown: asked for then, they are not loaded before a Contacts start is usable."""
    ann = _add(services, "Ann")
    widget = ContactsView(services, settings_for(services.paths))
    qtbot.addWidget(widget)
    editor = widget.editor

    assert "opportunities" not in vars(services)
    widget.show_existing(ann)
    qtbot.waitUntil(lambda: editor.contact_id == ann)
    assert "opportunities" in vars(services)
    assert editor.tabs.tabText(editor.tabs.indexOf(editor.opportunities)) == "Opportunities"


def test_the_filter_menus_are_first_read_off_the_gui_thread(qtbot, services, monkeypatch) -> None:
    """A new view reads its menus' values on a worker (5,000 companies held its start) once
    its list and count are shown (beside the first page, that read slowed the view's first
    paint at start-up), then offers them."""
    _add(services, "Ann", organisation="Acme", circle="mentor", tags=["data"])
    threads = []
    order: list[str] = []
    choices = contacts_view_module.filter_choices
    set_count = ContactsView._set_count
    start = LatestRead.start

    def tracked() -> dict[str, list[str]]:
        threads.append(threading.current_thread())
        return choices()

    def starting(reader: LatestRead, work) -> None:
        order.extend(["menus"] if work is tracked else [])
        start(reader, work)

    monkeypatch.setattr(contacts_view_module, "filter_choices", tracked)
    monkeypatch.setattr(LatestRead, "start", starting)
    monkeypatch.setattr(
        ContactsView,
        "_set_count",
        lambda view, total: (order.append("count"), set_count(view, total)),
    )
    widget = ContactsView(services, settings_for(services.paths))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.company_filter.count() == 2)
    assert threads and threading.main_thread() not in threads
    assert order == ["count", "menus"]
    assert widget.circle_filter.findData("mentor") == 1 and widget.tag_filter.findData("data") == 1


def test_long_company_and_tag_names_leave_the_search_and_the_list_their_room(
    qtbot, services, tmp_path
) -> None:
    long_name = "The International Association of Very Long Organisation Names Ltd"
    _add(services, "Ann", organisation=long_name, tags=["category1, category2, category3"])
    widget = ContactsView(services, settings_for(services.paths))
    qtbot.addWidget(widget)
    widget.resize(1100, 760)  # what a 1280-pixel window leaves beside the sidebar
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.company_filter.count() == 2)
    assert widget.search.width() >= 240
    assert widget.search.width() > widget.company_filter.width()
    widget.company_filter.showPopup()
    menu = widget.company_filter.view()
    assert menu.width() >= menu.fontMetrics().horizontalAdvance(long_name)
    widget.company_filter.hidePopup()
    widget.company_filter.setCurrentIndex(1)
    assert widget.company_filter.toolTip() == plain_tooltip(long_name)  # the box shows "…"
    widget.company_filter.grab().save(str(tmp_path / "company.png"))
    assert widget.minimumSizeHint().width() <= 1024 - 200  # a 1024-pixel window still fits


def test_the_editor_beside_the_list_is_never_clipped(qtbot, services) -> None:
    from PySide6.QtWidgets import QScrollArea

    methods = [MethodDraft("email", "ann@x.test", "work"), MethodDraft("phone", "+44 20 7946 0000")]
    _add(services, "Ann", "Lee", methods=methods)
    widget = ContactsView(services, settings_for(services.paths))
    qtbot.addWidget(widget)
    widget.resize(850, 700)  # what a 1024-pixel window leaves beside the sidebar
    widget.show()
    qtbot.waitExposed(widget)
    widget.table.selectRow(0)
    qtbot.waitUntil(lambda: widget.editor.given.text() == "Ann")
    details = widget.editor.findChild(QScrollArea)
    qtbot.wait(50)  # the form lays out its method rows
    widget.splitter.setSizes([800, 50])  # as far as a drag of the handle can go
    qtbot.waitUntil(lambda: details.horizontalScrollBar().maximum() == 0)
    assert widget.splitter.sizes()[0] >= 250  # the list keeps room too


def test_the_desktop_language_gives_a_region_where_the_locale_names_none(monkeypatch) -> None:
    from PySide6.QtCore import QLocale

    from netdesk.ui.contacts import view as view_module

    monkeypatch.setattr(view_module.QLocale, "system", lambda: QLocale("en_GB"))
    assert view_module.system_region() == "GB"
    monkeypatch.setattr(view_module.QLocale, "system", lambda: QLocale("C"))
    assert view_module.system_region() == ""


def _reachable(services, given: str) -> int:
    methods = [
        MethodDraft("email", f"{given.lower()}.penter37@ericsson.example.com", "work"),
        MethodDraft("profile", "https://www.linkedin.com/in/ivan-penter-1234567890", "linkedin"),
    ]
    return _add(services, given, "Penter", organisation="Ericsson", methods=methods)


def test_made_hidden_the_view_makes_its_editor_when_first_shown(qtbot, services) -> None:
    """As start-up makes it (which then makes the editor in a step of its own)."""
    widget = ContactsView(services, settings_for(services.paths))
    qtbot.addWidget(widget)
    assert made(widget, "editor") is None and widget.shown_contact() is None
    widget.show()
    assert widget.editor_stack.indexOf(made(widget, "editor")) == 1


def test_selecting_someone_never_moves_the_splitter(qtbot, services) -> None:
    """The editor side keeps the width a loaded contact needs from the start (850 px is what a
    1024-pixel window leaves beside the sidebar)."""
    _reachable(services, "Ivan")
    widget = ContactsView(services, settings_for(services.paths))
    qtbot.addWidget(widget)
    widget.resize(850, 700)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(20)
    before = widget.splitter.sizes()
    widget.table.selectRow(0)
    qtbot.waitUntil(lambda: widget.editor.given.text() == "Ivan")
    qtbot.wait(50)  # the method rows lay out
    assert widget.splitter.sizes() == before
    assert widget.editor.width() >= widget.editor.minimumSizeHint().width()  # nothing clipped
    email = widget.editor.methods.rows[0].value_edit
    assert email.mapTo(widget, email.rect().topRight()).x() <= widget.width()  # not cut off


def test_nobody_selected_shows_a_hint_not_a_blank_form(view, qtbot, services) -> None:
    ivan = _reachable(services, "Ivan")
    _reachable(services, "Anna")
    view.apply_filter()
    assert view.editor_stack.currentWidget() is view.no_selection
    assert "Ctrl+N" in view.no_selection.hint.text()
    assert view.no_selection.hint.isVisible() and view.no_selection.new_button.isVisible()
    assert view.select_contact(ivan)
    assert view.editor_stack.currentWidget() is view.editor
    _type_search(qtbot, view, "Anna")  # the search hides Ivan: the form goes with him
    assert view.editor_stack.currentWidget() is view.no_selection
    assert view.editor.contact_id is None
    qtbot.mouseClick(view.no_selection.new_button, Qt.MouseButton.LeftButton)
    assert view.editor_stack.currentWidget() is view.editor
    assert view.editor.given.hasFocus()


def test_a_deleted_contact_leaves_the_editor_but_unsaved_edits_stay(
    view, qtbot, services, monkeypatch
) -> None:
    ivan = _reachable(services, "Ivan")
    anna = _reachable(services, "Anna")
    view.apply_filter()
    view.select_contact(ivan)
    view.controller.delete_selected()
    qtbot.waitUntil(lambda: view.editor_stack.currentWidget() is view.no_selection)
    assert view.editor.contact_id is None
    view.select_contact(anna)
    view.editor.notes.setPlainText("met at PyData")  # unsaved: kept while the search hides her
    _type_search(qtbot, view, "zzz")
    assert view.editor_stack.currentWidget() is view.editor
    assert view.editor.contact_id == anna and view.editor.dirty


def test_open_existing_keeps_the_filter_or_says_it_changed(view, qtbot, services, monkeypatch):
    """ "Open existing" in the duplicate prompt keeps the Active filter when the stored contact
    is in it; an archived one is shown under All, and the status bar says why the list changed."""
    from netdesk.ui.contacts import controller
    from netdesk.ui.contacts.duplicate_prompt import DuplicateChoice

    active = _reachable(services, "Ivan")
    archived = _reachable(services, "Anna")
    services.bulk.set_archived([archived], True)
    view.apply_filter()
    announced: list[str] = []
    monkeypatch.setattr(view.controller, "_announce", announced.append)
    monkeypatch.setattr(controller, "ask_about_duplicate", lambda *_: DuplicateChoice.OPEN_EXISTING)
    for existing, email in ((active, "ivan.penter37@ericsson.example.com"), (archived, "")):
        view.controller.new_contact()
        view.editor.given.setText("Someone")
        email = email or "anna.penter37@ericsson.example.com"
        view.editor.methods.add(MethodDraft("email", email))
        assert view.editor.save()
        assert view.selected_ids() == [existing]
        assert view.editor_stack.currentWidget() is view.editor
        assert view.scope.currentData() == ("active" if existing == active else "all")
    assert announced == ["The list shows all contacts now: Anna Penter was not in it."]


def test_fetched_rows_are_not_followed_by_the_garbage_collector(view, services) -> None:
    """Rows the list fetched (first page and scrolled on) are plain tuples the collector
    stops tracking: at 100,000 rows a full collection walking them froze scrolling 70-200 ms.
    The model still hands out whole rows, their values as read."""
    import gc

    from netdesk.ui.contacts import model as model_module

    for number in range(7):
        _add(services, f"P{number}", organisation="Acme", tags=["x"])
    model = view.model
    model.first_page_size = 3
    model_module.PAGE_SIZE, page_size = 2, model_module.PAGE_SIZE
    try:
        view.apply_filter()
        while model.canFetchMore():
            model.fetchMore()
    finally:
        model_module.PAGE_SIZE = page_size
    gc.collect()
    rows = model._rows
    assert len(rows) == 7 and not any(gc.is_tracked(row) for row in rows)
    first = model.row_of(model.index(0, 0))
    assert (first.name, first.organisation, first.tags, first.keep) == ("P0", "Acme", "x", "")
    assert [model.contact_id(r) for r in range(7)] == [
        model.row_of(model.index(r, 0)).id for r in range(7)
    ]


def test_replaced_method_rows_never_open_as_windows(view, qtbot, services) -> None:
    """Rows taken out in the event-loop turn they were added in (Open existing after a
    duplicate loads the stored contact over the typed one) had a show queued by their layout:
    made parentless, each opened as a window of its own, left on screen for the next test."""
    ivan = _reachable(services, "Ivan")
    view.apply_filter()
    view.select_contact(ivan)
    QApplication.processEvents()
    view.editor.methods.set_methods([MethodDraft("email", "first@example.com")])
    view.editor.methods.set_methods([MethodDraft("email", "again@example.com")])
    QApplication.processEvents()
    strays = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not view]
    assert strays == []
    assert [row.value_edit.text() for row in view.editor.methods.rows] == ["again@example.com"]


def test_a_change_reads_the_list_again_off_the_gui_thread(
    view, qtbot, services, monkeypatch
) -> None:
    """A change made elsewhere has the list read again on the worker, as many rows as it had,
    and shown with the selection and the row at the top where they were."""
    for number in range(300):
        _add(services, f"Person {number:03}")
    view.apply_filter()
    while view.model.rowCount() < 250:
        view.model.fetchMore()
    view.table.scrollTo(view.model.index(150, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    chosen = view.model.contact_id(160)
    view.select_contact(chosen)
    top = view.model.contact_id(view.table.rowAt(0))
    threads: list[bool] = []
    page = ContactListQuery.page

    def noting_page(query, offset, limit):
        threads.append(threading.current_thread() is threading.main_thread())
        return page(query, offset, limit)

    monkeypatch.setattr(ContactListQuery, "page", noting_page)
    _add(services, "Aaron")  # first by name: every row moves down one
    assert _names(view)[0] == "Aaron"
    assert threads == [False]  # one read, on the worker
    assert view.selected_ids() == [chosen]
    assert view.model.contact_id(view.table.rowAt(0)) == top
    assert view.count_label.text() == "301 contacts"


def test_keys_faster_than_the_editor_open_only_the_contact_they_stop_at(
    view, qtbot, services, clock, monkeypatch
) -> None:
    """Each opening takes 30 ms here: Down pressed sooner after one than that (a key held)
    opens no contact on the way, only the one selected once the keys stop; a key pressed after
    a pause opens its contact on the next turn."""
    ids = [_add(services, name) for name in ("Ana", "Bo", "Cy", "Di", "Ed")]
    assert _names(view) == ["Ana", "Bo", "Cy", "Di", "Ed"]
    opened: list[int | None] = []
    load = view.editor.load

    def slow_load(contact_id: int | None) -> None:
        opened.append(contact_id)
        load(contact_id)
        clock.advance(0.03)

    monkeypatch.setattr(view.editor, "load", slow_load)
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: opened == [ids[0]])
    assert view.editor.given.text() == "Ana"
    for _ in range(3):
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert opened == [ids[0]] and view.selected_ids() == [ids[3]]
    qtbot.waitUntil(lambda: view.editor.contact_id == ids[3])
    assert opened == [ids[0], ids[3]] and view.editor.given.text() == "Di"
    clock.advance(1)
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: opened[-1] == ids[4])
    assert view.editor.given.text() == "Ed"
