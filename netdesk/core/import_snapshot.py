"""A contact draft as JSON and back: what an import batch keeps to undo a merge later."""

from __future__ import annotations

import base64
import json
from dataclasses import fields
from datetime import date

from netdesk.formats.draft import ContactDraft, MethodDraft

_DATES = {"birthday", "connected_on"}


_FIELDS = tuple(spec.name for spec in fields(ContactDraft))
_METHOD_FIELDS = tuple(spec.name for spec in fields(MethodDraft))


def to_json(draft: ContactDraft) -> str:
    """The draft as a JSON text (photo as base64, dates as ISO strings). Built field by field:
    `dataclasses.asdict` deep-copies every value, which a large merge felt."""
    data = {name: getattr(draft, name) for name in _FIELDS}
    data["methods"] = [{name: getattr(m, name) for name in _METHOD_FIELDS} for m in draft.methods]
    for name in _DATES:
        data[name] = data[name].isoformat() if data[name] else None
    data["photo"] = base64.b64encode(draft.photo).decode("ascii") if draft.photo else None
    return json.dumps(data, ensure_ascii=False)


def from_json(text: str) -> ContactDraft:
    """The draft `to_json` wrote (unknown keys from other versions are ignored)."""
    data = json.loads(text)
    known = {spec.name for spec in fields(ContactDraft)}
    values = {key: value for key, value in data.items() if key in known}
    for name in _DATES:
        values[name] = date.fromisoformat(values[name]) if values.get(name) else None
    values["photo"] = base64.b64decode(values["photo"]) if values.get("photo") else None
    values["methods"] = [
        MethodDraft(**{**method, "parts": tuple(method.get("parts", ()))})
        for method in values.get("methods", [])
    ]
    return ContactDraft(**values)
