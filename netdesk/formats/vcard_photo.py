"""A vCard PHOTO value → the image's bytes: base64 (ENCODING=b), a data: URI (base64 or
%-encoded), a URL, or the bare base64 some 3.0 writers leave ENCODING out of."""

from __future__ import annotations

import base64
import binascii
from urllib.parse import unquote_to_bytes

from netdesk.formats.draft import ContactDraft
from netdesk.formats.vcard_lines import Prop


def read_photo(draft: ContactDraft, prop: Prop) -> None:
    """Set the draft's photo (or photo URL) from a PHOTO property; a value that is not a
    readable image marks the draft `photo_unreadable`."""
    if draft.photo is not None:
        return
    value = prop.value.strip()
    encoding = prop.param("ENCODING").upper()
    start = value[:8].lower()  # not all of it: a photo may be megabytes long
    if start.startswith("data:"):
        draft.photo = _data_uri(value)
    elif encoding in ("B", "BASE64"):
        draft.photo = _b64(value)
    elif start.startswith(("http://", "https://")):
        draft.photo_url = draft.photo_url or value
    elif value and not encoding:  # v3.0 writers that leave ENCODING=b out: an image's bytes
        data = _b64(value)
        draft.photo = data if data and data.startswith(_IMAGE_MAGIC) else None
    draft.photo_unreadable = bool(value) and draft.photo is None and not draft.photo_url


_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM", b"RIFF", b"II*\x00", b"MM\x00*")
"""How JPEG, PNG, GIF, BMP, WebP and TIFF data starts: base64 without ENCODING is taken as a
photo only when it decodes to one of these."""
_PERCENT_PIECE = 1 << 13


def _data_uri(value: str) -> bytes | None:
    header, _, payload = value.partition(",")
    if header.lower().endswith(";base64"):
        return _b64(payload)
    return _percent_decoded(payload) or None


def _percent_decoded(payload: str) -> bytes:
    """A %-encoded payload's bytes, decoded 8 KB at a time: `unquote_to_bytes` of a 9 MB value
    at once splits it into three million strings (a 772 MB peak)."""
    out = bytearray()
    start = 0
    while start < len(payload):
        stop = start + _PERCENT_PIECE
        escape = payload.rfind("%", stop - 2, stop)  # never cut a %XX in two
        stop = escape if escape > start else stop
        out += unquote_to_bytes(payload[start:stop])
        start = stop
    return bytes(out)


def _b64(value: str) -> bytes | None:
    try:
        data = base64.b64decode("".join(value.split()), validate=True)
    except (binascii.Error, ValueError):
        return None
    return data or None
