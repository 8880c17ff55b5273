"""What Today reads, added to a generated network (`bench.generate`, which gives birthdays, notes
and photos): events with the people met there, people who went quiet, gifts received, and
exactly `followups` follow-ups: the check-ins and birthdays the app keeps, and the user's
(`bench.generate.followup_row`: due today, overdue back into last year, snoozed, done, upcoming).

Seeded, so runs compare; written straight through SQL like `generate_contacts`. The clock of the
benchmark stands at `NOW`, the generator's "now".
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from bench.generate import NOW, followup_row, insert_followups
from netdesk.core.followup_generated import reconcile
from netdesk.store.db import close_database, open_database
from netdesk.store.models import db


def add_today_data(db_path: Path, followups: int = 20_000, seed: int = 11) -> None:
    """Add Today's data to the contacts of the database at `db_path`, with exactly `followups`
    follow-ups."""
    rng = random.Random(seed)
    open_database(db_path)
    try:
        with db.atomic():
            ids = [row[0] for row in db.execute_sql("SELECT id FROM contact ORDER BY id")]
            _events(rng, ids)
            _interactions(rng, ids)
            _followups(rng, ids, followups)
    finally:
        close_database()


def _events(rng: random.Random, ids: list[int]) -> None:
    """80 past events over two years with 30 people met at each, 12 in the next 60 days with
    their checklists part done and people to meet."""
    cursor = db.obj.cursor()
    for index in range(92):
        past = index < 80
        days = rng.randint(0, 730) if past else rng.randint(1, 60)
        start = NOW + timedelta(days=-days if past else days, hours=rng.randint(0, 9))
        checklist = '{"registered": true, "pitch": %s}' % (
            "true" if rng.random() < 0.5 else "false"
        )
        cursor.execute(
            "INSERT INTO event(name, kind, status, starts_at, timezone, place, online_link, "
            "organiser, url, cost, notes, goals, goal_target_text, prep_notes, "
            "conversation_starters, pitch_text, checklist, prep_reminder_days, created_at, "
            "updated_at) VALUES (?, 'meetup', ?, ?, '', 'Berlin', '', '', '', '', '', '', '', '', "
            "'', '', ?, 2, ?, ?)",
            [f"Meetup {index}", "attended" if past else "registered", start, checklist, NOW, NOW],
        )
        event_id = cursor.lastrowid
        people = rng.sample(ids, 30)
        cursor.executemany(
            "INSERT OR IGNORE INTO event_person(event_id, contact_id, role, want_to_meet, met, "
            "research_notes) VALUES (?, ?, 'attendee', ?, ?, '')",
            [(event_id, cid, int(not past), int(past)) for cid in people],
        )
        if past:
            cursor.executemany(
                "UPDATE contact SET met_at_id = ? WHERE id = ?", [(event_id, cid) for cid in people]
            )


def _interactions(rng: random.Random, ids: list[int]) -> None:
    """5–12 interactions with 3% of people, the last of them 3–30 months ago (went quiet), and
    something received from 1% in the last half year."""
    rows = []
    for cid in rng.sample(ids, len(ids) * 3 // 100):
        last = NOW - timedelta(days=rng.randint(90, 900))
        for step in range(rng.randint(5, 12)):
            rows.append(
                (cid, last - timedelta(days=40 * step), "coffee", "Caught up", "neutral", "")
            )
        db.obj.cursor().execute(
            "UPDATE contact SET last_contacted_at = ?, cadence_days = NULL WHERE id = ?",
            [last, cid],
        )
    for cid in rng.sample(ids, len(ids) // 100):
        when = NOW - timedelta(days=rng.randint(1, 180))
        rows.append((cid, when, "email", "Sent me a lead", "received", "job lead"))
    db.obj.cursor().executemany(
        "INSERT INTO interaction(contact_id, occurred_at, channel, summary, direction, give_kind, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(*row, NOW) for row in rows],
    )


def _followups(rng: random.Random, ids: list[int], count: int) -> None:
    """The generated check-ins and birthdays brought in line (`_interactions` changed cadences
    and last contacts), and the user's follow-ups drawn again: `count` in all."""
    db.execute_sql("DELETE FROM follow_up WHERE origin = 'manual'")
    reconcile(NOW)
    kept = db.execute_sql("SELECT count(*) FROM follow_up").fetchone()[0]
    insert_followups([followup_row(rng, rng.choice(ids)) for _ in range(max(0, count - kept))])
