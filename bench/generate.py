"""Realistic generated networks for benchmarks and screenshots (seeded, so runs compare).

`generate_contacts(db_path, n)` writes n contacts with emails, phones, profiles, tags, circles,
interactions and follow-ups straight through SQL (100,000 take a few seconds), then builds the
search index and gives each its current job in the employment history. They work at the 23
employers of `tests.testdata.names`, or with `organisations` at that many
(`tests.testdata.organisations`: a few large, a long tail of small ones).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

from netdesk.core.vocabulary import CIRCLES
from netdesk.store import fts
from netdesk.store.db import close_database, open_database
from netdesk.store.migrations import backfill_employment
from netdesk.store.models import db
from tests.testdata.names import COMPANIES, FAMILY, GIVEN, TAGS, TITLES
from tests.testdata.organisations import employer_picker, organisation_names

HOW_MET = (
    "Met at PyCon after the data pipelines talk",
    "Introduced by a former colleague",
    "Worked together on the billing migration",
    "Classmate from university",
    "Reached out on LinkedIn about a role",
    "Sat next to each other at a meetup",
    "",
)
CHANNELS = ("in person", "email", "call", "message", "coffee", "event")


def _domain(company: str) -> str:
    return company.lower().replace(" ", "") + ".example"


def generate_contacts(
    db_path: Path, n: int, seed: int = 7, organisations: int | None = None
) -> None:
    """Create (or extend) the database at `db_path` with `n` generated contacts (at
    `organisations` employers, when given)."""
    rng = random.Random(seed)
    names = COMPANIES if organisations is None else organisation_names(organisations)
    employer = (
        (lambda rng: rng.choice(COMPANIES)) if organisations is None else employer_picker(names)
    )
    now = datetime(2026, 11, 24, 9, 0)
    open_database(db_path)
    try:
        with db.atomic():
            start = db.execute_sql("SELECT coalesce(max(id), 0) FROM contact").fetchone()[0] + 1
            for name in names:
                db.execute_sql(
                    "INSERT OR IGNORE INTO company(name, website, notes, created_at, target) "
                    "VALUES (?, '', '', ?, 0)",
                    [name, now],
                )
            companies = dict(db.execute_sql("SELECT name, id FROM company").fetchall())
            for name in TAGS:
                db.execute_sql("INSERT OR IGNORE INTO tag(name) VALUES (?)", [name])
            tags = dict(db.execute_sql("SELECT name, id FROM tag").fetchall())
            contacts, methods, contact_tags, interactions, followups = [], [], [], [], []
            for offset in range(n):
                cid = start + offset
                given, family = rng.choice(GIVEN), rng.choice(FAMILY)
                company = employer(rng)
                last = now - timedelta(days=rng.randint(1, 500)) if rng.random() < 0.7 else None
                contacts.append(
                    (
                        cid,
                        given,
                        family,
                        f"{given} {family}",
                        company,
                        companies[company],
                        rng.choice(TITLES),
                        rng.choice(CIRCLES),
                        rng.choice(HOW_MET),
                        rng.choice((None, None, 30, 90, 180)),
                        last,
                        now,
                        now,
                    )
                )
                handle = f"{given}.{family}".lower().replace("'", "")
                methods.append(
                    (
                        cid,
                        "email",
                        "work",
                        f"{handle}@{_domain(company)}",
                        f"{handle}@{_domain(company)}",
                        "",
                        0,
                    )
                )
                phone = f"+44 20 79{rng.randint(0, 99):02d} {rng.randint(0, 9999):04d}"
                methods.append((cid, "phone", "mobile", phone, phone.replace(" ", ""), "", 1))
                url = f"https://www.linkedin.com/in/{handle.replace('.', '-')}-{cid}"
                methods.append((cid, "profile", "", url, url[8:], "linkedin", 2))
                for tag in rng.sample(TAGS, rng.randint(0, 3)):
                    contact_tags.append((cid, tags[tag]))
                if last is not None:
                    interactions.append((cid, last, rng.choice(CHANNELS), "Caught up", now))
                if rng.random() < 0.15:
                    due = now + timedelta(days=rng.randint(-10, 40))
                    followups.append((cid, due, rng.choice(("check-in", "after meeting")), now))
            db.obj.cursor().executemany(
                "INSERT INTO contact(id, given_name, family_name, display_name, organisation, "
                "company_id, title, circle, how_met, cadence_days, last_contacted_at, created_at, "
                "updated_at, additional_names, prefix, suffix, nickname, department, notes, "
                "photo_url, source, vcard_uid, revision, is_group, archived) VALUES "
                "(?,?,?,?,?,?,?,?,?,?,?,?,?,'','','','','','','','manual','','',0,0)",
                contacts,
            )
            db.obj.cursor().executemany(
                "INSERT INTO contact_method(contact_id, kind, label, value, normalized, service, "
                "position, preferred, parts) VALUES (?,?,?,?,?,?,?,0,'')",
                methods,
            )
            db.obj.cursor().executemany(
                "INSERT INTO contact_tag(contact_id, tag_id) VALUES (?,?)", contact_tags
            )
            db.obj.cursor().executemany(
                "INSERT INTO interaction(contact_id, occurred_at, channel, summary, created_at, "
                "direction, give_kind) VALUES (?,?,?,?,?,'neutral','')",
                interactions,
            )
            db.obj.cursor().executemany(
                "INSERT INTO follow_up(contact_id, due_at, reason, created_at, updated_at, "
                "has_time, note, status, origin) VALUES (?,?,?,?,?,0,'','open','manual')",
                [(c, d, r, t, t) for c, d, r, t in followups],
            )
            fts.reindex(db.obj, range(start, start + n))
            backfill_employment(db.obj)
    finally:
        close_database()
