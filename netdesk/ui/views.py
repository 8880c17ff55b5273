"""The views in the sidebar, in order (Ctrl+1, Ctrl+2, ... follow this order).

A view is any QWidget, made from the services and the window's one QSettings (for what the view
remembers); it may define `install_actions(window)` to add its actions to the main window's
menus, `open_files(paths) -> bool` if it can take dropped or opened files, and `home_focus()`
for the widget the keys go to when Ctrl+1… shows it (else its first widget Tab reaches).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from netdesk.core.services import Services


class ViewSpec(NamedTuple):
    key: str
    title: str
    icon: str
    factory: Callable[[Services, QSettings], QWidget]
    module: str = ""
    """The module `factory` imports: start-up imports it a turn before it makes the view (the
    Events view's modules take ~15 ms)."""


def _today(services: Services, settings: QSettings) -> QWidget:
    from netdesk.ui.today import TodayView

    return TodayView(services, settings)


def _followups(services: Services, _settings: QSettings) -> QWidget:
    from netdesk.ui.calendar import CalendarView

    return CalendarView(services.followups, services.changes)


def _contacts(services: Services, settings: QSettings) -> QWidget:
    from netdesk.ui.contacts.view import ContactsView

    return ContactsView(services, settings)


def _events(services: Services, _settings: QSettings) -> QWidget:
    from netdesk.ui.events import EventsView

    return EventsView(services)


def _companies(services: Services, _settings: QSettings) -> QWidget:
    from netdesk.ui.companies import CompaniesView

    return CompaniesView(services)


def _me(services: Services, _settings: QSettings) -> QWidget:
    from netdesk.ui.me import MeView

    return MeView(services)


def _opportunities(services: Services, _settings: QSettings) -> QWidget:
    from netdesk.ui.opportunities import OpportunitiesView

    return OpportunitiesView(services)


def default_views() -> list[ViewSpec]:
    """The views of the app, in sidebar order."""
    return [
        ViewSpec("today", "Today", "today", _today, "netdesk.ui.today"),
        ViewSpec("contacts", "Contacts", "contacts", _contacts, "netdesk.ui.contacts.view"),
        ViewSpec("followups", "Follow-ups", "calendar", _followups, "netdesk.ui.calendar.view"),
        ViewSpec("events", "Events", "events", _events, "netdesk.ui.events.view"),
        ViewSpec("companies", "Companies", "companies", _companies, "netdesk.ui.companies"),
        ViewSpec(
            "opportunities",
            "Opportunities",
            "opportunities",
            _opportunities,
            "netdesk.ui.opportunities",
        ),
        ViewSpec("me", "Me", "me", _me, "netdesk.ui.me"),
    ]
