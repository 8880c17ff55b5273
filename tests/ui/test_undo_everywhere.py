"""Undo and Redo of what had none: the follow-up dialog (new, edit) in Follow-ups and from a
contact, and in Events a new event, a saved edit, the people to meet and quick capture, each
named by Edit → Undo and redone with the same rows."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from netdesk.core.events import EventDraft
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, EventPerson, FollowUp
from netdesk.ui.events.people_table import NOTES
from tests.fake_time import NOW
from tests.ui.windows import edit_action


@pytest.fixture
def window(app_window):
    app_window.resize(1280, 800)
    return app_window


def _undo(window) -> QAction:
    return edit_action(window, "&Undo")


def _redo(window) -> QAction:
    return edit_action(window, "&Redo")


def test_new_and_edited_follow_ups_in_the_calendar(window, qtbot) -> None:
    ana = window.services.contacts.create(ContactDraft(given_name="Ana"))
    calendar = window.show_view("followups")
    calendar.new_followup()
    dialog = calendar.dialog
    dialog.contact_id = ana
    dialog.note.setPlainText("ask about the talk")
    dialog.accept()
    made = dialog.created_id
    assert FollowUp.get_by_id(made).note == "ask about the talk"
    assert _undo(window).text() == "&Undo New follow-up with Ana"
    _undo(window).trigger()
    assert FollowUp.get_or_none(FollowUp.id == made) is None
    _redo(window).trigger()
    assert FollowUp.get_by_id(made).note == "ask about the talk"  # the same row, same id

    calendar.open_followup(made)
    calendar.dialog.note.setPlainText("bring the slides")
    calendar.dialog.accept()
    assert _undo(window).text() == "&Undo Edit follow-up with Ana"
    QTest.keySequence(calendar.agenda, QKeySequence("Ctrl+Z"))
    assert FollowUp.get_by_id(made).note == "ask about the talk"
    QTest.keySequence(calendar.agenda, QKeySequence("Ctrl+Y"))
    assert FollowUp.get_by_id(made).note == "bring the slides"


def test_a_follow_up_from_a_contact_is_undone_in_contacts(window, monkeypatch, qtbot) -> None:
    from netdesk.ui.followup_dialog import FollowUpDialog

    monkeypatch.setattr(FollowUpDialog, "exec", lambda dialog: dialog.accept())
    ana = window.services.contacts.create(ContactDraft(given_name="Ana"))
    contacts = window.show_view("contacts")
    qtbot.waitUntil(lambda: contacts.select_contact(ana))  # the list is read off the GUI thread
    made = contacts.controller.follow_up_selected()
    assert FollowUp.get_by_id(made).contact_id == ana
    assert _undo(window).text() == "&Undo New follow-up with Ana"
    _undo(window).trigger()
    assert FollowUp.get_or_none(FollowUp.id == made) is None


@pytest.fixture
def events_view(window, qtbot):
    view = window.show_view("events")
    view.events.create(EventDraft(name="PyData", starts_at=datetime(2026, 4, 2, 18, 0)))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)  # the list is read off the GUI thread
    return view


def test_new_event_undone_and_redone_with_its_id(window, events_view, qtbot) -> None:
    made = events_view.new_event()
    assert _undo(window).text() == "&Undo New event"
    _undo(window).trigger()
    assert events_view.events.get(made) is None
    _redo(window).trigger()
    assert events_view.events.get(made).name == "New event"


def test_a_saved_edit_is_undone_and_redone(window, events_view, qtbot) -> None:
    pydata = events_view.model.event_id(0)
    events_view.select(pydata)
    editor = events_view.panel.editor
    editor.name.selectAll()
    qtbot.keyClicks(editor.name, "PyData Berlin")
    qtbot.keyClicks(editor.place, "bcc")
    assert events_view.panel.save()
    assert _undo(window).text() == "&Undo Edit event “PyData Berlin”"
    _undo(window).trigger()
    stored = events_view.events.load(pydata)
    assert (stored.name, stored.place) == ("PyData", "")
    qtbot.waitUntil(lambda: editor.name.text() == "PyData")  # the panel shows what is stored,
    # read again on the Events worker after the change
    _redo(window).trigger()
    stored = events_view.events.load(pydata)
    assert (stored.name, stored.place) == ("PyData Berlin", "bcc")


def test_people_to_meet_removed_come_back_with_their_notes(window, events_view, qtbot) -> None:
    services = window.services
    pydata = events_view.model.event_id(0)
    ada = services.contacts.create(ContactDraft(given_name="Ada", family_name="Lovelace"))
    events_view.select(pydata)
    people = events_view.panel.prep.people
    people.completer.chosen_id = ada
    people.name.setText("Ada Lovelace")
    people.add_person()
    assert _undo(window).text() == "&Undo Add Ada Lovelace to the people to meet"
    people.table.item(0, NOTES).setText("Keynote on engines")
    assert _undo(window).text() == "&Undo Change the people to meet"
    people.table.selectRow(0)
    people.remove_selected()
    assert _undo(window).text() == "&Undo Remove Ada Lovelace from the people to meet"
    assert EventPerson.select().count() == 0
    _undo(window).trigger()
    (back,) = services.events.people.list(pydata)
    assert (back.name, back.research_notes) == ("Ada Lovelace", "Keynote on engines")
    qtbot.waitUntil(  # the panel reads the change on the Events worker
        lambda: (
            people.table.rowCount() == 1
            and people.table.item(0, NOTES).text() == "Keynote on engines"
        )
    )
    _undo(window).trigger()
    assert services.events.people.list(pydata)[0].research_notes == ""
    _undo(window).trigger()
    assert services.events.people.list(pydata) == []
    for _ in range(3):
        _redo(window).trigger()
    assert EventPerson.select().count() == 0 and not _redo(window).isEnabled()


def test_quick_capture_undo_redo_in_the_dialog_and_the_edit_menu(window, events_view, qtbot):
    pydata = events_view.model.event_id(0)
    events_view.select(pydata)
    dialog = events_view.open_capture()
    for name in ("Grace Hopper", "Linus Torvalds"):
        dialog.name.setText(name)
        dialog.save_current()
    assert dialog.count.text() == "2 people captured"
    assert dialog.undo_button.isEnabled()
    dialog.activateWindow()
    QTest.keySequence(dialog.name, QKeySequence("Ctrl+Z"))
    assert [r.name for r in dialog.results] == ["Grace Hopper"]
    assert dialog.captured.count() == 1 and dialog.count.text() == "1 person captured"
    assert Contact.select().where(Contact.display_name == "Linus Torvalds").count() == 0
    QTest.keySequence(dialog.name, QKeySequence("Ctrl+Shift+Z"))
    assert [r.name for r in dialog.results] == ["Grace Hopper", "Linus Torvalds"]
    assert dialog.captured.item(0).text().startswith("Linus Torvalds — new contact")
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert [r.name for r in dialog.results] == ["Grace Hopper"]
    dialog.reject()
    assert _undo(window).text() == "&Undo Capture Grace Hopper"
    _undo(window).trigger()
    assert Contact.select().where(Contact.display_name == "Grace Hopper").count() == 0
    assert _redo(window).text() == "&Redo Capture Grace Hopper"


def test_undo_last_leaves_a_change_made_before_the_dialog(window, events_view, qtbot) -> None:
    made = events_view.new_event()
    dialog = events_view.open_capture()
    assert not dialog.undo_button.isEnabled()
    dialog.undo_last()
    assert events_view.events.get(made) is not None
    dialog.reject()


def test_redo_keeps_its_day_without_the_clock(window, clock) -> None:
    """The fake clock moving does not change what a redone follow-up is due (its fields are
    kept, not asked again)."""
    ana = window.services.contacts.create(ContactDraft(given_name="Ana"))
    calendar = window.show_view("followups")
    calendar.new_followup()
    calendar.dialog.contact_id = ana
    calendar.dialog.accept()
    made = calendar.dialog.created_id
    _undo(window).trigger()
    clock.advance(3 * 86400)
    _redo(window).trigger()
    assert FollowUp.get_by_id(made).due_at.date() == NOW.date()


def test_message_template_edits_and_deletes_are_undone(window, monkeypatch) -> None:
    from netdesk.store.models import MessageTemplate
    from netdesk.ui.templates_dialog import TemplatesDialog

    monkeypatch.setattr(TemplatesDialog, "exec", lambda dialog: dialog.show() or 0)
    contacts = window.show_view("contacts")
    contacts.controller.templates_action.trigger()
    dialog = window.findChild(TemplatesDialog)
    dialog.list.setCurrentRow(1)
    check_in = dialog.current()
    dialog.name.setText("Quick check-in")
    dialog.save()
    assert dialog.undo_button.text() == "Undo Save template “Quick check-in”"
    dialog.delete()
    assert MessageTemplate.get_or_none(MessageTemplate.id == check_in.id) is None
    dialog.undo_button.click()
    assert MessageTemplate.get_by_id(check_in.id).name == "Quick check-in"
    assert dialog.current().id == check_in.id  # the list shows it again, selected
    dialog.reject()
    assert _undo(window).text() == "&Undo Save template “Quick check-in”"
    _undo(window).trigger()
    assert MessageTemplate.get_by_id(check_in.id).name == check_in.name
    _redo(window).trigger()
    _redo(window).trigger()
    assert MessageTemplate.get_or_none(MessageTemplate.id == check_in.id) is None


def test_a_restored_template_whose_name_was_taken_keeps_both(services) -> None:
    from netdesk.core.templates import TemplateRow

    templates = services.templates
    check_in = next(t for t in templates.list() if t.name == "Check-in")
    row = templates.snapshot(check_in.id)
    templates.delete(check_in.id)
    templates.save(TemplateRow(None, "check-in"))
    templates.put_back(check_in.id, row)
    names = [t.name for t in templates.list()]
    assert names[1] == "Check-in (restored)" and "check-in" in names


def _keys(window, keys: str) -> None:
    """Keys pressed in the window (its shown view's shortcuts answer)."""
    window.activateWindow()
    QTest.keySequence(window.focusWidget() or window, QKeySequence(keys))
    QApplication.processEvents()


def test_companies_opportunities_and_me_in_the_edit_menu_and_keys(window, qtbot) -> None:
    from netdesk.core.opportunities import OpportunityDraft
    from netdesk.store.models import Opportunity

    services = window.services
    services.contacts.create(ContactDraft(given_name="Ana", organisation="Globex"))
    companies = window.show_view("companies")
    companies.reload()
    companies.select(companies.model.rows[0].id)
    companies.toggle_target()
    assert _undo(window).text() == "&Undo Mark Globex as a target"
    _keys(window, "Ctrl+Z")
    assert not services.companies.rows(targets_only=True)
    _keys(window, "Ctrl+Shift+Z")
    assert [row.name for row in services.companies.rows(targets_only=True)] == ["Globex"]

    made = services.opportunities.create(
        OpportunityDraft(title="Lead", company="Globex")
    ).opportunity_id
    opportunities = window.show_view("opportunities")
    opportunities.reload()
    opportunities.move_to(made, "applied")
    assert _undo(window).text() == "&Undo Move Lead at Globex to applied"
    _keys(window, "Ctrl+Z")
    assert Opportunity.get_by_id(made).stage == "heard"
    _keys(window, "Ctrl+Y")
    assert Opportunity.get_by_id(made).stage == "applied"

    me = window.show_view("me")
    edit = me.cards["github"].link
    edit.setText("github.com/ana")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert _undo(window).text() == "&Undo Add GitHub"
    _undo(window).trigger()
    assert services.profiles.get("github") is None
    _redo(window).trigger()
    assert services.profiles.get("github").url == "https://github.com/ana"


def test_today_goals_in_the_edit_menu(window, qtbot) -> None:
    from datetime import date

    from netdesk.core.goals import GoalData
    from netdesk.store.models import TrackedGoal
    from tests.ui.today_view import settle_today

    window.services.goals.save(
        GoalData("Give twice a month", "gives", 2, "month", date(2026, 2, 1))
    )
    today = window.show_view("today")
    today.refresh()
    settle_today(qtbot, today)
    goals = today.sections["goals"]
    goals.list.setCurrentRow(0)
    goals.delete_goal()
    assert _undo(window).text() == "&Undo Delete goal “Give twice a month”"
    _keys(window, "Ctrl+Z")
    assert TrackedGoal.select().count() == 1
    _redo(window).trigger()
    assert TrackedGoal.select().count() == 0


def test_an_interaction_logged_in_contacts_is_undone(window) -> None:
    from netdesk.core.event_times import to_utc
    from netdesk.core.interactions import Give
    from netdesk.store.models import Interaction
    from netdesk.ui.contacts.log_dialog import LoggedInteraction

    ana = window.services.contacts.create(ContactDraft(given_name="Ana"))
    contacts = window.show_view("contacts")
    contacts.apply_filter()
    contacts.select_contact(ana)
    contacts.editor.timeline.record(
        LoggedInteraction(
            occurred_at=to_utc(NOW),
            channel="coffee",
            summary="Introduced her to Sam",
            follow_up_on=NOW.date(),
            give=Give("gave", "advice"),
        )
    )
    assert _undo(window).text() == "&Undo Log interaction with Ana"
    _undo(window).trigger()
    assert Interaction.select().count() == 0
    assert [f.status for f in FollowUp.select()] == ["dismissed"]
    _redo(window).trigger()
    assert Interaction.get().summary == "Introduced her to Sam"


def test_save_to_library_is_undone_and_redone(window, events_view, qtbot, monkeypatch) -> None:
    from netdesk.store.models import Pitch
    from netdesk.ui.events import prep as prep_module

    monkeypatch.setattr(prep_module.QInputDialog, "getText", lambda *_args: ("Recruiters", True))
    events_view.select(events_view.model.event_id(0))
    prep = events_view.panel.prep
    events_view.panel.tabs.setCurrentWidget(prep)
    prep.pitch_text.setPlainText("I build data pipelines.")
    qtbot.mouseClick(prep.save_pitch, Qt.MouseButton.LeftButton)
    (saved,) = Pitch.select()
    assert prep.pitch_choice.currentData() == saved.id
    assert _undo(window).text() == "&Undo Save pitch “Recruiters” to library"
    QTest.keySequence(prep.save_pitch, QKeySequence("Ctrl+Z"))  # its focus after the click
    assert Pitch.select().count() == 0
    assert prep.pitch_choice.currentText() == prep_module.OWN_PITCH
    assert prep.pitch_text.toPlainText() == "I build data pipelines."  # the words stay
    QTest.keySequence(prep.save_pitch, QKeySequence("Ctrl+Shift+Z"))
    back = Pitch.get_by_id(saved.id)  # the same pitch, chosen again
    assert (back.title, back.text) == ("Recruiters", "I build data pipelines.")
    assert prep.pitch_choice.currentData() == saved.id
    assert events_view.panel.save()
    assert events_view.events.load(events_view.panel.event_id).pitch_id == saved.id
