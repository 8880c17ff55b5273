"""Companies: the list with people counted and last contact, the search order, targets and their
undo, a company's people and events, and the ways into a target nobody works at."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from netdesk.core.companies import CompanyRow, patched, rank
from netdesk.core.company_detail import events_of, former_at, people_at
from netdesk.core.company_paths import ways_in
from netdesk.core.interactions import Give, log_interaction
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, Employment, Event, EventPerson, db

WHEN = datetime(2026, 10, 1, 12, 0)


def _person(services, name: str, organisation: str = "", circle: str = "") -> int:
    given, family = name.split(" ", 1)
    draft = ContactDraft(given_name=given, family_name=family, organisation=organisation)
    contact_id: int = services.contacts.create(draft)
    if circle:
        Contact.update(circle=circle).where(Contact.id == contact_id).execute()
    return contact_id


def _talk(services, contact_id: int, days_ago: int, give: Give | None = None) -> None:
    when = WHEN - timedelta(days=days_ago)
    log_interaction(services.changes, contact_id, occurred_at=when, give=give)


def _event(name: str, days_ago: int, organiser: str = "") -> int:
    starts = WHEN - timedelta(days=days_ago)
    return int(Event.create(name=name, starts_at=starts, organiser=organiser, status="attended").id)


def _company_id(name: str) -> int:
    return int(db.execute_sql("SELECT id FROM company WHERE name = ?", [name]).fetchone()[0])


def test_the_list_counts_living_people_and_their_last_contact(services) -> None:
    ana = _person(services, "Ana Lima", "Acme")
    bo = _person(services, "Bo Berg", "ACME")  # the same company, whatever the case
    gone = _person(services, "Cy Gone", "Acme")
    _person(services, "Di Dunn", "Globex")
    _person(services, "Ed Free")
    _talk(services, ana, 30)
    _talk(services, bo, 3)
    _talk(services, gone, 1)
    services.bulk.set_archived([gone], True)
    rows = {row.name: row for row in services.companies.rows()}
    assert set(rows) == {"Acme", "Globex"}
    assert (rows["Acme"].people, rows["Acme"].last_contacted_at) == (2, WHEN - timedelta(days=3))
    assert (rows["Globex"].people, rows["Globex"].last_contacted_at) == (1, None)


def test_a_company_whose_people_all_left_drops_out_unless_a_target(services) -> None:
    ana = _person(services, "Ana Lima", "Acme")
    _person(services, "Di Dunn", "Globex")
    services.contacts.update(ana, ContactDraft(given_name="Ana", family_name="Lima"))
    assert [row.name for row in services.companies.rows()] == ["Globex"]
    services.companies.set_target(_company_id("Acme"), True)
    assert [(r.name, r.people, r.target) for r in services.companies.rows()] == [
        ("Acme", 0, True),
        ("Globex", 1, False),
    ]
    assert [row.name for row in services.companies.rows(targets_only=True)] == ["Acme"]


def test_marking_a_target_returns_what_it_was_and_is_announced(services) -> None:
    _person(services, "Ana Lima", "Acme")
    heard: list[tuple[str, frozenset[int]]] = []
    services.changes.subscribe(lambda topic, ids: heard.append((topic, ids)))
    acme = _company_id("Acme")
    assert services.companies.set_target(acme, True) is False
    assert services.companies.set_target(acme, False) is True
    assert services.companies.set_target(acme + 100, True) is None
    assert heard == [("companies", frozenset({acme}))] * 2


def test_adding_a_target_by_name_and_undoing_it(services) -> None:
    _person(services, "Ana Lima", "Acme")
    added = services.companies.add_target("  globex ")
    assert added.created and services.companies.name_of(added.company_id) == "globex"
    again = services.companies.add_target("ACME")
    assert (again.created, again.was_target) == (False, False)
    assert [r.name for r in services.companies.rows(targets_only=True)] == ["Acme", "globex"]
    services.companies.undo_add_target(again)
    services.companies.undo_add_target(added)
    assert services.companies.name_of(added.company_id) is None
    assert [(r.name, r.target) for r in services.companies.rows()] == [("Acme", False)]
    with pytest.raises(ValueError):
        services.companies.add_target("   ")


def _row(name: str) -> CompanyRow:
    return CompanyRow(0, name, 1, None, False)


def test_search_puts_the_company_named_first_then_prefixes_then_words() -> None:
    rows = [
        _row(name)
        for name in ("Blue Acme", "Acme Analytics", "Dynacme", "Acme", "Globex", "Ácme Foods")
    ]
    assert [r.name for r in rank(rows, "acme")] == [
        "Acme",
        "Acme Analytics",
        "Ácme Foods",
        "Blue Acme",
        "Dynacme",
    ]
    assert rank(rows, "  ") == rows


def test_people_by_circle_then_latest_contact(services) -> None:
    mentor = _person(services, "Mo Mentor", "Acme", "mentor")
    old = _person(services, "Ol Colleague", "Acme", "colleague")
    new = _person(services, "Ne Colleague", "Acme", "colleague")
    never = _person(services, "Na Colleague", "Acme", "colleague")
    nobody = _person(services, "No Circle", "Acme")
    _talk(services, old, 200)
    _talk(services, new, 2)
    _talk(services, mentor, 1)
    people = people_at(_company_id("Acme"))
    assert [p.id for p in people] == [new, old, never, mentor, nobody]
    assert people[0].last_contacted_at == WHEN - timedelta(days=2)


def test_events_where_its_people_were_and_those_it_organised(services) -> None:
    ana = _person(services, "Ana Lima", "Acme")
    bo = _person(services, "Bo Berg", "Acme")
    other = _person(services, "Di Dunn", "Globex")
    pycon = _event("PyCon", 30)
    _event("Acme Tech Talk", 10, organiser="acme")
    dinner = _event("Dinner", 5)
    _event("Unrelated", 1)
    EventPerson.create(event=pycon, contact=ana, met=True)
    EventPerson.create(event=pycon, contact=bo, role="speaker")
    EventPerson.create(event=dinner, contact=other, met=True)
    Contact.update(met_at=dinner).where(Contact.id == bo).execute()
    events = events_of(_company_id("Acme"))
    assert [(e.name, e.organised, e.people) for e in events] == [
        ("Dinner", False, ("Bo Berg (met)",)),
        ("Acme Tech Talk", True, ()),
        ("PyCon", False, ("Ana Lima (met)", "Bo Berg (speaker)")),
    ]


def test_a_target_nobody_works_at_shows_ways_in(services) -> None:
    ana = _person(services, "Ana Lima", "Initech")
    bob = _person(services, "Bob Ray", "Globex")  # there, but archived
    carl = _person(services, "Carl Sun", "Initech")
    dora = _person(services, "Dora Fox")
    eve = _person(services, "Eve Hill")
    services.bulk.set_archived([bob], True)
    _talk(services, ana, 40, Give("received", "introduction", (None, bob)))
    _talk(services, dora, 20, Give("gave", "introduction", (dora, bob)))
    talk = _event("Globex Tech Talk", 10, organiser="Globex")
    EventPerson.create(event=talk, contact=carl, met=True)
    EventPerson.create(event=talk, contact=eve, met=False)
    services.companies.add_target("Globex")
    globex = _company_id("Globex")
    assert [r.people for r in services.companies.rows() if r.id == globex] == [0]
    ways = ways_in(globex)
    assert [(w.name, w.why, (WHEN - w.when).days) for w in ways] == [
        ("Dora Fox", "was introduced to Bob Ray", 20),
        ("Ana Lima", "introduced you to Bob Ray", 40),
        ("Carl Sun", "met at Globex's Globex Tech Talk", 10),
    ]


def test_people_met_where_someone_there_was_listed_are_ways_in(services) -> None:
    bob = _person(services, "Bob {0} Ray", "Globex")
    carl = _person(services, "Carl Sun")
    meetup = _event("Data {Meetup}", 3)
    EventPerson.create(event=meetup, contact=bob, want_to_meet=True)
    EventPerson.create(event=meetup, contact=carl, met=True)
    Contact.update(met_at=meetup).where(Contact.id == carl).execute()
    assert [(w.contact_id, w.why) for w in ways_in(_company_id("Globex"))] == [
        (carl, "met at Data {Meetup}, where Bob {0} Ray was too")
    ]


def test_people_who_used_to_work_there_latest_to_leave_first(services) -> None:
    ana = _person(services, "Ana Lima", "Initech")
    bo = _person(services, "Bo Berg")
    cy = _person(services, "Cy Chen", "Globex")  # back at Globex: not a former one
    _person(services, "Di Dunn", "Globex")
    for contact, title, left in (
        (ana, "Analyst", date(2023, 5, 31)),
        (ana, "Data Engineer", date(2025, 3, 1)),
        (bo, "", None),
        (cy, "Intern", date(2020, 1, 1)),
    ):
        Employment.create(contact=contact, organisation="GLOBEX", title=title, ended_on=left)
    globex = _company_id("Globex")
    assert [(p.id, p.title, p.left_on, p.now_at) for p in former_at(globex)] == [
        (ana, "Data Engineer", date(2025, 3, 1), "Initech"),
        (bo, "", None, ""),
    ]
    row = next(r for r in services.companies.rows() if r.id == globex)
    detail = services.companies.detail(row)
    assert [p.id for p in detail.former] == [ana, bo] and detail.ways == []


def test_former_people_lead_the_ways_into_a_target(services) -> None:
    ana = _person(services, "Ana Lima", "Initech")
    Employment.create(
        contact=ana, organisation="Globex", title="Analyst", ended_on=date(2025, 3, 1)
    )
    added = services.companies.add_target("Globex")
    ways = ways_in(added.company_id)
    assert [(w.contact_id, w.why, w.when) for w in ways] == [
        (ana, "used to work there as Analyst; now at Initech", date(2025, 3, 1))
    ]
    row = next(r for r in services.companies.rows() if r.id == added.company_id)
    assert services.companies.detail(row).ways == ways


def test_rows_of_some_companies_match_the_whole_list(services) -> None:
    ana = _person(services, "Ana Lima", "Acme")
    _person(services, "Di Dunn", "Globex")
    _talk(services, ana, 3)
    acme, globex = _company_id("Acme"), _company_id("Globex")
    whole = {row.id: row for row in services.companies.rows()}
    assert services.companies.rows_of([acme, globex]) == whole
    services.contacts.update(ana, ContactDraft(given_name="Ana", family_name="Lima"))
    assert services.companies.rows_of([acme]) == {acme: None}
    assert services.companies.companies_of([ana]) == set()
    assert services.companies.companies_of([ana, 999]) is None


def test_moving_a_contact_names_both_companies(services) -> None:
    ana = _person(services, "Ana Lima", "Acme")
    _person(services, "Di Dunn", "Globex")
    heard: list[tuple[str, frozenset[int]]] = []
    services.changes.subscribe(lambda topic, ids: heard.append((topic, ids)))
    draft = ContactDraft(given_name="Ana", family_name="Lima", organisation="globex")
    services.contacts.update(ana, draft)
    services.contacts.update(ana, draft)  # no move: no companies change
    companies = [ids for topic, ids in heard if topic == "companies"]
    assert companies == [frozenset({_company_id("Acme"), _company_id("Globex")})]


def test_patched_rows_keep_the_list_order() -> None:
    rows = [_row("Acme"), _row("Globex")]
    rows = [row._replace(id=i) for i, row in enumerate(rows, 1)]
    fresh = {1: None, 2: rows[1]._replace(people=5), 3: CompanyRow(3, "Blue", 1, None, True)}
    assert [(r.name, r.people) for r in patched(rows, fresh)] == [("Blue", 1), ("Globex", 5)]
