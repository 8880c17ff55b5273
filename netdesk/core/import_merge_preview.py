"""What merging a card into the contact it matches would change, before anything is written.

The import runs `fill` (empty fields and new ways to reach someone taken from the card) and
then settles the card's conflicts as chosen; this runs the same steps on copies and compares
the stored contact before and after, so the preview says exactly what the import will do.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from netdesk.core.import_conflicts import Conflict, settle
from netdesk.core.import_matching import fill
from netdesk.core.import_plan import PlannedCard
from netdesk.formats.draft import ContactDraft, MethodDraft

_LISTED_APART = {"methods", "tags", "photo", "photo_unreadable", "members", "revision", "source"}


@dataclass
class MergeChanges:
    """A merge's effect: each changed field (name, old, new; old empty when filled), the ways
    to reach the person it adds or drops, the tags it adds, whether the photo changes, and the
    file's values it keeps aside (not taken)."""

    fields: list[tuple[str, Any, Any]] = field(default_factory=list)
    added: list[MethodDraft] = field(default_factory=list)
    dropped: list[MethodDraft] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    photo: bool = False
    kept_aside: list[Conflict] = field(default_factory=list)

    def nothing(self) -> bool:
        """Whether the contact stays as it is."""
        return not (self.fields or self.added or self.dropped or self.tags or self.photo)


def _copy(draft: ContactDraft) -> ContactDraft:
    return replace(draft, methods=list(draft.methods), tags=list(draft.tags))


def merge_changes(stored: ContactDraft, card: PlannedCard) -> MergeChanges:
    """What merging `card` (its conflicts as chosen now) into `stored` changes."""
    incoming = _copy(card.draft)
    settle(incoming, [c for c in card.conflicts if c.within_files])
    after = _copy(stored)
    fill(after, incoming)
    settle(after, [c for c in card.conflicts if not c.within_files])
    changes = MergeChanges(
        added=[m for m in after.methods if m not in stored.methods],
        dropped=[m for m in stored.methods if m not in after.methods],
        tags=[t for t in after.tags if t not in stored.tags],
        photo=after.photo != stored.photo,
        kept_aside=[c for c in card.conflicts if not c.within_files and c.choice == "keep"],
    )
    for spec in fields(ContactDraft):
        old, new = getattr(stored, spec.name), getattr(after, spec.name)
        if spec.name not in _LISTED_APART and old != new:
            changes.fields.append((spec.name, old, new))
    return changes
