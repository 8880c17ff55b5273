"""Values a matched card brings for a field its contact already fills differently.

`fill` never overwrites, so without this the new title or note of a matched card was dropped
without a word. Each difference is a `Conflict` that the preview shows and the user settles: keep
the value there, take the new one, or (notes) append it; the command line applies
`--on-conflict`. A file says where the person works *now*, so another organisation or title than
a stored contact's replaces by default: a job change, whose old job stays in the contact's
employment history (see import_jobs) and is noted in the timeline.
Differences of case and spacing only ("ACME" / "Acme") and a note already contained in the stored
one are not conflicts, so importing the same file twice asks nothing. Another photo is a conflict
too, and so is another card UID (met only when the user merges a possible duplicate): the
contact keeps its own UID, which exports and group members refer to, and the card's is listed
as kept aside.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from netdesk.core.import_writer import insert_rows
from netdesk.core.interactions import JOB_CHANGE
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import Interaction

CONFLICT_FIELDS = (
    "given_name",
    "family_name",
    "nickname",
    "organisation",
    "department",
    "title",
    "birthday",
    "notes",
    "how_met",
    "photo_url",
)
"""Contact columns compared as they are stored (see import_plan._compare_with_stored)."""
COMPARED = (*CONFLICT_FIELDS, "photo", "uid")
"""Every field a matched card's other value is a conflict for."""
RESOLUTIONS = ("keep", "replace", "append")
_JOB_FIELDS = ("organisation", "title")
_APPENDABLE = ("notes", "address")
_FIELDS = ("contact", "occurred_at", "channel", "summary", "import_batch")


@dataclass(slots=True)
class Conflict:
    """One field: the value `kept` there, the `incoming` one, and what to do (RESOLUTIONS)."""

    field: str
    kept: Any
    incoming: Any
    choice: str = "keep"
    within_files: bool = False
    """Against an earlier card of the same files (the two are combined), not a stored contact."""

    def choices(self) -> tuple[str, ...]:
        """What the user may choose: append only for notes and addresses, keep only for a UID."""
        if self.field == "uid":
            return RESOLUTIONS[:1]
        return RESOLUTIONS if self.field in _APPENDABLE else RESOLUTIONS[:2]


def differing(current: ContactDraft, incoming: ContactDraft, within_files: bool) -> list[Conflict]:
    """The conflicts `incoming` brings against `current` (filled fields that differ)."""
    job = not within_files
    found = []
    for name in COMPARED:
        ours, theirs = getattr(current, name), getattr(incoming, name)
        if ours in (None, "") or theirs in (None, "") or _same(name, ours, theirs):
            continue
        choice = "replace" if job and name in _JOB_FIELDS else "keep"
        found.append(Conflict(name, ours, theirs, choice, within_files))
    return found + _other_addresses(current, incoming, within_files)


def _other_addresses(
    current: ContactDraft, incoming: ContactDraft, within_files: bool
) -> list[Conflict]:
    """A new address under a label the contact already has an address for (both unlabelled
    counts): by default added beside it ("append"), as a contact holds several."""
    have = {_folded(m.value): m for m in current.methods if m.kind == "address"}
    found = []
    for method in incoming.methods:
        if method.kind != "address" or _folded(method.value) in have:
            continue
        same_label = [m for m in have.values() if m.label.lower() == method.label.lower()]
        if same_label:
            found.append(
                Conflict("address", same_label[0].value, method.value, "append", within_files)
            )
    return found


def settle(draft: ContactDraft, conflicts: Iterable[Conflict]) -> list[Conflict]:
    """Apply each conflict's choice to `draft` (which holds the kept values); the conflicts
    that changed it."""
    applied = []
    for conflict in conflicts:
        if conflict.field == "address":
            if _settle_address(draft, conflict):
                applied.append(conflict)
            continue
        if conflict.choice == "replace":
            setattr(draft, conflict.field, conflict.incoming)
        elif conflict.choice == "append" and conflict.field == "notes":
            draft.notes = f"{draft.notes.rstrip()}\n\n{conflict.incoming}"
        else:
            continue
        applied.append(conflict)
    return applied


def job_change(before: ContactDraft, applied: list[Conflict], today: date) -> str:
    """The timeline line of a replaced employer or title ("" when neither was replaced)."""
    if not any(c.field in _JOB_FIELDS for c in applied):
        return ""
    job = " at ".join(part for part in (before.title, before.organisation) if part)
    return f"was {job} until {today.isoformat()}"


def log_job_changes(changes: Iterable[tuple[int, str]], when: datetime, batch_id: int) -> None:
    """A "job change" interaction for each (contact id, line), part of the batch (undo drops
    them). Not a contact with the person: last contacted is left as it was."""
    rows = [(contact_id, when, JOB_CHANGE, line, batch_id) for contact_id, line in changes]
    insert_rows(Interaction, _FIELDS, rows)


def _settle_address(draft: ContactDraft, conflict: Conflict) -> bool:
    """`fill` added the new address beside the old one: drop the one the choice leaves out;
    whether the contact changed (an address replaced)."""
    if conflict.choice == "append":
        return False
    gone = _folded(conflict.kept if conflict.choice == "replace" else conflict.incoming)
    draft.methods = [
        m for m in draft.methods if not (m.kind == "address" and _folded(m.value) == gone)
    ]
    return conflict.choice == "replace"


def _same(name: str, ours: Any, theirs: Any) -> bool:
    if name in ("uid", "photo_url"):
        return bool(ours.strip() == theirs.strip())
    if isinstance(ours, str) and isinstance(theirs, str):
        mine, new = _folded(ours), _folded(theirs)
        return mine == new or (name == "notes" and new in mine)
    return bool(ours == theirs)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def shown(value: Any) -> str:
    """A conflicting value as text for the user: a date in ISO form, a photo by its kind and
    size ("JPEG photo, 12 KB")."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        kind = next((name for magic, name in _IMAGE_KINDS if value.startswith(magic)), "")
        return f"{kind or 'a'} photo, {max(1, round(len(value) / 1024))} KB"
    return str(value)


_IMAGE_KINDS = ((b"\xff\xd8\xff", "JPEG"), (b"\x89PNG", "PNG"), (b"GIF8", "GIF"), (b"RIFF", "WebP"))
