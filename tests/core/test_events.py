"""EventService: events, list order and filters, checklist, people, pitches, capture, review."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from netdesk.core.event_times import from_utc, to_utc
from netdesk.core.events import EventDraft
from netdesk.core.interactions import timeline
from netdesk.core.pitches import length_label, spoken_seconds, word_count
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, Event, EventPerson, FollowUp, Goal, Interaction

NOW = datetime(2026, 3, 11, 14, 30)


@pytest.fixture
def events(services):
    return services.events


def _event(events, name: str, start: datetime, **fields) -> int:
    return events.create(EventDraft(name=name, starts_at=start, **fields))


def _contact(services, given: str, family: str, organisation: str = "") -> int:
    draft = ContactDraft(given_name=given, family_name=family, organisation=organisation)
    return services.contacts.create(draft)


def test_create_load_update_with_time_zone(events) -> None:
    start = datetime(2026, 4, 14, 9, 0)
    event_id = _event(
        events,
        "PyCon DE",
        start,
        ends_at=datetime(2026, 4, 16, 18, 0),
        timezone="Europe/Berlin",
        kind="conference",
        place="Darmstadt",
        cost="€450",
    )
    stored = Event.get_by_id(event_id)
    assert stored.starts_at == datetime(2026, 4, 14, 7, 0)  # UTC (CEST is +2)
    assert stored.uid.endswith("@netdesk")
    draft = events.load(event_id)
    assert (draft.starts_at, draft.timezone, draft.place) == (start, "Europe/Berlin", "Darmstadt")
    draft.status = "registered"
    events.update(event_id, draft)
    assert events.load(event_id).checklist["registered"] is True
    assert events.progress(event_id) == (1, 5)
    draft = events.load(event_id)
    draft.checklist["travel"] = True
    events.update(event_id, draft)
    assert events.get(event_id).checklist_done == 2


def test_an_event_kept_in_utc_is_edited_in_local_time_and_stays_in_utc(events, tokyo) -> None:
    """An .ics file's or a phone's event kept in UTC is edited in local time: saved, it keeps
    its moment and its zone (it was stored nine hours later in Tokyo), until a zone is chosen."""
    event_id = _event(events, "Webinar", datetime(2026, 4, 14, 8, 0), timezone="UTC")
    draft = events.load(event_id)
    assert (draft.starts_at, draft.timezone) == (datetime(2026, 4, 14, 17, 0), "")
    draft.notes = "Ask about the compiler job"
    events.update(event_id, draft)
    stored = Event.get_by_id(event_id)
    assert (stored.starts_at, stored.timezone) == (datetime(2026, 4, 14, 8, 0), "UTC")
    assert stored.notes == "Ask about the compiler job"
    draft.timezone = "Europe/Berlin"
    events.update(event_id, draft)
    stored = Event.get_by_id(event_id)
    assert (stored.starts_at, stored.timezone) == (datetime(2026, 4, 14, 15, 0), "Europe/Berlin")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": " "}, "needs a name"),
        ({"kind": "party"}, "Unknown kind"),
        ({"ends_at": datetime(2026, 1, 1)}, "ends before"),
        ({"timezone": "Mars/Olympus"}, "time zone"),
        ({"checklist": {"snacks": True}}, "checklist"),
    ],
)
def test_invalid_drafts_are_refused(events, fields, message) -> None:
    draft = EventDraft(name="Meetup", starts_at=datetime(2026, 2, 1, 18, 0))
    for key, value in fields.items():
        setattr(draft, key, value)
    with pytest.raises(ValueError, match=message):
        events.create(draft)


def test_list_upcoming_first_then_past_and_filters(events) -> None:
    _event(events, "Old meetup", NOW - timedelta(days=30))
    _event(events, "Later conf", NOW + timedelta(days=60), kind="conference")
    _event(events, "Soon meetup", NOW + timedelta(days=2), status="registered")
    _event(events, "Older webinar", NOW - timedelta(days=90), kind="webinar")
    _event(
        events,
        "Running now",
        NOW - timedelta(hours=1),
        ends_at=NOW + timedelta(hours=2),
        kind="workshop",
    )
    names = [r.name for r in events.list()]
    assert names == ["Running now", "Soon meetup", "Later conf", "Old meetup", "Older webinar"]
    assert [r.name for r in events.list(kind="meetup")] == ["Soon meetup", "Old meetup"]
    assert [r.name for r in events.list(status="registered")] == ["Soon meetup"]
    assert [r.upcoming for r in events.list(kind="meetup")] == [True, False]


def test_people_to_meet(services, events) -> None:
    event_id = _event(events, "Data meetup", NOW + timedelta(days=3))
    ada = _contact(services, "Ada", "Lovelace", "Analytical")
    entry = events.people.add(event_id, ada, role="speaker", research_notes="Talk on engines")
    new_entry = events.people.add_new(event_id, "Grace Hopper", "Navy", want_to_meet=False)
    rows = events.people.list(event_id)
    assert [(r.name, r.role, r.want_to_meet) for r in rows] == [
        ("Ada Lovelace", "speaker", True),
        ("Grace Hopper", "attendee", False),
    ]
    assert rows[0].research_notes == "Talk on engines"
    events.people.update(new_entry, want_to_meet=True, research_notes="COBOL")
    events.people.update(entry, met=True)
    row = events.get(event_id)
    assert (row.people, row.want, row.met) == (2, 2, 1)
    with pytest.raises(ValueError):
        events.people.add(event_id, ada, role="bouncer")
    events.people.remove(entry)
    assert [r.name for r in events.people.list(event_id)] == ["Grace Hopper"]


def test_pitch_library_and_lengths(events) -> None:
    text = " ".join(["word"] * 65)
    assert word_count("I'm a data-engineer, who builds pipelines.") == 6
    assert spoken_seconds(text) == 30
    assert length_label(text) == "65 words · about 30 s"
    assert length_label(" ".join(["w"] * 200)) == "200 words · about 1 min 32 s"
    pitches = events.pitches
    first = pitches.create("Recruiters", text, audience="hiring managers")
    pitches.create("Engineers", "I build things.")
    assert [p.title for p in pitches.list()] == ["Engineers", "Recruiters"]
    pitches.update(first, "Recruiters", "Short now.", "hiring")
    assert pitches.get(first).words == 2
    event_id = _event(events, "Career fair", NOW + timedelta(days=1), pitch_id=first)
    pitches.delete(first)
    assert events.load(event_id).pitch_id is None
    with pytest.raises(ValueError):
        pitches.create(" ")


def test_capture_creates_matches_logs_and_follows_up(services, events) -> None:
    event_id = _event(events, "PyData", NOW - timedelta(hours=3), timezone="UTC")
    ada = _contact(services, "Ada", "Lovelace", "Analytical")
    grace = _contact(services, "Grace", "Hopper")
    events.people.add(event_id, ada, want_to_meet=True)
    other = _event(events, "Elsewhere", NOW)
    events.people.add(other, grace)

    first = events.capture(event_id, "ada lovelace", "Analytical", "Talked about engines")
    assert (first.contact_id, first.created) == (ada, False)
    second = events.capture(event_id, "Grace Hopper", "Navy")
    assert (second.contact_id, second.created) == (grace, False)
    assert Contact.get_by_id(grace).organisation == "Navy"
    third = events.capture(event_id, "Linus Torvalds", "Linux", "kernel chat", follow_up_days=5)
    assert third.created
    made = Contact.get_by_id(third.contact_id)
    assert (made.given_name, made.family_name, made.organisation) == ("Linus", "Torvalds", "Linux")
    assert (made.met_at_id, made.source) == (event_id, "capture")
    assert made.how_met == "Met at PyData (11 Mar 2026)"

    logged = timeline(third.contact_id)[0]
    assert (logged.channel, logged.summary, logged.event_id) == ("event", "kernel chat", event_id)
    followup = FollowUp.get_by_id(third.followup_id)
    assert followup.due_at.date() == date(2026, 3, 16)
    assert (followup.reason, followup.event_id, followup.origin) == (
        "after meeting",
        event_id,
        "event",
    )
    assert followup.note == "Met at PyData: kernel chat"
    assert FollowUp.get_by_id(first.followup_id).due_at.date() == date(2026, 3, 13)
    people = {p.name: p for p in events.people.list(event_id)}
    assert people["Ada Lovelace"].met and people["Ada Lovelace"].want_to_meet
    assert people["Linus Torvalds"].met and not people["Linus Torvalds"].want_to_meet


def test_capture_same_name_other_organisation_is_someone_new(services, events) -> None:
    event_id = _event(events, "Meetup", NOW)
    sam = _contact(services, "Sam", "Lee", "Acme")
    result = events.capture(event_id, "Sam Lee", "Globex")
    assert result.created and result.contact_id != sam
    assert events.capture(event_id, "Sam Lee").contact_id in (sam, result.contact_id)
    chosen = events.capture(event_id, "Sam", contact_id=sam)
    assert (chosen.contact_id, chosen.created) == (sam, False)
    with pytest.raises(ValueError):
        events.capture(event_id, "  ")


def test_matches_put_the_event_people_first(services, events) -> None:
    event_id = _event(events, "Meetup", NOW)
    _contact(services, "Anna", "Berg", "Acme")
    _contact(services, "Hanna", "Smith")
    annika = _contact(services, "Annika", "Lind")
    events.people.add(event_id, annika)
    found = events.people.matches("ann", event_id)
    assert [m.label for m in found] == ["Annika Lind", "Anna Berg — Acme"]
    assert found[0].on_event
    assert [m.name for m in events.people.matches("berg an")] == ["Anna Berg"]
    assert events.people.matches("  ") == [] and events.people.matches('"*') == []


def test_review_goal_and_want_to_meet(services, events) -> None:
    event_id = _event(events, "Conf", NOW - timedelta(days=1), goals="Meet data people")
    draft = events.load(event_id)
    draft.goal_target = 3
    events.update(event_id, draft)
    for given in ("Ada", "Bob", "Cy"):
        events.people.add(event_id, _contact(services, given, "X"))
    events.capture(event_id, "Ada X")
    events.capture(event_id, "Dee New")
    review = events.review(event_id)
    assert (review.met, review.goal_target, review.goal_reached) == (2, 3, False)
    assert (review.want_total, review.want_met) == (3, 1)
    assert review.missed_names == ["Bob X", "Cy X"]
    assert sorted(review.met_names) == ["Ada X", "Dee New"]
    events.capture(event_id, "Eve New")
    assert events.review(event_id).goal_reached is True


def test_events_show_on_the_follow_up_calendar(services, events) -> None:
    event_id = _event(events, "Meetup", datetime(2026, 3, 12, 18, 30))
    _event(events, "Skipped", datetime(2026, 3, 12, 19, 0), status="skipped")
    items = services.followups.other_items(date(2026, 3, 12), date(2026, 3, 12))
    assert [(i.kind, i.id, i.title, i.when) for i in items] == [
        ("event", event_id, "Meetup", datetime(2026, 3, 12, 18, 30))
    ]
    assert services.followups.other_items(date(2026, 3, 13), date(2026, 3, 20)) == []
    conference = _event(
        events,
        "Conf",
        datetime(2026, 3, 20, 9, 0),
        ends_at=datetime(2026, 3, 22, 17, 0),
    )
    items = services.followups.other_items(date(2026, 3, 21), date(2026, 3, 31))
    assert [(i.id, i.title, i.when) for i in items] == [
        (conference, "Conf (day 2)", datetime(2026, 3, 21, 9, 0)),
        (conference, "Conf (day 3)", datetime(2026, 3, 22, 9, 0)),
    ]


def test_delete_keeps_contacts(services, events) -> None:
    event_id = _event(events, "Meetup", NOW)
    result = events.capture(event_id, "New Person")
    goal = Goal.create(title="Meet 3 people", event=event_id)
    deleted = events.delete(event_id)
    assert events.get(event_id) is None
    assert Contact.get_by_id(result.contact_id).met_at_id is None
    assert FollowUp.get_by_id(result.followup_id).event_id is None
    events.restore(deleted)
    assert events.get(event_id).name == "Meetup"
    assert Contact.get_by_id(result.contact_id).met_at_id == event_id
    assert FollowUp.get_by_id(result.followup_id).event_id == event_id
    assert Interaction.get_by_id(result.interaction_id).event_id == event_id
    assert [p.contact_id for p in EventPerson.select().where(EventPerson.event == event_id)] == [
        result.contact_id
    ]
    assert Goal.get_by_id(goal.id).event_id == event_id


def test_utc_round_trip() -> None:
    wall = datetime(2026, 10, 25, 2, 30)
    assert from_utc(to_utc(wall, "America/New_York"), "America/New_York") == wall


def test_undo_capture(services, events) -> None:
    event_id = _event(events, "Meetup", NOW - timedelta(hours=1))
    listed = _contact(services, "Ada", "Lovelace")
    unlisted = _contact(services, "Grace", "Hopper", "Navy")
    events.people.add(event_id, listed)
    results = [
        events.capture(event_id, "Ada Lovelace", "Analytical"),
        events.capture(event_id, "Grace Hopper"),
        events.capture(event_id, "New Person", "Startup"),
    ]
    for result in reversed(results):
        events.undo_capture(result)
    assert Contact.get_or_none(Contact.id == results[2].contact_id) is None
    assert [(p.name, p.met) for p in events.people.list(event_id)] == [("Ada Lovelace", False)]
    assert Contact.get_by_id(listed).organisation == ""
    assert timeline(listed) == [] and timeline(unlisted) == []
    assert {f.status for f in FollowUp.select().where(FollowUp.event == event_id)} == {"dismissed"}
    assert events.people.matches("New Person") == []


def test_prep_reminders_are_due_n_days_before_once(services, events) -> None:
    clock = services.followups.clock
    soon = _event(events, "Soon", NOW + timedelta(days=1, hours=2))
    _event(events, "Later", NOW + timedelta(days=3))
    _event(events, "Skipped", NOW + timedelta(days=1), status="skipped")
    _event(events, "Started", NOW - timedelta(hours=1))
    week = _event(events, "Week", NOW + timedelta(days=6), prep_reminder_days=7)
    assert sorted(r.name for r in events.prep_due()) == ["Soon", "Week"]
    events.mark_prep_notified([soon, week])
    assert events.prep_due() == []
    clock.advance(86400)
    assert [r.name for r in events.prep_due()] == ["Later"]
    draft = events.load(soon)
    draft.starts_at += timedelta(hours=30)
    events.update(soon, draft)
    assert sorted(r.name for r in events.prep_due()) == ["Later", "Soon"]
