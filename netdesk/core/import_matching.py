"""Recognising imported cards as people already stored (or met earlier in the same import).

`MatchIndex` loads the keys (UID, normalised email, phone and profile, name + organisation) of
the live contacts that share one with the cards (import_stored), a few hundred keys a query, so
planning 10,000 cards does not run 50,000 queries nor 100 cards read a network of 100,000.
Only a strong identifier (UID, email, phone, profile) makes a sure match; a card whose strong
identifiers point at two people, or that shares one with a card of another UID, and a card that
only shares its name and organisation, are *possible* duplicates, which are never merged unless
the user says so: namesakes at one employer are common in a real network.
`fill` is the import merge: empty fields filled, new methods and tags added, nothing overwritten.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any, cast

from netdesk.core.import_stored import normalized_value, stored_rows
from netdesk.formats.draft import ContactDraft, MethodDraft

MATCH_KINDS = ("email", "phone", "profile", "url")
_NOT_FILLED = {
    "tags",
    "methods",
    "source",
    "is_group",
    "members",
    "display_name",
    "connected_on",  # not a contact field: a "connected" interaction (see import_connected)
    "photo_unreadable",
}
_REASONS = {
    "email": "same email",
    "phone": "same phone",
    "profile": "same profile",
    "url": "same web link",
}


Key = tuple[tuple[str, str], str, str]
"""A fact that identifies a person: (the value two cards share, why they match, a detail such
as the email itself). Plain tuples, joined into a reason only when shown: most keys never match,
and 10,000 cards make 50,000 keys."""


def keys_of(draft: ContactDraft) -> list[Key]:
    """The strong identifying keys of a draft, strongest first."""
    keys: list[Key] = [(("uid", draft.uid), "same card UID", "")] if draft.uid.strip() else []
    for method in draft.methods:
        kind = method.kind
        if kind in _REASONS and (norm := normalized_value(kind, method.value)):
            keys.append(
                (("profile" if kind == "url" else kind, norm), _REASONS[kind], method.value)
            )
    return keys


WeakKey = tuple[str, str] | None


def name_key(draft: ContactDraft) -> WeakKey:
    """The weak key of a draft (name + organisation), None without both."""
    name, organisation = draft.full_name().lower(), draft.organisation.strip().lower()
    return ("name+org", f"{name}\x1f{organisation}") if name and organisation else None


@dataclass(frozen=True, slots=True)
class Found:
    """Who a card matches and why; `sure` only for one person by a strong identifier."""

    target: object
    reason: str
    sure: bool


class MatchIndex:
    """Keys of stored contacts (→ contact id) and of cards planned so far (→ any target)."""

    def __init__(self) -> None:
        self._targets: dict[tuple[str, str], object] = {}
        self._uids: dict[int, str] = {}

    @classmethod
    def of_stored_contacts(cls, drafts: Iterable[ContactDraft]) -> MatchIndex:
        """The index over the contacts not in the Trash that `drafts` could match."""
        index = cls()
        rows, methods = stored_rows(drafts, MATCH_KINDS)
        for contact_id, uid, name, organisation in rows:
            if uid:
                index._targets.setdefault(("uid", uid), contact_id)
                index._uids[contact_id] = uid
            if name and organisation:
                key = ("name+org", f"{name.lower()}\x1f{organisation.strip().lower()}")
                index._targets.setdefault(key, contact_id)
        for contact_id, kind, normalized in methods:
            kind = "profile" if kind == "url" else kind
            index._targets.setdefault((kind, normalized), contact_id)
        return index

    def find(self, draft: ContactDraft, keys: list[Key], weak: WeakKey) -> Found | None:
        """Who `draft` (with its strong `keys` and `weak` name_key) matches; None for nobody."""
        hits: dict[object, tuple[object, str]] = {}
        for value, reason, detail in keys:
            target = self._targets.get(value)
            if target is not None and value[0] == "uid":  # a card's UID names the card
                return Found(_identity(target), reason, True)
            if target is not None:
                target = _identity(target)
                why = f"{reason} {detail}" if detail else reason
                hits.setdefault(target if isinstance(target, int) else id(target), (target, why))
        if not hits:
            target = self._targets.get(weak) if weak else None
            return None if target is None else Found(target, "same name and organisation", False)
        (first, reason), *others = hits.values()  # first: a contact id or a PlannedCard
        first = cast(Any, first)
        if others:
            return Found(first, f"{reason}, but {others[0][1]} is another contact's", False)
        theirs = self._uids.get(first, "") if isinstance(first, int) else first.draft.uid
        if draft.uid.strip() and theirs.strip() and theirs != draft.uid:
            return Found(first, f"{reason}, but another card UID", False)
        return Found(first, reason, True)

    def add(self, keys: list[Key], weak: WeakKey, target: object) -> None:
        """Let later cards find `target` by these keys and its name (earlier entries win)."""
        for value, _, _ in keys:
            self._targets.setdefault(value, target)
        if weak:
            self._targets.setdefault(weak, target)


def _identity(target: Any) -> Any:
    """A planned card surely matching a stored contact stands for that contact."""
    if isinstance(target, int) or target.possible or target.match_id is None:
        return target
    return target.match_id


def fill(target: ContactDraft, incoming: ContactDraft) -> bool:
    """Merge `incoming` into `target` without overwriting; True when anything was added."""
    changed = False
    for spec in fields(ContactDraft):
        value = getattr(incoming, spec.name)
        if spec.name in _NOT_FILLED or _empty(value):
            continue
        if _empty(getattr(target, spec.name)):
            setattr(target, spec.name, value)
            changed = True
    have = {_method_key(m) for m in target.methods}
    for method in incoming.methods:
        if _method_key(method) not in have:
            target.methods.append(method)
            have.add(_method_key(method))
            changed = True
    known = {t.lower() for t in target.tags}
    for tag in incoming.tags:
        if tag.lower() not in known:
            target.tags.append(tag)
            known.add(tag.lower())
            changed = True
    return changed


def _empty(value: object) -> bool:
    return value is None or value == ""


def _method_key(method: MethodDraft) -> tuple[str, str]:
    """What makes two methods the same: the matching form, else for a phone that has none (a
    national number of another region: "07700 900123") its digits, else the text."""
    normalized = normalized_value(method.kind, method.value)
    if not normalized and method.kind == "phone":
        normalized = "".join(c for c in method.value if c.isdigit())
    return method.kind, normalized or method.value.strip().lower()
