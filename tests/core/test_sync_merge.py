"""The three-way merge of a synced contact: one side's change is taken, both sides' changes to
different fields merge, the same field changed on both sides is a conflict keeping NetDesk's."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from netdesk.core.sync_merge import Conflict, as_json, merge, same
from netdesk.formats.draft import ContactDraft, MethodDraft

BASE = ContactDraft(
    given_name="Maria",
    family_name="Chen",
    title="CTO",
    tags=["python", "berlin"],
    methods=[MethodDraft("email", "maria@globex.example", "work")],
)


def test_a_change_on_one_side_is_taken() -> None:
    merged, conflicts = merge(BASE, BASE, replace(BASE, title="CEO"))
    assert merged.title == "CEO" and conflicts == []
    merged, conflicts = merge(BASE, replace(BASE, title="CEO"), BASE)
    assert merged.title == "CEO" and conflicts == []


def test_changes_to_different_fields_merge_and_sets_merge_by_member() -> None:
    home = MethodDraft("email", "maria@home.example", "home")
    local = replace(BASE, title="CEO", tags=["python"], methods=[*BASE.methods, home])
    phone = MethodDraft("phone", "+49 30 1234567", "mobile")
    remote = replace(BASE, notes="Lisbon", tags=["python", "berlin", "ai"], methods=[phone])
    merged, conflicts = merge(BASE, local, remote)
    assert conflicts == []
    assert (merged.title, merged.notes) == ("CEO", "Lisbon")
    assert merged.tags == ["python", "ai"]  # berlin removed here, ai added there
    assert merged.methods == [home, phone]  # the work email removed there


def test_the_same_field_changed_on_both_sides_keeps_netdesks_and_records_both() -> None:
    merged, conflicts = merge(BASE, replace(BASE, title="CEO"), replace(BASE, title="Chair"))
    assert merged.title == "CEO"
    assert conflicts == [Conflict("title", "CTO", "CEO", "Chair")]
    merged, conflicts = merge(BASE, replace(BASE, title="CEO"), replace(BASE, title="CEO"))
    assert conflicts == []


def test_a_first_sync_takes_what_only_one_side_has() -> None:
    remote = replace(BASE, title="", nickname="Mia", birthday=date(1980, 5, 17))
    merged, conflicts = merge(ContactDraft(), replace(BASE, title="CTO"), remote)
    assert (merged.title, merged.nickname, merged.birthday) == ("CTO", "Mia", date(1980, 5, 17))
    assert conflicts == []


def test_same_ignores_the_order_of_methods_and_tags() -> None:
    other = replace(BASE, tags=["Berlin", "python"], methods=list(reversed(BASE.methods)))
    assert same(BASE, other)
    assert not same(BASE, replace(BASE, title="CEO"))


def test_conflict_values_are_json_text() -> None:
    assert as_json(date(2026, 1, 2)) == '"2026-01-02"'
    assert as_json(b"\x89PNG") == '{"base64": "iVBORw=="}'
    assert as_json("Jürgen") == '"Jürgen"' and as_json(None) == "null"
