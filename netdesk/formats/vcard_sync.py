"""Contacts as the cards a CardDAV server keeps: vCard 4.0 from `vcard_writer` (3.0 for a server
that takes only that) plus what only NetDesk knows as `X-NETDESK-*` properties, and back through
`vcard_reader`. The photo goes as base64 with ENCODING=b (see `_PHOTO_URI`).

A card another client wrote may hold properties NetDesk does not read (a phone's phonetic names,
anniversaries, related people, its own X- properties). `parse_card` keeps those lines as they
were and `render_card` writes them again, so an edit in NetDesk never strips what a phone put
there. Apple-style `itemN` groups of kept lines are renamed `keptN`: the writer numbers its own
labelled methods `itemN`, and a kept line must not take another method's label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from netdesk.formats.draft import ContactDraft
from netdesk.formats.vcard_lines import Prop, split_cards
from netdesk.formats.vcard_reader import card_to_draft, unescape
from netdesk.formats.vcard_text import logical_lines
from netdesk.formats.vcard_writer import escape, fold, write_vcard

CIRCLE = "X-NETDESK-CIRCLE"
CADENCE = "X-NETDESK-CADENCE-DAYS"
_READ = frozenset(
    {"BEGIN", "END", "VERSION", "FN", "N", "NICKNAME", "ORG", "TITLE", "EMAIL", "TEL", "ADR",
     "URL", "X-SOCIALPROFILE", "IMPP", "PHOTO", "CATEGORIES", "BDAY", "UID", "REV", "KIND",
     "X-ADDRESSBOOKSERVER-KIND", "MEMBER", "X-ADDRESSBOOKSERVER-MEMBER", "NOTE", "X-ABLABEL",
     "X-AIM", "X-ICQ", "X-JABBER", "X-MSN", "X-YAHOO", "X-GTALK", "X-SKYPE", "X-SKYPE-USERNAME",
     "X-TWITTER", "X-LINKEDIN", "X-GITHUB", "X-FACEBOOK", "X-MASTODON", "X-NETDESK-HOW-MET",
     CIRCLE, CADENCE}
)  # fmt: skip
"""Properties NetDesk reads into a contact (and writes back from it); every other line is kept."""
_APPLE_GROUP = re.compile(r"item(\d+)", re.IGNORECASE)
_PHOTO_URI = re.compile(r"^PHOTO:data:image/(\w+);base64,", re.MULTILINE)
"""A photo is written as base64 with ENCODING=b (vCard 3.0's form, which 4.0 readers take too),
not as 4.0's data: URI: Radicale stores cards through vobject, which cuts a data: URI at its
comma (tried with Radicale 3.9: the photo was gone)."""
_QUOTED = re.compile(r"[:;,]")


@dataclass
class SyncedCard:
    """One card read: the contact's draft and the lines NetDesk does not read, to write again."""

    draft: ContactDraft
    kept: list[str] = field(default_factory=list)


def parse_card(text: str) -> SyncedCard:
    """The first card of `text` (ValueError when it holds none)."""
    raw = next(iter(split_cards(logical_lines(text.encode("utf-8")))), None)
    if raw is None:
        raise ValueError("no vCard found (no BEGIN:VCARD line)")
    draft = card_to_draft(raw)
    for prop in raw.props:
        if prop.name == CIRCLE:
            draft.circle = unescape(prop.value).strip()
        elif prop.name == CADENCE and prop.value.strip().isdigit():
            draft.cadence_days = int(prop.value.strip())
    kept_groups = {p.group.lower() for p in raw.props if p.name not in _READ and p.group}
    kept = [
        _line(prop)
        for prop in raw.props
        if prop.name not in _READ
        or (prop.name == "X-ABLABEL" and prop.group.lower() in kept_groups)
    ]
    return SyncedCard(draft, kept)


def render_card(draft: ContactDraft, kept: Sequence[str] = (), version: str = "4.0") -> str:
    """The card for a contact: vCard `version` (4.0 or 3.0), its NetDesk-only fields, then the
    kept lines."""
    text = _PHOTO_URI.sub(r"PHOTO;ENCODING=b;TYPE=\1:", write_vcard(draft, version), count=1)
    extra: list[str] = []
    if draft.circle.strip():
        extra.append(f"{CIRCLE}:{escape(draft.circle)}")
    if draft.cadence_days is not None:
        extra.append(f"{CADENCE}:{draft.cadence_days}")
    extra += kept
    if not extra:
        return text
    end = text.rindex("END:VCARD")
    return text[:end] + "".join(fold(line) + "\r\n" for line in extra) + text[end:]


def _line(prop: Prop) -> str:
    """A property as a content line again (its value as read: escapes kept)."""
    group = prop.group
    match = _APPLE_GROUP.fullmatch(group)
    if match:
        group = f"kept{match.group(1)}"
    head = f"{group}.{prop.name}" if group else prop.name
    for key, values in prop.params.items():
        quoted = ",".join(f'"{v}"' if _QUOTED.search(v) else v for v in values)
        head += f";{key}={quoted}" if values else f";{key}"
    value = prop.value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f"{head}:{value}"
