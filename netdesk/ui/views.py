"""The views in the sidebar, in order (Ctrl+1, Ctrl+2, ... follow this order).

A view is any QWidget, made from the services and the window's one QSettings (for what the view
remembers); it may define `install_actions(window)` to add its actions to the main window's
menus, `open_files(paths) -> bool` if it can take dropped or opened files, and `home_focus()`
for the widget the keys go to when Ctrl+1… shows it (else its first widget Tab reaches), and
`made_later`: the names of its parts made when first used (`functools.cached_property`), which
start-up makes a step each after the view, so that no step makes a whole view (`made` tells
whether one is made).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from netdesk.core.services import Services


def made(view: object, part: str) -> object | None:
    """The `cached_property` `part` of `view` when made already, else None (it is not made)."""
    return vars(view).get(part)


class ViewSpec(NamedTuple):
    key: str
    title: str
    icon: str
    factory: Callable[[Services, QSettings], QWidget]
    module: str = ""
    """The module `factory` imports: start-up imports it, and the `netdesk.ui` modules it loads a
    few a step, before it makes the view (Contacts' take 55-116 ms)."""
    needs: tuple[str, ...] = ()
    """The Qt-free modules `module` imports (with theirs): shown first, the view has them
    imported on a worker with the store's, so the GUI thread only defines its widgets
    (tests/ui/test_view_needs.py keeps the list whole; the services are created when asked for)."""


def _today(services: Services, settings: QSettings) -> QWidget:
    from netdesk.ui.today.view import TodayView

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
    from netdesk.ui.companies.view import CompaniesView

    return CompaniesView(services)


def _me(services: Services, _settings: QSettings) -> QWidget:
    from netdesk.ui.me.view import MeView

    return MeView(services)


def _opportunities(services: Services, _settings: QSettings) -> QWidget:
    from netdesk.ui.opportunities.view import OpportunitiesView

    return OpportunitiesView(services)


def _core(*names: str) -> tuple[str, ...]:
    return tuple(f"netdesk.core.{name}" for name in names)


def default_views() -> list[ViewSpec]:
    """The views of the app, in sidebar order."""
    shared = ("faults", "goal_periods", "worker_thread")
    return [
        ViewSpec(
            "today",
            "Today",
            "today",
            _today,
            "netdesk.ui.today.view",
            _core("contact_list", "dashboard", "goal_periods", "today_events", "worker_thread"),
        ),
        ViewSpec(
            "contacts",
            "Contacts",
            "contacts",
            _contacts,
            "netdesk.ui.contacts.view",
            _core(*shared, "contact_list", "merge", "profiles"),
        ),
        ViewSpec(
            "followups",
            "Follow-ups",
            "calendar",
            _followups,
            "netdesk.ui.calendar.view",
            _core(*shared, "contact_list"),
        ),
        ViewSpec(
            "events",
            "Events",
            "events",
            _events,
            "netdesk.ui.events.view",
            _core(*shared, "event_import"),
        ),
        ViewSpec(
            "companies",
            "Companies",
            "companies",
            _companies,
            "netdesk.ui.companies.view",
            _core(*shared, "companies", "opportunity_rows"),
        ),
        ViewSpec(
            "opportunities",
            "Opportunities",
            "opportunities",
            _opportunities,
            "netdesk.ui.opportunities.view",
            _core("event_people", "goal_periods", "messages", "opportunities", "opportunity_csv"),
        ),
        ViewSpec(
            "me",
            "Me",
            "me",
            _me,
            "netdesk.ui.me.view",
            _core("goal_periods", "own_profiles", "pitches"),
        ),
    ]
