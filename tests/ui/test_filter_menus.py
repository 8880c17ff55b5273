"""The Contacts view's filter menus after a change: read off the GUI thread, then filled."""

from __future__ import annotations

import threading

from netdesk.core import contact_list
from netdesk.formats.draft import ContactDraft
from netdesk.ui.contacts import view as contacts_view_module
from tests.core.test_worker_thread import _lowered, _nice, linux_only


def test_a_change_refills_the_menus_from_a_read_off_the_gui_thread(
    contacts_view, qtbot, services, monkeypatch
) -> None:
    threads: list[bool] = []

    def counted() -> dict[str, list[str]]:
        threads.append(threading.current_thread() is threading.main_thread())
        return contact_list.filter_choices()

    monkeypatch.setattr(contacts_view_module, "filter_choices", counted)
    view = contacts_view
    view.company_filter.setCurrentIndex(0)
    services.contacts.create(ContactDraft(given_name="Ann", organisation="Acme", circle="mentor"))
    services.contacts.create(ContactDraft(given_name="Bo", organisation="Zeta"))
    qtbot.waitUntil(lambda: view.company_filter.findData("Zeta") > 0)
    assert threads and not any(threads)
    assert [view.company_filter.itemData(i) for i in range(3)] == ["", "Acme", "Zeta"]
    assert view.circle_filter.findData("mentor") > 0
    view.company_filter.setCurrentIndex(view.company_filter.findData("Zeta"))
    services.contacts.create(ContactDraft(given_name="Cy", organisation="Beta"))
    qtbot.waitUntil(lambda: view.company_filter.findData("Beta") > 0)
    assert view.company_filter.currentData() == "Zeta"  # the chosen company stays chosen


@linux_only
def test_the_menus_are_read_at_a_lower_priority(
    contacts_view, qtbot, services, monkeypatch
) -> None:
    """Nobody waits for the menus' read while it runs (at start-up the GUI thread made the
    other views beside it): it leaves the GUI thread a core."""
    nices: list[int] = []
    monkeypatch.setattr(
        contacts_view_module,
        "filter_choices",
        lambda: nices.append(_nice()) or contact_list.filter_choices(),
    )
    services.contacts.create(ContactDraft(given_name="Bo", organisation="Zeta"))
    qtbot.waitUntil(lambda: contacts_view.company_filter.findData("Zeta") > 0)
    assert nices == [_lowered()]
