"""ContactDraft → vCard 4.0 (default) or 3.0 text, CRLF line ends, folded at 75 characters.

Labels that are not vCard TYPEs ("Assistant", "Privattelefon") are written the Apple way, as an
`itemN.X-ABLabel` group, so they come back on import; profiles go out as `IMPP` (chat addresses
with a scheme) or `X-SOCIALPROFILE;TYPE=<service>`.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable

from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.formats.vcard_reader import YEARLESS

_STANDARD_TYPES = {"home", "work", "cell", "fax", "pager", "other"}
"""Labels written as TYPE. "voice", "text" and "video" go as X-ABLabel: readers take those TYPEs
for a capability, not a label."""
_IMPP_SCHEMES = {"xmpp", "sip", "aim", "skype", "icq", "msnim", "ymsgr", "gtalk", "irc", "im"}
_PROPS = {"email": "EMAIL", "phone": "TEL", "address": "ADR", "url": "URL"}
_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
_PARAM_UNSAFE = re.compile(r'[\x00-\x1f\x7f";:,]')


def write_vcards(drafts: Iterable[ContactDraft], version: str = "4.0") -> str:
    """All drafts as one vCard file's text."""
    if version not in ("4.0", "3.0"):
        raise ValueError(f"unsupported vCard version {version!r}")
    return "".join(write_vcard(draft, version) for draft in drafts)


def write_vcard(draft: ContactDraft, version: str = "4.0") -> str:
    """One draft as a vCard."""
    lines = ["BEGIN:VCARD", f"VERSION:{version}"]
    if draft.is_group:
        lines.append("KIND:group" if version == "4.0" else "X-ADDRESSBOOKSERVER-KIND:group")
    name = draft.full_name() or next((m.value for m in draft.methods_of("email")), "")
    lines.append(f"FN:{escape(name)}")
    n_parts = (
        draft.family_name,
        draft.given_name,
        draft.additional_names,
        draft.prefix,
        draft.suffix,
    )
    lines.append("N:" + ";".join(escape(p) for p in n_parts))
    _text(lines, "NICKNAME", draft.nickname)
    if draft.organisation or draft.department:
        org = escape(draft.organisation)
        lines.append(f"ORG:{org};{escape(draft.department)}" if draft.department else f"ORG:{org}")
    _text(lines, "TITLE", draft.title)
    if draft.birthday is not None:
        lines.append("BDAY:" + _birthday(draft, version))
    kept = (m for m in draft.methods if m.value.strip())  # as a contact keeps them
    for number, method in enumerate(kept, start=1):
        lines.extend(_method_lines(method, version, number))
    if draft.notes:  # white space too: a note is written as it is
        lines.append(f"NOTE:{escape(draft.notes)}")
    _text(lines, "X-NETDESK-HOW-MET", draft.how_met)
    if draft.tags:
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in draft.tags))
    lines.extend(_photo_lines(draft, version))
    lines.extend(_member_lines(draft, version))
    for name, value in (("UID", draft.uid), ("REV", draft.revision)):
        if value.strip():  # not text-escaped: readers take both as they stand
            lines.append(f"{name}:{uri(value)}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def escape(text: str) -> str:
    """A text value with backslash, comma, semicolon and every line break (CRLF, LF and a bare
    CR, which readers also take for a line end) escaped, so no value can end its line. NUL,
    which is no text and would make the file look like UTF-16, is left out."""
    return (
        text.replace("\x00", "")
        .replace("\\", "\\\\")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def uri(value: str) -> str:
    """A URI value (not text-escaped) with line breaks and other controls percent-encoded."""
    return _CONTROLS.sub(lambda match: f"%{ord(match.group()):02X}", value)


def param(value: str) -> str:
    """A parameter value: without the characters that would end it, its line or the name."""
    return _PARAM_UNSAFE.sub("", value)


def fold(line: str, width: int = 75) -> str:
    """Fold a content line: continuation lines start with a space.

    A line is never folded right after `=`: readers keep such a fold as a quoted-printable soft
    break, and the continuation could then pass for a comment or an END:VCARD line.
    """
    if len(line) <= width:
        return line
    chunks: list[str] = []
    start, limit = 0, width
    while len(line) - start > limit:
        end = start + limit
        while end - start > 1 and line[end - 1] == "=":
            end -= 1
        chunks.append(line[start:end])
        start, limit = end, width - 1  # a continuation's leading space counts
    chunks.append(line[start:])
    return "\r\n ".join(chunks)


def _text(lines: list[str], name: str, value: str) -> None:
    if value.strip():
        lines.append(f"{name}:{escape(value)}")


def _birthday(draft: ContactDraft, version: str) -> str:
    day = draft.birthday
    assert day is not None
    if day.year == YEARLESS and version == "4.0":
        return f"--{day.month:02d}{day.day:02d}"
    return day.isoformat()


def _method_lines(method: MethodDraft, version: str, number: int) -> list[str]:
    if method.kind in ("profile", "impp"):
        return [_profile_line(method)]
    prop = _PROPS.get(method.kind)
    if prop is None or not method.value.strip():
        return []
    label = "cell" if method.label.lower() == "mobile" else method.label.lower()
    params = []
    group = ""
    if label in _STANDARD_TYPES:
        params.append(f"TYPE={label}")
    elif method.label:
        group = f"item{number}."
    if method.preferred:
        params.append("PREF=1" if version == "4.0" else "TYPE=pref")
    head = group + prop + "".join(";" + p for p in params)
    if method.kind == "address":
        parts = method.parts if len(method.parts) == 7 else ("", "", method.value, "", "", "", "")
        value = ";".join(escape(p) for p in parts)
    else:
        value = escape(method.value)
    lines = [f"{head}:{value}"]
    if group:
        lines.append(f"{group}X-ABLabel:{escape(method.label)}")
    return lines


def _member_lines(draft: ContactDraft, version: str) -> list[str]:
    """A group's MEMBER lines; 3.0 has Apple's X-ADDRESSBOOKSERVER-MEMBER, which takes only UIDs."""
    if not draft.is_group:
        return []
    if version == "4.0":
        return [f"MEMBER:{escape(member)}" for member in draft.members]
    return [
        f"X-ADDRESSBOOKSERVER-MEMBER:{escape(member)}"
        for member in draft.members
        if member.lower().startswith("urn:uuid:")
    ]


def _profile_line(method: MethodDraft) -> str:
    scheme = method.value.split(":", 1)[0].lower() if ":" in method.value else ""
    service = param(method.service) or "other"
    if scheme in _IMPP_SCHEMES:
        return f"IMPP;X-SERVICE-TYPE={service}:{escape(method.value)}"
    return f"X-SOCIALPROFILE;TYPE={service}:{escape(method.value)}"


def _photo_lines(draft: ContactDraft, version: str) -> list[str]:
    if draft.photo:
        data = base64.b64encode(draft.photo).decode("ascii")
        mime = _image_type(draft.photo)
        if version == "4.0":
            return [f"PHOTO:data:image/{mime};base64,{data}"]
        return [f"PHOTO;ENCODING=b;TYPE={mime.upper()}:{data}"]
    if draft.photo_url:
        return [f"PHOTO;VALUE=uri:{uri(draft.photo_url)}"]
    return []


def _image_type(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "png"
    if data.startswith(b"GIF8"):
        return "gif"
    return "jpeg"
