"""Follow-ups against a fake clock: states, undo, snooze presets, cadence, birthdays, queries."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from netdesk.core.cadence import CadenceService, CircleInterval
from netdesk.core.followup_dates import next_birthday, snooze_until
from netdesk.core.give_take import to_utc
from netdesk.core.interactions import log_interaction, timeline
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Contact, FollowUp, Interaction
from tests.fake_time import NOW


@pytest.fixture
def fu(services, clock):
    return services.followups


def test_done_logs_its_interaction_in_utc_as_the_store_keeps_times(fu, services, tokyo) -> None:
    cid = _contact(services)
    fid = fu.create(cid, date(2026, 3, 11))
    fu.done([fid])
    logged = Interaction.get(Interaction.contact == cid)
    assert logged.occurred_at == NOW - timedelta(hours=9)  # 14:30 in Tokyo is 05:30 UTC
    assert Contact.get_by_id(cid).last_contacted_at == logged.occurred_at
    row = fu.get(fid)  # its row read as SQLite gives it: the times parsed, the flag a bool
    assert isinstance(row.done_at, datetime) and row.has_time is False


def _contact(services, name: str = "Maria Chen", **fields) -> int:
    given, _, family = name.partition(" ")
    cid = services.contacts.create(ContactDraft(given_name=given, family_name=family))
    if fields:
        Contact.update(**fields).where(Contact.id == cid).execute()
        services.changes.publish("contacts", [cid])
    return cid


def _pending(contact_id: int, origin: str) -> list[FollowUp]:
    return list(
        FollowUp.select()
        .where(
            FollowUp.contact == contact_id,
            FollowUp.origin == origin,
            FollowUp.status.in_(("open", "snoozed")),
        )
        .order_by(FollowUp.id)
    )


def test_snooze_presets() -> None:
    assert snooze_until("1 hour", NOW) == NOW + timedelta(hours=1)
    assert snooze_until("tomorrow morning", NOW) == datetime(2026, 3, 12, 9, 0)
    assert snooze_until("next week", NOW) == datetime(2026, 3, 16, 9, 0)  # Monday
    with pytest.raises(ValueError, match="unknown snooze preset"):
        snooze_until("someday", NOW)


def test_next_week_is_the_coming_monday_even_from_a_monday_or_a_sunday() -> None:
    monday, sunday = datetime(2026, 3, 9, 20, 0), datetime(2026, 3, 15, 8, 0)
    assert snooze_until("next week", monday) == datetime(2026, 3, 16, 9, 0)
    assert snooze_until("next week", sunday) == datetime(2026, 3, 16, 9, 0)


def test_next_birthday_handles_leap_day_and_passed_dates() -> None:
    assert next_birthday(date(1988, 2, 29), date(2027, 1, 1)) == date(2027, 2, 28)
    assert next_birthday(date(1988, 2, 29), date(2028, 1, 1)) == date(2028, 2, 29)
    assert next_birthday(date(1985, 3, 1), date(2026, 3, 11)) == date(2027, 3, 1)
    assert next_birthday(date(1985, 3, 11), date(2026, 3, 11)) == date(2026, 3, 11)


def test_done_logs_interaction_and_undo_removes_it(services, fu) -> None:
    cid = _contact(services)
    fid = fu.create(cid, datetime(2026, 3, 10), reason="thank", note="for the intro")
    undo = fu.done([fid], note="sent a card")
    row = fu.get(fid)
    assert row.status == "done"
    assert "sent a card" in row.note
    [interaction] = timeline(cid)
    assert interaction.occurred_at == to_utc(NOW)  # stored as naive UTC
    assert "thank" in interaction.summary
    assert Contact.get_by_id(cid).last_contacted_at == to_utc(NOW)
    fu.undo(undo)
    assert fu.get(fid).status == "open"
    assert fu.get(fid).note == "for the intro"
    assert timeline(cid) == []
    assert Contact.get_by_id(cid).last_contacted_at is None


def test_snooze_reschedule_dismiss_are_undoable(services, fu) -> None:
    cid = _contact(services)
    fid = fu.create(cid, datetime(2026, 3, 11))
    fu.mark_notified([fid])
    undo = fu.snooze([fid], "1 hour")
    row = fu.get(fid)
    assert (row.status, row.due_at, row.has_time) == ("snoozed", NOW + timedelta(hours=1), True)
    assert row.notified_at is None  # a snoozed reminder comes back
    fu.undo(undo)
    row = fu.get(fid)
    assert (row.status, row.due_at, row.has_time) == ("open", datetime(2026, 3, 11), False)
    assert row.notified_at == NOW

    undo = fu.reschedule([fid], date(2026, 3, 20))
    assert fu.get(fid).due_at == datetime(2026, 3, 20)
    assert fu.get(fid).status == "snoozed"
    fu.undo(undo)
    assert fu.get(fid).due_at == datetime(2026, 3, 11)

    undo = fu.dismiss([fid])
    assert fu.get(fid).status == "dismissed"
    assert fu.due(datetime(2027, 1, 1)) == []
    fu.undo(undo)
    assert [r.id for r in fu.due(datetime(2027, 1, 1))] == [fid]


def test_reschedule_keeps_time_of_day(services, fu) -> None:
    cid = _contact(services)
    fid = fu.create(cid, datetime(2026, 3, 12, 16, 15), has_time=True)
    fu.reschedule([fid], date(2026, 3, 9))
    row = fu.get(fid)
    assert (row.due_at, row.status) == (datetime(2026, 3, 9, 16, 15), "open")
    fu.reschedule([fid], date(2026, 3, 9), at=time(8, 0))
    assert fu.get(fid).due_at == datetime(2026, 3, 9, 8, 0)


def test_cadence_check_in_follows_last_interaction(services, fu) -> None:
    cid = _contact(services, cadence_days=30, last_contacted_at=datetime(2026, 1, 5, 10))
    [checkin] = _pending(cid, "cadence")
    assert checkin.due_at == datetime(2026, 2, 4)
    assert checkin.reason == "check-in"
    log_interaction(services.changes, cid, occurred_at=datetime(2026, 3, 10, 17), channel="call")
    [checkin] = _pending(cid, "cadence")
    assert checkin.due_at == datetime(2026, 4, 9)  # logging a call resets the reminder


def test_a_circle_interval_makes_no_check_ins_only_a_contact_cadence_does(services, fu) -> None:
    mentor = _contact(services, circle="mentor", last_contacted_at=datetime(2026, 1, 5, 10))
    own = _contact(
        services, "Ana Lee", circle="mentor", cadence_days=7, last_contacted_at=datetime(2026, 3, 1)
    )
    assert CircleInterval("mentor", 60, 90) in CadenceService().intervals()
    assert _pending(mentor, "cadence") == []
    assert [f.due_at for f in _pending(own, "cadence")] == [datetime(2026, 3, 8)]
    CadenceService().set_intervals([CircleInterval("mentor", 30, 45)])
    fu.sync_generated()
    assert _pending(mentor, "cadence") == []
    assert [f.due_at for f in _pending(own, "cadence")] == [datetime(2026, 3, 8)]


def test_cadence_done_makes_the_next_and_undo_restores(services, fu) -> None:
    cid = _contact(services, cadence_days=14)
    log_interaction(services.changes, cid, occurred_at=datetime(2026, 2, 1, 12))
    [checkin] = _pending(cid, "cadence")
    undo = fu.done([checkin.id])
    [following] = _pending(cid, "cadence")
    assert following.id != checkin.id
    assert following.due_at == datetime(2026, 3, 25)
    fu.undo(undo)
    [restored] = _pending(cid, "cadence")
    assert (restored.id, restored.due_at) == (checkin.id, datetime(2026, 2, 15))


def test_cadence_respects_a_later_snooze_and_goes_with_the_cadence(services, fu) -> None:
    cid = _contact(services, cadence_days=7, last_contacted_at=datetime(2026, 3, 1))
    [checkin] = _pending(cid, "cadence")
    fu.snooze([checkin.id], "next week")
    services.changes.publish("contacts", [cid])  # an unrelated edit
    assert _pending(cid, "cadence")[0].due_at == datetime(2026, 3, 16, 9)
    Contact.update(cadence_days=None).where(Contact.id == cid).execute()
    services.changes.publish("contacts", [cid])
    assert _pending(cid, "cadence") == []


def test_dismissed_check_in_skips_to_the_next_and_undo_restores(services, fu) -> None:
    cid = _contact(services, cadence_days=30)
    log_interaction(services.changes, cid, occurred_at=datetime(2026, 2, 1, 12))
    [checkin] = _pending(cid, "cadence")
    undo = fu.dismiss([checkin.id])
    [following] = _pending(cid, "cadence")
    assert following.due_at == datetime(2026, 4, 2)  # the skipped one's cadence later
    services.changes.publish("contacts", [cid])  # an edit does not bring the skipped one back
    assert [r.due_at for r in _pending(cid, "cadence")] == [datetime(2026, 4, 2)]
    fu.undo(undo)
    assert [(r.id, r.due_at) for r in _pending(cid, "cadence")] == [
        (checkin.id, datetime(2026, 3, 3))
    ]


def test_dismissed_birthday_brings_next_years(services, fu) -> None:
    cid = _contact(services, birthday=date(1988, 3, 20))
    [birthday] = _pending(cid, "birthday")
    fu.dismiss([birthday.id])
    assert [r.due_at for r in _pending(cid, "birthday")] == []  # not again this year
    assert FollowUp.select().where(FollowUp.status == "dismissed").count() == 1


def test_a_29_february_birthday_is_wished_on_the_28th_in_other_years(services, fu) -> None:
    cid = _contact(services, birthday=date(1988, 2, 29))
    [birthday] = _pending(cid, "birthday")
    assert birthday.due_at == datetime(2027, 2, 28)
    fu.sync_generated()
    assert [r.id for r in _pending(cid, "birthday")] == [birthday.id]


def test_birthday_gives_one_congratulation_a_year(services, fu, clock) -> None:
    cid = _contact(services, birthday=date(1988, 3, 20))
    [birthday] = _pending(cid, "birthday")
    assert (birthday.due_at, birthday.reason) == (datetime(2026, 3, 20), "congratulate")
    fu.sync_generated()
    assert len(_pending(cid, "birthday")) == 1
    clock.jump(9 * 86400)  # the birthday itself
    fu.done([birthday.id])
    assert _pending(cid, "birthday") == []  # done today: not again today
    clock.jump(86400)
    fu.sync_generated()
    [following] = _pending(cid, "birthday")
    assert following.due_at == datetime(2027, 3, 20)
    Contact.update(birthday=date(1988, 5, 2)).where(Contact.id == cid).execute()
    services.changes.publish("contacts", [cid])
    assert [r.due_at for r in _pending(cid, "birthday")] == [datetime(2026, 5, 2)]


def test_overdue_birthday_stays_until_handled(services, fu, clock) -> None:
    cid = _contact(services, birthday=date(1990, 3, 12))
    clock.jump(3 * 86400)
    fu.sync_generated()
    assert [r.due_at for r in _pending(cid, "birthday")] == [datetime(2026, 3, 12)]
    assert [r.contact_id for r in fu.overdue()] == [cid]


def test_queries_due_overdue_counts_and_agenda(services, fu) -> None:
    cid = _contact(services, "Ana Lima")
    other = _contact(services, "Bo Ek")
    fu.create(cid, datetime(2026, 3, 2))
    fu.create(other, datetime(2026, 3, 11, 16, 0), has_time=True)
    fu.create(cid, datetime(2026, 3, 11))
    late = fu.create(other, datetime(2026, 3, 28))
    fu.create(cid, datetime(2026, 4, 2))
    fu.dismiss([late])
    assert [r.due_at.day for r in fu.overdue()] == [2]
    assert [r.contact_name for r in fu.due()] == ["Ana Lima", "Ana Lima", "Bo Ek"]
    counts = fu.day_counts(date(2026, 3, 1), date(2026, 3, 31))
    assert counts == {date(2026, 3, 2): 1, date(2026, 3, 11): 2}
    week = fu.agenda(date(2026, 3, 9), days=7)
    assert [(r.day, r.has_time) for r in week] == [
        (date(2026, 3, 11), False),
        (date(2026, 3, 11), True),
    ]


def test_agenda_sources_feed_other_items(fu) -> None:
    from netdesk.core.followup_queries import AgendaItem

    item = AgendaItem("event", 7, datetime(2026, 3, 12, 18), "PyData meetup")
    fu.agenda_sources.append(lambda first, last: [item] if first <= item.when.date() else [])
    assert fu.other_items(date(2026, 3, 1), date(2026, 3, 31)) == [item]


def test_unnotified_moments(services, fu) -> None:
    cid = _contact(services)
    timed = fu.create(cid, datetime(2026, 3, 12, 10), has_time=True)
    day = fu.create(cid, datetime(2026, 3, 13))
    assert fu.next_unnotified() == (datetime(2026, 3, 12, 10), datetime(2026, 3, 13))
    rows = fu.unnotified(datetime(2026, 3, 12, 10), datetime(2026, 3, 12))
    assert [r.id for r in rows] == [timed]
    fu.mark_notified([timed])
    assert fu.next_unnotified() == (None, datetime(2026, 3, 13))
    assert [r.id for r in fu.unnotified(NOW.replace(year=2027), NOW.replace(year=2027))] == [day]


def test_many_changed_contacts_sync_in_one_pass(services, fu) -> None:
    cid = _contact(services)
    Contact.update(cadence_days=10).where(Contact.id == cid).execute()
    services.changes.publish("contacts", [cid, *range(10_000, 11_000)])  # no huge IN list
    [checkin] = _pending(cid, "cadence")
    assert checkin.reason == "check-in"


def test_a_change_of_many_contacts_reconciles_each_of_them_and_no_other(services, fu) -> None:
    from netdesk.core.followup_generated import MAX_SYNC_IDS

    count = MAX_SYNC_IDS * 2 + 7
    rows = [{"display_name": "P", "cadence_days": 30, "birthday": date(1990, 5, 2)}]
    Contact.insert_many(rows * (count + 1)).execute()
    ids = [c.id for c in Contact.select(Contact.id).order_by(Contact.id)]
    services.changes.publish("contacts", ids[:count])  # as an import of `count` contacts does
    origins = FollowUp.select(FollowUp.contact, FollowUp.origin).tuples()
    assert sorted(origins) == sorted((c, o) for c in ids[:count] for o in ("cadence", "birthday"))


def test_the_first_of_the_overdue_are_the_oldest_of_all_in_due_order(services, fu) -> None:
    """A limit picks the oldest pending follow-ups (ties by id) before naming their people."""
    ana, bo = _contact(services, "Ana Lima"), _contact(services, "Bo Ek")
    for day in (9, 2, 5, 2, 7, 3):
        fu.create(ana if day % 2 else bo, datetime(2026, 3, day))
    fu.dismiss([fu.overdue()[0].id])
    every = fu.overdue()
    assert [r.due_at.day for r in every] == [2, 3, 5, 7, 9]
    assert fu.overdue(3) == every[:3]
    assert [r.contact_name for r in fu.overdue(2)] == ["Bo Ek", "Ana Lima"]
    assert fu.count_overdue() == 5
