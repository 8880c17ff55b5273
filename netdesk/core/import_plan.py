"""Planning an import: every parsed card sorted into new, sure match, possible duplicate or
combined with an earlier card of the same files (see import_matching for what counts as sure).
Nothing is written; `ImportService.apply` writes the plan as the user chose.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from netdesk.core.import_conflicts import CONFLICT_FIELDS, RESOLUTIONS, Conflict, differing
from netdesk.core.import_matching import Found, MatchIndex, fill, keys_of, name_key
from netdesk.formats.draft import CardError, ContactDraft, MethodDraft, ParseResult
from netdesk.store.models import Contact, db

CHOICES = ("merge", "skip", "new")
CHUNK = 500
_IDS_A_QUERY = 900
"""Contact ids bound in one IN (…) (SQLite's lowest limit is 999 values a statement)."""
"""Cards per progress report (and per bulk insert): Cancel takes effect within one chunk."""
ProgressFn = Callable[[int, int, str], None]


def no_progress(done: int, total: int, text: str = "") -> None:
    """The progress callback used when the caller gives none."""


@dataclass(slots=True)
class PlannedCard:
    """One card of the import: where it came from, and the stored contact it matches (if any)."""

    draft: ContactDraft
    file: str
    card: int
    match_id: int | None = None
    match_name: str = ""
    reason: str = ""
    choice: str = "merge"
    possible: bool = False
    """Only a possible duplicate (see import_matching): kept apart unless the user merges it."""
    partner: PlannedCard | None = None
    """The earlier card of these files a possible duplicate looks like (no stored contact)."""
    conflicts: list[Conflict] = field(default_factory=list)
    """Fields the card (or a card combined into it) gives another value than is there."""
    stored_job: tuple[str, str] = ("", "")
    """The organisation and title of the stored contact it matches, as they are now."""


@dataclass
class ImportPlan:
    """What an import would do: new cards, matches (each with a choice), errors, and warnings
    for cards that import without a part."""

    files: list[str]
    new: list[PlannedCard] = field(default_factory=list)
    matches: list[PlannedCard] = field(default_factory=list)
    possible: list[PlannedCard] = field(default_factory=list)
    """Cards that look like a stored contact or an earlier card without a shared strong
    identifier; created apart (choice "new") unless the user chooses to merge them."""
    errors: list[CardError] = field(default_factory=list)
    warnings: list[CardError] = field(default_factory=list)
    combined: int = 0
    unreadable: list[str] = field(default_factory=list)
    encodings: dict[str, str] = field(default_factory=dict)
    """The codec each CSV file was read in (detected, or chosen by the user), by file."""
    delimiters: dict[str, str] = field(default_factory=dict)
    """The delimiter each CSV file's columns were split by, by file."""
    congratulate: bool = True
    """Whether each job change recorded adds a "congratulate on the new role" follow-up."""

    def groups(self) -> int:
        """How many cards are groups with members (who get the group's name as a tag)."""
        return sum(c.draft.is_group and bool(c.draft.members) for c in self.new + self.matches)

    def created(self) -> int:
        """How many contacts applying the plan as chosen would create."""
        return len(self.new) + sum(c.choice == "new" for c in self.matches + self.possible)

    def conflicts(self) -> list[tuple[PlannedCard, Conflict]]:
        """Every conflict of the plan with its card, in file order."""
        cards = self.new + self.matches + self.possible
        return [(card, c) for card in cards for c in card.conflicts]

    def written_conflicts(self) -> list[tuple[PlannedCard, Conflict]]:
        """The conflicts the chosen actions meet: a created card's with the cards combined
        into it, a merged card's with its contact too (a skipped card has none)."""
        return [
            (card, c)
            for card, c in self.conflicts()
            if card.choice != "skip" and (c.within_files or card.choice == "merge")
        ]

    def choose_for_all(self, choice: str) -> None:
        """Apply one choice (merge, skip or new) to every sure match (possible duplicates keep
        theirs: merging them is decided one by one)."""
        if choice not in CHOICES:
            raise ValueError(f"unknown choice {choice!r}")
        for card in self.matches:
            card.choice = choice


def resolve_all(plan: ImportPlan, resolution: str) -> None:
    """Settle every conflict of the plan the same way (`--on-conflict`): "replace" takes every
    new value; "keep" leaves each conflict's default (a job change still replaces)."""
    if resolution not in RESOLUTIONS[:2]:
        raise ValueError(f"unknown resolution {resolution!r}")
    if resolution == "replace":
        for _, conflict in plan.conflicts():
            if "replace" in conflict.choices():  # a card's other UID is only ever kept aside
                conflict.choice = "replace"


def _place(plan: ImportPlan, card: PlannedCard, found: Found) -> None:
    """Put a card that matches someone among the sure matches or the possible duplicates."""
    card.reason, card.possible = found.reason, not found.sure
    if isinstance(found.target, int):
        card.match_id = found.target
    else:
        assert isinstance(found.target, PlannedCard)
        card.partner = found.target
        card.match_name = found.target.draft.full_name()
    if found.sure:
        plan.matches.append(card)
    else:
        card.choice = "new"
        plan.possible.append(card)


def plan_cards(results: list[ParseResult], progress: ProgressFn = no_progress) -> ImportPlan:
    """Sort parsed cards into new, matched and possible duplicates; a card surely matching an
    earlier card of these files is combined into it."""
    plan = ImportPlan(files=[r.file for r in results])
    index = MatchIndex.of_stored_contacts(d for result in results for d in result.drafts)
    total = sum(len(r.drafts) for r in results)
    done = 0
    for result in results:
        plan.errors += result.errors
        plan.warnings += result.warnings
        for number, draft in enumerate(result.drafts, start=1):
            done += 1
            if done % CHUNK == 0:
                progress(done, total, "")
            card = PlannedCard(draft, result.file, number)
            keys = keys_of(draft)
            weak = name_key(draft)
            found = index.find(draft, keys, weak)
            if found is None:
                plan.new.append(card)
            elif found.sure and isinstance(found.target, PlannedCard):
                found.target.conflicts += differing(found.target.draft, draft, within_files=True)
                fill(found.target.draft, draft)
                index.add(keys, weak, found.target)
                plan.combined += 1
                continue
            else:
                _place(plan, card, found)
            index.add(keys, weak, card)
    _compare_with_stored(plan)
    return plan


def _compare_with_stored(plan: ImportPlan) -> None:
    """Name the stored contact of each match and possible duplicate, and list the fields the
    card would give another value (two queries for every _IDS_A_QUERY of them, in plain SQL:
    peewee's IN (…) of thousands of ids and its row conversion were most of a re-import's plan; a
    third for the photos of the contacts whose card brings one, so a re-import does not hold
    every stored photo at once)."""
    cards = [c for c in plan.matches + plan.possible if c.match_id is not None]
    ids = list({c.match_id: None for c in cards})
    with_photo = {c.match_id for c in cards if c.draft.photo}
    columns = ", ".join(f'"{Contact._meta.fields[name].column_name}"' for name in CONFLICT_FIELDS)
    birthday = CONFLICT_FIELDS.index("birthday")
    stored: dict[int, tuple[str, ContactDraft]] = {}
    for start in range(0, len(ids), _IDS_A_QUERY):
        chunk = ids[start : start + _IDS_A_QUERY]
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT id, display_name, vcard_uid, {columns} FROM contact WHERE id IN ({marks})"
        for contact_id, name, uid, *values in db.execute_sql(sql, chunk):
            values[birthday] = Contact.birthday.python_value(values[birthday])
            fields = dict(zip(CONFLICT_FIELDS, values, strict=True))
            stored[contact_id] = name, ContactDraft(uid=uid, **fields)
        sql = (
            "SELECT contact_id, value, label FROM contact_method "
            f"WHERE kind = 'address' AND contact_id IN ({marks})"
        )
        for contact_id, value, label in db.execute_sql(sql, chunk):
            stored[contact_id][1].methods.append(MethodDraft("address", value, label))
        photos = [i for i in chunk if i in with_photo]
        sql = "SELECT id, photo FROM contact WHERE photo IS NOT NULL AND id IN ({})"
        for contact_id, photo in db.execute_sql(sql.format(", ".join("?" * len(photos))), photos):
            stored[contact_id][1].photo = bytes(photo)
    past = _past_jobs([i for i in ids if i is not None])
    for card in plan.matches + plan.possible:
        if card.match_id in stored:
            card.match_name, there = stored[card.match_id]
            card.stored_job = there.organisation, there.title
            card.conflicts += differing(there, card.draft, within_files=False)
            if past.get(card.match_id):
                _keep_a_past_job(card, past[card.match_id])


def _past_jobs(ids: list[int]) -> dict[int, set[tuple[str, str]]]:
    """The ended jobs of these contacts, as `_folded_job` gives them (SQLite's employment index
    on the contact; a few hundred ids a query)."""
    found: dict[int, set[tuple[str, str]]] = {}
    for start in range(0, len(ids), _IDS_A_QUERY):
        chunk = ids[start : start + _IDS_A_QUERY]
        sql = (
            "SELECT contact_id, organisation, title FROM employment WHERE ended_on IS NOT NULL "
            f"AND contact_id IN ({', '.join('?' * len(chunk))})"
        )
        for contact_id, organisation, title in db.execute_sql(sql, chunk):
            found.setdefault(contact_id, set()).add(_folded_job(organisation, title))
    return found


def _keep_a_past_job(card: PlannedCard, past: set[tuple[str, str]]) -> None:
    """A card bringing a job the person has left (an older file) is no job change: its
    organisation and title are kept aside by default."""
    organisation, title = card.stored_job
    brought = _folded_job(card.draft.organisation or organisation, card.draft.title or title)
    if brought in past:
        for conflict in card.conflicts:
            if conflict.field in ("organisation", "title") and not conflict.within_files:
                conflict.choice = "keep"


def _folded_job(organisation: str, title: str) -> tuple[str, str]:
    """A job compared as the conflicts compare text: case and spacing aside."""
    return " ".join(organisation.split()).casefold(), " ".join(title.split()).casefold()
