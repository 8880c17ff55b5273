"""Three-way merge of a contact, field by field, against the card both sides last agreed on.

A field changed on one side only takes that side's value; changed on both sides to different
values it is a `Conflict`: the merge keeps NetDesk's value and the conflict carries the server's,
so nothing is lost while the user has not chosen. Ways to reach a person and tags merge as sets:
what either side added is added, what either side removed (and the other left alone) is removed.
A first sync has no base: an empty draft stands for it, so a field only one side fills is taken
and two different values are a conflict.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TypeVar

from netdesk.core.contacts import DRAFT_FIELDS
from netdesk.formats.draft import ContactDraft, MethodDraft

SCALARS = ("display_name", *(name for name in DRAFT_FIELDS if name != "is_group"), "photo")
"""The contact fields a card carries, compared one by one (tags and methods as sets besides)."""

T = TypeVar("T")


@dataclass(frozen=True)
class Conflict:
    """A field both sides changed: the values at the last sync, in NetDesk and on the server."""

    field: str
    base: Any
    local: Any
    remote: Any


def merge(
    base: ContactDraft, local: ContactDraft, remote: ContactDraft
) -> tuple[ContactDraft, list[Conflict]]:
    """`local` with the server's changes since `base` applied, and the fields in conflict."""
    values: dict[str, Any] = {}
    conflicts = []
    for name in SCALARS:
        was, mine, theirs = getattr(base, name), getattr(local, name), getattr(remote, name)
        if mine == theirs or theirs == was:
            continue
        if mine == was:
            values[name] = theirs
        else:
            conflicts.append(Conflict(name, was, mine, theirs))
    methods = _merge_sets(base.methods, local.methods, remote.methods, _method_key)
    tags = _merge_sets(base.tags, local.tags, remote.tags, str.casefold)
    return replace(local, **values, methods=methods, tags=tags), conflicts


def same(a: ContactDraft, b: ContactDraft) -> bool:
    """Whether two drafts hold the same card fields (methods and tags in any order)."""
    return all(getattr(a, name) == getattr(b, name) for name in SCALARS) and (
        sorted(map(_method_key, a.methods)) == sorted(map(_method_key, b.methods))
        and sorted(map(str.casefold, a.tags)) == sorted(map(str.casefold, b.tags))
    )


def as_json(value: Any) -> str:
    """A field's value as JSON text for a conflict record (a photo as base64, a date as ISO)."""
    if isinstance(value, bytes):
        return json.dumps({"base64": base64.b64encode(value).decode("ascii")})
    if isinstance(value, date):
        return json.dumps(value.isoformat())
    return json.dumps(value, ensure_ascii=False)


def _merge_sets(
    base: Sequence[T], local: Sequence[T], remote: Sequence[T], key: Callable[[T], Hashable]
) -> list[T]:
    """Local items both sides still have or only local added, then remote's additions."""
    was = {key(item) for item in base}
    theirs = {key(item) for item in remote}
    mine = {key(item) for item in local}
    kept = [item for item in local if key(item) in theirs or key(item) not in was]
    added = [item for item in remote if key(item) not in was and key(item) not in mine]
    return kept + added


def _method_key(method: MethodDraft) -> tuple[object, ...]:
    return (
        method.kind,
        method.value.strip(),
        method.label.casefold(),
        method.service,
        method.preferred,
        method.parts,
    )
