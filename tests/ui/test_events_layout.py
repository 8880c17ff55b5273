"""The Events view in the whole window at common laptop sizes: nothing pushed off screen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from netdesk.core.events import EventDraft
from netdesk.store.models import Event
from netdesk.ui.events import EventsView
from netdesk.ui.events.model import COLUMNS
from netdesk.ui.events.people_table import NOTES
from netdesk.ui.plain import plain_tooltip

LONG_NAME = "PyCon DE & PyData Berlin 2026: three days of talks, sprints and socials"


@pytest.fixture
def events_view(qtbot, app_window) -> EventsView:
    """The Events view with a long-named event selected."""
    events = app_window.services.events
    start = app_window.services.clock.now() + timedelta(days=30)
    long_id = events.create(
        EventDraft(
            name=LONG_NAME,
            starts_at=start,
            ends_at=start + timedelta(days=2),
            timezone="Europe/Berlin",
            kind="conference",
            status="registered",
            place="Berlin Congress Center, Alexanderplatz 11, 10178 Berlin",
        )
    )
    events.create(EventDraft(name="Data meetup", starts_at=start - timedelta(days=20)))
    view = app_window.show_view("events")
    view.reload()
    view.select(long_id)
    return view


def _resize(qtbot, window, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    qtbot.wait(20)  # layouts settle in the next turns of the event loop


def _shown(table, title: str) -> bool:
    column = COLUMNS.index(title)
    header = table.horizontalHeader()
    left = header.sectionViewportPosition(column)
    return not header.isSectionHidden(column) and (
        left >= 0 and left + header.sectionSize(column) <= table.viewport().width()
    )


def test_the_list_at_1280_by_800_keeps_the_name_readable(qtbot, app_window, events_view):
    """A long name takes 200 px before the place and people columns (which make room)."""
    _resize(qtbot, app_window, 1280, 800)
    table = events_view.table
    for title in ("When", "Event", "Kind", "Status", "Prep"):
        assert _shown(table, title), title
    assert table.horizontalScrollBar().maximum() == 0
    assert table.horizontalHeader().sectionSize(COLUMNS.index("Event")) >= 200


def test_the_event_panel_fits_at_1024_by_768(qtbot, app_window, events_view) -> None:
    _resize(qtbot, app_window, 1024, 768)
    panel = events_view.panel
    assert panel.heading.text() == LONG_NAME
    assert panel.heading.toolTip() == plain_tooltip(LONG_NAME)
    assert panel.heading.minimumSizeHint().width() == 0  # a long name never widens the panel
    assert panel.mapTo(app_window, panel.rect().bottomRight()).x() < app_window.width()
    assert panel.tabs.width() >= panel.tabs.minimumWidth()
    assert events_view.table.width() > 300


def test_the_prep_brief_fits_at_1280_by_800(qtbot, app_window, events_view) -> None:
    """A long research note and a long pitch title end with "…" and show whole in tooltips: the
    people list does not scroll sideways and the pitch's name is readable."""
    events = app_window.services.events
    event_id = events_view.panel.event_id
    note = "Keynote on streaming joins at PyData; ask about their Airflow to Dagster move " * 3
    person = events.people.add_new(event_id, "Maria Schmidt-Hohenberg", "Deutsche Bahn", "speaker")
    events.people.update(person, research_notes=note)
    title = "Data engineer looking for platform roles in Berlin"
    prep = events_view.panel.prep
    prep.pitch_text.setPlainText("I build data platforms.")
    prep.save_pitch_as(title)
    events_view.panel.tabs.setCurrentWidget(prep)
    _resize(qtbot, app_window, 1280, 800)
    table = prep.people.table
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert table.horizontalScrollBar().maximum() == 0
    assert table.item(0, NOTES).toolTip() == plain_tooltip(note)
    combo = prep.pitch_choice
    assert combo.currentText().startswith(title)
    assert combo.toolTip() == plain_tooltip(combo.currentText())
    assert combo.width() >= combo.fontMetrics().horizontalAdvance("Data engineer looking for")
    combo.showPopup()  # the list is as wide as the longest name
    assert combo.view().width() >= combo.fontMetrics().horizontalAdvance(combo.currentText())
    combo.hidePopup()


@pytest.mark.parametrize(("size", "wanted"), [((1024, 768), 180), ((1920, 1080), 200)])
def test_the_event_name_gets_the_room(qtbot, app_window, events_view, size, wanted) -> None:
    """The name is as wide as its text (up to 200 px; 180 at 1024, "Product Leaders Dinner"
    whole); a narrow list drops place, people, kind and prep first, never When, Event or
    Status, and never scrolls sideways."""
    _resize(qtbot, app_window, *size)
    table = events_view.table
    events_view.table.selectRow(1)  # "Data meetup"
    width = table.horizontalHeader().sectionSize(COLUMNS.index("Event"))
    assert width >= min(table.sizeHintForColumn(COLUMNS.index("Event")), wanted)
    assert width >= table.fontMetrics().horizontalAdvance("Product Leaders Dinner")
    assert width >= table.fontMetrics().horizontalAdvance("Data meetup")
    assert all(_shown(table, title) for title in ("When", "Event", "Status"))
    assert table.horizontalScrollBar().maximum() == 0
    if size[0] == 1920:
        assert all(_shown(table, title) for title in COLUMNS)


def test_the_prep_brief_at_1024_by_768(qtbot, app_window, events_view) -> None:
    """The checklist is in view without scrolling; names and organisations are readable (each
    word whole, wrapped rather than cut); someone added is an attendee unless you say."""
    events = app_window.services.events
    event_id = events_view.panel.event_id
    events.people.add_new(event_id, "Jürgen Gärtner", "Accenture", "speaker")
    prep = events_view.panel.prep
    events_view.panel.tabs.setCurrentWidget(prep)
    _resize(qtbot, app_window, 1024, 768)
    box = prep.checks["travel"]
    bottom = box.mapTo(prep.viewport(), box.rect().bottomLeft()).y()
    assert prep.verticalScrollBar().value() == 0
    assert 0 < bottom <= prep.viewport().height()
    table = prep.people.table
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    metrics = table.fontMetrics()
    for column, word in ((1, "Gärtner"), (2, "Accenture")):
        assert table.columnWidth(column) >= metrics.horizontalAdvance(word) + 8, word
    assert prep.people.role.currentText() == "Attendee"


def test_a_status_from_a_file_shows_without_a_colour(qtbot, app_window, events_view) -> None:
    """An imported database may hold a status NetDesk does not name ("going"): the list shows
    it as it is, in the text colour, instead of failing on its colour."""
    Event.update(status="going").where(Event.name == LONG_NAME).execute()
    events_view.reload()
    model = events_view.table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == LONG_NAME)
    status = model.index(row, COLUMNS.index("Status"))
    assert status.data() == "Going"
    assert status.data(Qt.ItemDataRole.ForegroundRole) is None
    events_view.grab()
