"""Bulk actions, duplicate detection and merging (with undo)."""

from __future__ import annotations

from datetime import date

from netdesk.core.contact_list import ContactListQuery, ListFilter
from netdesk.core.interactions import log_interaction, timeline
from netdesk.core.merge import find_duplicates, merge, undo_merge
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.models import Contact


def _make(services, given: str, *methods: MethodDraft, **fields) -> int:
    return services.contacts.create(ContactDraft(given_name=given, methods=list(methods), **fields))


def test_trash_restore_purge(services) -> None:
    a = _make(services, "A")
    services.bulk.trash([a])
    assert services.bulk.trashed_ids() == [a]
    services.bulk.restore([a])
    assert ContactListQuery().count() == 1
    services.bulk.trash([a])
    services.bulk.purge([a])
    assert Contact.select().count() == 0


def test_tags_and_circles(services) -> None:
    a, b = _make(services, "A", tags=["x"]), _make(services, "B")
    assert services.bulk.add_tag([a, b], "X ") == [b]
    assert services.contacts.tags_of(b) == ["x"]
    services.bulk.remove_tag([b], "x")
    assert services.contacts.tags_of(b) == []
    before = services.bulk.circles_of([a, b])
    services.bulk.set_circle([a, b], "mentor")
    assert ContactListQuery(ListFilter(circle="mentor")).count() == 2
    services.bulk.restore_circles(before)
    assert ContactListQuery(ListFilter(circle="mentor")).count() == 0


def test_find_duplicates(services) -> None:
    a = _make(
        services,
        "Maria",
        MethodDraft("email", "Maria@Acme.io"),
        family_name="Chen",
        organisation="Acme",
    )
    probe = ContactDraft(given_name="M", methods=[MethodDraft("email", "maria@acme.io ")])
    assert [(d.contact_id, d.reason) for d in find_duplicates(probe)] == [(a, "this email")]
    assert find_duplicates(probe, exclude_id=a) == []
    by_name = ContactDraft(given_name="Maria", family_name="Chen", organisation="Acme")
    assert find_duplicates(by_name)[0].reason == "this name and organisation"


def test_merge_keeps_everything_and_undoes(services) -> None:
    a = _make(services, "Maria", MethodDraft("email", "m@a.io"), tags=["data"], title="Eng")
    b = _make(
        services,
        "Maria C",
        MethodDraft("email", "M@a.io"),
        MethodDraft("phone", "+1 202 555 0101"),
        tags=["pycon"],
        birthday=date(1990, 1, 2),
    )
    log_interaction(services.changes, b, channel="call", summary="intro call")
    services.followups.create(b, date(2030, 1, 1))
    record = merge(services.contacts, a, [b], {})
    kept = services.contacts.load(a)
    assert [m.value for m in kept.methods] == ["m@a.io", "+1 202 555 0101"]
    assert kept.tags == ["data", "pycon"] and kept.birthday == date(1990, 1, 2)
    assert [row.summary for row in timeline(a)] == ["intro call"]
    assert Contact.get_by_id(b).deleted_at is not None
    undo_merge(services.contacts, record)
    assert services.contacts.load(a).tags == ["data"]
    assert [row.summary for row in timeline(b)] == ["intro call"]
    assert timeline(a) == [] and Contact.get_by_id(b).deleted_at is None
