"""ContactListQuery: search, filters, scopes, sorting and paging in SQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from netdesk.core.cadence import Keep
from netdesk.core.contact_list import ContactListQuery, ListFilter, Strategy, filter_choices
from netdesk.core.interactions import log_interaction
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.models import Contact
from tests.fake_time import NOW


@pytest.fixture
def people(services) -> dict[str, int]:
    rows = {
        "maria": ContactDraft(
            given_name="Maria",
            family_name="Chen",
            organisation="Acme",
            title="Data Engineer",
            circle="colleague",
            tags=["data"],
            methods=[MethodDraft("email", "maria@acme.io")],
        ),
        "jurgen": ContactDraft(
            given_name="Jürgen",
            family_name="Müller",
            organisation="Bosch",
            title="CTO",
            circle="mentor",
            notes="Met at PyCon, likes sailing",
            cadence_days=30,
        ),
        "ana": ContactDraft(
            given_name="Ana",
            family_name="Silva",
            organisation="Acme",
            title="Recruiter",
            circle="recruiter",
            tags=["data", "hiring"],
            methods=[MethodDraft("phone", "+44 20 7946 0000")],
        ),
    }
    ids = {key: services.contacts.create(draft) for key, draft in rows.items()}
    added = NOW - timedelta(days=40)  # Jürgen's 30-day cadence has passed, no circle's has
    Contact.update(created_at=added).where(Contact.id.in_(list(ids.values()))).execute()
    return ids


def _names(query: ContactListQuery) -> list[str]:
    return [row.name for row in query.page(0, 100)]


def test_search_folds_accents_and_prefixes(people) -> None:
    assert _names(ContactListQuery(ListFilter(text="jurgen"))) == ["Jürgen Müller"]
    assert _names(ContactListQuery(ListFilter(text="mar"))) == ["Maria Chen"]
    assert _names(ContactListQuery(ListFilter(text="acme engin"))) == ["Maria Chen"]
    assert _names(ContactListQuery(ListFilter(text="sailing"))) == ["Jürgen Müller"]
    assert _names(ContactListQuery(ListFilter(text="maria@acme"))) == ["Maria Chen"]
    assert _names(ContactListQuery(ListFilter(text='"( *'))) == [
        "Ana Silva",
        "Jürgen Müller",
        "Maria Chen",
    ]


def test_filters(people, clock) -> None:
    assert _names(ContactListQuery(ListFilter(circle="mentor"))) == ["Jürgen Müller"]
    assert _names(ContactListQuery(ListFilter(tag="DATA"))) == ["Ana Silva", "Maria Chen"]
    assert _names(ContactListQuery(ListFilter(company="acme"))) == ["Ana Silva", "Maria Chen"]
    due = ContactListQuery(ListFilter(due_only=True), now=clock.now())
    assert _names(due) == ["Jürgen Müller"]
    choices = filter_choices()
    assert choices["circle"] == ["colleague", "mentor", "recruiter"]
    assert choices["tag"] == ["data", "hiring"]
    assert choices["company"] == ["Acme", "Bosch"]


def test_due_clears_after_an_interaction(services, clock, people) -> None:
    log_interaction(services.changes, people["jurgen"], occurred_at=clock.now(), channel="call")
    assert _names(ContactListQuery(ListFilter(due_only=True), now=clock.now())) == []
    later = clock.now() + timedelta(days=31)
    assert _names(ContactListQuery(ListFilter(due_only=True), now=later)) == ["Jürgen Müller"]


def test_sort_count_and_pages(services, people) -> None:
    query = ContactListQuery(sort="organisation", descending=True)
    assert [r.organisation for r in query.page(0, 10)] == ["Bosch", "Acme", "Acme"]
    assert query.count() == 3
    assert [r.name for r in query.page(1, 1)] == [query.page(0, 3)[1].name]
    assert len(query.ids()) == 3
    log_interaction(services.changes, people["ana"], channel="email")
    by_last = ContactListQuery(sort="last_contacted", descending=True)
    assert by_last.page(0, 1)[0].name == "Ana Silva"
    for key in ("name", "title", "circle", "tags", "next_followup"):
        assert ContactListQuery(sort=key).count() == 3


def test_scopes(services, people) -> None:
    services.bulk.set_archived([people["ana"]], True)
    services.bulk.trash([people["maria"]])
    assert _names(ContactListQuery()) == ["Jürgen Müller"]
    assert _names(ContactListQuery(ListFilter(scope="archived"))) == ["Ana Silva"]
    assert _names(ContactListQuery(ListFilter(scope="trash"))) == ["Maria Chen"]
    assert _names(ContactListQuery(ListFilter(scope="all"))) == ["Ana Silva", "Jürgen Müller"]
    with pytest.raises(ValueError):
        ContactListQuery(sort="nope")


def test_broad_searches_read_in_list_order_give_the_same_rows(people, monkeypatch) -> None:
    from netdesk.core import contact_list

    for text in ("a", "acme", "data eng", "zzz"):
        for sort in ("name", "organisation", "tags"):
            narrow = ContactListQuery(ListFilter(text=text), sort=sort).ids()
            monkeypatch.setattr(contact_list, "_BROAD_MATCHES", 1)
            broad = ContactListQuery(ListFilter(text=text), sort=sort)
            assert broad.ids() == narrow and broad.count() == len(narrow)
            monkeypatch.setattr(contact_list, "_BROAD_MATCHES", 10_000)


def test_typing_on_narrows_the_kept_matches_only_for_the_same_list(people, services) -> None:
    first = ContactListQuery(ListFilter(text="ac"))
    assert first.strategy is Strategy.KEEP_MATCHES
    assert first.ids() == [people["ana"], people["maria"]]
    services.contacts.create(ContactDraft(given_name="Abe", organisation="Acme Labs"))
    typed_on = ContactListQuery(ListFilter(text="acm"), narrowing=first)
    assert _names(typed_on) == ["Ana Silva", "Maria Chen"] and typed_on.count() == 2
    for fresh in (
        ContactListQuery(ListFilter(text="acm")),
        ContactListQuery(ListFilter(text="acm"), sort="organisation", narrowing=first),
        ContactListQuery(ListFilter(text="acm", scope="all"), narrowing=first),
    ):
        assert "Abe" in _names(fresh)
    descending = ContactListQuery(ListFilter(text="acme"), descending=True, narrowing=first)
    assert _names(descending) == ["Maria Chen", "Ana Silva", "Abe"]
    assert _names(ContactListQuery(ListFilter(text="bo"), narrowing=first)) == ["Jürgen Müller"]


def test_a_sort_without_an_index_pages_through_the_order_it_kept(people, services) -> None:
    query = ContactListQuery(sort="tags")
    assert [row.name for row in query.page(0, 1)] == ["Jürgen Müller"]
    assert [row.name for row in query.page(1, 1)] == ["Maria Chen"]  # keeps the whole order
    services.contacts.create(ContactDraft(given_name="Abe", tags=["aaa"]))
    assert [row.name for row in query.page(2, 10)] == ["Ana Silva"]
    assert query.count() == 3 and query.ids() == [people["jurgen"], people["maria"], people["ana"]]


def _plan(query: ContactListQuery) -> str:
    from netdesk.store.models import db

    sql, params = query.page_ids_sql(0, 50)
    return "\n".join(row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))


def test_each_strategy_gets_the_plan_it_is_chosen_for(people, monkeypatch) -> None:
    from netdesk.core import contact_list

    walk = ContactListQuery(sort="organisation")
    assert walk.strategy is Strategy.INDEX_WALK
    plan = _plan(walk)
    assert "USING INDEX contact_organisation" in plan and "TEMP B-TREE" not in plan

    monkeypatch.setattr(contact_list, "_BROAD_MATCHES", 1)
    broad = ContactListQuery(ListFilter(text="acme"))
    assert broad.strategy is Strategy.INDEX_WALK
    plan = _plan(broad)
    assert "SCAN c USING INDEX contact_display_name" in plan and "TEMP B-TREE" not in plan
    monkeypatch.setattr(contact_list, "_BROAD_MATCHES", 5_000)

    kept = ContactListQuery(ListFilter(text="acme"))
    assert kept.strategy is Strategy.KEEP_MATCHES
    assert "SEARCH c USING INTEGER PRIMARY KEY" in _plan(kept)

    narrowed = ContactListQuery(ListFilter(text="acme eng"), narrowing=kept)
    assert narrowed.strategy is Strategy.NARROW_KEPT and narrowed.ids() == [people["maria"]]

    unindexed = ContactListQuery(sort="next_followup")
    assert unindexed.strategy is Strategy.SEGMENT_WALK  # its pages: test_contact_sort_pages

    archived = ContactListQuery(ListFilter(scope="archived"))
    assert "USING INDEX contact_archived" in _plan(archived)


def test_rows_say_who_is_past_their_keep_in_touch_interval(people, clock) -> None:
    # Maria: colleague (ideal 90, max 180 days); Jürgen: own 30 (max 45); Ana: recruiter 180/365
    ago = {"maria": 100, "jurgen": 50, "ana": 20}
    for key, days in ago.items():
        last = NOW - timedelta(days=days)
        Contact.update(last_contacted_at=last).where(Contact.id == people[key]).execute()
    rows = ContactListQuery(now=clock.now()).page(0, 10)
    assert {row.name: row.keep for row in rows} == {
        "Maria Chen": Keep.DUE,
        "Jürgen Müller": Keep.DRIFTING,
        "Ana Silva": Keep.KEPT,
    }
