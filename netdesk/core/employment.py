"""A contact's employment history: the jobs kept in `Employment`, the current one (no end date)
mirroring the contact's organisation and title.

`follow_contact` keeps the current job in step when a contact is saved (an edit corrects the
current job; it records no change). `EmploymentService` edits the history from the contact
editor: each edit returns the `History` before it, which `restore` puts back (undo). A job saved
without an end date becomes the current one: any other current job ends the day it started, and
the contact takes its organisation and title. Job changes brought by imports are in
`import_jobs`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from netdesk.core.changes import Changes
from netdesk.core.clock import Clock
from netdesk.store import fts
from netdesk.store.models import Company, Contact, Employment, db, utcnow
from netdesk.store.rows import get_or_create, tuples

TOPIC = "employment"
"""The change hub's topic of an edited history (ids: the contacts)."""
RECENT_DAYS = 30
RECENT_LIMIT = 8
JOB_CHANGE_ORIGIN = "job change"
"""The origin of the "congratulate on the new role" follow-ups imports create."""


@dataclass(frozen=True)
class Job:
    """One entry of a history; `ended_on` None is the current job."""

    organisation: str
    title: str = ""
    started_on: date | None = None
    ended_on: date | None = None
    source: str = "manual"
    id: int | None = None
    recorded_at: datetime | None = None

    def words(self) -> str:
        """ "Data Engineer at Northwind", "Northwind", "Data Engineer"."""
        return " at ".join(part for part in (self.title, self.organisation) if part)


@dataclass(frozen=True)
class History:
    """A contact's jobs and its organisation and title at one moment: what undo puts back."""

    contact_id: int
    jobs: tuple[Job, ...]
    organisation: str
    title: str


_COLUMNS = (
    Employment.organisation,
    Employment.title,
    Employment.started_on,
    Employment.ended_on,
    Employment.source,
    Employment.id,
    Employment.recorded_at,
)


def jobs_of(contact_id: int) -> list[Job]:
    """The contact's jobs: the current one first, then the past ones, latest first."""
    query = (
        Employment.select(*_COLUMNS)
        .where(Employment.contact == contact_id)
        .order_by(
            Employment.ended_on.is_null(False),
            Employment.ended_on.desc(),
            Employment.started_on.desc(nulls="LAST"),
            Employment.id.desc(),
        )
    )
    return [Job(*row) for row in tuples(query)]


def follow_contact(contact_id: int, organisation: str, title: str, source: str) -> None:
    """Make the contact's current job say `organisation` and `title`: a new entry when it has
    none; without either, no current job."""
    current = (Employment.contact == contact_id) & Employment.ended_on.is_null()
    if not (organisation or title):
        Employment.delete().where(current).execute()
    elif Employment.update(organisation=organisation, title=title).where(current).execute() == 0:
        Employment.create(contact=contact_id, organisation=organisation, title=title, source=source)


class EmploymentService:
    """Edits contacts' job histories; announces TOPIC and "contacts" changes."""

    def __init__(self, changes: Changes, clock: Clock | None = None) -> None:
        self.changes = changes
        self.clock = clock or Clock()

    def jobs(self, contact_id: int) -> list[Job]:
        """The contact's history (see `jobs_of`)."""
        return jobs_of(contact_id)

    def save(self, contact_id: int, job: Job) -> History:
        """Add `job` (no id) or change the entry it names; the history before. A new current
        job without a start date starts today when it follows another."""
        before = self.history(contact_id)
        today = self.clock.today()
        started = job.started_on
        with db.atomic():
            if job.id is None and job.ended_on is None and started is None:
                started = today if _current_job(contact_id) else None
            fields = {
                "organisation": job.organisation.strip(),
                "title": job.title.strip(),
                "started_on": started,
                "ended_on": job.ended_on,
            }
            if job.id is None:
                saved = Employment.create(
                    contact=contact_id, source=job.source, recorded_at=self._now(), **fields
                ).id
            else:
                Employment.update(**fields).where(Employment.id == job.id).execute()
                saved = job.id
            if job.ended_on is None:
                self._end_others(contact_id, saved, started or today)
            self._mirror(contact_id)
        self._publish(contact_id)
        return before

    def remove(self, contact_id: int, job_id: int) -> History:
        """Delete one entry; the history before."""
        before = self.history(contact_id)
        with db.atomic():
            Employment.delete().where(Employment.id == job_id).execute()
            self._mirror(contact_id)
        self._publish(contact_id)
        return before

    def restore(self, history: History) -> History:
        """Put a history back as it was (undo); the history it replaced."""
        before = self.history(history.contact_id)
        with db.atomic():
            Employment.delete().where(Employment.contact == history.contact_id).execute()
            for job in history.jobs:
                Employment.create(
                    id=job.id,
                    contact=history.contact_id,
                    organisation=job.organisation,
                    title=job.title,
                    started_on=job.started_on,
                    ended_on=job.ended_on,
                    source=job.source,
                    recorded_at=job.recorded_at or utcnow(),
                )
            _set_contact_job(history.contact_id, history.organisation, history.title)
        self._publish(history.contact_id)
        return before

    def recent(self, days: int = RECENT_DAYS, limit: int = RECENT_LIMIT) -> list[RecentChange]:
        """The job changes imports recorded in the last `days` (see `recent_changes`)."""
        return recent_changes(self._now() - timedelta(days=days), limit)

    def history(self, contact_id: int) -> History:
        """The contact's jobs with its organisation and title now."""
        query = Contact.select(Contact.organisation, Contact.title).where(Contact.id == contact_id)
        organisation, title = next(tuples(query))
        return History(contact_id, tuple(jobs_of(contact_id)), organisation, title)

    def _now(self) -> datetime:
        return self.clock.now().astimezone(UTC).replace(tzinfo=None)

    @staticmethod
    def _end_others(contact_id: int, current_id: int, day: date) -> None:
        """The job `current_id` is the current one: the contact's other current jobs end `day`."""
        Employment.update(ended_on=day).where(
            (Employment.contact == contact_id)
            & Employment.ended_on.is_null()
            & (Employment.id != current_id)
        ).execute()

    @staticmethod
    def _mirror(contact_id: int) -> None:
        """The contact takes its current job's organisation and title ("" with none)."""
        job = _current_job(contact_id) or Job("")
        _set_contact_job(contact_id, job.organisation, job.title)

    def _publish(self, contact_id: int) -> None:
        self.changes.publish(TOPIC, [contact_id])
        self.changes.publish("contacts", [contact_id])


def _current_job(contact_id: int) -> Job | None:
    return next((j for j in jobs_of(contact_id) if j.ended_on is None), None)


def _set_contact_job(contact_id: int, organisation: str, title: str) -> None:
    """Write a contact's organisation and title (and its company), search index too."""
    company = get_or_create(Company, name=organisation) if organisation else None
    Contact.update(
        organisation=organisation, title=title, company=company, updated_at=utcnow()
    ).where(Contact.id == contact_id).execute()
    fts.reindex(db.obj, [contact_id])


@dataclass(frozen=True)
class RecentChange:
    """A job change an import recorded: who, the job before (empty when unknown) and now."""

    contact_id: int
    name: str
    before: Job
    after: Job
    recorded_at: datetime
    followup_id: int | None = None
    """The person's pending "congratulate on the new role" follow-up, if any."""

    def words(self) -> str:
        """ "now VP Engineering at Globex (was CTO at Acme)"."""
        was = f" (was {self.before.words()})" if self.before.words() else ""
        return f"now {self.after.words()}{was}"


_RECENT_SQL = """
SELECT e.contact_id, c.display_name, e.organisation, e.title, e.started_on, e.source,
       e.recorded_at, p.organisation, p.title,
       (SELECT f.id FROM follow_up f WHERE f.contact_id = e.contact_id AND f.origin = ?
        AND f.status IN ('open', 'snoozed') ORDER BY f.id DESC LIMIT 1)
FROM (
    SELECT n.* FROM employment n CROSS JOIN contact k ON k.id = n.contact_id
    WHERE n.import_batch_id > 0 AND +n.recorded_at >= ? AND n.ended_on IS NULL
      AND k.deleted_at IS NULL AND NOT k.archived
    ORDER BY +n.recorded_at DESC, n.id DESC
    LIMIT ?
) e
JOIN contact c ON c.id = e.contact_id
LEFT JOIN employment p ON p.id = (
    SELECT q.id FROM employment q
    WHERE q.contact_id = e.contact_id AND q.id < e.id AND q.ended_on IS NOT NULL
    ORDER BY q.id DESC LIMIT 1)
ORDER BY e.recorded_at DESC, e.id DESC
"""
"""From the rows imports recorded (`import_batch_id`'s index; CROSS JOIN and the unary `+`
keep SQLite from walking every contact or the whole recorded_at index), the newest `limit`,
then for those only the job before and the pending congratulate follow-up."""


def recent_changes(since: datetime, limit: int) -> list[RecentChange]:
    """The newest job changes imports recorded since `since` (naive UTC) that are still the
    person's current job, at most `limit`: only an import's own rows are read (its batch
    index), never the whole history."""
    found = []
    for row in db.execute_sql(_RECENT_SQL, (JOB_CHANGE_ORIGIN, str(since), limit)):
        contact_id, name, org, title, started, source, at, old_org, old_title, followup = row
        after = Job(org, title, Employment.started_on.python_value(started), source=source)
        recorded = Employment.recorded_at.python_value(at)
        found.append(
            RecentChange(
                contact_id, name, Job(old_org or "", old_title or ""), after, recorded, followup
            )
        )
    return found
