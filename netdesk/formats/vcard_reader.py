"""vCard 2.1 / 3.0 / 4.0 files → ContactDraft, one CardError per broken card.

Why our own parser and not vobject 0.9.9 (tried 2026-11-29 on ../shared/corpus: 35 vCard files,
1,077 cards):
- vobject aborted 13 of the 35 files outright (ParseError at quoted-printable soft breaks without
  `allowQP`, `#` comment lines, CR CR LF line ends, a BOM, UTF-16 files, a leading space, cut-short
  cards), so one bad card cost every good card in its file; and it cuts a 4.0
  `PHOTO:data:image/png;base64,...` at the comma. This parser reads all 35 files (1,079 cards;
  2 files give a per-card error, 4 import cards with a warning: cut short, a damaged photo).
- vobject is many times slower a card (bench/README.md; `python -m bench importing` compares
  the two). Reading a file a piece at a time (issue 15) costs a little more a card and keeps
  memory to the drafts.
This module maps properties to drafts; `vcard_lines` turns bytes into properties. Every card is
read on its own: an exception in one card becomes that card's CardError and the rest still import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from netdesk.formats.draft import CardError, ContactDraft, MethodDraft, ParseResult
from netdesk.formats.profiles import profile_service
from netdesk.formats.surprises import unexpected
from netdesk.formats.vcard_lines import MAX_VALUE_CHARS, Prop, RawCard, split_cards
from netdesk.formats.vcard_photo import read_photo
from netdesk.formats.vcard_text import logical_lines

_IGNORED_TYPES = {"internet", "pref", "voice", "msg", "video", "text", "x400", "postal", "parcel"}
_TYPE_LABELS = {"cell": "mobile", "iphone": "mobile"}
_LABEL = "X-ABLABEL"
_AB_LABEL = re.compile(r"^_?\$!<(.*)>!\$_?$")
_IM_PROPS = {
    "X-AIM": "aim",
    "X-ICQ": "icq",
    "X-JABBER": "xmpp",
    "X-MSN": "msn",
    "X-YAHOO": "yahoo",
    "X-GTALK": "gtalk",
    "X-SKYPE": "skype",
    "X-SKYPE-USERNAME": "skype",
    "X-TWITTER": "x",
    "X-LINKEDIN": "linkedin",
    "X-GITHUB": "github",
    "X-FACEBOOK": "facebook",
    "X-MASTODON": "mastodon",
}
YEARLESS = 1604
"""The year a birthday without a year is stored with (Apple's convention); written as --MMDD."""


def read_vcards(data: bytes, file: str) -> ParseResult:
    """Read every card of vCard data; `file` names the source in errors. Cards are read one at
    a time as the file's lines arrive, so only the drafts stay in memory."""
    result = ParseResult(file)
    cards = 0
    for raw in split_cards(logical_lines(data)):
        cards += 1
        _read_card(raw, result)
    if not cards:
        result.errors.append(CardError(file, 0, "no vCard found (no BEGIN:VCARD line)"))
    return result


def _read_card(raw: RawCard, result: ParseResult) -> None:
    """One card's draft, error or warnings into `result`."""
    file = result.file
    try:
        draft = card_to_draft(raw)
    except Exception as exc:  # any surprise in one card must not cost the others
        result.errors.append(CardError(file, raw.number, unexpected(exc, "unreadable card")))
        return
    if raw.problem:
        result.errors.append(CardError(file, raw.number, raw.problem))
        return
    if not draft.has_identity():
        reason = "the card has no name, organisation, email or phone"
        if raw.missing:
            reason += f" ({', '.join(raw.missing)})"
        result.errors.append(CardError(file, raw.number, reason))
        return
    result.drafts.append(draft)
    warnings = [f"the card has {what}; imported what it has" for what in raw.missing]
    warnings += [
        f"its {name} is over {MAX_VALUE_CHARS >> 20} MB and was left out; the rest of the card "
        "imports"
        for name in dict.fromkeys(raw.dropped)
    ]
    if draft.photo_unreadable and draft.photo is None and not draft.photo_url:
        warnings.append(
            "its photo could not be read (damaged, or a link to a local file); "
            "the rest of the card imports"
        )
    result.warnings += [CardError(file, raw.number, reason) for reason in warnings]


def card_to_draft(raw: RawCard) -> ContactDraft:
    """The draft for one card's properties (a value over MAX_VALUE_CHARS is left out and its
    property named in `raw.dropped`)."""
    draft = ContactDraft(source="vcard")
    methods = draft.methods
    grouped: list[tuple[int, str]] = []  # (method index, group) of methods from grouped lines
    handlers = _HANDLERS
    for prop in raw.props:
        handler = handlers.get(prop.name)
        if handler is None:
            continue
        if len(prop.value) > MAX_VALUE_CHARS:
            raw.dropped.append(prop.name)
        elif prop.group:
            before = len(methods)
            handler(draft, prop)
            if len(methods) > before:
                grouped.append((before, prop.group.lower()))
        else:
            handler(draft, prop)
    if grouped:
        labels = {p.group.lower(): _clean_label(p.value) for p in raw.props if p.name == _LABEL}
        for index, group in grouped:
            if group in labels:
                methods[index].label = labels[group]
    if len(draft.tags) > 1:  # each once, in order (`in` the list for each tag was quadratic)
        draft.tags = list(dict.fromkeys(draft.tags))
    return draft


def unescape(value: str) -> str:
    """A text value with vCard escapes (\\n \\, \\; \\\\) resolved."""
    if "\\" not in value:
        return value
    return re.sub(r"\\(.)", _unescape_char, value)


def _unescape_char(match: re.Match[str]) -> str:
    char = match.group(1)
    return "\n" if char in "nN" else char


def split_escaped(value: str, sep: str = ";") -> list[str]:
    """Split a structured value on unescaped `sep` and unescape each part."""
    if "\\" not in value:
        return value.split(sep)
    parts: list[str] = []
    start = i = 0
    while i < len(value):
        if value[i] == "\\":
            i += 2
            continue
        if value[i] == sep:
            parts.append(unescape(value[start:i]))
            start = i + 1
        i += 1
    parts.append(unescape(value[start:]))
    return parts


def _clean_label(value: str) -> str:
    text = unescape(value).strip()
    match = _AB_LABEL.match(text)
    return match.group(1).lower() if match else text


def _label_of(prop: Prop) -> tuple[str, bool]:
    """The method label and whether it is preferred, from the TYPE and PREF parameters."""
    if not prop.params:
        return "", False
    return _label_for(tuple(prop.params.get("TYPE", ())), prop.param("PREF"))


@lru_cache(maxsize=256)
def _label_for(types: tuple[str, ...], pref: str) -> tuple[str, bool]:
    """Cards repeat the same few TYPE lists: worked out once each."""
    lowered = [t.lower() for t in types]
    preferred = "pref" in lowered or pref == "1"
    label = next((t for t in lowered if t not in _IGNORED_TYPES), "")
    return _TYPE_LABELS.get(label, label), preferred


def _add_method(
    draft: ContactDraft,
    kind: str,
    prop: Prop,
    value: str,
    service: str = "",
    parts: tuple[str, ...] = (),
) -> None:
    value = value.strip()
    if not value:
        return
    label, preferred = _label_of(prop)
    draft.methods.append(MethodDraft(kind, value, label, service, preferred, parts))


def _fn(draft: ContactDraft, prop: Prop) -> None:
    if not draft.display_name:
        draft.display_name = unescape(prop.value).strip()


def _n(draft: ContactDraft, prop: Prop) -> None:
    if draft.family_name or draft.given_name:
        return
    parts = [*split_escaped(prop.value), "", "", "", "", ""]
    family, given, additional, prefix, suffix = map(str.strip, parts[:5])
    draft.family_name, draft.given_name, draft.additional_names = family, given, additional
    draft.prefix, draft.suffix = prefix, suffix


def _org(draft: ContactDraft, prop: Prop) -> None:
    if draft.organisation:
        return
    first, *units = split_escaped(prop.value)
    draft.organisation = first.strip()
    draft.department = "; ".join(u.strip() for u in units if u.strip()) if units else ""


def _note(draft: ContactDraft, prop: Prop) -> None:
    if text := unescape(prop.value):
        draft.notes = f"{draft.notes}\n{text}" if draft.notes else text


_Handler = Callable[[ContactDraft, Prop], None]
"""Reads one property into the draft."""


def _im(service: str) -> _Handler:
    def handler(draft: ContactDraft, prop: Prop) -> None:
        _add_profile(draft, prop, service)

    return handler


def _text_field(name: str) -> _Handler:
    def handler(draft: ContactDraft, prop: Prop) -> None:
        if not getattr(draft, name):
            setattr(draft, name, unescape(prop.value).strip())

    return handler


def _email(draft: ContactDraft, prop: Prop) -> None:
    value = unescape(prop.value).strip()
    _add_method(draft, "email", prop, value.removeprefix("mailto:"))


def _tel(draft: ContactDraft, prop: Prop) -> None:
    value = unescape(prop.value).strip()
    if value.lower().startswith("tel:"):
        value = value[4:].replace(";ext=", " ext. ")
    _add_method(draft, "phone", prop, value)


def _adr(draft: ContactDraft, prop: Prop) -> None:
    parts = tuple(p.strip() for p in [*split_escaped(prop.value), *[""] * 7][:7])
    one_line = ", ".join(p.replace("\n", ", ") for p in parts if p)
    _add_method(draft, "address", prop, one_line, parts=parts)


def _url(draft: ContactDraft, prop: Prop) -> None:
    value = unescape(prop.value).strip()
    service = profile_service(value)
    if service:
        _add_method(draft, "profile", prop, value, service=service)
    else:
        _add_method(draft, "url", prop, value)


def _social(draft: ContactDraft, prop: Prop) -> None:
    value = unescape(prop.value).strip()
    service = prop.param("X-SERVICE-TYPE") or prop.param("TYPE")
    _add_profile(draft, prop, service.lower() or profile_service(value), value)


def _impp(draft: ContactDraft, prop: Prop) -> None:
    value = unescape(prop.value).strip()
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    service = prop.param("X-SERVICE-TYPE").lower() or scheme
    _add_profile(draft, prop, service, value)


def _add_profile(draft: ContactDraft, prop: Prop, service: str, value: str | None = None) -> None:
    text = unescape(prop.value).strip() if value is None else value
    if text:
        draft.methods.append(MethodDraft("profile", text, "", service=service or "other"))


def _categories(draft: ContactDraft, prop: Prop) -> None:
    draft.tags += filter(None, map(str.strip, split_escaped(prop.value, ",")))


def _bday(draft: ContactDraft, prop: Prop) -> None:
    draft.birthday = draft.birthday or parse_date(prop.value)


def parse_date(value: str) -> date | None:
    """A vCard date (1985-04-12, 19850412, --0412, 1985-04-12T00:00:00Z), or None."""
    text = value.strip().split("T", 1)[0]
    if text.startswith("--"):
        digits = text[2:].replace("-", "")
        text = f"{YEARLESS}{digits}"
    digits = text.replace("-", "")
    if len(digits) != 8 or not digits.isdigit():
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def _uid(draft: ContactDraft, prop: Prop) -> None:
    draft.uid = draft.uid or prop.value.strip()


def _rev(draft: ContactDraft, prop: Prop) -> None:
    draft.revision = prop.value.strip()


def _kind(draft: ContactDraft, prop: Prop) -> None:
    draft.is_group = prop.value.strip().lower() == "group"


def _member(draft: ContactDraft, prop: Prop) -> None:
    if member := unescape(prop.value).strip():
        draft.members.append(member)


_HANDLERS: dict[str, _Handler] = {
    "FN": _fn,
    "N": _n,
    "NICKNAME": _text_field("nickname"),
    "X-NETDESK-HOW-MET": _text_field("how_met"),
    "ORG": _org,
    "TITLE": _text_field("title"),
    "EMAIL": _email,
    "TEL": _tel,
    "ADR": _adr,
    "URL": _url,
    "X-SOCIALPROFILE": _social,
    "IMPP": _impp,
    "PHOTO": read_photo,
    "CATEGORIES": _categories,
    "BDAY": _bday,
    "UID": _uid,
    "REV": _rev,
    "KIND": _kind,
    "X-ADDRESSBOOKSERVER-KIND": _kind,
    "MEMBER": _member,
    "X-ADDRESSBOOKSERVER-MEMBER": _member,
    "NOTE": _note,
    **{name: _im(service) for name, service in _IM_PROPS.items()},
}
