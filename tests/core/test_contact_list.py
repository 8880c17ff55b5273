"""ContactListQuery: search, filters, scopes, sorting and paging in SQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from netdesk.core.cadence import Keep
from netdesk.core.contact_list import ContactListQuery, ListFilter, Strategy, filter_choices
from netdesk.core.interactions import log_interaction
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.models import Contact
from tests.core.search_network import keep_every_search, walk_every_search
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


def test_the_company_menu_offers_whoever_is_not_in_the_trash(services, people, monkeypatch) -> None:
    """Archived people's companies too, not those of the Trash's only; the living not archived
    are read off the index of the Companies view alone, the others by company."""
    from netdesk.store.models import db

    kept = services.contacts.create(ContactDraft(given_name="Old", organisation="Cobalt"))
    gone = services.contacts.create(ContactDraft(given_name="Gone", organisation="Dusk"))
    Contact.update(archived=True).where(Contact.id == kept).execute()
    Contact.update(deleted_at=NOW).where(Contact.id == gone).execute()
    assert filter_choices()["company"] == ["Acme", "Bosch", "Cobalt"]
    statements: list[str] = []
    execute = db.obj.execute_sql
    monkeypatch.setattr(
        db.obj, "execute_sql", lambda sql, *args: statements.append(sql) or execute(sql, *args)
    )
    filter_choices()
    monkeypatch.undo()
    (sql,) = [sql for sql in statements if "FROM company" in sql]
    plan = "\n".join(row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert "SEARCH contact USING COVERING INDEX contact_live_company (company_id=?)" in plan
    assert "SEARCH contact USING INDEX contact_company_id (company_id=?)" in plan
    assert "SCAN contact" not in plan


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
    for text in ("a", "acme", "data eng", "zzz"):
        for sort in ("name", "organisation", "tags"):
            with monkeypatch.context() as patch:
                keep_every_search(patch)
                narrow = ContactListQuery(ListFilter(text=text), sort=sort).ids()
            with monkeypatch.context() as patch:
                walk_every_search(patch)
                broad = ContactListQuery(ListFilter(text=text), sort=sort)
                assert broad.ids() == narrow and broad.count() == len(narrow)


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


def test_a_sort_without_an_index_pages_on_from_where_the_last_page_ended(people, services) -> None:
    """Each page after the first seeks past the last row read, never gathering the whole
    order: a contact added since that sorts before it is behind the pages shown."""
    query = ContactListQuery(sort="tags")
    assert [row.name for row in query.page(0, 1)] == ["Jürgen Müller"]
    assert [row.name for row in query.page(1, 1)] == ["Maria Chen"]
    abe = services.contacts.create(ContactDraft(given_name="Abe", tags=["aaa"]))
    assert [row.name for row in query.page(2, 10)] == ["Ana Silva"]
    assert query.known_count() is None
    assert query.ids() == [people["jurgen"], abe, people["maria"], people["ana"]]


def _plan(query: ContactListQuery) -> str:
    from netdesk.store.models import db

    sql, params = query.page_ids_sql(0, 50)
    return "\n".join(row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))


def test_each_strategy_gets_the_plan_it_is_chosen_for(people, monkeypatch) -> None:
    walk = ContactListQuery(sort="organisation")
    assert walk.strategy is Strategy.INDEX_WALK
    plan = _plan(walk)
    assert "USING INDEX contact_organisation" in plan and "TEMP B-TREE" not in plan

    with monkeypatch.context() as patch:
        walk_every_search(patch)
        broad = ContactListQuery(ListFilter(text="acme"))
        assert broad.strategy is Strategy.INDEX_WALK
        plan = _plan(broad)
        assert "SCAN c USING INDEX contact_display_name" in plan and "TEMP B-TREE" not in plan

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


@pytest.mark.parametrize("sort", ["name", "organisation", "title", "circle"])
@pytest.mark.parametrize("descending", [False, True])
def test_pages_after_the_first_seek_past_the_last_row_in_the_same_order(
    services, sort, descending
) -> None:
    """Paging on from the row before reads the list's order exactly (names equal but for their
    case tie by id), seeking in the sort column's index rather than counting off rows."""
    from netdesk.store.models import db

    for number in range(23):
        services.contacts.create(
            ContactDraft(
                given_name=("anna", "Anna", "Bo", "bo", "Cy")[number % 5],
                family_name="",
                organisation=("Acme", "acme", "Zeta", "")[number % 4],
                title=("CTO", "cto", "")[number % 3],
                circle=("peer", "mentor", "")[number % 3],
            )
        )
    query = ContactListQuery(sort=sort, descending=descending)
    assert query.strategy is Strategy.INDEX_WALK
    paged = [row.id for start in range(0, 25, 4) for row in query.page(start, 4)]
    assert paged == ContactListQuery(sort=sort, descending=descending).ids()
    index = f"SEARCH c USING INDEX contact_{'display_name' if sort == 'name' else sort}"
    beyond = "<" if descending else ">"
    for ties, seek in ((False, f"{beyond}?)"), (True, f"=? AND rowid{beyond}?)")):
        sql, params = query.page_ids_sql(8, 4, query._after, ties=ties)
        plan = " ".join(row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))
        assert index in plan and plan.endswith(seek) and "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize("descending", [False, True])
def test_pages_by_last_contacted_seek_past_the_last_row_then_through_those_never_contacted(
    services, descending
) -> None:
    """Paging by Last contacted (equal times tie by id, the never contacted last either way)
    reads the list's order exactly, each page a seek in the column's index: counting off
    `offset` rows cost 0.2-0.35 s a page near the 95,000th of 100,000 contacts."""
    from netdesk.store.models import db

    for number in range(23):
        contact_id = services.contacts.create(ContactDraft(given_name=f"P{number}"))
        last = None if number % 3 == 0 else NOW - timedelta(days=number % 4)
        Contact.update(last_contacted_at=last).where(Contact.id == contact_id).execute()
    query = ContactListQuery(sort="last_contacted", descending=descending)
    assert query.strategy is Strategy.INDEX_WALK
    paged = [row.id for start in range(0, 25, 4) for row in query.page(start, 4)]
    expected = ContactListQuery(sort="last_contacted", descending=descending).ids()
    assert paged == expected and len(expected) == 23
    assert [row.last_contacted_at is None for row in query.page(0, 23)] == [False] * 15 + [True] * 8
    for after in ((8, str(NOW), 5), (20, None, 5), (20, None, None)):
        sql, params = query.page_ids_sql(after[0], 4, after)
        plan = " ".join(row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))
        assert "SEARCH c USING INDEX contact_last_contacted_at" in plan, plan
        assert "TEMP B-TREE" not in plan, plan
    sql, params = query.page_ids_sql(0, 4)
    plan = " ".join(row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))
    assert "USING INDEX contact_last_contacted_at" in plan and "TEMP B-TREE" not in plan, plan
