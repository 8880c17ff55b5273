"""Job changes an import brings: a matched person with another employer or title.

The plan lists them (`planned`) for the preview. When the card is merged and the new value
taken, `record` ends the person's current job the day of the import and records the new one
(nothing is dropped: the old job stays as a past entry), each part of the batch so undoing the
import removes them (`undo` reopens the ended job); with `ImportPlan.congratulate` it adds a
"congratulate" follow-up on the new role, due that day. A value filled where the contact had
none is no change: the current job just takes it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from netdesk.core.employment import JOB_CHANGE_ORIGIN, Job, follow_contact
from netdesk.core.followup_dates import day_start
from netdesk.core.import_plan import ImportPlan, PlannedCard
from netdesk.core.import_writer import insert_rows
from netdesk.store.models import Employment, FollowUp, db
from netdesk.store.rows import tuples

JOB_FIELDS = ("organisation", "title")
ORIGIN = JOB_CHANGE_ORIGIN
_JOB_ROW = (
    "contact",
    "organisation",
    "title",
    "started_on",
    "source",
    "recorded_at",
    "import_batch",
)
_PAST_ROW = ("contact", "organisation", "title", "ended_on", "source", "recorded_at")
_FOLLOWUP_ROW = ("contact", "due_at", "reason", "note", "origin", "created_at", "updated_at")


@dataclass(frozen=True)
class JobChange:
    """A person's job as stored and as a card brings it."""

    contact_id: int
    name: str
    before: Job
    after: Job

    def words(self) -> str:
        """ "Ana Lima: Data Engineer at Northwind → Head of Data at Globex"."""
        return f"{self.name}: {self.before.words()} → {self.after.words()}"


def planned(plan: ImportPlan) -> list[JobChange]:
    """The job changes of the cards chosen to merge into a stored contact whose new
    organisation or title is taken, in file order."""
    found = []
    for card in plan.matches + plan.possible:
        if card.match_id is None or card.choice != "merge":
            continue
        job = [c for c in card.conflicts if c.field in JOB_FIELDS and not c.within_files]
        if any(c.choice == "replace" for c in job):
            found.append(_change(card, card.match_id))
    return found


def _change(card: PlannedCard, contact_id: int) -> JobChange:
    organisation, title = card.stored_job
    before = Job(organisation, title)
    after = Job(card.draft.organisation or organisation, card.draft.title or title)
    return JobChange(contact_id, card.match_name, before, after)


@dataclass(frozen=True)
class Recorded:
    """A change written: the contact, its job before and after, the kind of file it came from."""

    contact_id: int
    before: tuple[str, str]
    after: tuple[str, str]
    source: str


def record(
    changes: Iterable[Recorded],
    when: datetime,
    today: date,
    batch_id: int,
    congratulate: bool,
) -> None:
    """End each contact's current job `today` and record the new one (see the module)."""
    changes = list(changes)
    cursor = db.cursor()
    first_entries = []
    for change in changes:
        ended = cursor.execute(
            "UPDATE employment SET ended_on = ? WHERE contact_id = ? AND ended_on IS NULL",
            (today.isoformat(), change.contact_id),
        ).rowcount
        if not ended:  # no history yet: the old job becomes its first, past, entry
            first_entries.append((change.contact_id, *change.before, today, "manual", when))
    insert_rows(Employment, _PAST_ROW, first_entries)
    rows = [(c.contact_id, *c.after, today, c.source, when, batch_id) for c in changes]
    insert_rows(Employment, _JOB_ROW, rows)
    if congratulate:
        due = day_start(today)
        notes = [f"New role: {Job(*c.after).words()}" for c in changes]
        insert_rows(
            FollowUp,
            _FOLLOWUP_ROW,
            [
                (c.contact_id, due, "congratulate", note, ORIGIN, when, when)
                for c, note in zip(changes, notes, strict=True)
            ],
        )


def follow(filled: Iterable[tuple[int, str, str, str]]) -> None:
    """Contacts whose empty organisation or title a card filled (contact, organisation, title,
    source): their current job takes it."""
    for contact_id, organisation, title, source in filled:
        follow_contact(contact_id, organisation, title, source)


def changed_by(batch_id: int) -> list[int]:
    """The contacts whose job change a batch recorded."""
    query = Employment.select(Employment.contact).where(Employment.import_batch == batch_id)
    return [contact_id for (contact_id,) in tuples(query)]


def undo(batch_id: int) -> list[int]:
    """Remove the jobs a batch recorded, reopen the jobs it ended and drop the congratulate
    follow-ups it created that are still open; the contacts whose history changed."""
    db.execute_sql(
        "DELETE FROM follow_up WHERE origin = ? AND status = 'open' AND EXISTS (SELECT 1 "
        "FROM employment e WHERE e.import_batch_id = ? AND e.contact_id = follow_up.contact_id "
        "AND e.recorded_at = follow_up.created_at)",
        (ORIGIN, batch_id),
    )
    rows = db.execute_sql(
        "SELECT contact_id, started_on FROM employment WHERE import_batch_id = ?", (batch_id,)
    ).fetchall()
    db.execute_sql("DELETE FROM employment WHERE import_batch_id = ?", (batch_id,))
    for contact_id, started_on in rows:
        db.execute_sql(
            "UPDATE employment SET ended_on = NULL WHERE id = (SELECT id FROM employment "
            "WHERE contact_id = ? AND ended_on = ? ORDER BY id DESC LIMIT 1) AND NOT EXISTS "
            "(SELECT 1 FROM employment WHERE contact_id = ? AND ended_on IS NULL)",
            (contact_id, started_on, contact_id),
        )
    return [contact_id for contact_id, _ in rows]
