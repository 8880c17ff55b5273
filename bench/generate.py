"""Realistic generated networks for benchmarks and screenshots (seeded, so runs compare).

`generate_contacts(db_path, n)` writes n contacts straight through SQL (100,000 take ~15 s on
an idle machine; a copy of the same network built before when there is one), indexes them for
search as the import does and gives each their current job in the employment history. What
they hold is issue 19's realistic data (`tests.testdata.people`, `tests.testdata.photos`):
- names drawn skewed, so namesakes (also at the same employer) are common;
- employers among `organisations` names (5,000 by default; `tests.testdata.organisations`: a few
  large, a long tail of small ones), or the 23 of `tests.testdata.names` with `organisations=0`;
- a work email each (a second, personal one on 30%), a phone on 85% typed in national formats
  with extensions (a second on 15%), a LinkedIn profile on 80%, GitHub on 15%;
- notes on 40% (several lines on some, paragraphs on a few), a JPEG or PNG photo on 10%
  (2-45 KB; no thumbnail, as the app stores them), birthdays on 10%, 0-3 tags, circles, a
  check-in cadence on 5%, an interaction with 70%;
- follow-ups, one per five contacts (~20,000 at 100,000), as the app keeps them: a check-in for
  each cadence and a congratulation for each birthday (`core.followup_generated.reconcile`, so
  the app's own resync finds nothing to do), and 5% the user made: overdue, due today and to
  come, snoozed and done.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import tempfile
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

from netdesk.core.followup_generated import reconcile
from netdesk.core.vocabulary import CIRCLES
from netdesk.store import fts
from netdesk.store.db import close_database, open_database
from netdesk.store.migrations import backfill_employment
from netdesk.store.models import db
from tests.testdata import people
from tests.testdata.names import COMPANIES, TAGS, TITLES
from tests.testdata.organisations import employer_picker, organisation_names
from tests.testdata.photos import photo, photo_pool

NOW = datetime(2026, 11, 24, 9, 0)
"""The generator's "now": interactions and follow-ups are dated around it."""
ORGANISATIONS = 5_000
CACHE = Path(tempfile.gettempdir()) / "netdesk-bench-networks"
KEEP = 8
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


def followup_row(rng: random.Random, contact_id: int) -> tuple[int, datetime, str, str]:
    """(contact, due, reason, status) of one follow-up: 2% due today, 15% overdue (up to 400
    days back), 5% snoozed, 10% done, the rest in the next four months."""
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
    return contact_id, due, rng.choice(("check-in", "after meeting")), status


def insert_followups(rows: list[tuple[int, datetime, str, str]]) -> None:
    """Write `followup_row` rows."""
    db.obj.cursor().executemany(
        "INSERT INTO follow_up(contact_id, due_at, reason, status, created_at, updated_at, "
        "has_time, note, origin) VALUES (?, ?, ?, ?, ?, ?, 0, '', 'manual')",
        [(*row, NOW, NOW) for row in rows],
    )


class _Network:
    """The rows of one generated network, built person by person."""

    def __init__(self, rng: random.Random, companies: dict[str, int], tags: dict[str, int]):
        self.rng, self.companies, self.tags = rng, companies, tags
        self.photos = photo_pool()
        self.handles: Counter[str] = Counter()
        self.contacts: list[tuple[object, ...]] = []
        self.methods: list[tuple[object, ...]] = []
        self.contact_tags: list[tuple[int, int]] = []
        self.interactions: list[tuple[object, ...]] = []
        self.followups: list[tuple[int, datetime, str, str]] = []
        self.index: list[tuple[int, str, str, str, str, str, str]] = []

    def add(self, cid: int, company: str) -> None:
        rng = self.rng
        given, family = people.full_name(rng)
        title, how_met, notes = rng.choice(TITLES), rng.choice(HOW_MET), people.note(rng)
        last = NOW - timedelta(days=rng.randint(1, 500)) if rng.random() < 0.7 else None
        picture = photo(rng, self.photos, f"contact {cid}") if rng.random() < 0.1 else None
        self.contacts.append(
            (
                cid,
                given,
                family,
                f"{given} {family}",
                company,
                self.companies[company],
                title,
                rng.choice(CIRCLES),
                how_met,
                rng.choice((30, 60, 90, 180)) if rng.random() < 0.05 else None,
                last,
                people.birthday(rng),
                notes,
                picture,
                NOW,
                NOW,
            )
        )
        methods = self._methods(cid, given, family, company)
        tags = people.tags(rng, TAGS)
        self.contact_tags.extend((cid, self.tags[tag]) for tag in tags)
        self.index.append(
            (
                cid,
                f"{given} {family} {given}  {family}",
                company,
                title,
                f"{notes} {how_met}",
                " ".join(fts.method_text(kind, value, norm) for kind, _, value, norm, _ in methods),
                " ".join(tags),
            )
        )
        if last is not None:
            self.interactions.append((cid, last, rng.choice(CHANNELS), "Caught up", NOW))
        if rng.random() < 0.05:
            self.followups.append(followup_row(rng, cid))

    def _methods(
        self, cid: int, given: str, family: str, company: str
    ) -> list[tuple[str, str, str, str, str]]:
        rng = self.rng
        name = people.handle(given, family)
        self.handles[name + company] += 1
        seen = self.handles[name + company]
        email = f"{name}{seen if seen > 1 else ''}@{_domain(company)}"
        found = [("email", "work", email, email, "")]
        if rng.random() < 0.3:
            own = f"{name}.{cid}@mail.example"
            found.append(("email", "home", own, own, ""))
        for index, label in enumerate(("mobile", "work")):
            if rng.random() < (0.85 if index == 0 else 0.15):
                typed, e164, _ = people.phone(rng, cid + 500_000 * index)
                found.append(("phone", label, typed, e164, ""))
        if rng.random() < 0.8:
            url = f"https://www.linkedin.com/in/{name.replace('.', '-')}-{cid}"
            found.append(("profile", "", url, url[12:], "linkedin"))
        if rng.random() < 0.15:
            url = f"https://github.com/{name.replace('.', '')}-{cid}"
            found.append(("profile", "", url, url[8:], "github"))
        for position, (kind, label, value, normalized, service) in enumerate(found):
            self.methods.append((cid, kind, label, value, normalized, service, position))
        return found

    def write(self) -> None:
        cursor = db.obj.cursor()
        cursor.executemany(
            "INSERT INTO contact(id, given_name, family_name, display_name, organisation, "
            "company_id, title, circle, how_met, cadence_days, last_contacted_at, birthday, "
            "notes, photo, created_at, updated_at, additional_names, prefix, suffix, nickname, "
            "department, photo_url, source, vcard_uid, revision, is_group, archived) VALUES "
            "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'','','','','','','manual','','',0,0)",
            self.contacts,
        )
        cursor.executemany(
            "INSERT INTO contact_method(contact_id, kind, label, value, normalized, service, "
            "position, preferred, parts) VALUES (?,?,?,?,?,?,?,0,'')",
            self.methods,
        )
        cursor.executemany(
            "INSERT INTO contact_tag(contact_id, tag_id) VALUES (?,?)", self.contact_tags
        )
        cursor.executemany(
            "INSERT INTO interaction(contact_id, occurred_at, channel, summary, created_at, "
            "direction, give_kind) VALUES (?,?,?,?,?,'neutral','')",
            self.interactions,
        )
        insert_followups(self.followups)
        fts.index_new(db.obj, self.index)


def generate_contacts(
    db_path: Path, n: int, seed: int = 7, organisations: int = ORGANISATIONS
) -> None:
    """Create (or extend) the database at `db_path` with `n` generated contacts working at
    `organisations` employers (0: the 23 of `tests.testdata.names`).

    A new database is a copy of the one the same arguments and the same code (this generator,
    `tests/testdata/`, `netdesk/store/`, the follow-ups' reconciling) built before, kept in
    CACHE (the newest KEEP of them): a bench run builds each network once."""
    db_path = Path(db_path)
    if db_path.exists():
        _generate(db_path, n, seed, organisations)
        return
    cached = CACHE / f"{n}-{seed}-{organisations}-{_code_key()}.db"
    try:
        _copy(cached, db_path)
    except FileNotFoundError:
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=CACHE) as building:
            built = Path(building) / "netdesk.db"
            _generate(built, n, seed, organisations)
            os.replace(built, cached)
        for stale in sorted(CACHE.glob("*.db"), key=_modified, reverse=True)[KEEP:]:
            stale.unlink(missing_ok=True)
        _copy(cached, db_path)


def _copy(cached: Path, db_path: Path) -> None:
    with cached.open("rb") as source:  # FileNotFoundError before anything is made
        db_path.parent.mkdir(parents=True, exist_ok=True)
        with db_path.open("wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


def _code_key() -> str:
    """A digest of the code a generated database depends on."""
    root = Path(__file__).resolve().parents[1]
    files = [Path(__file__), root / "netdesk" / "core" / "vocabulary.py"]
    files += sorted((root / "netdesk" / "core").glob("followup_*.py"))
    files += sorted((root / "tests" / "testdata").glob("*.py"))
    files += sorted((root / "netdesk" / "store").rglob("*.py"))
    digest = hashlib.sha1()
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _generate(db_path: Path, n: int, seed: int, organisations: int) -> None:
    """Write the network into the database at `db_path` (made when missing)."""
    rng = random.Random(seed)
    names = organisation_names(organisations) if organisations else list(COMPANIES)
    employer = employer_picker(names) if organisations else (lambda rng: rng.choice(COMPANIES))
    open_database(db_path)
    try:
        with db.atomic():
            start = db.execute_sql("SELECT coalesce(max(id), 0) FROM contact").fetchone()[0] + 1
            employers = [employer(rng) for _ in range(n)]
            for name in dict.fromkeys(employers):
                db.execute_sql(
                    "INSERT OR IGNORE INTO company(name, website, notes, created_at, target) "
                    "VALUES (?, '', '', ?, 0)",
                    [name, NOW],
                )
            for name in TAGS:
                db.execute_sql("INSERT OR IGNORE INTO tag(name) VALUES (?)", [name])
            network = _Network(
                rng,
                dict(db.execute_sql("SELECT name, id FROM company").fetchall()),
                dict(db.execute_sql("SELECT name, id FROM tag").fetchall()),
            )
            for offset, company in enumerate(employers):
                network.add(start + offset, company)
            network.write()
            backfill_employment(db.obj)
            reconcile(NOW, None if start == 1 else range(start, start + n))
    finally:
        close_database()
