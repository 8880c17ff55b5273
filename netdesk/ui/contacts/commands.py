"""Undoable contact actions for the contacts view's QUndoStack (see `ui/undo.py`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from netdesk.core.employment import History
from netdesk.core.interactions import Give, InteractionRow, delete_interaction, log_interaction
from netdesk.core.merge import MergeRecord, merge, undo_merge
from netdesk.core.services import Services
from netdesk.formats.draft import ContactDraft
from netdesk.ui.contacts.jobs import JobEdit
from netdesk.ui.plural import counted
from netdesk.ui.undo import Command


class SaveContactCommand(QUndoCommand):
    """Create a contact, or replace a stored one's fields; undo puts back what was there."""

    def __init__(self, services: Services, contact_id: int | None, draft: ContactDraft) -> None:
        name = draft.full_name() or "contact"
        super().__init__(f"Edit {name}" if contact_id else f"New contact {name}")
        self.services = services
        self.contact_id = contact_id
        self.draft = draft
        self.before = services.contacts.load(contact_id) if contact_id else None

    def redo(self) -> None:
        if self.contact_id is None:
            self.contact_id = self.services.contacts.create(self.draft)
        elif self.before is None:
            self.services.bulk.restore([self.contact_id])
        else:
            self.services.contacts.update(self.contact_id, self.draft)

    def undo(self) -> None:
        assert self.contact_id is not None
        if self.before is None:
            self.services.bulk.trash([self.contact_id])
        else:
            self.services.contacts.update(self.contact_id, self.before)


class MergeCommand(QUndoCommand):
    """Merge contacts into the first; undo splits them again."""

    def __init__(
        self, services: Services, keeper_id: int, other_ids: list[int], chosen: dict[str, Any]
    ) -> None:
        super().__init__(f"Merge {len(other_ids) + 1} contacts")
        self.services = services
        self.keeper_id = keeper_id
        self.other_ids = other_ids
        self.chosen = chosen
        self.record: MergeRecord | None = None

    def redo(self) -> None:
        self.record = merge(self.services.contacts, self.keeper_id, self.other_ids, self.chosen)

    def undo(self) -> None:
        assert self.record is not None
        undo_merge(self.services.contacts, self.record)


class DeleteInteractionsCommand(QUndoCommand):
    """Delete interactions from a timeline; undo logs them again as they were."""

    def __init__(self, services: Services, rows: list[InteractionRow]) -> None:
        super().__init__(counted("ContactCommands", "Delete interaction(s)", len(rows)))
        self.services = services
        self.rows = rows
        self.ids = [row.id for row in rows]

    def redo(self) -> None:
        for interaction_id in self.ids:
            delete_interaction(self.services.changes, interaction_id)

    def undo(self) -> None:
        self.ids = [
            log_interaction(
                self.services.changes,
                row.contact_id,
                occurred_at=row.occurred_at,
                channel=row.channel,
                summary=row.summary,
                give=Give(row.direction, row.give_kind, row.introduced),
                event_id=row.event_id,
            )
            for row in self.rows
        ]


def trash_command(services: Services, ids: list[int]) -> Command:
    return Command(
        f"Delete {_count(ids)}",
        lambda: services.bulk.trash(ids),
        lambda _: services.bulk.restore(ids),
    )


def restore_command(services: Services, ids: list[int]) -> Command:
    return Command(
        f"Restore {_count(ids)}",
        lambda: services.bulk.restore(ids),
        lambda _: services.bulk.trash(ids),
    )


def archive_command(services: Services, ids: list[int], archived: bool) -> Command:
    verb = "Archive" if archived else "Unarchive"
    return Command(
        f"{verb} {_count(ids)}",
        lambda: services.bulk.set_archived(ids, archived),
        lambda _: services.bulk.set_archived(ids, not archived),
    )


def circle_command(services: Services, ids: list[int], circle: str) -> Command:
    before = services.bulk.circles_of(ids)
    return Command(
        f"Set circle of {_count(ids)}",
        lambda: services.bulk.set_circle(ids, circle),
        lambda _: services.bulk.restore_circles(before),
    )


def tag_command(services: Services, ids: list[int], tag: str) -> Command:
    return Command(
        f"Tag {_count(ids)} “{tag}”",
        lambda: services.bulk.add_tag(ids, tag),
        lambda added: services.bulk.remove_tag(added, tag),
    )


def untag_command(services: Services, ids: list[int], tag: str) -> Command:
    having = [i for i in ids if tag.lower() in (t.lower() for t in services.contacts.tags_of(i))]
    return Command(
        f"Remove tag “{tag}” from {_count(ids)}",
        lambda: services.bulk.remove_tag(having, tag),
        lambda _: services.bulk.add_tag(having, tag),
    )


def _count(ids: list[int]) -> str:
    return counted("ContactCommands", "%Ln contact(s)", len(ids))


def job_command(services: Services, edit: JobEdit) -> Command:
    """Save or remove one job of a contact's history; undo restores the history before."""
    jobs = services.employment

    def do() -> History:
        if edit.remove:
            assert edit.job.id is not None
            return jobs.remove(edit.contact_id, edit.job.id)
        return jobs.save(edit.contact_id, edit.job)

    return Command(edit.text(), do, jobs.restore)
