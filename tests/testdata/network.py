"""Who the importer takes for whom, on gen_network.py data, measured against its truth.json.

`measure` imports network.vcf, then google.csv and linkedin-1.csv, then linkedin-2.csv, into an
empty database, and gives for the network (N people, seed) a `Quality`:
- `contacts_after_vcf` (should be N) and `impure_contacts` (contacts holding an email, phone or
  profile of more than one person: should be 0);
- `created_by_google_linkedin` (contacts the two later files created: should be 0, everyone in
  them is in network.vcf);
- `precision` / `recall`: over every pair of records (vCard cards, Google rows, LinkedIn rows),
  how many pairs put in one contact are one person, and how many pairs of one person ended in
  one contact (both should be 1.0);
- `job_changes_applied`: of the people truth.json says changed jobs between the two LinkedIn
  exports, how many show the new employer and title with the old job in their timeline;
- `job_changes_listed` / `false_job_changes`: the job changes the import plans list (what the
  preview shows): of linkedin-2.csv's, those that are a change of truth.json; and every other
  one, of any of the four files (should be 0);
- `job_histories`: of the people who changed jobs, how many have the new job as their current
  employment entry (from LinkedIn, started the day of the import) and the old one as a past
  entry ended that day.

Needs ../shared/tools/gen_network.py (the shared tools of the project); `bench.match_quality`
prints the figures for larger networks.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

    from netdesk.core.clock import Clock
    from netdesk.formats.draft import ContactDraft

ROOT = Path(__file__).resolve().parents[2]
GENERATORS = (
    ROOT.parent / "shared" / "tools" / "gen_network.py",
    Path("/work/shared/tools/gen_network.py"),
)
STRONG = ("email", "phone", "profile", "url")


@dataclass(frozen=True)
class Quality:
    """The figures of one network (see the module docstring)."""

    people: int
    contacts_after_vcf: int
    impure_contacts: int
    created_by_google_linkedin: int
    precision: float
    recall: float
    job_changes: int
    job_changes_applied: int
    job_changes_listed: int = 0
    false_job_changes: int = 0
    job_histories: int = 0

    def perfect(self) -> bool:
        """Whether every figure is what a correct importer gives."""
        return (
            self.contacts_after_vcf == self.people
            and self.impure_contacts == 0
            and self.created_by_google_linkedin == 0
            and self.precision == self.recall == 1.0
            and self.job_changes_applied == self.job_changes
            and self.job_changes_listed == self.job_histories == self.job_changes
            and self.false_job_changes == 0
        )


def generator() -> Path | None:
    """gen_network.py, where this checkout can see it."""
    return next((path for path in GENERATORS if path.is_file()), None)


def generate(n: int, seed: int, folder: Path) -> None:
    """Write the network of `n` people for `seed` into `folder`."""
    tool = generator()
    if tool is None:
        raise SystemExit("gen_network.py not found (looked in ../shared/tools)")
    command = [sys.executable, str(tool), str(n), str(folder), "--seed", str(seed)]
    subprocess.run(command, check=True, capture_output=True)


def measure(folder: Path, data_dir: Path, clock: Clock | None = None) -> Quality:
    """Import the network in `folder` into a new database under `data_dir`; its figures. The
    importer dates job changes by `clock` (the real one when None: the bench)."""
    from netdesk.core.changes import Changes
    from netdesk.core.contacts import ContactService
    from netdesk.core.import_jobs import planned
    from netdesk.core.importing import ImportService
    from netdesk.store.db import close_database, open_database

    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    open_database(data_dir / "netdesk.db", daily_backup=False)
    try:
        changes = Changes()
        service = ImportService(ContactService(changes), changes, clock)
        records: list[tuple[int, list[tuple[str, str]]]] = []  # (person, strong values)
        owner: dict[tuple[str, str], int] = {}
        steps = (
            ("network.vcf", {p["id"]: p["id"] for p in truth["people"]}),
            ("google.csv", _rows(truth, "google_row")),
            ("linkedin-1.csv", _rows(truth, "linkedin_row")),
        )
        contacts_after: list[int] = []
        false_changes = 0
        for name, person_of in steps:
            plan = service.plan([folder / name])
            false_changes += len(planned(plan))
            cards = plan.new + plan.matches + plan.possible
            if plan.errors or len(cards) + plan.combined != len(person_of):
                raise SystemExit(f"{name}: not every record was read: {plan.errors[:3]}")
            for number, draft in _drafts_in_order(folder / name):
                values = _strong_values(draft)
                person = person_of[number - 1 if name == "network.vcf" else number]
                records.append((person, values))
                for value in values:
                    owner.setdefault(value, person)
            service.apply(plan)
            contacts_after.append(_count_contacts())
        impure = _impure_contacts(owner)
        precision, recall = _pair_scores(records, _contact_of_value())
        plan = service.plan([folder / "linkedin-2.csv"])
        listed = {_profile_of(change.contact_id) for change in planned(plan)}
        changed = {_profile(change["linkedin"]) for change in truth["job_changes"]}
        false_changes += len(listed - changed)
        service.apply(plan)
        applied = _job_changes_applied(truth["job_changes"])
        histories = _job_histories(truth["job_changes"], service.clock.today())
    finally:
        close_database()
    return Quality(
        people=len(truth["people"]),
        contacts_after_vcf=contacts_after[0],
        impure_contacts=impure,
        created_by_google_linkedin=contacts_after[-1] - contacts_after[0],
        precision=precision,
        recall=recall,
        job_changes=len(truth["job_changes"]),
        job_changes_applied=applied,
        job_changes_listed=len(listed & changed),
        false_job_changes=false_changes,
        job_histories=histories,
    )


def _rows(truth: dict, key: str) -> dict[int, int]:
    """Row number (1-based, as truth.json counts) → person id."""
    return {p[key]: p["id"] for p in truth["people"] if p.get(key)}


def _drafts_in_order(path: Path) -> Iterator[tuple[int, ContactDraft]]:
    """(record number from 1, draft) of every record of a file, as the reader gives them."""
    from netdesk.core.importing import read_source

    return enumerate(read_source(path.read_bytes(), str(path)).drafts, start=1)


def _strong_values(draft: ContactDraft) -> list[tuple[str, str]]:
    """The normalised emails, phones and profiles of a draft (the store's matching form)."""
    from netdesk.core.contacts import normalized_value

    values = []
    for method in draft.methods:
        if method.kind in STRONG and (norm := normalized_value(method.kind, method.value)):
            values.append(("profile" if method.kind == "url" else method.kind, norm))
    return values


def _stored_values() -> list[tuple[int, str, str]]:
    from netdesk.store.models import db

    rows = db.execute_sql(
        "SELECT m.contact_id, m.kind, m.normalized FROM contact_method m "
        "JOIN contact c ON c.id = m.contact_id WHERE c.deleted_at IS NULL AND m.normalized != ''"
    ).fetchall()
    return [(c, "profile" if k == "url" else k, n) for c, k, n in rows if k in STRONG]


def _count_contacts() -> int:
    from netdesk.store.models import db

    return db.execute_sql("SELECT count(*) FROM contact WHERE deleted_at IS NULL").fetchone()[0]


def _impure_contacts(owner: dict[tuple[str, str], int]) -> int:
    """Contacts holding strong values of more than one person."""
    people: dict[int, set[int]] = {}
    for contact_id, kind, value in _stored_values():
        if (kind, value) in owner:
            people.setdefault(contact_id, set()).add(owner[kind, value])
    return sum(len(found) > 1 for found in people.values())


def _contact_of_value() -> dict[tuple[str, str], set[int]]:
    found: dict[tuple[str, str], set[int]] = {}
    for contact_id, kind, value in _stored_values():
        found.setdefault((kind, value), set()).add(contact_id)
    return found


def _pair_scores(
    records: list[tuple[int, list[tuple[str, str]]]],
    contacts: dict[tuple[str, str], set[int]],
) -> tuple[float, float]:
    """Pairwise precision and recall: a record is in the contact(s) holding its values; a
    record whose values are in two contacts was split, and counts in neither."""
    by_contact: Counter[int] = Counter()
    by_person: Counter[int] = Counter()
    by_both: Counter[tuple[int, int]] = Counter()
    for person, values in records:
        holders = set().union(*(contacts.get(v, set()) for v in values)) if values else set()
        by_person[person] += 1
        if len(holders) == 1:
            (contact,) = holders
            by_contact[contact] += 1
            by_both[contact, person] += 1

    def pairs(counts: Counter[Any]) -> int:
        return sum(k * (k - 1) // 2 for k in counts.values())

    right = pairs(by_both)
    return right / max(1, pairs(by_contact)), right / max(1, pairs(by_person))


def _job_changes_applied(job_changes: list[dict]) -> int:
    """How many people who changed jobs show the new one, with the old one in the timeline."""
    from netdesk.store.models import db

    applied = 0
    for change in job_changes:
        row = db.execute_sql(
            "SELECT c.id, c.organisation, c.title FROM contact c JOIN contact_method m "
            "ON m.contact_id = c.id WHERE m.normalized = ? AND c.deleted_at IS NULL",
            (_profile(change["linkedin"]),),
        ).fetchone()
        if row is None or [row[1], row[2]] != change["to"]:
            continue
        old_org, old_title = change["from"]
        was = db.execute_sql(
            "SELECT count(*) FROM interaction WHERE contact_id = ? AND summary LIKE ?",
            (row[0], f"was {old_title} at {old_org} until %"),
        ).fetchone()[0]
        applied += bool(was)
    return applied


def _profile(url: str) -> str:
    """A LinkedIn URL as the store keeps it normalised."""
    return url.lower().removeprefix("https://").removeprefix("www.").rstrip("/")


def _profile_of(contact_id: int) -> str:
    """The normalised LinkedIn profile of a contact ("" without one)."""
    from netdesk.store.models import db

    row = db.execute_sql(
        "SELECT normalized FROM contact_method WHERE contact_id = ? AND normalized LIKE ?",
        (contact_id, "linkedin.com/%"),
    ).fetchone()
    return row[0] if row else ""


def _job_histories(job_changes: list[dict], today: date) -> int:
    """How many people who changed jobs have the new one current and the old one ended today."""
    from netdesk.store.models import db

    kept = 0
    for change in job_changes:
        rows = db.execute_sql(
            "SELECT e.organisation, e.title, e.started_on, e.ended_on, e.source "
            "FROM employment e JOIN contact_method m ON m.contact_id = e.contact_id "
            "WHERE m.normalized = ? ORDER BY e.id",
            (_profile(change["linkedin"]),),
        ).fetchall()
        day = today.isoformat()
        expected = [
            (*change["from"], None, day, "vcard"),
            (*change["to"], day, None, "linkedin"),
        ]
        kept += [tuple(row) for row in rows] == [tuple(row) for row in expected]
    return kept
