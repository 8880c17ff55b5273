"""Opening a person or an event from another view: switch the window to the view that shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.ui.main_window import MainWindow


def show_contact(window: MainWindow, contact_id: int) -> None:
    """Show the contact in Contacts, whatever its filters."""
    from netdesk.ui.contacts.view import ContactsView

    contacts = window.show_view("contacts")
    assert isinstance(contacts, ContactsView)
    contacts.show_existing(contact_id)


def show_event(window: MainWindow, event_id: int, tab: str = "Details") -> None:
    """Show the event in Events, on its `tab` (one of the event panel's TABS)."""
    from netdesk.ui.events.view import EventsView

    events = window.show_view("events")
    assert isinstance(events, EventsView)
    events.show_tab(event_id, tab)
