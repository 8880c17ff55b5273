"""The Opportunities list's columns in a wide window (tables.ColumnFitter): the room left goes
to the columns whose text is cut before the stretched Next step, and a column you resized keeps
its width."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from netdesk.core.opportunities import OpportunityDraft
from netdesk.core.opportunity_rows import Person
from netdesk.formats.draft import ContactDraft
from netdesk.ui.column_fitter import share_room
from netdesk.ui.opportunities.table import COLUMNS
from netdesk.ui.opportunities.view import OpportunitiesView

PEOPLE, HEARD, NEXT_STEP = (COLUMNS.index(c) for c in ("People", "Heard of it", "Next step"))


def _resize(qtbot, window, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    qtbot.wait(20)  # layouts settle in the next turns of the event loop


@pytest.fixture
def listed(qtbot, app_window, services) -> OpportunitiesView:
    """The list over an opportunity with long People and Heard-of-it cells, at 1920x1080."""
    people = tuple(
        Person(services.contacts.create(ContactDraft(given_name=given, family_name=family)), role)
        for given, family, role in (
            ("Talel", "Darett", "referred me"),
            ("Lindie", "Sellund", "interviews me"),
        )
    )
    draft = OpportunityDraft(
        "Backend engineer",
        "Nokia",
        people=people,
        source="Recruiter call at the Women in Data Breakfast",
        heard_on=date(2026, 3, 1),
        next_step="Prepare system design",
    )
    services.opportunities.create(draft)
    view = app_window.show_view("opportunities")
    qtbot.mouseClick(view.list_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1)
    _resize(qtbot, app_window, 1920, 1080)
    return view


def _whole(view: OpportunitiesView, column: int) -> bool:
    return view.table.columnWidth(column) >= view.table.sizeHintForColumn(column)


def test_at_1920_the_cut_columns_read_whole_before_next_step_widens(listed) -> None:
    """All the room went to Next step ("Prepare system design" in ~500 px) while People and
    Heard of it stayed cut at their first 220 and 170 px."""
    table = listed.table
    assert _whole(listed, PEOPLE) and _whole(listed, HEARD)
    assert table.columnWidth(NEXT_STEP) >= 200
    assert table.horizontalScrollBar().maximum() == 0


def test_a_narrower_window_gives_the_room_back(qtbot, app_window, listed) -> None:
    _resize(qtbot, app_window, 1024, 768)
    table = listed.table
    assert table.columnWidth(NEXT_STEP) >= 200
    assert table.horizontalScrollBar().maximum() == 0
    _resize(qtbot, app_window, 1920, 1080)
    assert _whole(listed, PEOPLE) and _whole(listed, HEARD)


def test_a_column_you_resized_keeps_its_width(qtbot, app_window, listed) -> None:
    """The fitter widens only the columns you left alone."""
    header = listed.table.horizontalHeader()
    header.resizeSection(PEOPLE, 120)  # as a drag of its edge does
    _resize(qtbot, app_window, 1800, 1000)
    _resize(qtbot, app_window, 1920, 1080)
    assert listed.table.columnWidth(PEOPLE) == 120
    assert _whole(listed, HEARD)


def test_a_longer_cell_read_later_is_whole_too(qtbot, app_window, listed) -> None:
    """Cells are measured again when the rows change, not only when the window is resized."""
    services = app_window.services
    names = (("Oluwaseun", "Larter"), ("Kelen", "Morden"), ("Priya", "Calard"))
    people = tuple(
        Person(services.contacts.create(ContactDraft(given_name=g, family_name=f)), "told me")
        for g, f in names
    )
    services.opportunities.create(OpportunityDraft("Data lead", "Datadog", people=people))
    qtbot.waitUntil(lambda: listed.proxy.rowCount() == 2)
    qtbot.waitUntil(lambda: _whole(listed, PEOPLE))
    assert listed.table.horizontalScrollBar().maximum() == 0


def test_short_room_goes_to_the_columns_lacking_least_first() -> None:
    assert share_room({1: 300, 2: 40, 3: 100}, 200) == {2: 40, 3: 100, 1: 60}
    assert share_room({1: 30, 2: 40}, 500) == {1: 30, 2: 40}
    assert share_room({1: 30}, 0) == {1: 0}
