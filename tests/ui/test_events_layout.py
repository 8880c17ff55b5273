"""The Events view in the whole window at common laptop sizes: nothing pushed off screen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from netdesk.core.events import EventDraft
from netdesk.core.vocabulary import EVENT_STATUSES
from netdesk.store.models import Event
from netdesk.ui.events import EventsView
from netdesk.ui.events.model import COLUMNS
from netdesk.ui.events.people_table import NAME, NOTES, ORG
from netdesk.ui.name_cell import NameWithOrganisation
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


def _column(view, column: int) -> list[str]:
    return [view.model.index(row, column).data() for row in range(view.model.rowCount())]


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


def _in_view(prep, widget) -> bool:
    """`widget`'s top edge is inside the prep brief's visible area."""
    top = widget.mapTo(prep.viewport(), widget.rect().topLeft()).y()
    return 0 <= top < prep.viewport().height()


def test_the_prep_brief_at_1024_by_768(qtbot, app_window, events_view) -> None:
    """Goals, the checklist, four people to meet and the pitch with the starters beside it are
    in view without scrolling; names are whole on one line, the organisation under each (one
    column less than with it beside); someone added is an attendee unless you say."""
    events = app_window.services.events
    event_id = events_view.panel.event_id
    events.people.add_new(event_id, "Jürgen Gärtner", "Accenture", "speaker")
    for given in ("Julia Harston", "Leila Valell", "Talie Cohen"):
        events.people.add_new(event_id, given, "Google", "attendee")
    prep = events_view.panel.prep
    events_view.panel.tabs.setCurrentWidget(prep)
    _resize(qtbot, app_window, 1024, 768)
    table = prep.people.table
    qtbot.waitUntil(lambda: table.rowCount() == 4)

    def last_row_bottom() -> int:
        return table.visualRect(table.model().index(3, NAME)).bottom()

    # Every person in view, none scrolled, once the table has grown to its rows (its layouts
    # pass the request up a turn each: a fixed wait was too short on a loaded machine).
    qtbot.waitUntil(lambda: last_row_bottom() <= table.viewport().height())
    assert prep.verticalScrollBar().value() == 0
    box = prep.checks["travel"]
    assert 0 < box.mapTo(prep.viewport(), box.rect().bottomLeft()).y() <= prep.viewport().height()
    for widget in (table, prep.pitch_choice, prep.pitch_text, prep.starters):
        assert _in_view(prep, widget), widget
    metrics = table.fontMetrics()
    assert table.isColumnHidden(ORG)
    for word in ("Jürgen Gärtner", "Accenture"):
        assert table.columnWidth(NAME) >= metrics.horizontalAdvance(word) + 8, word
    assert isinstance(table.itemDelegateForColumn(NAME), NameWithOrganisation)
    jurgen = next(r for r in range(4) if table.item(r, NAME).text() == "Jürgen Gärtner")
    assert table.item(jurgen, NAME).toolTip() == plain_tooltip("Jürgen Gärtner\nAccenture")
    assert table.rowHeight(0) >= 2 * metrics.height()
    table.grab()
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


def test_a_status_from_a_file_is_shown_and_kept_by_the_editor(
    qtbot, app_window, events_view
) -> None:
    """The editor shows a status NetDesk does not name as it is (it failed on it when the
    event was shown); Save asks for a known one; the next event shows only the known ones."""
    event = Event.get(Event.name == LONG_NAME)
    Event.update(status="going").where(Event.id == event.id).execute()
    events_view.reload()
    events_view.select(event.id)
    panel = events_view.panel
    panel.show_event(event.id)
    assert panel.editor.status.currentText() == "Going"
    panel.editor.name.textEdited.emit("edited")
    assert not panel.save()
    assert panel.message.text() == "Unknown status 'going'."
    panel.editor.status.setCurrentIndex(panel.editor.status.findText("Attended"))
    assert panel.save()
    assert Event.get_by_id(event.id).status == "attended"
    other = next(e.id for e in Event.select() if e.id != event.id)
    events_view.select(other)
    assert panel.editor.status.count() == len(EVENT_STATUSES)


def test_at_1920_by_1080_the_panel_gets_the_room_the_list_does_not_need(
    qtbot, app_window, events_view
) -> None:
    """The list is as wide as its columns (every one shown, no empty half-window beside the
    names); the panel takes the rest, also when the window grew while another view was shown;
    a splitter you move stays where you put it."""
    app_window.show_view("contacts")
    _resize(qtbot, app_window, 1920, 1080)
    app_window.show_view("events")
    qtbot.wait(20)
    left, right = events_view.splitter.sizes()
    assert right > left, (left, right)
    assert all(_shown(events_view.table, title) for title in COLUMNS)
    events_view.splitter.splitterMoved.emit(1000, 1)
    events_view.splitter.setSizes([1000, left + right - 1000])
    _resize(qtbot, app_window, 1900, 1080)
    assert events_view.splitter.sizes()[0] >= 990


@pytest.mark.parametrize(
    ("size", "notes"), [((1024, 768), "Notes"), ((1280, 800), "Research notes")]
)
def test_the_people_list_titles_fit_their_columns(
    qtbot, app_window, events_view, size, notes
) -> None:
    """The people list's titles read whole: at 1024x768 "Research notes" was "Research no…", and
    is "Notes" there (its tooltip says "Research notes"), the name keeping the larger share."""
    events = app_window.services.events
    event_id = events_view.panel.event_id
    events.people.add_new(event_id, "Jürgen Grünewald", "Deutsche Telekom", "attendee")
    prep = events_view.panel.prep
    events_view.panel.tabs.setCurrentWidget(prep)
    _resize(qtbot, app_window, *size)
    table = prep.people.table
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    header = table.horizontalHeader()
    for column in range(header.count()):
        if not header.isSectionHidden(column):
            title = header.sectionSizeFromContents(column).width()
            assert header.sectionSize(column) >= title, table.horizontalHeaderItem(column).text()
    assert table.horizontalHeaderItem(NOTES).text() == notes
    assert table.horizontalHeaderItem(NOTES).toolTip() == "Research notes"
    assert table.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(NAME) >= table.fontMetrics().horizontalAdvance("Jürgen Grünewald")


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_columns_sized_to_their_text_are_never_narrower_than_it(
    qtbot, app_window, events_view, size
) -> None:
    """When, kind, status and people are as wide as their widest text (measured by the view
    once per list, not by the header at every layout); a longer text read after a change
    widens them."""
    _resize(qtbot, app_window, *size)
    table = events_view.table
    header = table.horizontalHeader()
    for title in ("When", "Kind", "Status", "People"):
        column = COLUMNS.index(title)
        if not header.isSectionHidden(column):
            assert header.sectionSize(column) >= table.sizeHintForColumn(column), title
    meetup = Event.get(Event.name == "Data meetup").id
    Event.update(status="waiting for the invitation").where(Event.id == meetup).execute()
    app_window.services.changes.publish("events", [meetup])  # a status from a synced file
    status = COLUMNS.index("Status")
    qtbot.waitUntil(lambda: "Waiting for the invitation" in _column(events_view, status))
    assert header.sectionSize(status) >= table.sizeHintForColumn(status)


def test_with_no_events_the_list_fits_its_columns_when_first_shown(app_window, qtbot) -> None:
    """With no event yet, Events at 1024x768 showed "When | Event | Ki" over an empty list with a
    sideways scroll bar: its columns kept their first widths (150, 200, 90… px) until a reload
    sized them."""
    _resize(qtbot, app_window, 1024, 768)
    view = app_window.show_view("events")
    qtbot.wait(20)
    assert view.model.rowCount() == 0
    assert view.table.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_with_no_events_the_list_keeps_the_names_room(app_window, qtbot, size) -> None:
    """The empty list at 1024x768 squeezed its titles ("When|Event|Kind|Status", Event 48 px)
    beside Prep and Where at their first 75 and 110 px: with no name to fit, Event keeps the
    200 px a list of events gives it, Where and People left out first as they would be."""
    _resize(qtbot, app_window, *size)
    view = app_window.show_view("events")
    qtbot.wait(20)
    table = view.table
    header = table.horizontalHeader()
    assert header.sectionSize(COLUMNS.index("Event")) >= 200
    for title in ("When", "Kind", "Status", "Prep"):
        assert _shown(table, title), title
    assert table.horizontalScrollBar().maximum() == 0


def test_the_details_tab_keeps_the_same_margins_as_the_other_tabs(
    qtbot, app_window, events_view
) -> None:
    """Details' form touched the tab's frame (0 px margins) where Prep brief and Review keep
    theirs, so its labels and fields sat further left and right than the other tabs'."""
    _resize(qtbot, app_window, 1024, 768)
    tabs = events_view.panel.tabs
    lefts = []
    for tab, widget in ((0, events_view.panel.editor.name), (2, events_view.panel.review.goal)):
        tabs.setCurrentIndex(tab)
        qtbot.wait(20)
        page = tabs.currentWidget()
        field = widget if tab == 2 else page.widget().layout().labelForField(widget)
        lefts.append(field.mapTo(page, field.rect().topLeft()).x())
    assert lefts[0] == lefts[1]
