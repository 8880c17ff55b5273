"""The Events view through pytest-qt: list and filters, editor, prep brief, quick capture
(keyboard only), review, and the printable brief."""

from __future__ import annotations

import threading
import time
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from netdesk.core.events import EventDraft
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, Event, FollowUp
from netdesk.ui.events import EventsView
from netdesk.ui.events.brief import brief_html, save_pdf
from netdesk.ui.events.capture import CaptureDialog
from netdesk.ui.events.editor import LOCAL_ZONE
from netdesk.ui.events.forms import from_qt
from netdesk.ui.events.model import COLUMNS, PROGRESS_ROLE
from netdesk.ui.events.people_table import MET, NOTES, WANT
from netdesk.ui.views import default_views, made

NOW = datetime(2026, 3, 11, 14, 30)


@pytest.fixture
def events(services):
    return services.events


@pytest.fixture
def sample(services, events) -> dict[str, int]:
    ids = {
        "conf": events.create(
            EventDraft(
                name="PyCon DE",
                starts_at=datetime(2026, 4, 14, 9, 0),
                ends_at=datetime(2026, 4, 16, 18, 0),
                timezone="Europe/Berlin",
                kind="conference",
                status="registered",
                checklist={"pitch": True},
            )
        ),
        "meetup": events.create(EventDraft(name="Data meetup", starts_at=NOW + timedelta(days=2))),
        "past": events.create(
            EventDraft(name="Old social", starts_at=NOW - timedelta(days=5), kind="social")
        ),
    }
    for given, family, org in (("Ada", "Lovelace", "Analytical"), ("Anna", "Berg", "Acme")):
        draft = ContactDraft(given_name=given, family_name=family, organisation=org)
        ids[given] = services.contacts.create(draft)
    return ids


def _shown_view(qtbot, services) -> EventsView:
    widget = EventsView(services)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def view(qtbot, services, sample) -> EventsView:
    return _shown_view(qtbot, services)


def _column(view: EventsView, name: str) -> list[str]:
    column = COLUMNS.index(name)
    model = view.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _focused(window=None):
    """The widget keys go to: the focus widget of `window` (offscreen, a closed completer popup
    stays the active window, so the application's focus widget is not the one to ask)."""
    QApplication.processEvents()
    return window.focusWidget() if window is not None else QApplication.focusWidget()


def test_registered_in_the_sidebar() -> None:
    spec = next(s for s in default_views() if s.key == "events")
    assert (spec.title, spec.icon) == ("Events", "events")


def test_made_hidden_it_reads_its_list_off_the_gui_thread(
    qtbot, services, sample, monkeypatch
) -> None:
    """As start-up makes it: the list read on a worker, shown once read."""
    threads: list[threading.Thread] = []
    read = services.events.list
    monkeypatch.setattr(
        services.events,
        "list",
        lambda *filters: threads.append(threading.current_thread()) or read(*filters),
    )
    widget = EventsView(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 3)
    assert [thread is threading.main_thread() for thread in threads] == [False]
    assert widget.count.text() == "2 upcoming, 1 past"
    assert made(widget, "prep") is made(widget, "panel") is None, "made apart, in later steps"
    widget.show()
    widget.table.selectRow(0)
    assert widget.current_id() == widget.model.event_id(0)
    assert widget.right.currentWidget() is made(widget, "panel")
    assert widget.panel.prep is made(widget, "prep"), "the panel's Prep brief tab"


def test_shown_before_its_read_ended_it_shows_with_it(qtbot, services, sample, monkeypatch) -> None:
    answer = threading.Event()
    read = services.events.list
    monkeypatch.setattr(services.events, "list", lambda *filters: answer.wait() and read(*filters))
    widget = EventsView(services)
    qtbot.addWidget(widget)
    threading.Thread(target=lambda: (time.sleep(0.05), answer.set())).start()
    widget.show()
    assert widget.model.rowCount() == 3 and not widget.reader.busy


def test_list_order_filters_and_progress(view) -> None:
    assert _column(view, "Event") == ["Data meetup", "PyCon DE", "Old social"]
    assert _column(view, "Prep") == ["0/5", "2/5", "0/5"]
    assert view.model.index(1, COLUMNS.index("Prep")).data(PROGRESS_ROLE) == pytest.approx(0.4)
    assert _column(view, "When")[1] == "14–16 Apr 2026 CEST"
    assert view.count.text() == "2 upcoming, 1 past"
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("conference"))
    assert _column(view, "Event") == ["PyCon DE"]
    view.kind_filter.setCurrentIndex(0)
    view.status_filter.setCurrentIndex(view.status_filter.findData("considering"))
    assert _column(view, "Event") == ["Data meetup", "Old social"]


def test_editor_edits_and_saves_with_ctrl_s(view, qtbot, events, sample) -> None:
    view.select(sample["meetup"])
    editor = view.panel.editor
    assert view.panel.heading.text() == "Data meetup"
    editor.name.selectAll()
    qtbot.keyClicks(editor.name, "Berlin Data Engineering")
    editor.kind.setCurrentIndex(editor.kind.findText("Workshop"))
    editor.kind.activated.emit(editor.kind.currentIndex())
    editor.zone.setCurrentText("America/New_York")
    qtbot.keyClicks(editor.place, "Factory")
    qtbot.keyClicks(editor.cost, "free")
    assert editor.reminder.text() == "Remind me to prepare 2 days before"
    editor.reminder.setValue(5)
    assert view.panel.save_button.isEnabled()
    qtbot.keyClick(editor.place, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = events.load(sample["meetup"])
    assert (stored.name, stored.kind, stored.timezone) == (
        "Berlin Data Engineering",
        "workshop",
        "America/New_York",
    )
    assert (stored.place, stored.cost, stored.starts_at) == ("Factory", "free", NOW + timedelta(2))
    assert stored.prep_reminder_days == 5
    assert not view.panel.save_button.isEnabled()
    qtbot.waitUntil(lambda: "Berlin Data Engineering" in _column(view, "Event"))  # read off-thread
    editor.zone.setCurrentText("Nowhere/Special")
    view.panel.save()
    assert "time zone" in view.panel.message.text()


def test_an_event_kept_in_utc_shows_and_saves_in_local_time(tokyo, view, qtbot, events) -> None:
    """A phone's or an .ics file's event in UTC shows in local time (08:00 UTC is 17:00 in
    Tokyo); an edit saved with Ctrl+S keeps its moment and its zone."""
    event_id = events.create(
        EventDraft(name="Webinar", starts_at=datetime(2026, 4, 14, 8, 0), timezone="UTC")
    )
    qtbot.waitUntil(lambda: "Webinar" in _column(view, "Event"))
    view.select(event_id)
    editor = view.panel.editor
    assert (from_qt(editor.starts), editor.zone.currentText()) == (
        datetime(2026, 4, 14, 17, 0),
        LOCAL_ZONE,
    )
    qtbot.keyClicks(editor.place, "Online")
    qtbot.keyClick(editor.place, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = Event.get_by_id(event_id)
    assert (stored.place, stored.starts_at, stored.timezone) == (
        "Online",
        datetime(2026, 4, 14, 8, 0),
        "UTC",
    )


def test_new_event_with_ctrl_n(view, qtbot, events) -> None:
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.panel.editor.name.hasFocus()
    qtbot.keyClicks(view.panel.editor.name, "Career fair")
    view.panel.save()
    row = next(r for r in events.list() if r.name == "Career fair")
    assert row.starts_at == datetime(2026, 3, 12, 18, 0)


def test_prep_brief_goals_pitch_checklist(view, qtbot, events, sample) -> None:
    events.pitches.create("Recruiters", "I build data pipelines that people trust.")
    view.select(sample["conf"])
    prep = view.panel.prep
    view.panel.tabs.setCurrentIndex(1)
    qtbot.keyClicks(prep.goals, "Meet data engineers")
    prep.target.setValue(3)
    prep.pitch_choice.setCurrentIndex(prep.pitch_choice.findText("Recruiters (7 words)"))
    prep.pitch_choice.activated.emit(prep.pitch_choice.currentIndex())
    assert prep.pitch_text.toPlainText() == "I build data pipelines that people trust."
    assert prep.pitch_length.text() == "7 words · about 3 s"
    qtbot.keyClicks(prep.starters, "What brought you here?")
    prep.checks["travel"].setChecked(True)
    assert prep.progress.text() == "3 of 5 done"
    view.panel.save()
    stored = events.load(sample["conf"])
    assert (stored.goals, stored.goal_target, stored.conversation_starters) == (
        "Meet data engineers",
        3,
        "What brought you here?",
    )
    assert stored.pitch_id == events.pitches.list()[0].id
    qtbot.waitUntil(lambda: _column(view, "Prep")[1] == "3/5")
    prep.pitch_text.setPlainText("Own words for this one.")
    new_id = prep.save_pitch_as("Conference")
    view.panel.save()
    assert events.load(sample["conf"]).pitch_id == new_id


def test_people_to_meet_add_existing_new_and_edit(view, qtbot, events, sample) -> None:
    view.select(sample["conf"])
    people = view.panel.prep.people
    view.panel.tabs.setCurrentIndex(1)
    view.activateWindow()
    people.name.setFocus()
    assert _focused() is people.name
    qtbot.keyClicks(people.name, "ada")
    popup = people.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == "Ada Lovelace — Analytical"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert (people.name.text(), people.organisation.text()) == ("Ada Lovelace", "Analytical")
    assert events.people.list(sample["conf"]) == []
    qtbot.keyClick(people.name, Qt.Key.Key_Return)
    assert [r.contact_id for r in events.people.list(sample["conf"])] == [sample["Ada"]]
    assert (people.name.text(), people.completer.chosen_id) == ("", None)
    qtbot.keyClicks(people.name, "Grace Hopper")
    qtbot.keyClicks(people.organisation, "Navy")
    qtbot.keyClick(people.organisation, Qt.Key.Key_Return)
    rows = events.people.list(sample["conf"])
    assert [(r.contact_id == sample["Ada"], r.name, r.role) for r in rows] == [
        (True, "Ada Lovelace", "attendee"),
        (False, "Grace Hopper", "attendee"),
    ]
    assert people.table.rowCount() == 2
    people.table.item(1, WANT).setCheckState(Qt.CheckState.Unchecked)
    people.table.item(0, MET).setCheckState(Qt.CheckState.Checked)
    people.table.item(0, NOTES).setText("Keynote on engines")
    rows = {r.name: r for r in events.people.list(sample["conf"])}
    assert not rows["Grace Hopper"].want_to_meet
    assert rows["Ada Lovelace"].met
    assert rows["Ada Lovelace"].research_notes == "Keynote on engines"
    people.table.selectRow(1)
    qtbot.mouseClick(people.remove_button, Qt.MouseButton.LeftButton)
    assert [r.name for r in events.people.list(sample["conf"])] == ["Ada Lovelace"]


def _type(qtbot, dialog, text: str) -> None:
    """Type into the focused field; Esc closes the suggestions if they opened (and, offscreen,
    the dialog is made active again: there a closed popup stays the active window)."""
    qtbot.keyClicks(_focused(dialog), text)
    popup = dialog.completer.popup()
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
    dialog.activateWindow()


def _key(qtbot, dialog, key: Qt.Key) -> None:
    qtbot.keyClick(_focused(dialog), key)


def test_quick_capture_keyboard_only(view, qtbot, events, sample) -> None:
    view.select(sample["past"])
    events.people.add(sample["past"], sample["Ada"])
    qtbot.keyClick(view.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = view.capture_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    assert _focused(dialog) is dialog.name
    qtbot.keyClicks(_focused(dialog), "ada")
    popup = dialog.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == "Ada Lovelace — Analytical  ·  on the list"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    dialog.activateWindow()
    assert dialog.match.text() == "Existing contact: Ada Lovelace — Analytical"
    assert (dialog.name.text(), dialog.organisation.text()) == ("Ada Lovelace", "Analytical")
    assert dialog.results == []
    _key(qtbot, dialog, Qt.Key.Key_Tab)
    _key(qtbot, dialog, Qt.Key.Key_Tab)
    assert _focused(dialog) is dialog.note
    _type(qtbot, dialog, "Talked about engines")
    _key(qtbot, dialog, Qt.Key.Key_Return)
    assert _focused(dialog) is dialog.name and dialog.name.text() == ""

    _type(qtbot, dialog, "Anna Berg")
    assert dialog.match.text() == "Existing contact: Anna Berg"
    _key(qtbot, dialog, Qt.Key.Key_Tab)
    assert _focused(dialog) is dialog.organisation
    _type(qtbot, dialog, "Acme")
    _key(qtbot, dialog, Qt.Key.Key_Return)

    _type(qtbot, dialog, "Linus Torvalds")
    assert dialog.match.text() == "New contact"
    _key(qtbot, dialog, Qt.Key.Key_Tab)
    _type(qtbot, dialog, "Linux")
    _key(qtbot, dialog, Qt.Key.Key_Tab)
    _type(qtbot, dialog, "kernel maintainers")
    _key(qtbot, dialog, Qt.Key.Key_Return)

    assert [(r.name, r.created) for r in dialog.results] == [
        ("Ada Lovelace", False),
        ("Anna Berg", False),
        ("Linus Torvalds", True),
    ]
    assert dialog.captured.item(0).text() == (
        "Linus Torvalds (Linux) — new contact, follow up Fri, 13 Mar"
    )
    assert dialog.count.text() == "3 people captured"
    linus = Contact.get_by_id(dialog.results[2].contact_id)
    assert (linus.met_at_id, linus.how_met) == (sample["past"], "Met at Old social (06 Mar 2026)")
    followups = FollowUp.select().where(FollowUp.event == sample["past"])
    assert sorted(f.due_at.date() for f in followups) == [date(2026, 3, 13)] * 3
    assert {f.contact_id for f in followups} == {r.contact_id for r in dialog.results}
    assert Contact.select().count() == 3
    assert [p.name for p in events.people.list(sample["past"]) if p.met] == [
        "Ada Lovelace",
        "Anna Berg",
        "Linus Torvalds",
    ]
    dialog.activateWindow()
    qtbot.keyClick(_focused(dialog), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.count.text() == "2 people captured"
    assert dialog.captured.item(0).text().startswith("Anna Berg (Acme) — existing contact")
    assert Contact.get_or_none(Contact.id == linus.id) is None
    _key(qtbot, dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert view.panel.tabs.currentIndex() == 2


def _ink(image: QImage) -> QImage:
    """The part of `image` drawn on its background (its first pixel's colour)."""
    background = image.pixel(0, 0)
    inked = [
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixel(x, y) != background
    ]
    xs, ys = [x for x, _ in inked], [y for _, y in inked]
    return image.copy(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def test_a_captured_korean_name_has_the_same_mark_as_the_others(qtbot, events, sample) -> None:
    """The "✓" before "민준 김" took the Hangul font of the name after it and drew as "√"."""
    dialog = CaptureDialog(events, sample["past"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for name in ("민준 김", "Jane Newperson"):
        dialog.name.setText(name)
        dialog.save_current()
    listed = dialog.captured
    marks = []
    for row in (0, 1):
        rect = listed.visualItemRect(listed.item(row))
        rect.setWidth(listed.fontMetrics().horizontalAdvance("✓ "))  # the mark, before the name
        marks.append(_ink(listed.viewport().grab(rect).toImage()))
    assert marks[0] == marks[1]
    assert [listed.item(row).text()[:7] for row in (0, 1)] == ["Jane Ne", "민준 김 — "]


def test_review_panel(view, qtbot, events, sample) -> None:
    event_id = sample["past"]
    draft = events.load(event_id)
    draft.goals, draft.goal_target = "Meet three analytics engineers", 3
    events.update(event_id, draft)
    events.people.add(event_id, sample["Ada"])
    events.people.add(event_id, sample["Anna"])
    events.capture(event_id, "Ada Lovelace")
    events.capture(event_id, "Someone New")
    view.select(event_id)
    review = view.panel.review
    assert review.goal.text() == "Meet three analytics engineers"
    assert review.goal_line.text() == "Met 2 of 3: 1 to go."
    assert review.want_line.text() == "Met 1 of the 2 you wanted to meet."
    assert review.missed.item(0).text() == "Anna Berg"
    assert review.met.count() == 2
    events.capture(event_id, "Anna Berg")
    qtbot.waitUntil(lambda: review.goal_line.text() == "Goal reached: met 3 of 3.")
    assert review.missed.item(0).text() == "Nobody left."


def test_the_review_gives_met_and_not_met_the_same_width(view, qtbot, events, sample) -> None:
    """At 1024 pixels Met was narrower than Not met yet (175 vs 200 px: the width of "Nobody
    marked as want-to-meet." beside the bars), so its names scrolled sideways."""
    view.resize(860, 700)  # the view in a 1024x768 window
    view.select(sample["past"])
    view.panel.tabs.setCurrentIndex(2)
    review = view.panel.review
    qtbot.waitUntil(lambda: review.want_line.text() == "Nobody marked as want-to-meet.")
    QApplication.processEvents()
    assert abs(review.met.width() - review.missed.width()) <= 1


def test_printable_brief(view, events, sample, tmp_path) -> None:
    event_id = sample["conf"]
    draft = events.load(event_id)
    draft.goals, draft.goal_target = "Talk to <b>hiring</b> managers", 2
    draft.pitch_text = "I build pipelines."
    draft.conversation_starters = "Which talk next?\n- How do you test pipelines?"
    events.update(event_id, draft)
    events.people.add(event_id, sample["Ada"], "speaker", research_notes="Keynote Tue")
    page = brief_html(events, event_id)
    assert "Talk to &lt;b&gt;hiring&lt;/b&gt; managers" in page
    assert "Tue, 14 Apr 2026 09:00 – Thu, 16 Apr 2026 18:00 CEST" in page
    assert "<li>How do you test pipelines?</li>" in page
    assert "3 words · about 1 s" in page
    assert "Keynote Tue" in page and "☑ Registered" in page and "☐ Travel booked" in page
    target = tmp_path / "brief.pdf"
    save_pdf(page, str(target))
    assert target.read_bytes().startswith(b"%PDF")


def test_delete_asks_and_ctrl_z_brings_the_event_back(view, qtbot, events, sample, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.select(sample["conf"])
    rows = view.model.rowCount()
    view.delete_current()
    qtbot.waitUntil(lambda: view.model.rowCount() == rows - 1)
    assert events.get(sample["conf"]) is None and "Ctrl+Z" in view.message.text()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.model.rowCount() == rows)
    assert events.get(sample["conf"]).name == "PyCon DE"
    assert view.current_id() == sample["conf"]
    assert not view.undo_action.isEnabled()


def _counting_reads(monkeypatch, events) -> list[bool]:
    """Each read of the list from now on: whether it ran on the GUI thread."""
    import threading

    reads: list[bool] = []
    read = events.list

    def counted(*args: str) -> list:
        reads.append(threading.current_thread() is threading.main_thread())
        return read(*args)

    monkeypatch.setattr(events, "list", counted)
    return reads


def test_changes_are_shown_once_a_turn_read_off_the_gui_thread(
    view, qtbot, services, events, sample, monkeypatch
) -> None:
    """A follow-up marked done publishes three changes: the list is read once, on a worker,
    and the selected event stays selected; the panel is read again only for a change that may
    concern its event."""
    view.select(sample["conf"])
    reads = _counting_reads(monkeypatch, events)
    refreshed: list[int] = []
    monkeypatch.setattr(view.panel, "present", lambda read: refreshed.append(read.event_id))
    draft = events.load(sample["meetup"])
    draft.name = "Data meetup (moved)"
    events.update(sample["meetup"], draft, publish=False)
    for topic in ("followups", "interactions", "contacts"):
        services.changes.publish(topic, [sample["Ada"]])
    assert reads == [] and "Data meetup" in _column(view, "Event")
    qtbot.waitUntil(lambda: "Data meetup (moved)" in _column(view, "Event"))
    assert reads == [False] and refreshed == []
    assert view.current_id() == sample["conf"]
    assert view.table.currentIndex().row() == view.model.row_of(sample["conf"])
    services.changes.publish("events", [sample["conf"]])
    qtbot.waitUntil(lambda: refreshed != [])
    assert reads == [False, False] and refreshed == [sample["conf"]]


def _statements_on_gui_thread(monkeypatch) -> list[str]:
    """Each SQL statement run on the GUI thread from now on."""
    import threading

    from netdesk.store.models import db

    statements: list[str] = []
    database = db.obj
    execute = database.execute_sql

    def counted(sql: str, *args, **kwargs):
        if threading.current_thread() is threading.main_thread():
            statements.append(sql)
        return execute(sql, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", counted)
    return statements


def test_a_change_to_the_event_shown_is_read_off_the_gui_thread(
    view, qtbot, events, sample, monkeypatch
) -> None:
    """The panel shows a change to its event, its people and its review, read on the view's
    worker: no statement runs on the GUI thread (26-107 ms there before, for 30 people)."""
    event_id = sample["conf"]
    view.select(event_id)
    panel = view.panel
    statements = _statements_on_gui_thread(monkeypatch)
    draft = events.load(event_id)
    draft.name, draft.goals = "PyCon DE 2026", "Meet two maintainers"
    events.update(event_id, draft)
    events.people.add(event_id, sample["Ada"])
    del statements[:]  # the writes above are the test's
    qtbot.waitUntil(lambda: panel.prep.people.table.rowCount() == 1)
    assert panel.heading.text() == panel.editor.name.text() == "PyCon DE 2026"
    assert panel.prep.goals.toPlainText() == "Meet two maintainers"
    assert panel.review.goal.text() == "Meet two maintainers"
    assert panel.prep.people.contact_ids == {sample["Ada"]}
    assert not panel.save_button.isEnabled()
    assert statements == []


def test_a_change_read_while_editing_keeps_the_edit(view, qtbot, events, sample) -> None:
    """An edit in progress is not overwritten by a change read on the worker: the people, the
    review and the profiles are shown anew, the fields typed in stay, unsaved."""
    event_id = sample["conf"]
    view.select(event_id)
    panel = view.panel
    panel.editor.name.setFocus()
    panel.editor.name.selectAll()
    qtbot.keyClicks(panel.editor.name, "My conference")
    panel.prep.goals.setPlainText("Typed, not saved")
    assert panel.dirty
    events.people.add(event_id, sample["Anna"])
    events.capture(event_id, "Anna Berg")
    qtbot.waitUntil(lambda: panel.prep.people.table.rowCount() == 1)
    qtbot.waitUntil(lambda: panel.review.met.item(0).text() == "Anna Berg")
    assert panel.editor.name.text() == "My conference"
    assert panel.prep.goals.toPlainText() == "Typed, not saved"
    assert panel.dirty and panel.save_button.isEnabled()
    assert panel.heading.text() == "PyCon DE"
    assert events.load(event_id).name == "PyCon DE"
    assert panel.save() and events.load(event_id).name == "My conference"


def test_a_read_of_an_event_no_longer_shown_is_dropped(view, events, sample) -> None:
    """A read begun for one event whose answer comes after another is selected is not shown."""
    view.select(sample["conf"])
    events.people.add(sample["conf"], sample["Ada"])
    read = view.panel.read()
    assert read is not None
    view.select(sample["meetup"])
    view.panel.present(read())
    assert view.current_id() == sample["meetup"]
    assert view.panel.heading.text() == "Data meetup"
    assert view.panel.prep.people.table.rowCount() == 0


def test_a_hidden_view_reads_the_changes_when_shown(
    view, qtbot, services, events, sample, monkeypatch
) -> None:
    reads = _counting_reads(monkeypatch, events)
    view.hide()
    draft = events.load(sample["past"])
    draft.name = "Old social (renamed)"
    events.update(sample["past"], draft)
    services.changes.publish("contacts", [])
    qtbot.wait(30)
    assert reads == [] and "Old social" in _column(view, "Event")
    view.show()
    qtbot.waitUntil(lambda: "Old social (renamed)" in _column(view, "Event"))
    assert reads == [False]


def test_selecting_an_event_a_change_made_reads_the_list_at_once(view, events) -> None:
    """Ctrl+N, a restore, another view asking for an event: it is selected at once."""
    new_id = events.create(EventDraft(name="Career fair", starts_at=NOW + timedelta(days=9)))
    view.select(new_id)
    assert view.current_id() == new_id
    assert view.panel.heading.text() == "Career fair"


def test_with_no_event_to_select_the_panel_says_why_and_what_to_do(qtbot, services) -> None:
    """ "Select an event" over an empty list asked for what is not there: a new network says how
    to add events, a filter nothing matches says so, and a list with events asks for one."""
    widget = _shown_view(qtbot, services)
    placeholder = widget.placeholder
    qtbot.waitUntil(lambda: placeholder.text().startswith("No events yet."))
    assert widget.right.currentWidget() is placeholder and placeholder.isVisible()
    assert "drop an .ics calendar file on this window" in placeholder.text()
    services.events.create(EventDraft(name="Data meetup", starts_at=NOW + timedelta(days=2)))
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1)
    assert placeholder.text() == "Select an event, or press Ctrl+N to plan a new one."
    widget.kind_filter.setCurrentIndex(widget.kind_filter.findData("social"))
    qtbot.waitUntil(lambda: widget.model.rowCount() == 0)
    assert placeholder.text().startswith("No event matches these filters.")


@pytest.mark.parametrize(
    ("rows", "filtered", "start"),
    [
        (3, False, "Select an event"),
        (3, True, "Select an event"),
        (0, True, "No event matches"),
        (0, False, "No events yet"),
    ],
)
def test_the_placeholder_fits_the_list(rows: int, filtered: bool, start: str) -> None:
    from netdesk.ui.events.view import placeholder_text

    assert placeholder_text(rows, filtered).startswith(start)
