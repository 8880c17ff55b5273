"""The contact list's columns: what fits at 1024 pixels, what you hide or show, what a restart
puts back (ui/contacts/column_layout.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu, QTableView

from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.ui.app import settings_for
from netdesk.ui.contacts.column_layout import HEADER_KEY, KEYS, ColumnLayout
from netdesk.ui.contacts.view import ContactsView
from netdesk.ui.name_cell import NameWithOrganisation
from netdesk.ui.stored_settings import read_bytes

NAME, ORGANISATION, TITLE, CIRCLE, TAGS, LAST, NEXT = range(7)


@pytest.fixture
def people(services, clock):
    """Forty people at an organisation, one with an overdue follow-up: the list scrolls."""
    ids = [
        services.contacts.create(
            ContactDraft(
                given_name=f"Person{number:02}",
                family_name="Valworth",
                organisation="Northwind Capital",
                title="Head of Product",
                tags=["berlin"],
                methods=[MethodDraft("email", f"p{number}@northwind.example")],
            )
        )
        for number in range(40)
    ]
    services.followups.create(ids[0], clock.today() - timedelta(days=13))
    return ids


def _view(qtbot, services, width: int, height: int = 700) -> ContactsView:
    view = ContactsView(services, settings_for(services.paths))
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    return view


def _shown(view: ContactsView) -> list[str]:
    """The keys of the columns in view, in their order on screen."""
    header = view.table.horizontalHeader()
    columns = [header.logicalIndex(v) for v in range(header.count())]
    return [KEYS[c] for c in columns if not header.isSectionHidden(c)]


def test_a_1024_window_shows_the_name_and_the_due_columns_without_scrolling_sideways(
    people, app_window, qtbot
) -> None:
    app_window.resize(1024, 768)
    contacts = app_window.show_view("contacts")
    assert contacts.select_contact(people[0])  # the editor beside the list, as it is used
    qtbot.wait(50)
    assert _shown(contacts) == ["name", "last_contacted", "next_followup"]
    assert contacts.table.horizontalScrollBar().maximum() == 0
    assert contacts.table.verticalScrollBar().isVisible()
    assert isinstance(contacts.table.itemDelegateForColumn(NAME), NameWithOrganisation)
    due = contacts.table.visualRect(contacts.model.index(0, NEXT))
    assert due.right() <= contacts.table.viewport().width()
    assert contacts.model.index(0, NEXT).data() == "13 d overdue"
    contacts.table.grab()  # the name cell paints its organisation under the name
    app_window.resize(1920, 1080)
    qtbot.waitUntil(lambda: len(_shown(contacts)) == 7)
    assert _shown(contacts) == [
        "name",
        "organisation",
        "last_contacted",
        "next_followup",
        "title",
        "circle",
        "tags",
    ]
    assert contacts.table.itemDelegateForColumn(NAME) is None


def test_a_narrowing_list_leaves_out_tags_circle_title_then_organisation(
    qtbot, services, people
) -> None:
    view = _view(qtbot, services, 1900)
    view.splitter.setSizes([2000, 1])
    widths = []
    for width in (900, 760, 650, 560, 420):
        view.splitter.setSizes([width, 3000])
        QApplication.processEvents()
        widths.append(_shown(view))
    assert [len(shown) for shown in widths] == sorted((len(s) for s in widths), reverse=True)
    assert "tags" not in widths[1] and "organisation" not in widths[-1]
    assert all({"name", "last_contacted", "next_followup"} <= set(s) for s in widths)


def test_a_hidden_column_stays_hidden_after_a_restart_and_a_shown_one_is_never_left_out(
    qtbot, services, people
) -> None:
    view = _view(qtbot, services, 1900)
    view.columns.set_shown("title", False)
    view.columns.set_shown("tags", True)
    assert "title" not in _shown(view)
    again = _view(qtbot, services, 850)  # the room of a 1024-pixel window
    assert "title" not in _shown(again)
    assert "tags" in _shown(again), "you asked for it: it stays even where it does not fit"
    again.resize(1900, 700)
    QApplication.processEvents()
    assert "title" not in _shown(again), "a wide window does not bring back what you hid"


def test_moved_and_resized_columns_come_back_after_a_restart(qtbot, services, people) -> None:
    view = _view(qtbot, services, 1900)
    header = view.table.horizontalHeader()
    header.moveSection(header.visualIndex(TAGS), 1)
    view.table.setColumnWidth(TAGS, 140)
    view.table.sortByColumn(LAST, Qt.SortOrder.DescendingOrder)
    again = _view(qtbot, services, 1900)
    assert _shown(again)[:2] == ["name", "tags"]
    assert again.table.columnWidth(TAGS) == 140
    assert again.model.sort_key == "last_contacted" and again.model.descending


def test_the_header_menu_shows_and_hides_columns_and_puts_back_the_defaults(
    qtbot, services, people
) -> None:
    view = _view(qtbot, services, 1900)
    menu = view.columns.menu()
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert not actions["Name"].isEnabled() and actions["Name"].isChecked()
    assert all(a.isChecked() for a in actions.values() if a.isCheckable())
    actions["Circle"].trigger()
    assert "circle" not in _shown(view)
    assert view.columns.settings.value("contacts/hidden_columns") == "circle"
    assert not view.columns.menu().actions()[CIRCLE].isChecked()
    header = view.table.horizontalHeader()
    header.moveSection(header.visualIndex(TAGS), 0)
    actions["Default columns"].trigger()
    assert _shown(view) == list(
        ("name", "organisation", "last_contacted", "next_followup", "title", "circle", "tags")
    )
    assert view.table.columnWidth(NAME) - view.columns.widened.get(NAME, 0) == 155


def test_a_right_click_on_the_header_opens_the_columns_menu(qtbot, services, people) -> None:
    view = _view(qtbot, services, 1200)
    header = view.table.horizontalHeader()
    header.customContextMenuRequested.emit(QPoint(10, 5))
    menu = next(m for m in view.table.findChildren(QMenu) if m.isVisible())
    assert [a.text() for a in menu.actions()][:2] == ["Name", "Organisation"]
    menu.close()


def test_damaged_column_settings_fall_back_to_showing_them(qtbot, services, people) -> None:
    settings = settings_for(services.paths)
    settings.setValue("contacts/hidden_columns", "title,nonsense")
    view = _view(qtbot, services, 1900)
    assert isinstance(view.columns, ColumnLayout)
    assert "title" in _shown(view)


def test_select_nobody_shows_the_hint_beside_the_list(qtbot, services, people) -> None:
    view = _view(qtbot, services, 1200)
    assert view.select_contact(people[1])
    view.select_nobody()
    assert view.selected_ids() == [] and view.editor.contact_id is None
    assert view.editor_stack.currentWidget() is view.no_selection


def test_spare_room_widens_the_organisation_not_the_last_column(qtbot, services) -> None:
    """At 1280x800 beside the editor, a long organisation is whole and the due column keeps its
    first-start width; the widths stored are the chosen ones, without the spare room."""
    organisation = "Silverline Analytics Consulting"
    services.contacts.create(ContactDraft(given_name="Ada", organisation=organisation))
    view = _view(qtbot, services, 1280 - 170, 800)
    view.splitter.setSizes([600, 510])
    QApplication.processEvents()
    assert _shown(view) == ["name", "organisation", "last_contacted", "next_followup"]
    needed = view.table.fontMetrics().horizontalAdvance(organisation)
    assert view.table.columnWidth(ORGANISATION) >= needed
    assert view.table.horizontalScrollBar().maximum() == 0
    assert view.columns.widened[ORGANISATION] > 0
    view.columns.save()
    stored = QTableView()
    stored.setModel(view.model)
    assert stored.horizontalHeader().restoreState(read_bytes(view.columns.settings, HEADER_KEY))
    assert stored.columnWidth(ORGANISATION) == 125


def test_an_overdue_follow_up_says_its_days_in_a_few_letters(people, app_window, qtbot) -> None:
    """ "360 d overdue" fits the due column at 1024x768; the tooltip has the date."""
    app_window.resize(1024, 768)
    contacts = app_window.show_view("contacts")
    services = app_window.services
    today = services.clock.today()
    services.followups.create(people[1], today - timedelta(days=360))
    contacts.reload_now()
    assert contacts.select_contact(people[0])
    qtbot.wait(50)
    row = next(
        r
        for r in range(contacts.model.rowCount())
        if contacts.model.index(r, NEXT).data() == "360 d overdue"
    )
    index = contacts.model.index(row, NEXT)
    assert index.data(Qt.ItemDataRole.ToolTipRole)
    text = contacts.table.fontMetrics().horizontalAdvance("360 d overdue")
    assert contacts.table.columnWidth(NEXT) >= text + 8
    assert contacts.table.visualRect(index).right() <= contacts.table.viewport().width()


def _wide_list_of_long_titles(qtbot, services) -> ContactsView:
    """Thirty people with a long title and no circle, the list 925 px wide beside the editor
    (as at 1920x1080)."""
    for number in range(30):
        draft = ContactDraft(
            given_name=f"Ivan{number:02}",
            family_name="Penter",
            organisation="Ericsson",
            title=TITLE_TEXT,
            tags=["kubernetes"],
        )
        services.contacts.create(draft)
    view = _view(qtbot, services, 1750, 1000)
    view.splitter.setSizes([925, 825])
    qtbot.wait(20)  # layouts settle in the next turns of the event loop
    return view


TITLE_TEXT = "Senior Manager, Strategy & Operations EMEA"


def test_a_cut_title_takes_the_room_of_an_empty_circle(qtbot, services) -> None:
    """At 1920x1080 Title ended in "Senior Manager, St…" (widened to at most 200 px) beside a
    Circle column 90 px wide with nobody in a circle: the room goes to the text cut first, and
    an empty column lends what its title does not need."""
    view = _wide_list_of_long_titles(qtbot, services)
    table, header = view.table, view.table.horizontalHeader()
    assert _shown(view) == list(
        ("name", "organisation", "last_contacted", "next_followup", "title", "circle", "tags")
    )
    assert table.columnWidth(TITLE) >= table.fontMetrics().horizontalAdvance(TITLE_TEXT) + 6
    assert table.columnWidth(CIRCLE) < 90
    assert table.columnWidth(CIRCLE) >= header.sectionSizeHint(CIRCLE)  # its title whole
    assert table.horizontalScrollBar().maximum() == 0


def test_a_column_you_resized_keeps_your_width(qtbot, services) -> None:
    view = _wide_list_of_long_titles(qtbot, services)
    view.table.horizontalHeader().resizeSection(CIRCLE, 120)  # as a drag of its edge does
    view.splitter.setSizes([900, 850])
    qtbot.wait(20)
    assert view.table.columnWidth(CIRCLE) == 120


def test_a_search_fits_the_columns_once_typing_pauses(qtbot, services, monkeypatch) -> None:
    """The rows in view are measured once a search is no longer typed, not at each key (that
    took ~25% of a key's time until its rows showed): the list typed into keeps its columns, and
    fits the rows it then shows."""
    for number in range(5):
        services.contacts.create(ContactDraft(given_name=f"Kim{number}", family_name="Lo"))
    view = _wide_list_of_long_titles(qtbot, services)
    wide = view.table.columnWidth(TITLE)
    measured: list[int] = []
    cell_width = ColumnLayout._cell_width
    monkeypatch.setattr(
        ColumnLayout,
        "_cell_width",
        lambda self, column: measured.append(column) or cell_width(self, column),
    )
    view.search.setFocus()
    qtbot.keyClicks(view.search, "kim")
    qtbot.waitUntil(lambda: view.model.rowCount() == 5)
    assert measured == [] and view.table.columnWidth(TITLE) == wide
    qtbot.waitUntil(lambda: view.table.columnWidth(TITLE) < wide)  # no title among the Kims
    assert measured
