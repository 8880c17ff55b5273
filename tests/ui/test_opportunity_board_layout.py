"""The opportunity board at 1024 pixels and on a wide screen: columns wrap onto rows instead of
scrolling sideways, and cards wrap their text instead of ending names with "…"."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from netdesk.core.opportunities import OpportunityDraft
from netdesk.core.vocabulary import OPPORTUNITY_STAGES
from netdesk.ui.opportunities.board import MIN_COLUMN_WIDTH
from netdesk.ui.opportunities.card import wrapped


@pytest.fixture
def openings(services) -> list[int]:
    """An opening in every stage, one at a company with a long name."""
    return [
        services.opportunities.create(
            OpportunityDraft("Staff data engineer", company, stage=stage)
        ).opportunity_id
        for company, stage in zip(
            ["Ironbridge Logistics International"] + ["Acme"] * 9, OPPORTUNITY_STAGES, strict=True
        )
    ]


def _board_at(app_window, qtbot, width: int, height: int):
    app_window.resize(width, height)
    view = app_window.show_view("opportunities")
    view.show_mode(0)
    QApplication.processEvents()
    qtbot.wait(20)
    return view.board


@pytest.mark.parametrize(("size", "rows"), [((1024, 768), 2), ((1280, 800), 2), ((1920, 1080), 1)])
def test_the_board_wraps_its_columns_instead_of_scrolling_sideways(
    openings, app_window, qtbot, size, rows
) -> None:
    board = _board_at(app_window, qtbot, *size)
    heard, sixth = board.columns[0], board.columns[5]
    qtbot.waitUntil(lambda: (sixth.y() > heard.y()) == (rows == 2))  # it starts row 2
    assert board.horizontalScrollBar().maximum() == 0
    assert board.per_row == len(OPPORTUNITY_STAGES) // rows
    right = board.viewport().width()
    last = board.columns[board.per_row - 1]  # the first row's last column ends at the edge
    qtbot.waitUntil(lambda: last.mapTo(board.viewport(), last.rect().topRight()).x() >= right - 2)
    for holder in board.columns:
        assert holder.width() >= MIN_COLUMN_WIDTH
        assert holder.mapTo(board.viewport(), holder.rect().topRight()).x() <= right


def test_a_long_company_name_wraps_onto_a_second_line_of_its_card(
    openings, app_window, qtbot
) -> None:
    board = _board_at(app_window, qtbot, 1024, 768)
    heard = board.lists["heard"]
    index = heard.model().index(0, 0)
    delegate = heard.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(heard)
    short = board.lists["researching"].model().index(0, 0)
    tall, low = delegate.sizeHint(option, index), delegate.sizeHint(option, short)
    assert tall.height() > low.height()  # the company takes two lines, no "…"
    assert heard.visualRect(index).height() == tall.height()
    heard.grab()


def test_wrapping_breaks_at_spaces_and_ends_what_does_not_fit_with_an_ellipsis() -> None:
    metrics = QFontMetrics(QFont())
    width = metrics.horizontalAdvance("Ironbridge Logistics") - 1
    assert wrapped("Ironbridge Logistics", metrics, width) == ["Ironbridge", "Logistics"]
    assert wrapped("Acme", metrics, width) == ["Acme"]
    assert wrapped("", metrics, width) == []
    long = wrapped("told: " + ", ".join(["Oluwaseun Larter"] * 6), metrics, width)
    assert len(long) == 2 and long[-1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= width for line in long)


def test_a_line_of_japanese_and_latin_that_fits_is_not_ended_with_an_ellipsis(qtbot) -> None:
    """Qt's elidedText needs a pixel more than horizontalAdvance for a line in two fonts: a card
    showed "referred: 美咲 佐藤; to…" above "Priya Calard"."""
    if not QFontDatabase.families(QFontDatabase.WritingSystem.Japanese):
        pytest.skip("no CJK font: scripts/system-deps.sh test installs fonts-wqy-microhei")
    metrics = QFontMetrics(QFont())
    text = "referred: 美咲 佐藤; told: Priya Calard"
    for width in range(metrics.horizontalAdvance("referred: 美咲 佐藤;"), 200):
        lines = wrapped(text, metrics, width)
        assert " ".join(lines) == text, width


@pytest.mark.parametrize(("size", "left_out"), [((1024, 768), 3), ((1920, 1080), 0)])
def test_the_list_leaves_out_people_and_dates_before_scrolling_sideways(
    openings, app_window, qtbot, size, left_out
) -> None:
    from netdesk.ui.opportunities.table import COLUMNS

    app_window.resize(*size)
    view = app_window.show_view("opportunities")
    view.show_mode(1)
    view.stage_filter.setCurrentIndex(view.stage_filter.findText("All stages"))
    qtbot.wait(20)
    header = view.table.horizontalHeader()
    hidden = [title for n, title in enumerate(COLUMNS) if header.isSectionHidden(n)]
    assert hidden == ["People", "Heard of it", "Updated"][:left_out]
    assert view.table.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(COLUMNS.index("Next step")) >= 200


def test_rows_fill_the_board_after_a_wrap_hides_the_scroll_bar(openings, services, qtbot) -> None:
    """Narrow: four rows, taller than the view (a scroll bar); wider: two rows that fit, as
    wide as the board (the layout kept the width it had beside the scroll bar)."""
    from netdesk.ui.opportunities.view import OpportunitiesView

    view = OpportunitiesView(services)
    qtbot.addWidget(view)
    view.resize(640, 690)
    view.show()
    qtbot.waitExposed(view)
    board = view.board
    qtbot.waitUntil(lambda: board.per_row == 3 and board.verticalScrollBar().isVisible())
    view.show_mode(1)  # the window grows while the list is shown
    view.resize(856, 690)
    qtbot.wait(20)
    view.show_mode(0)
    qtbot.waitUntil(lambda: board.per_row == 5 and not board.verticalScrollBar().isVisible())
    last = board.columns[4]
    right = board.viewport().width()
    qtbot.waitUntil(lambda: last.mapTo(board.viewport(), last.rect().topRight()).x() >= right - 2)
