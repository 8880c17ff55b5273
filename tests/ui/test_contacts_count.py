"""The contact list's match count, counted off the GUI thread: always of the list shown, after
fast typing, a clear, filters and scopes (a count of an earlier list never shows)."""

from __future__ import annotations

import re
import threading

import pytest

from netdesk.core.contact_list import ContactListQuery, ListFilter
from netdesk.store.models import Contact
from tests.core.search_network import seed_network, walk_every_search


@pytest.fixture
def view(contacts_view, monkeypatch):
    """The Contacts view over 600 contacts; every search walked in list order, so that its
    count is not known with its first page and is counted on the worker."""
    walk_every_search(monkeypatch)
    seed_network(600, "uniform")
    contacts_view.reload_now()
    return contacts_view


def _expected(view, list_filter: ListFilter) -> int:
    """The count by another road: every matching id gathered."""
    return len(ContactListQuery(list_filter, now=view.services.clock.now()).ids())


def _shown(view) -> int:
    return int(re.sub(r"\D", "", view.count_label.text().split()[0]))


def _settled(qtbot, view) -> None:
    qtbot.waitUntil(lambda: view.counted_filter == view.model.list_filter, timeout=5000)


def _record(view) -> list[tuple[ListFilter, int]]:
    """Every count the label showed, with the list it said it was of."""
    shown: list[tuple[ListFilter, int]] = []
    view.count_shown.connect(lambda: shown.append((view.counted_filter, _shown(view))))
    return shown


def test_the_count_after_fast_typing_is_of_the_text_typed(view, qtbot) -> None:
    _settled(qtbot, view)
    shown = _record(view)
    qtbot.keyClicks(view.search, "zo")
    assert view.model.known_total is None  # counted on the worker, not with the rows
    qtbot.keyClicks(view.search, "e sil")
    _settled(qtbot, view)
    assert view.counted_filter.text == "zoe sil"
    assert _shown(view) == _expected(view, view.model.list_filter) > 0
    for list_filter, count in shown:
        assert count == _expected(view, list_filter), list_filter


def test_with_nobody_archived_or_trashed_a_search_shows_its_count_with_its_rows(
    view, qtbot
) -> None:
    Contact.update(archived=False, deleted_at=None).execute()
    view.model.mark_stale()
    view.reload_now()
    _settled(qtbot, view)
    for text in ("zo", "e sil"):
        qtbot.keyClicks(view.search, text)
        assert view.counted_filter == view.model.list_filter  # shown at once, no worker
        assert not view.counter.busy
        assert _shown(view) == _expected(view, view.model.list_filter) > 0


def test_a_slow_count_of_an_earlier_text_never_shows(view, qtbot, monkeypatch) -> None:
    _settled(qtbot, view)
    release = threading.Event()
    count = ContactListQuery.count

    def slow_for_z(query: ContactListQuery) -> int:
        if query.filter.text == "z":
            release.wait(5)
        return count(query)

    monkeypatch.setattr(ContactListQuery, "count", slow_for_z)
    shown = _record(view)
    qtbot.keyClicks(view.search, "z")
    qtbot.keyClicks(view.search, "o")
    assert view.count_label.text() == ""  # not the count of everyone, nor of "z"
    release.set()
    _settled(qtbot, view)
    qtbot.wait(50)  # the count of "z" comes back late: dropped
    assert [f.text for f, _ in shown] == ["zo"]
    assert _shown(view) == _expected(view, ListFilter(text="zo"))


def test_clearing_the_search_shows_the_whole_count_at_once(view, qtbot) -> None:
    _settled(qtbot, view)
    everyone = _shown(view)
    assert everyone == _expected(view, ListFilter())
    qtbot.keyClicks(view.search, "ana")
    _settled(qtbot, view)
    assert _shown(view) < everyone
    view.search.clear()
    assert view.counted_filter == ListFilter() and _shown(view) == everyone  # no wait


def test_a_count_of_contacts_before_a_change_is_not_kept(view, qtbot, services) -> None:
    _settled(qtbot, view)
    qtbot.keyClicks(view.search, "silva")
    _settled(qtbot, view)
    before = _shown(view)
    view.search.clear()
    _settled(qtbot, view)
    services.bulk.trash(ContactListQuery(ListFilter(text="silva")).ids()[:3])
    view.reload_now()
    qtbot.keyClicks(view.search, "silva")
    _settled(qtbot, view)
    assert _shown(view) == before - 3 == _expected(view, ListFilter(text="silva"))


@pytest.mark.parametrize(
    "box, value, scope",
    [
        ("circle_filter", "mentor", "active"),
        ("tag_filter", "berlin", "active"),
        ("company_filter", "Acme Data", "active"),
        ("circle_filter", "friend", "archived"),
        ("tag_filter", "", "trash"),
        ("tag_filter", "", "all"),
    ],
)
def test_search_and_filters_together_count_right(view, qtbot, box, value, scope) -> None:
    combo = getattr(view, box)
    combo.setCurrentIndex(combo.findData(value))
    view.scope.setCurrentIndex(view.scope.findData(scope))
    for text in ("", "a", "zo", "silva", "acme d"):
        view.search.clear()
        qtbot.keyClicks(view.search, text)
        _settled(qtbot, view)
        assert _shown(view) == _expected(view, view.list_filter()), (text, box, value, scope)
        assert ("in the Trash" in view.count_label.text()) == (scope == "trash")


def test_due_for_a_check_in_and_a_search_count_right(view, qtbot) -> None:
    view.due_filter.setChecked(True)
    qtbot.keyClicks(view.search, "a")
    _settled(qtbot, view)
    assert _shown(view) == _expected(view, view.list_filter())


def test_keys_typed_while_the_list_is_behind_are_read_once(view, qtbot, monkeypatch) -> None:
    _settled(qtbot, view)
    texts: list[str] = []
    set_filter = view.model.set_filter
    monkeypatch.setattr(view.model, "set_filter", lambda f: texts.append(f.text) or set_filter(f))
    view._apply_took = 10.0  # the last filtering took longer than the keys' gaps
    qtbot.keyClicks(view.search, "zoe")
    assert texts == [] and view.model.list_filter.text == ""  # waiting a turn
    qtbot.waitUntil(lambda: view.model.list_filter.text == "zoe")
    assert texts == ["zoe"]
    _settled(qtbot, view)
    assert _shown(view) == _expected(view, ListFilter(text="zoe"))
    qtbot.keyClicks(view.search, " s")  # caught up (the fake clock's filtering took no time)
    assert texts == ["zoe", "zoe ", "zoe s"]
