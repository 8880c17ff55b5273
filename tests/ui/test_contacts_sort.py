"""Clicking a column header of the contact list sorts it by that column, then the other way."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from netdesk.core import contact_list
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, FollowUp
from netdesk.ui.contacts.model import COLUMNS
from tests.fake_time import NOW

# name: (organisation, title, circle, tags, days since contacted, days to the next follow-up)
_PEOPLE = {
    "Ana": ("Zeta", "cto", "mentor", ["beta"], 3, 9),
    "bo": ("acme", "", "friend", [], None, None),
    "Cy": ("", "Analyst", "", ["Alpha", "zed"], 40, 1),
    "Di": ("Bosch", "Engineer", "colleague", ["gamma"], 3, None),
}
_ORDERS = {
    "name": ["Ana", "bo", "Cy", "Di"],
    "organisation": ["Cy", "bo", "Di", "Ana"],
    "title": ["bo", "Cy", "Ana", "Di"],
    "circle": ["Cy", "Di", "bo", "Ana"],
    "tags": ["bo", "Cy", "Ana", "Di"],
    "last_contacted": ["Cy", "Ana", "Di", "bo"],
    "next_followup": ["Cy", "Ana", "bo", "Di"],
}
_NULLS_LAST = {"last_contacted": 1, "next_followup": 2}


def _people(services) -> None:
    for name, (organisation, title, circle, tags, contacted, due) in _PEOPLE.items():
        draft = ContactDraft(
            given_name=name, organisation=organisation, title=title, circle=circle, tags=tags
        )
        contact_id = services.contacts.create(draft)
        last = NOW - timedelta(days=contacted) if contacted is not None else None
        Contact.update(last_contacted_at=last).where(Contact.id == contact_id).execute()
        if due is not None:
            FollowUp.create(contact=contact_id, due_at=NOW + timedelta(days=due))


def _names(view) -> list[str]:
    QApplication.processEvents()
    return [view.model.row_of(view.model.index(r, 0)).name for r in range(view.model.rowCount())]


def _click_header(qtbot, view, column: int) -> None:
    header = view.table.horizontalHeader()
    header.showSection(column)
    header.resizeSection(column, max(header.sectionSize(column), 60))
    view.table.scrollTo(view.model.index(0, column))
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def _descending(order: list[str], key: str) -> list[str]:
    """The order reversed, except that contacts without the date stay last (newest first)."""
    dated = len(order) - _NULLS_LAST.get(key, 0)
    return order[:dated][::-1] + order[dated:][::-1]


@pytest.mark.parametrize("broad_from", [5_000, 1])
def test_clicking_each_header_sorts_the_list(
    contacts_view, services, qtbot, monkeypatch, broad_from
) -> None:
    monkeypatch.setattr(contact_list, "_FEW_TO_SORT", broad_from)  # 1: as at 100,000 contacts
    _people(services)
    view = contacts_view
    view.apply_filter()
    qtbot.waitUntil(lambda: view.count_label.text() == "4 contacts")
    for column, (key, _) in enumerate(COLUMNS):
        _click_header(qtbot, view, column)
        if view.model.descending:
            _click_header(qtbot, view, column)
        assert (view.model.sort_key, view.model.descending) == (key, False)
        assert _names(view) == _ORDERS[key], key
        _click_header(qtbot, view, column)
        assert view.model.descending and _names(view) == _descending(_ORDERS[key], key), key
        assert view.model.total == 4 and view.count_label.text() == "4 contacts"
