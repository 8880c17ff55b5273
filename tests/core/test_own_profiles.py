"""Your own profiles: links per service, ticks that go stale after N months, freshness for the
event checklist, refresh reminders told once; the pitch library's undoable delete."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from netdesk.core.event_draft import EventDraft
from netdesk.core.own_profiles import (
    CHECKS,
    OwnProfileRow,
    add_months,
    link_of,
    linked,
)
from netdesk.core.profiles import Profile, recognise
from netdesk.store.models import Event

TODAY = date(2026, 3, 11)  # tests/fake_time.py's NOW


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 12, 2), 6, date(2027, 6, 2)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
    ],
)
def test_add_months_keeps_the_day_or_the_months_last(day, months, expected) -> None:
    assert add_months(day, months) == expected


def test_a_tick_stays_fresh_for_the_profiles_months() -> None:
    row = OwnProfileRow("linkedin", "https://www.linkedin.com/in/me").all_ticked(TODAY)
    assert not row.due(TODAY) and row.status(TODAY) == "Fresh until 11 Sep 2026"
    assert not row.due(date(2026, 9, 10))
    assert row.left(date(2026, 9, 11)) == list(CHECKS)
    assert row.with_months(12).fresh_until() == date(2027, 3, 11)
    assert row.with_months(0).refresh_months == 1 and row.with_months(99).refresh_months == 36


def test_status_names_what_is_left_to_check() -> None:
    row = OwnProfileRow("github", "https://github.com/me")
    assert row.status(TODAY) == "Not checked yet"
    row = row.ticked("photo", TODAY).ticked("about", TODAY)
    assert row.status(TODAY) == "To check: headline, recent activity"
    assert row.ticked("photo", None).left(TODAY) == ["photo", "headline", "activity"]


@pytest.mark.parametrize(
    ("service", "text", "url"),
    [
        (
            "linkedin",
            "www.linkedin.com/in/jordan-reyes/",
            "https://www.linkedin.com/in/jordan-reyes",
        ),
        ("github", "jreyes", "https://github.com/jreyes"),
        ("x", "@jreyes", "https://x.com/jreyes"),
        ("mastodon", "@jreyes@Fosstodon.org", "https://fosstodon.org/@jreyes"),
        ("mastodon", "https://hachyderm.io/@jreyes", "https://hachyderm.io/@jreyes"),
        ("website", "jordanreyes.dev", "https://jordanreyes.dev"),
    ],
)
def test_link_of_recognises_each_services_links(service, text, url) -> None:
    assert link_of(service, text) == Profile(service, url)


@pytest.mark.parametrize(
    ("service", "text", "message"),
    [
        ("linkedin", "https://github.com/jreyes", "This is a GitHub link, not LinkedIn"),
        ("mastodon", "https://example.org/about", "This is not a Mastodon link"),
        ("website", "javascript:alert(1)", "This is not a web link"),
        ("stackoverflow", "jreyes", "Paste the full link"),
    ],
)
def test_link_of_refuses_other_links_with_a_reason(service, text, message) -> None:
    result = link_of(service, text)
    assert isinstance(result, str) and result.startswith(message)


def test_a_mastodon_looking_link_is_a_website_unless_mastodon_is_chosen() -> None:
    assert recognise("https://hachyderm.io/@jreyes") == Profile(
        "website", "https://hachyderm.io/@jreyes"
    )


def test_put_returns_what_it_replaced_and_undo_writes_it_back(services) -> None:
    profiles = services.profiles
    first = linked(None, "linkedin", "https://www.linkedin.com/in/me", TODAY)
    assert first.notified_on == TODAY
    assert profiles.put("linkedin", first) is None
    ticked = first.ticked("photo", TODAY)
    assert profiles.put("linkedin", ticked) == first
    assert profiles.get("linkedin") == ticked
    assert profiles.put("linkedin", None) == ticked
    assert profiles.list() == []
    profiles.put("linkedin", ticked)
    assert profiles.list() == [ticked]
    with pytest.raises(ValueError, match="Unknown profile service"):
        profiles.put("myspace", None)


def test_profiles_are_listed_in_page_order(services) -> None:
    for service in ("website", "github", "linkedin"):
        services.profiles.put(service, OwnProfileRow(service, f"https://{service}.example"))
    assert [row.service for row in services.profiles.list()] == ["linkedin", "github", "website"]


def test_freshness_says_which_profiles_are_stale(services) -> None:
    profiles = services.profiles
    assert profiles.freshness().fresh is None
    profiles.put("linkedin", OwnProfileRow("linkedin", "https://x.example").all_ticked(TODAY))
    assert profiles.freshness().fresh is True
    profiles.put("github", OwnProfileRow("github", "https://github.com/me"))
    freshness = profiles.freshness()
    assert freshness.fresh is False and freshness.stale == ["GitHub"]
    assert freshness.words() == "Due for a refresh: GitHub."


def test_a_due_profile_is_announced_once_per_refresh_period(services, clock) -> None:
    profiles = services.profiles
    profiles.put("linkedin", linked(None, "linkedin", "https://x.example", TODAY).all_ticked(TODAY))
    assert profiles.to_announce() == []
    clock.advance(timedelta(days=184).total_seconds())  # 11 Sep 2026: the ticks run out
    assert [row.service for row in profiles.to_announce()] == ["linkedin"]
    assert profiles.to_announce() == []
    assert profiles.get("linkedin").notified_on == date(2026, 9, 11)


def test_the_event_checklist_reads_your_profiles(services) -> None:
    events = services.events
    event_id = events.create(
        EventDraft(name="PyCon DE", starts_at=datetime(2026, 3, 25, 9), checklist={"pitch": True})
    )
    assert events.load(event_id).checklist["profile"] is False  # no profiles: ticked by hand
    events.update(
        event_id,
        EventDraft(
            name="PyCon DE", starts_at=datetime(2026, 3, 25, 9), checklist={"profile": True}
        ),
    )
    assert events.load(event_id).checklist["profile"] is True
    services.profiles.put("github", OwnProfileRow("github", "https://github.com/me"))
    assert events.load(event_id).checklist["profile"] is False
    assert events.progress(event_id) == (0, 5)
    services.profiles.put(
        "github", OwnProfileRow("github", "https://github.com/me").all_ticked(TODAY)
    )
    assert events.load(event_id).checklist["profile"] is True
    assert events.list()[0].checklist_done == 1
    assert services.today_events.upcoming()[0].prep_done == 1
    assert (
        Event.get_by_id(event_id).checklist == '{"registered": false, "researched": false, '
        '"pitch": false, "profile": true, "travel": false}'
    )


def test_a_deleted_pitch_comes_back_with_its_events(services) -> None:
    pitches = services.events.pitches
    pitch_id = pitches.create("Meetup intro", "I build data tools.", "meetups")
    event_id = services.events.create(
        EventDraft(name="Meetup", starts_at=datetime(2026, 4, 1, 19), pitch_id=pitch_id)
    )
    deleted = pitches.delete(pitch_id)
    assert deleted is not None and pitches.list() == []
    assert Event.get_by_id(event_id).pitch_id is None
    pitches.restore(deleted)
    assert pitches.get(pitch_id).text == "I build data tools."
    assert Event.get_by_id(event_id).pitch_id == pitch_id
    assert pitches.delete(9999) is None
