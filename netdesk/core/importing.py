"""Importing contact files: plan (preview), apply in one transaction, undo a batch later.

`plan` reads the files and sorts every card into new / matched / error without writing anything.
`apply` writes one plan inside ONE transaction and records an ImportBatch; the contacts it
creates carry the batch, and each contact it merges into gets an ImportChange with a JSON snapshot
of it before. If the progress callback raises (the user pressed Cancel), or anything fails, or
the process is killed, the transaction rolls back and the database is exactly as before.
`undo(batch_id)` deletes what the batch created and puts merged contacts back as they were (and
the events of an .ics import: see `import_events`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from netdesk.core import employment, import_events, import_groups, import_jobs, import_snapshot
from netdesk.core.changes import Changes
from netdesk.core.clock import Clock
from netdesk.core.contacts import ContactService
from netdesk.core.event_times import to_utc
from netdesk.core.gc_pause import gc_paused
from netdesk.core.import_conflicts import (
    Conflict,
    differing,
    job_change,
    log_job_changes,
    settle,
)
from netdesk.core.import_connected import log_connections
from netdesk.core.import_history import BatchRow, batch_history
from netdesk.core.import_matching import fill
from netdesk.core.import_merge_preview import MergeChanges, merge_changes
from netdesk.core.import_plan import (
    CHOICES,
    CHUNK,
    ImportPlan,
    PlannedCard,
    ProgressFn,
    no_progress,
    plan_cards,
)
from netdesk.core.import_writer import NewContacts, insert_rows, update_contacts
from netdesk.core.interactions import refresh_last_contacted
from netdesk.formats.draft import CardError, ContactDraft, ParseResult
from netdesk.formats.sources import (
    CONTACT_SUFFIXES,
    NotImported,
    kind_of,
    read_contacts,
    read_file_bytes,
)
from netdesk.store import bulk_indexes, fts
from netdesk.store.models import Contact, ImportBatch, ImportChange, Interaction, db

_RANDOM_ORDER_INDEXES = (
    "contact_display_name",
    "contact_organisation",
    "contact_title",
    "contact_vcard_uid",
    "contact_company_id",
    "contact_method_normalized",
)
"""Indexes whose keys a bulk creation writes in random order: created again afterwards when the
import at least doubles the network (see bulk_indexes)."""
__all__ = ["CHOICES", "ImportPlan", "PlannedCard", "ProgressFn", "no_progress"]


_CHANGE_FIELDS = ("batch", "contact", "action", "before")


def _job(draft: ContactDraft) -> tuple[str, str]:
    return draft.organisation, draft.title


def _recorded(
    contact_id: int, before: ContactDraft, after: ContactDraft, source: str
) -> import_jobs.Recorded:
    return import_jobs.Recorded(contact_id, _job(before), _job(after), source)


def _merged_change(
    batch_id: int, contact_id: int, before: ContactDraft
) -> tuple[int, int, str, str]:
    """The ImportChange row that lets undo put a merged contact back as it was `before`."""
    return batch_id, contact_id, "merged", import_snapshot.to_json(before)


@dataclass
class ImportReport:
    """What `apply` did."""

    batch_id: int
    created: int
    merged: int
    skipped: int
    failed: int
    errors: list[CardError]
    unchanged: int = 0
    """Matched cards chosen to merge that brought nothing the contact did not have."""
    combined: int = 0
    """Cards folded into another card of the same files (a shared strong identifier)."""
    possible: int = 0
    """Possible duplicates found (each created, merged or skipped as chosen)."""
    warnings: int = 0
    conflicts: list[tuple[PlannedCard, Conflict]] = field(default_factory=list)
    """Every differing value of the cards written, each settled as its choice says."""
    job_changes: int = 0
    """People whose new job was recorded (the old one kept in their employment history)."""

    def kept_aside(self) -> list[tuple[PlannedCard, Conflict]]:
        """The conflicts whose value in the file was not taken."""
        return [(card, c) for card, c in self.conflicts if c.choice == "keep"]


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to import: folders give their contact files (recursively), in name order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in CONTACT_SUFFIXES)
        else:
            found.append(path)
    return found


def read_source(data: bytes, name: str, encoding: str | None = None) -> ParseResult:
    """The one place a source is routed by kind. Calendar files (.ics) will go to the events
    importer here once it exists; until then they are a file-level error. `encoding` is the
    one a CSV file is read in instead of the detected one."""
    if kind_of(name) == "calendar":
        reason = "calendar files are imported as events, which this version cannot do yet"
        return ParseResult(name, errors=[CardError(name, 0, reason)])
    return read_contacts(data, name, encoding)


def _fold_into_partners(possible: list[PlannedCard]) -> list[PlannedCard]:
    """Merge the possible duplicates the user chose to merge with an earlier card of the same
    files into that card (latest first, so a chain ends in its first card; differing values
    kept aside as conflicts); those whose card is skipped are created instead, and returned."""
    orphans = []
    for card in reversed(possible):
        if card.choice != "merge" or card.partner is None:
            continue
        if card.partner.choice == "skip":
            orphans.append(card)
        else:
            card.partner.conflicts += differing(card.partner.draft, card.draft, within_files=True)
            fill(card.partner.draft, card.draft)
    return orphans


class ImportService:
    """Plans, applies and undoes imports; announces "contacts" and "imports" changes."""

    def __init__(
        self, contacts: ContactService, changes: Changes, clock: Clock | None = None
    ) -> None:
        self.contacts = contacts
        self.changes = changes
        self.clock = clock or Clock()

    def _utc_now(self) -> datetime:
        """The app clock's now as the store keeps times (naive UTC)."""
        return to_utc(self.clock.now())

    def plan(
        self,
        paths: Iterable[str | Path],
        progress: ProgressFn = no_progress,
        encodings: Mapping[str, str] | None = None,
    ) -> ImportPlan:
        """Read files (folders expand) and match their cards; writes nothing. `encodings`
        names the codec of a CSV file (by path) that the user chose instead of the detected
        one; `ImportPlan.encodings` says which each CSV file was read in."""
        with gc_paused():
            return self._plan(expand_paths(paths), progress, encodings or {})

    def _plan(
        self, files: list[Path], progress: ProgressFn, encodings: Mapping[str, str]
    ) -> ImportPlan:
        results: list[ParseResult] = []
        unreadable: list[str] = []
        for done, path in enumerate(files):
            progress(done, len(files), path.name)
            try:
                data = read_file_bytes(path)
            except NotImported as exc:  # named, skipped, and the other files still import
                results.append(ParseResult(str(path), errors=[CardError(str(path), 0, str(exc))]))
                continue
            except OSError as exc:
                unreadable.append(str(path))
                reason = f"cannot read the file: {exc.strerror or exc}"
                results.append(ParseResult(str(path), errors=[CardError(str(path), 0, reason)]))
                continue
            results.append(read_source(data, str(path), encodings.get(str(path))))
        plan = self.plan_results(results, progress)
        plan.unreadable = unreadable
        return plan

    def merge_changes(self, card: PlannedCard) -> MergeChanges | None:
        """What merging `card` into the contact it matches would change, with its conflicts
        as chosen now (None when it matches no stored contact, or that one is gone)."""
        if card.match_id is None:
            return None
        try:
            return merge_changes(self.contacts.load(card.match_id), card)
        except Contact.DoesNotExist:
            return None

    def plan_data(self, data: bytes, name: str) -> ImportPlan:
        """Plan the import of dropped data (e.g. text/vcard from another address book)."""
        with gc_paused():
            return self.plan_results([read_source(data, name)])

    def plan_results(
        self, results: list[ParseResult], progress: ProgressFn = no_progress
    ) -> ImportPlan:
        """Sort parsed cards into new and matched; cards matching an earlier card are combined."""
        plan = plan_cards(results, progress)
        plan.encodings = {r.file: r.encoding for r in results if r.encoding}
        plan.delimiters = {r.file: r.delimiter for r in results if r.delimiter}
        return plan

    def apply(self, plan: ImportPlan, progress: ProgressFn = no_progress) -> ImportReport:
        """Write the plan in one transaction; a raising `progress` rolls everything back."""
        with gc_paused():
            chosen = plan.matches + plan.possible
            to_create = list(plan.new) + [c for c in chosen if c.choice == "new"]
            to_create += _fold_into_partners(plan.possible)
            to_merge = [c for c in chosen if c.choice == "merge" and c.match_id is not None]
            for card in to_create + to_merge:
                settle(card.draft, [c for c in card.conflicts if c.within_files])
            skipped = sum(c.choice == "skip" for c in chosen)
            total = len(to_create) + len(to_merge)
            with db.atomic():
                batch = ImportBatch.create(files=json.dumps(plan.files), created_at=self._utc_now())
                progress(0, total, "")
                created = self._create(to_create, batch.id, progress, total)
                merged = self._merge(
                    to_merge, batch.id, progress, len(to_create), total, plan.congratulate
                )
                grouped = self._tag_group_members(to_create + to_merge, batch.id, set(created))
                batch.created_count, batch.merged_count = len(created), len(merged)
                batch.skipped_count, batch.failed_count = skipped, len(plan.errors)
                batch.unchanged_count = len(to_merge) - len(merged)
                batch.combined_count, batch.possible_count = plan.combined, len(plan.possible)
                batch.warning_count = len(plan.warnings)
                batch.kept_aside_count = sum(
                    c.choice == "keep" for _, c in plan.written_conflicts()
                )
                noted = [str(e) for e in plan.errors] + [f"warning: {w}" for w in plan.warnings]
                batch.errors = json.dumps(noted)
                batch.save()
                progress(total, total, "")
        self._publish_contacts(created + list(dict.fromkeys(merged)) + grouped)
        if jobs := import_jobs.changed_by(batch.id):
            self.changes.publish(employment.TOPIC, jobs)
            if plan.congratulate:
                self.changes.publish("followups", [])
        self.changes.publish("imports", [batch.id])
        return ImportReport(
            batch.id,
            created=len(created),
            merged=len(merged),
            skipped=skipped,
            failed=len(plan.errors),
            errors=plan.errors,
            unchanged=batch.unchanged_count,
            combined=plan.combined,
            possible=len(plan.possible),
            warnings=len(plan.warnings),
            conflicts=plan.written_conflicts(),
            job_changes=len(jobs),
        )

    def _publish_contacts(self, ids: list[int]) -> None:
        """Announce the contacts an import or undo changed, and nothing when it changed none: an
        empty change means "possibly all", on which the follow-up service reconciles every
        contact's check-ins (seconds on a large network, for a re-import that brought nothing
        new)."""
        if ids:
            self.changes.publish("contacts", ids)

    def _create(
        self, cards: list[PlannedCard], batch_id: int, progress: ProgressFn, total: int
    ) -> list[int]:
        ids: list[int] = []
        writer = NewContacts((c.draft for c in cards), batch_id)
        with bulk_indexes.rebuilt_after(db.obj, "contact", _RANDOM_ORDER_INDEXES, len(cards)):
            for start in range(0, len(cards), CHUNK):
                chunk = cards[start : start + CHUNK]
                ids += writer.insert([c.draft for c in chunk])
                progress(start + len(chunk), total, chunk[-1].draft.full_name())
        log_connections(zip(ids, (c.draft for c in cards), strict=True), batch_id)
        return ids

    def _merge(
        self,
        cards: list[PlannedCard],
        batch_id: int,
        progress: ProgressFn,
        done: int,
        total: int,
        congratulate: bool,
    ) -> list[int]:
        """Fill the matched contacts from their cards, a chunk of cards at a time, each changed
        contact written once a chunk and its state before kept for undo, conflicts settled as
        chosen (a replaced employer or title recorded in the employment history and noted in
        the timeline); the contact of each card that changed one (a contact twice when two cards
        did)."""
        merged: list[int] = []
        jobs: list[tuple[int, str]] = []
        recorded: list[import_jobs.Recorded] = []
        filled_jobs: list[tuple[int, str, str, str]] = []
        current = self.contacts.load_many(c.match_id for c in cards if c.match_id is not None)
        for start in range(0, len(cards), CHUNK):
            chunk = cards[start : start + CHUNK]
            changed: dict[int, ContactDraft] = {}
            snapshots: list[tuple[int, int, str, str]] = []
            for card in chunk:
                contact_id = card.match_id
                assert contact_id is not None
                draft = current.get(contact_id) or self.contacts.load(contact_id)
                before = replace(draft, methods=list(draft.methods), tags=list(draft.tags))
                filled = fill(draft, card.draft)  # sets fields and appends to the two lists
                applied = settle(draft, [c for c in card.conflicts if not c.within_files])
                if (filled or applied) and draft != before:  # not when an address is kept aside
                    changed[contact_id] = draft
                    snapshots.append(_merged_change(batch_id, contact_id, before))
                    merged.append(contact_id)
                if line := job_change(before, applied, self.clock.today()):
                    jobs.append((contact_id, line))
                    recorded.append(_recorded(contact_id, before, draft, card.draft.source))
                elif _job(draft) != _job(before):
                    filled_jobs.append((contact_id, *_job(draft), card.draft.source))
            update_contacts(changed)
            insert_rows(ImportChange, _CHANGE_FIELDS, snapshots)
            progress(done + start + len(chunk), total, chunk[-1].draft.full_name())
        log_connections(((c.match_id, c.draft) for c in cards if c.match_id is not None), batch_id)
        when = self._utc_now()
        log_job_changes(jobs, when, batch_id)
        import_jobs.record(recorded, when, self.clock.today(), batch_id, congratulate)
        import_jobs.follow(filled_jobs)
        return merged

    def _tag_group_members(
        self, cards: list[PlannedCard], batch_id: int, created: set[int]
    ) -> list[int]:
        """Give the members of each group card the group's name as a tag (see import_groups),
        written together; the contacts changed (a stored one keeps its state before for undo)."""
        tagged: dict[int, ContactDraft] = {}
        snapshots: list[tuple[int, int, str, str]] = []
        for card in cards:
            group = card.draft.full_name()
            if not (card.draft.is_group and card.draft.members and group):
                continue
            members = import_groups.member_ids(card.draft.members)
            loaded = self.contacts.load_many(i for i in members if i not in tagged)
            for contact_id in members:
                current = tagged.get(contact_id) or loaded[contact_id]
                if group.lower() in {tag.lower() for tag in current.tags}:
                    continue
                if contact_id not in created and contact_id not in tagged:
                    before = replace(current, tags=list(current.tags))
                    snapshots.append(_merged_change(batch_id, contact_id, before))
                current.tags.append(group)
                tagged[contact_id] = current
        update_contacts(tagged)
        insert_rows(ImportChange, _CHANGE_FIELDS, snapshots)
        return list(tagged)

    def undo(self, batch_id: int) -> None:
        """Delete what a batch created, put merged contacts back, drop its interactions."""
        batch = ImportBatch.get_by_id(batch_id)
        if batch.undone_at is not None:
            return
        with db.atomic():
            changes = list(
                ImportChange.select()
                .where(ImportChange.batch == batch_id)
                .order_by(ImportChange.id)
            )
            created = [
                c.id for c in Contact.select(Contact.id).where(Contact.import_batch == batch_id)
            ]
            touched = [
                i.contact_id
                for i in Interaction.select(Interaction.contact).where(
                    Interaction.import_batch == batch_id
                )
            ]
            Interaction.delete().where(Interaction.import_batch == batch_id).execute()
            jobs = import_jobs.undo(batch_id)
            events = import_events.undo(batch_id)
            for change in reversed(changes):  # a contact merged twice gets its first snapshot
                if change.action == "merged" and change.contact_id:
                    before = import_snapshot.from_json(change.before)
                    self.contacts.update(change.contact_id, before)
            for contact_id in set(touched) - set(created):
                refresh_last_contacted(contact_id)
            Contact.delete().where(Contact.id.in_(created)).execute()
            fts.reindex(db.obj, created)
            batch.undone_at = self._utc_now()
            batch.save()
        self._publish_contacts(created + [c.contact_id for c in changes if c.contact_id])
        if touched:
            self.changes.publish("interactions", touched)
        if jobs:
            self.changes.publish(employment.TOPIC, jobs)
            self.changes.publish("followups", [])
        if events:
            self.changes.publish("events", events)
        self.changes.publish("imports", [batch_id])

    def history(self) -> list[BatchRow]:
        """Every import batch, newest first."""
        return batch_history()
