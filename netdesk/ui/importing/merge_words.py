"""A planned card's fate in words for the import preview: what merging it changes ("Title:
Engineer → Lead Engineer", "+ email ada@example.org"), or that it is skipped or created apart;
and a new contact as one line. Plain text; dates in the locale's words.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from netdesk.core.import_merge_preview import MergeChanges
from netdesk.core.importing import PlannedCard
from netdesk.core.profiles import SERVICES
from netdesk.formats.draft import MethodDraft
from netdesk.ui.dates import plain_day

_FIELD_WORDS = {
    "given_name": "First name",
    "family_name": "Last name",
    "additional_names": "Middle names",
    "display_name": "Name shown",
    "how_met": "How we met",
    "cadence_days": "Keep in touch (days)",
    "met_at": "Met at",
    "photo_url": "Photo link",
    "connected_on": "Connected on",
    "uid": "UID",
}
_KIND_WORDS = {"url": "web link", "address": "address", "email": "email", "phone": "phone"}
_LONGEST = 60
EMPTY = "—"


def _tr(text: str) -> str:
    return QCoreApplication.translate("MergeWords", text)


def value_words(value: object) -> str:
    """A field's value on one short line: a date as the locale writes it, a long text cut."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, date):
        return plain_day(value)
    lines = str(value).strip().splitlines() or [""]
    text = lines[0] + (" …" if len(lines) > 1 else "")
    return text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…"


def field_words(name: str) -> str:
    return _tr(_FIELD_WORDS.get(name, name.replace("_", " ").capitalize()))


def method_words(method: MethodDraft) -> str:
    """ "email ada@example.org (work)", "GitHub profile github.com/ada"."""
    service = SERVICES.get(method.service, (method.service or "other", ""))[0]
    kind = f"{service} profile" if method.kind == "profile" else method.kind
    words = f"{_KIND_WORDS.get(method.kind, kind)} {method.value}"
    return f"{words} ({method.label})" if method.label else words


def change_lines(changes: MergeChanges) -> list[str]:
    """Each change on its own line; one line saying nothing changes when so."""
    lines = [
        f"{field_words(name)}: {value_words(old)} → {value_words(new)}"
        for name, old, new in changes.fields
    ]
    if changes.photo:
        lines.append(_tr("Photo: replaced by the file's"))
    lines += [f"+ {method_words(m)}" for m in changes.added]
    lines += [f"− {method_words(m)}" for m in changes.dropped]
    if changes.tags:
        lines.append("+ " + _tr("tags {0}").format(", ".join(changes.tags)))
    if changes.nothing():
        lines.append(_tr("Nothing changes: the contact already has everything on this card."))
    lines += [
        _tr("Kept as it is: {0} {1} in the file is not taken").format(
            field_words(c.field).lower(), value_words(c.incoming)
        )
        for c in changes.kept_aside
    ]
    return lines


def fate_text(card: PlannedCard, changes: MergeChanges | None) -> str:
    """What importing `card` as chosen does, under a line naming the card and its contact."""
    head = _tr("{0} (card {1} of {2})").format(
        card.draft.full_name(), card.card, Path(card.file).name
    )
    if card.choice == "skip":
        return f"{head}\n" + _tr("Skipped: {0} stays as it is.").format(card.match_name)
    if card.choice == "new" or changes is None:
        return f"{head}\n" + _tr("Imported as a new contact beside {0}.").format(
            card.match_name or _tr("the card it looks like")
        )
    title = _tr("Merging into {0} changes:").format(card.match_name)
    return "\n".join([head, title, *("  " + line for line in change_lines(changes))])


def new_contact_line(card: PlannedCard) -> str:
    """ "Ada Lovelace — Analytical Engines · ada@example.org" (what tells namesakes apart)."""
    draft = card.draft
    parts = [p for p in (draft.title, draft.organisation) if p]
    reach = next((m.value for m in draft.methods if m.kind in ("email", "phone")), "")
    line = draft.full_name() or reach or _tr("(no name)")
    if parts:
        line += " — " + ", ".join(parts)
    if reach and reach != line:
        line += f" · {reach}"
    return line
