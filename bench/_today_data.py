"""What Today reads, added to a generated network (`bench.generate`): birthdays, notes, photos,
events with the people met there, people who went quiet, gifts received, and exactly
`followups` follow-ups (due today, overdue back into last year, snoozed, done, upcoming).

Seeded, so runs compare; written straight through SQL like `generate_contacts`. The clock of the
benchmark stands at `NOW`, the generator's "now".
"""

from __future__ import annotations

import random
import struct
import zlib
from datetime import date, datetime, timedelta
from pathlib import Path

from netdesk.store.db import close_database, open_database
from netdesk.store.models import db

NOW = datetime(2026, 11, 24, 9, 0)
NOTES = (
    "Met at PyCon; interested in data platforms.",
    "Former colleague.\nIntroduced me to the hiring manager at Stripe.",
    "Asked about mentoring; follow up in spring.\nPrefers email over calls.",
)


def _png(rng: random.Random, size: int) -> bytes:
    """A valid, noisy PNG of `size`×`size` (noise: it does not compress to nothing)."""
    raw = b"".join(b"\x00" + rng.randbytes(size * 3) for _ in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def add_today_data(db_path: Path, followups: int = 10_000, seed: int = 11) -> None:
    """Add Today's data to every contact of the database at `db_path`."""
    rng = random.Random(seed)
    open_database(db_path)
    try:
        with db.atomic():
            ids = [row[0] for row in db.execute_sql("SELECT id FROM contact ORDER BY id")]
            _contacts(rng, ids)
            _events(rng, ids)
            _interactions(rng, ids)
            _followups(rng, ids, followups)
    finally:
        close_database()


def _contacts(rng: random.Random, ids: list[int]) -> None:
    """Birthdays on 30% (any day, 29 February too), notes on 30%, photos on 5%."""
    rows = []
    for cid in ids:
        birthday = None
        if rng.random() < 0.3:
            birthday = date(rng.randint(1960, 2000), 1, 1) + timedelta(days=rng.randint(0, 365))
        note = rng.choice(NOTES) if rng.random() < 0.3 else ""
        photo = _png(rng, 64) if rng.random() < 0.05 else None
        thumb = _png(rng, 24) if photo else None
        rows.append((birthday, note, photo, thumb, cid))
    db.obj.cursor().executemany(
        "UPDATE contact SET birthday = ?, notes = ?, photo = ?, photo_thumb = ? WHERE id = ?", rows
    )


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
    """Exactly `count` follow-ups: 2% due today, 15% overdue (up to 400 days back), 5% snoozed,
    10% done, the rest in the next four months."""
    db.execute_sql("DELETE FROM follow_up")
    rows = []
    for _ in range(count):
        draw = rng.random()
        status, due = "open", NOW + timedelta(days=rng.randint(1, 120))
        if draw < 0.02:
            due = NOW.replace(hour=0)
        elif draw < 0.17:
            due = NOW.replace(hour=0) - timedelta(days=rng.randint(1, 400))
        elif draw < 0.22:
            status = "snoozed"
        elif draw < 0.32:
            status, due = "done", NOW - timedelta(days=rng.randint(1, 200))
        rows.append((rng.choice(ids), due, rng.choice(("check-in", "after meeting")), status, NOW))
    db.obj.cursor().executemany(
        "INSERT INTO follow_up(contact_id, due_at, reason, status, created_at, updated_at, "
        "has_time, note, origin) VALUES (?, ?, ?, ?, ?, ?, 0, '', 'manual')",
        [(*row, NOW) for row in rows],
    )
