"""The Companies view through pytest-qt: the list and its counts, a company's people and events,
the search, targets with the keyboard and undo, a target nobody works at, opening a person."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from netdesk.core.interactions import log_interaction
from netdesk.core.opportunities import OpportunityDraft
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, Employment, Event, EventPerson
from netdesk.ui.companies.panel import SNUG_ROOM
from netdesk.ui.companies.view import CompaniesView
from netdesk.ui.plain import plain_tooltip
from tests.core.test_worker_thread import _lowered, _nice, linux_only
from tests.fake_time import NOW
from tests.ui.windows import current_view

STORED_NOW = NOW.astimezone(UTC).replace(tzinfo=None)


def _names(view: CompaniesView) -> list[str]:
    return [row.name for row in view.model.rows]


def _cells(model) -> list[tuple[str, ...]]:
    return [row.cells for row in model.rows]


def _settle(qtbot) -> None:
    qtbot.wait(1)
    QApplication.processEvents()


@pytest.fixture
def people(services) -> dict[str, int]:
    def person(name: str, organisation: str = "", **fields) -> int:
        given, family = name.split()
        draft = ContactDraft(given_name=given, family_name=family, organisation=organisation)
        contact_id: int = services.contacts.create(draft)
        if fields:
            Contact.update(**fields).where(Contact.id == contact_id).execute()
        return contact_id

    ids = {
        "Ana": person("Ana Lima", "Acme Analytics", circle="colleague"),
        "Bo": person("Bo Berg", "Acme Analytics", circle="mentor"),
        "Cy": person("Cy Chen", "acme analytics", circle="colleague"),
        "Di": person("Di Dunn", "Globex"),
        "Ed": person("Ed Ames", "Blue Acme"),
        "Fay": person("Fay Hill"),
    }
    for name, days in (("Ana", 40), ("Cy", 3), ("Di", 10)):
        when = STORED_NOW - timedelta(days=days)
        log_interaction(services.changes, ids[name], occurred_at=when)
    pycon = Event.create(name="PyCon", starts_at=STORED_NOW - timedelta(days=20), status="attended")
    EventPerson.create(event=pycon, contact=ids["Bo"], role="speaker")
    EventPerson.create(event=pycon, contact=ids["Fay"], met=True)
    return ids


@pytest.fixture
def view(qtbot, services, people):
    widget = CompaniesView(services)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_list_shows_each_company_with_its_people_and_last_contact(view) -> None:
    assert _names(view) == ["Acme Analytics", "Blue Acme", "Globex"]
    model = view.model
    cells = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert cells == [
        ["Acme Analytics", "3", "3 days ago", ""],
        ["Blue Acme", "1", "—", ""],
        ["Globex", "1", "10 days ago", ""],
    ]
    assert view.count.text() == "3 companies"


def test_the_selected_company_shows_its_people_by_circle_and_its_events(view, people) -> None:
    assert view.current_id() is not None and view.panel.heading.text() == "Acme Analytics"
    assert view.panel.summary.text() == "3 people · last contact 3 days ago"
    assert _cells(view.panel.people.model) == [
        ("Cy Chen", "", "colleague", "3 days ago"),
        ("Ana Lima", "", "colleague", "5 weeks ago"),
        ("Bo Berg", "", "mentor", "—"),
    ]
    assert [cells[1:] for cells in _cells(view.panel.events.model)] == [
        ("PyCon", "Bo Berg (speaker)")
    ]
    assert view.panel.nobody.isHidden() and view.panel.ways.table.isHidden()
    assert view.panel.former.table.isHidden()


def test_sorting_by_people_puts_the_largest_first(view) -> None:
    view.table.horizontalHeader().sectionClicked.emit(1)
    assert _names(view)[0] == "Acme Analytics"
    view.table.horizontalHeader().sectionClicked.emit(0)
    assert _names(view) == ["Acme Analytics", "Blue Acme", "Globex"]


def test_search_puts_the_company_named_first_and_selects_it(qtbot, view) -> None:
    view.find_action.trigger()
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, "acme")
    assert _names(view) == ["Acme Analytics", "Blue Acme"]
    assert view.panel.heading.text() == "Acme Analytics"
    view.search.clear()
    qtbot.keyClicks(view.search, "blue ac")
    assert _names(view) == ["Blue Acme"] and view.panel.heading.text() == "Blue Acme"
    assert view.count.text() == "1 of 3 companies"
    qtbot.keyClicks(view.search, "x")
    assert _names(view) == [] and view.right.currentWidget() is view.placeholder


def test_ctrl_t_marks_a_target_and_undo_unmarks_it(qtbot, view) -> None:
    view.select(view.model.rows[2].id)  # Globex
    qtbot.keyClick(view.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert view.panel.target_button.isChecked()
    assert view.model.index(view.model.row_of(view.current_id()), 3).data() == "★"
    assert view.undo_action.text() == "&Undo Mark Globex as a target"
    view.targets_only.setChecked(True)
    assert _names(view) == ["Globex"] and view.count.text() == "1 of 3 companies"
    view.undo_action.trigger()
    assert _names(view) == [] and not view.companies.rows(targets_only=True)
    view.targets_only.setChecked(False)
    view.redo_action.trigger()
    assert [row.name for row in view.companies.rows(targets_only=True)] == ["Globex"]


def test_the_target_button_toggles_the_mark(qtbot, view) -> None:
    qtbot.mouseClick(view.panel.target_button, Qt.MouseButton.LeftButton)
    assert view.panel.target_button.text() == "★ Target"
    qtbot.mouseClick(view.panel.target_button, Qt.MouseButton.LeftButton)
    assert view.panel.target_button.text() == "☆ Mark as target"
    assert not view.companies.rows(targets_only=True)


def test_a_target_nobody_works_at_says_so_and_suggests_ways_in(
    qtbot, services, view, people
) -> None:
    talk = Event.create(
        name="Initech Tech Talk",
        starts_at=STORED_NOW - timedelta(days=5),
        organiser="Initech",
        status="attended",
    )
    EventPerson.create(event=talk, contact=people["Fay"], met=True)
    view.add_target("Initech")
    assert view.panel.heading.text() == "Initech" and view.panel.target_button.isChecked()
    assert view.panel.summary.text() == "0 people"
    assert view.panel.people.table.isHidden()
    assert view.panel.nobody.text() == (
        "You know nobody at Initech yet. These people could introduce you:"
    )
    assert [cells[:2] for cells in _cells(view.panel.ways.model)] == [
        ("Fay Hill", "met at Initech's Initech Tech Talk")
    ]
    assert [cells[1:] for cells in _cells(view.panel.events.model)] == [
        ("Initech Tech Talk", "organised by Initech")
    ]
    view.undo_action.trigger()
    assert "Initech" not in _names(view)
    assert services.companies.rows(targets_only=True) == []


def test_people_who_used_to_work_there_are_listed_and_open(qtbot, view, people) -> None:
    Employment.create(contact=people["Di"], organisation="Acme Analytics", title="Analyst")
    view.pending.note("employment", [people["Di"]])
    view.refresh()
    assert view.panel.summary.text() == (
        "3 people · last contact 3 days ago · 1 person used to work there"
    )
    assert _cells(view.panel.former.model) == [("Di Dunn", "Analyst", "", "Globex")]
    opened: list[int] = []
    view.contact_requested.connect(opened.append)
    table = view.panel.former.table
    table.setFocus()
    table.setCurrentIndex(view.panel.former.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == [people["Di"]]


def test_a_target_with_no_way_in_says_what_to_record(view) -> None:
    view.add_target("Hooli")
    assert view.panel.ways.table.isHidden()
    assert view.panel.nobody.text().startswith("You know nobody at Hooli yet. No way in")


def test_the_list_follows_changes_made_elsewhere(qtbot, services, view, people) -> None:
    services.contacts.update(people["Di"], ContactDraft(given_name="Di", family_name="Dunn"))
    qtbot.waitUntil(lambda: "Globex" not in _names(view))
    gil = ContactDraft(given_name="Gil", family_name="Gray", organisation="Hooli")
    services.contacts.create(gil)
    qtbot.waitUntil(lambda: "Hooli" in _names(view))


def test_a_change_reads_again_only_the_companies_it_touched(
    qtbot, services, view, people, monkeypatch
) -> None:
    read_all: list[bool] = []
    rows = services.companies.rows
    monkeypatch.setattr(services.companies, "rows", lambda: read_all.append(True) or rows())
    log_interaction(services.changes, people["Ed"], occurred_at=STORED_NOW - timedelta(days=1))
    qtbot.waitUntil(lambda: view.model.index(1, 2).data() == "yesterday")
    move = ContactDraft(given_name="Di", family_name="Dunn", organisation="Blue Acme")
    services.contacts.update(people["Di"], move)
    qtbot.waitUntil(lambda: _names(view) == ["Acme Analytics", "Blue Acme"])
    assert [row.people for row in view.model.rows] == [3, 2] and read_all == []
    services.changes.publish("imports", [1])
    qtbot.waitUntil(lambda: read_all == [True])


def test_ctrl_n_asks_for_a_target_by_name(qtbot, view, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Umbrella", True))
    view.add_action.trigger()
    assert view.panel.heading.text() == "Umbrella" and view.panel.target_button.isChecked()


def test_enter_on_a_person_opens_them_in_contacts(qtbot, people, app_window) -> None:
    companies = app_window.show_view("companies")
    _settle(qtbot)
    companies.select(companies.model.rows[0].id)
    table = companies.panel.people.table
    table.setFocus()
    table.setCurrentIndex(companies.panel.people.model.index(2, 0))  # Bo Berg
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert current_view(app_window) == "contacts"
    assert app_window.views["contacts"].editor.contact_id == people["Bo"]


def test_enter_on_an_event_opens_it_in_events(qtbot, people, app_window) -> None:
    companies = app_window.show_view("companies")
    _settle(qtbot)
    table = companies.panel.events.table
    table.setFocus()
    table.setCurrentIndex(companies.panel.events.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert current_view(app_window) == "events"
    assert app_window.views["events"].panel.event_id == companies.panel.events.model.row_id(0)


def _counted_reads(services, monkeypatch) -> list[bool]:
    """Each read of the whole list from now on: whether it ran on the GUI thread."""
    import threading

    readers: list[bool] = []
    rows = services.companies.rows

    def read() -> list:
        readers.append(threading.current_thread() is threading.main_thread())
        return rows()

    monkeypatch.setattr(services.companies, "rows", read)
    return readers


def test_an_import_while_hidden_is_read_ahead_off_the_gui_thread(
    qtbot, services, view, monkeypatch
) -> None:
    readers = _counted_reads(services, monkeypatch)
    view.hide()
    services.contacts.create(
        ContactDraft(given_name="Gil", family_name="Gray", organisation="Hooli")
    )
    services.changes.publish("imports", [1])
    view.show()
    assert "Hooli" in _names(view) and readers == [False]


@pytest.mark.parametrize("ended", [False, True], ids=["running", "ended"])
def test_the_first_showing_takes_the_list_read_ahead_when_the_view_was_made(
    qtbot, services, people, monkeypatch, ended
) -> None:
    """Running when shown it is waited for; ended before, it was kept (it was dropped, and
    5,000 companies read again on the GUI thread: ~80 ms of the first showing)."""
    readers = _counted_reads(services, monkeypatch)
    widget = CompaniesView(services)
    qtbot.addWidget(widget)
    if ended:
        qtbot.waitUntil(lambda: not widget.prefetch.busy)
    widget.show()
    assert _names(widget) == ["Acme Analytics", "Blue Acme", "Globex"] and readers == [False]


@linux_only
def test_the_read_ahead_leaves_the_gui_thread_a_core(qtbot, services, people, monkeypatch) -> None:
    """Nobody waits for it while it runs (start-up makes the view hidden; 5,000 companies took
    0.15-0.4 s of CPU as the other views were made): it runs at a lower priority."""
    nices: list[int] = []
    rows = services.companies.rows
    monkeypatch.setattr(services.companies, "rows", lambda: nices.append(_nice()) or rows())
    widget = CompaniesView(services)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.prefetch.busy)
    assert nices == [_lowered()]


def test_a_change_after_a_read_ahead_ended_is_read_ahead_again(
    qtbot, services, view, monkeypatch
) -> None:
    readers = _counted_reads(services, monkeypatch)
    view.hide()
    services.changes.publish("imports", [1])
    qtbot.waitUntil(lambda: not view.prefetch.busy)
    services.contacts.create(
        ContactDraft(given_name="Gil", family_name="Gray", organisation="Hooli")
    )
    qtbot.waitUntil(lambda: not view.prefetch.busy)
    view.show()
    assert "Hooli" in _names(view) and readers == [False, False]


def test_a_change_after_the_read_ahead_began_is_read_again(qtbot, services, view) -> None:
    view.hide()
    services.changes.publish("imports", [1])
    services.contacts.create(
        ContactDraft(given_name="Gil", family_name="Gray", organisation="Hooli")
    )
    view.show()
    assert "Hooli" in _names(view)
    view.hide()
    services.changes.publish("imports", [1])
    view.close()  # waits for the read ahead: nothing runs once the store closes


def test_a_change_to_a_few_companies_repaints_the_list_in_place(qtbot, view, people) -> None:
    resets: list[bool] = []
    changed: list[int] = []
    view.model.modelReset.connect(lambda: resets.append(True))
    view.model.dataChanged.connect(lambda first, last: changed.append(last.row() - first.row()))
    log_interaction(view.companies.changes, people["Ed"], occurred_at=STORED_NOW)
    qtbot.waitUntil(lambda: view.model.index(1, 2).data() == "today")
    assert resets == [] and changed and _names(view) == ["Acme Analytics", "Blue Acme", "Globex"]
    view.add_target("Hooli")  # a company more: the list is laid out again
    assert resets and "Hooli" in _names(view)


def test_a_long_name_cut_in_the_list_reads_whole_in_its_tooltip_and_heading(
    qtbot, app_window
) -> None:
    """At 1024x768 the list and the heading showed "Internationale Ges…" and no more of it."""
    name = "Internationale Gesellschaft für Zusammenarbeit und Entwicklung mbH"
    app_window.services.contacts.create(  # announced to the window's views
        ContactDraft(given_name="Ivan", family_name="Winova", organisation=name)
    )
    app_window.resize(1024, 768)
    view = app_window.show_view("companies")
    qtbot.waitUntil(lambda: name in _names(view) and app_window.width() == 1024)
    view.select(view.model.rows[_names(view).index(name)].id)
    _settle(qtbot)
    index = view.model.index(_names(view).index(name), 0)
    column = view.table.columnWidth(0)
    assert view.table.fontMetrics().horizontalAdvance(name) > column  # cut in the list
    assert index.data(Qt.ItemDataRole.ToolTipRole) == plain_tooltip(name)
    heading = view.panel.heading  # the selected one's name on two lines, not cut
    room = heading.contentsRect()
    wrapped = heading.fontMetrics().boundingRect(room, Qt.TextFlag.TextWordWrap, name)
    assert heading.text() == name and wrapped.height() <= room.height()
    assert heading.fontMetrics().horizontalAdvance(name) > room.width()


def test_a_large_company_is_read_off_the_gui_thread_and_the_newest_selection_wins(
    qtbot, view, monkeypatch
) -> None:
    """A company of thousands froze the window while its people were read (58-65 ms at 4,354):
    above `READ_APART` people its detail is read on a worker; selecting another company
    meanwhile shows that one, never the older read's."""
    import threading

    from netdesk.ui.companies import view as view_module

    threads: list[bool] = []
    detail = view.companies.detail
    monkeypatch.setattr(
        view.companies,
        "detail",
        lambda company: (
            threads.append(threading.current_thread() is threading.main_thread()) or detail(company)
        ),
    )
    monkeypatch.setattr(view_module, "READ_APART", 2)  # Acme Analytics' 3 people read apart
    view.select(view.model.rows[2].id)  # Globex (1 person): at once, here
    assert view.panel.heading.text() == "Globex" and threads == [True]
    view.select(view.model.rows[0].id)  # Acme Analytics: on a worker
    assert view.panel.heading.text() == "Globex", "shown when read"
    qtbot.waitUntil(lambda: view.panel.heading.text() == "Acme Analytics", timeout=10_000)
    assert threads == [True, False]
    assert [cells[0] for cells in _cells(view.panel.people.model)] == [
        "Cy Chen",
        "Ana Lima",
        "Bo Berg",
    ]
    view.select(view.model.rows[1].id)  # Blue Acme…
    view.select(view.model.rows[2].id)  # …then Globex: at once, before any read of Blue Acme
    view.select(view.model.rows[0].id)  # Acme Analytics apart, then Globex again at once
    view.select(view.model.rows[2].id)
    qtbot.wait(50)
    assert view.panel.heading.text() == "Globex" and not view.detail_reader.busy


def _ways_in_shown(qtbot, services, app_window) -> CompaniesView:
    """Companies at 1024x768 with Monzo, a target nobody works at, and three people met at the
    forum it organised (its ways in)."""
    forum = Event.create(
        name="Fintech Forum 2026",
        starts_at=STORED_NOW - timedelta(days=20),
        organiser="Monzo",
        status="attended",
    )
    for name in ("Alo Emby", "Mohammed Garden", "Julia Rosworth"):
        given, family = name.split()
        met = services.contacts.create(ContactDraft(given_name=given, family_name=family))
        EventPerson.create(event=forum, contact=met, met=True)
    app_window.resize(1024, 768)
    view = app_window.show_view("companies")
    view.add_target("Monzo")
    table = view.panel.ways.table
    qtbot.waitUntil(lambda: app_window.width() == 1024 and table.isVisible())
    qtbot.wait(20)  # layouts settle in the next turns of the event loop
    return view


def test_a_target_s_ways_in_read_whole_at_1024x768(qtbot, services, app_window) -> None:
    """At 1024x768 "How" cut "met at Monzo's Fintech Forum …" beside a fixed 170 px "Who" and a
    110 px "When": those two are as wide as their cells, "How" has the rest."""
    view = _ways_in_shown(qtbot, services, app_window)
    table = view.panel.ways.table
    assert view.panel.ways.model.rows[0].cells[1] == "met at Monzo's Fintech Forum 2026"
    for column in range(3):
        assert table.sizeHintForColumn(column) <= table.columnWidth(column), column
    assert sum(table.columnWidth(column) for column in range(3)) <= table.viewport().width()


def test_the_ways_in_dates_keep_a_margin_to_the_table_s_edge(qtbot, services, app_window) -> None:
    """The last column, "When", was exactly as wide as "Fri, 13 Nov": the date touched the
    table's right edge, where the panel's other date columns leave room after theirs."""
    table = _ways_in_shown(qtbot, services, app_window).panel.ways.table
    header = table.horizontalHeader()
    date = table.model().index(0, 2).data()
    text_end = header.sectionViewportPosition(2) + table.fontMetrics().horizontalAdvance(date)
    assert table.viewport().width() - text_end >= SNUG_ROOM


def test_a_company_s_count_stands_apart_from_its_last_contact(view) -> None:
    """The count, right-aligned, ran into the date beside it: "13 10 days ago" read as one."""
    table, header = view.table, view.table.horizontalHeader()
    index = view.model.index(0, 1)
    right = Qt.AlignmentFlag(index.data(Qt.ItemDataRole.TextAlignmentRole)).value & 0x2
    width = table.fontMetrics().horizontalAdvance("105")  # the widest count a list shows
    start, size = header.sectionViewportPosition(1), header.sectionSize(1)
    count_end = start + size - 3 if right else start + (size + width) // 2  # 3: cell margin
    assert header.sectionViewportPosition(2) + 3 - count_end >= 10


def _crowded(qtbot, services, app_window, size: tuple[int, int], each: int) -> CompaniesView:
    """Companies at `size` showing Initech: 30 people, `each` who used to work there, `each`
    events with its people and `each` opportunities."""
    staff = [
        services.contacts.create(
            ContactDraft(given_name=f"P{n}", family_name="Staff", organisation="Initech")
        )
        for n in range(30)
    ]
    for n in range(each):
        former = services.contacts.create(
            ContactDraft(given_name=f"F{n}", family_name="Former", organisation="Globex")
        )
        Employment.create(contact=former, organisation="Initech", title="Analyst")
        meetup = Event.create(
            name=f"Meetup {n}", starts_at=STORED_NOW - timedelta(days=n + 1), status="attended"
        )
        EventPerson.create(event=meetup, contact=staff[n], met=True)
        services.opportunities.create(OpportunityDraft(f"Role {n}", "Initech"))
    app_window.resize(*size)
    view = app_window.show_view("companies")
    view.reload()  # the window (its services) was made before these rows
    qtbot.waitUntil(lambda: "Initech" in _names(view))
    view.search.setText("Initech")
    qtbot.waitUntil(lambda: view.panel.former.table.isVisible())
    qtbot.waitUntil(lambda: app_window.size().toTuple() == size)
    qtbot.wait(20)  # layouts settle in the next turns of the event loop
    return view


def test_a_short_table_is_as_tall_as_its_rows(qtbot, services, app_window) -> None:
    """At 1280x800 the three people who used to work at a company of many showed in a table
    with a scroll bar, beside a short Events table with room to spare."""
    panel = _crowded(qtbot, services, app_window, (1280, 800), 3).panel
    for section in (panel.former, panel.events, panel.opportunities):
        table = section.table
        assert table.model().rowCount() == 3
        assert not table.verticalScrollBar().isVisible(), section.title.text()
        assert table.viewport().height() >= 3 * table.rowHeight(0), section.title.text()
    assert panel.people.table.verticalScrollBar().isVisible()  # the long one gives way


def test_four_tables_of_four_rows_still_fit_1024x768(qtbot, services, app_window) -> None:
    panel = _crowded(qtbot, services, app_window, (1024, 768), 4).panel
    assert app_window.height() == 768 and panel.height() <= app_window.height()
    for section in (panel.former, panel.events, panel.opportunities):
        assert not section.table.verticalScrollBar().isVisible(), section.title.text()
