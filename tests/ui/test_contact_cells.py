"""The contact list's cells (ui/contacts/cells.py) paint exactly what Qt's item delegate paints:
pictures, elided and coloured texts, a selected and focused row, another font, a disabled list,
right to left."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QStyledItemDelegate

from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact
from netdesk.ui.contacts.cells import ListCells
from netdesk.ui.contacts.view import ContactsView
from netdesk.ui.style import KEEP_COLOURS
from tests.testdata.photos import photo, photo_pool


@pytest.fixture
def people(services, clock) -> None:
    """People whose cells hold a photo or initials, a text too long for its column, a keep-in-
    touch colour (amber, red), a title of two lines, a name written right to left."""
    pool = photo_pool(size=2)
    rng = random.Random(5)
    drafts = [
        ContactDraft(given_name="Ana", family_name="Photo", photo=photo(rng, pool, "ana")),
        ContactDraft(
            given_name="Bea",
            family_name="Long",
            organisation="The International Association of Very Long Organisation Names",
            title="Principal Staff Engineer, Developer Experience and Platforms",
        ),
        ContactDraft(given_name="Cy", family_name="Due", circle="mentor", tags=["berlin"]),
        ContactDraft(given_name="Dee", family_name="Drifting", circle="mentor"),
        ContactDraft(given_name="Eli", family_name="Lines", title="Head of\nProduct"),
        ContactDraft(given_name="ليلى", family_name="حداد", organisation="شركة"),
    ]
    ids = [services.contacts.create(draft) for draft in drafts]
    for contact_id, days in ((ids[2], 70), (ids[3], 100)):  # a mentor's 60 and 90 days passed
        last = clock.now() - timedelta(days=days)
        Contact.update(last_contacted_at=last, created_at=last).where(
            Contact.id == contact_id
        ).execute()
    Contact.update(title="Head of\nProduct").where(Contact.id == ids[4]).execute()


def _painted(view: ContactsView, delegate: QStyledItemDelegate) -> QImage:
    view.table.setItemDelegate(delegate)
    return view.table.viewport().grab().toImage()


def _paints_as_qt(view: ContactsView) -> bool:
    """Whether new cells (texts painted once, then kept shaped) paint as Qt's delegate does."""
    cells = ListCells(view.model.cell, view.table)
    once, twice = _painted(view, cells), _painted(view, cells)
    qt = _painted(view, QStyledItemDelegate(view.table))
    return once == qt and twice == qt


def test_the_list_paints_as_qt_item_delegate(people, contacts_view, qtbot) -> None:
    view = contacts_view
    view.apply_filter()
    qtbot.waitUntil(lambda: view.model.rowCount() == 6)
    assert isinstance(view.table.itemDelegate(), ListCells)
    keep = [view.model.index(r, 5).data(Qt.ItemDataRole.ForegroundRole) for r in range(6)]
    assert {colour.name() for colour in keep if colour is not None} == set(KEEP_COLOURS.values())
    assert _paints_as_qt(view)
    view.table.selectRow(1)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    assert _paints_as_qt(view)
    font = QFont(view.table.font())
    font.setPointSize(font.pointSize() + 5)
    view.table.setFont(font)
    assert _paints_as_qt(view)
    view.table.setEnabled(False)  # the palette's disabled colours
    assert _paints_as_qt(view)
    view.table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    assert _paints_as_qt(view)


def test_a_font_change_lays_the_kept_texts_out_again(people, contacts_view, qtbot) -> None:
    view = contacts_view
    view.apply_filter()
    qtbot.waitUntil(lambda: view.model.rowCount() == 6)
    cells = ListCells(view.model.cell, view.table)
    _painted(view, cells)
    _painted(view, cells)  # every text kept shaped in the table's font
    font = QFont(view.table.font())
    font.setPointSize(font.pointSize() + 5)
    view.table.setFont(font)
    assert _painted(view, cells) == _painted(view, QStyledItemDelegate(view.table))
