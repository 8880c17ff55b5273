"""A database with a row in EVERY table of `MODELS`, every column of it filled with a value that is
not the column's default: what the JSON export round trip (tests/core/test_json_round_trip.py)
proves lossless.

ADDING A TABLE? Add its model to ROWS below with one row (or more) giving every field a value
that is not its default (not null, not "", not 0, not False): `unfilled()` names what is missing,
and the round trip test fails until nothing is. Ids are given, so foreign keys name rows of ROWS.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from netdesk.core.json_values import DERIVED
from netdesk.store import models as m

PHOTO = bytes(range(256)) * 3  # every byte value: base64 must carry them all
T1 = datetime(2025, 7, 1, 8, 15, 30, 123456)
T2 = datetime(2025, 8, 2, 17, 45, 1)
T3 = datetime(2026, 1, 31, 23, 59, 59, 999999)

ROWS: dict[type[m.BaseModel], list[dict[str, Any]]] = {
    m.Meta: [{"key": "exported_note", "value": "kept across an export"}],
    m.Company: [
        {
            "id": 7,
            "name": "Acme Ltd",
            "website": "https://acme.test",
            "notes": "Target",
            "created_at": T1,
            "target": True,
        }
    ],
    m.Pitch: [
        {
            "id": 3,
            "title": "Short",
            "audience": "founders",
            "text": "I build CRMs.",
            "created_at": T1,
            "updated_at": T2,
        }
    ],
    m.Event: [
        {
            "id": 11,
            "name": "PyCon Ünïcode",
            "kind": "conference",
            "status": "going",
            "starts_at": T1,
            "ends_at": T2,
            "timezone": "Europe/Berlin",
            "place": "Hall A",
            "online_link": "https://meet.test/x",
            "organiser": "PSF",
            "url": "https://pycon.test",
            "cost": "€ 120",
            "notes": "line one\nline two",
            "goals": "meet 2",
            "goal_target": 2,
            "goal_target_text": "two heads of product",
            "prep_notes": "read talks",
            "conversation_starters": 'ask about "async"',
            "pitch": 3,
            "pitch_text": "I build CRMs.",
            "checklist": '{"Profile up to date": true}',
            "prep_reminder_days": 5,
            "prep_notified_at": T2,
            "uid": "event-uid-1",
            "created_at": T1,
            "updated_at": T3,
        }
    ],
    m.ImportBatch: [
        {
            "id": 5,
            "created_at": T1,
            "files": '["a.vcf"]',
            "created_count": 1,
            "merged_count": 2,
            "skipped_count": 3,
            "failed_count": 4,
            "errors": '["bad card"]',
            "undone_at": T2,
            "unchanged_count": 5,
            "combined_count": 6,
            "possible_count": 7,
            "warning_count": 8,
            "kept_aside_count": 9,
        }
    ],
    m.Contact: [
        {
            "id": 21,
            "given_name": "Jürgen",
            "family_name": "O'Neil",
            "additional_names": "Q",
            "prefix": "Dr",
            "suffix": "Jr",
            "display_name": "Jürgen O'Neil",
            "nickname": "Jü",
            "organisation": "Acme Ltd",
            "department": "R&D",
            "company": 7,
            "title": "CTO",
            "birthday": date(1980, 2, 29),
            "photo": PHOTO,
            "photo_url": "https://p.test/j.png",
            "notes": "emoji 🎉 and \u2028 separator and NUL \x00 inside",
            "how_met": "PyCon",
            "met_at": 11,
            "circle": "mentor",
            "cadence_days": 45,
            "source": "vcard",
            "vcard_uid": "uid-jurgen",
            "revision": "2025-01-01",
            "is_group": True,
            "last_contacted_at": T2,
            "archived": True,
            "deleted_at": T3,
            "import_batch": 5,
            "created_at": T1,
            "updated_at": T2,
        },
        {
            "id": 22,
            "given_name": "Ana",
            "display_name": "Ana",
            "vcard_uid": "uid-ana",
            "created_at": T1,
            "updated_at": T1,
        },
    ],
    m.ContactMethod: [
        {
            "id": 31,
            "contact": 21,
            "kind": "phone",
            "label": "cell",
            "value": "+44 7700 900123",
            "normalized": "+447700900123",
            "service": "whatsapp",
            "preferred": True,
            "parts": '{"a": 1}',
            "position": 2,
        }
    ],
    m.Tag: [{"id": 41, "name": "python"}],
    m.ContactTag: [{"contact": 21, "tag": 41}],
    m.EventPerson: [
        {
            "id": 51,
            "event": 11,
            "contact": 21,
            "role": "speaker",
            "want_to_meet": True,
            "met": True,
            "research_notes": "wrote a book",
        }
    ],
    m.Interaction: [
        {
            "id": 61,
            "contact": 21,
            "occurred_at": T2,
            "channel": "email",
            "summary": "Intro",
            "direction": "gave",
            "event": 11,
            "import_batch": 5,
            "created_at": T3,
            "give_kind": "introduction",
            "introduced_a": 21,
            "introduced_b": 22,
        }
    ],
    m.Opportunity: [
        {
            "id": 91,
            "title": "Staff engineer",
            "company": 7,
            "stage": "applied",
            "url": "https://jobs.test/1",
            "notes": "referral",
            "source": "PyCon",
            "heard_on": date(2025, 6, 30),
            "next_step": "Send CV",
            "next_step_on": date(2026, 2, 2),
            "created_at": T1,
            "updated_at": T3,
        }
    ],
    m.OpportunityPerson: [
        {
            "id": 92,
            "opportunity": 91,
            "contact": 21,
            "role": "referred me",
            "interaction": 61,
            "position": 1,
        }
    ],
    m.OpportunityStage: [{"id": 93, "opportunity": 91, "stage": "applied", "changed_at": T2}],
    m.FollowUp: [
        {
            "id": 71,
            "contact": 21,
            "due_at": T3,
            "has_time": True,
            "reason": "congratulate",
            "note": "new job",
            "status": "done",
            "origin": "event",
            "notified_at": T2,
            "done_at": T3,
            "interaction": 61,
            "event": 11,
            "created_at": T1,
            "updated_at": T2,
            "opportunity": 91,
        }
    ],
    m.Goal: [
        {
            "id": 81,
            "event": 11,
            "company": 7,
            "title": "Meet 2",
            "description": "heads",
            "target_count": 2,
            "due_date": date(2026, 2, 1),
            "status": "done",
            "created_at": T1,
        }
    ],
    m.ImportChange: [
        {"id": 101, "batch": 5, "contact": 21, "action": "merged", "before": '{"title": "CEO"}'}
    ],
    m.ReachOutSkip: [{"contact": 21, "until": date(2026, 3, 18)}],
    m.MessageTemplate: [
        {
            "id": 111,
            "name": "Mine",
            "reason": "thank",
            "subject": "Thanks",
            "body": "Hi {first_name}",
            "give_kind": "advice",
            "position": 9,
            "updated_at": T2,
        }
    ],
    m.CircleCadence: [{"circle": "board", "ideal_days": 10, "max_days": 20}],
    m.TrackedGoal: [
        {
            "id": 121,
            "title": "Meet people",
            "kind": "targets",
            "channel": "email",
            "give_kind": "advice",
            "circle": "peer",
            "tag": "python",
            "company": "Acme Ltd",
            "period": "quarter",
            "starts_on": date(2026, 1, 1),
            "ends_on": date(2026, 6, 30),
            "target": 3,
            "position": 4,
            "created_at": T1,
        }
    ],
    m.GoalTarget: [
        {"id": 131, "goal": 121, "contact": 21, "organisation": "Acme Ltd", "position": 1}
    ],
    m.Employment: [
        {
            "id": 141,
            "contact": 21,
            "organisation": "Acme Ltd",
            "title": "CTO",
            "started_on": date(2020, 1, 1),
            "ended_on": date(2025, 6, 30),
            "source": "linkedin",
            "recorded_at": T2,
            "import_batch": 5,
        }
    ],
    m.OwnProfile: [
        {
            "service": "linkedin",
            "url": "https://www.linkedin.com/in/jürgen-o-neil",
            "ticks": '{"about": "2026-02-01", "photo": "2026-03-01"}',
            "refresh_months": 3,
            "notified_on": date(2026, 3, 1),
        }
    ],
    m.SyncAccount: [
        {
            "id": 151,
            "url": "https://dav.example.org/",
            "user": "jürgen",
            "ca_file": "/etc/ssl/own-ca.pem",
            "address_book": "https://dav.example.org/jürgen/contacts/",
            "sync_token": "http://radicale.org/ns/sync/1",
            "ctag": '"c1"',
            "task_list": "https://dav.example.org/jürgen/tasks/",
            "task_token": "http://radicale.org/ns/sync/2",
            "task_ctag": '"c2"',
            "calendar": "https://dav.example.org/jürgen/events/",
            "calendar_token": "http://radicale.org/ns/sync/3",
            "calendar_ctag": '"c3"',
            "journal": "https://dav.example.org/jürgen/journal/",
            "journal_token": "http://radicale.org/ns/sync/4",
            "journal_ctag": '"c4"',
            "last_sync_at": T2,
            "last_error": "the server stopped answering",
            "created_at": T1,
        }
    ],
    m.SyncCard: [
        {
            "id": 161,
            "account": 151,
            "contact": 21,
            "href": "/jürgen/contacts/a.vcf",
            "etag": '"e1"',
            "vcard": "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jürgen\r\nEND:VCARD\r\n",
            "dirty": True,
            "synced_at": T2,
        }
    ],
    m.SyncTask: [
        {
            "id": 181,
            "account": 151,
            "followup": 71,
            "href": "/jürgen/tasks/t.ics",
            "etag": '"t1"',
            "ical": "BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:t\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
            "dirty": True,
            "foreign": True,
            "synced_at": T2,
        }
    ],
    m.SyncEvent: [
        {
            "id": 191,
            "account": 151,
            "event": 11,
            "href": "/jürgen/events/e.ics",
            "etag": '"v1"',
            "ical": "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:e\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "dirty": True,
            "foreign": True,
            "synced_at": T2,
            "waiting": '["urn:uuid:not-here-yet"]',
        }
    ],
    m.SyncJournal: [
        {
            "id": 193,
            "account": 151,
            "interaction": 61,
            "href": "/jürgen/journal/j.ics",
            "etag": '"v1"',
            "ical": "BEGIN:VCALENDAR\r\nBEGIN:VJOURNAL\r\nUID:j\r\nEND:VJOURNAL\r\n"
            "END:VCALENDAR\r\n",
            "dirty": True,
            "foreign": True,
            "synced_at": T2,
        }
    ],
    m.SyncConflict: [
        {
            "id": 171,
            "account": 151,
            "contact": 21,
            "field": "title",
            "base": '"CTO"',
            "local": '"CEO"',
            "remote": '"Chair"',
            "created_at": T2,
            "resolved_at": T2,
        }
    ],
    m.SyncItemConflict: [
        {
            "id": 181,
            "account": 151,
            "followup": 71,
            "event": 11,
            "interaction": 61,
            "field": "note",
            "base": '["was"]',
            "local": '["mine"]',
            "remote": '["theirs"]',
            "created_at": T2,
            "resolved_at": T2,
        }
    ],
}


def fill() -> None:
    """Write ROWS into the bound (new, migrated) database."""
    for model, rows in ROWS.items():
        model.insert_many(rows).execute()


def unfilled() -> list[str]:
    """Tables of MODELS without rows in ROWS, and columns no row of ROWS gives a value that is
    not the default: each a line telling the author what to add."""
    missing = []
    for model in m.MODELS:
        table = model._meta.table_name
        rows = ROWS.get(model)
        if not rows:
            missing.append(f"table {table}: add a row for {model.__name__} to ROWS in {__file__}")
            continue
        for field in model._meta.sorted_fields:
            if (table, field.column_name) in DERIVED:
                continue
            if not any(_not_default(field, row.get(field.name)) for row in rows):
                missing.append(
                    f"{table}.{field.column_name}: give it a value other than its default in a "
                    f"{model.__name__} row of ROWS in {__file__}"
                )
    return missing


def _not_default(field: Any, value: Any) -> bool:
    if value is None or value in ("", 0, False):
        return False
    default = field.default() if callable(field.default) else field.default
    return bool(value != default)
