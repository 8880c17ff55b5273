"""Adversarial vCard shapes from issue 15: small files that made the import quadratic or unbounded.

Each generator takes a scale (1 = the size the issue measured) and returns the file's bytes; the
bench (`python -m bench import_bounds`) imports 1×, 4× and 16× of each, and the tests read them at
a small fraction of 1×.
"""

from __future__ import annotations

from collections.abc import Callable

_HEAD = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Shape\r\nEMAIL:shape@example.test\r\n"
_END = b"END:VCARD\r\n"


def categories(scale: float) -> bytes:
    """One CATEGORIES line of 100,000 distinct values at 1× (0.85 MB)."""
    tags = b",".join(b"t%d" % i for i in range(int(100_000 * scale)))
    return _HEAD + b"CATEGORIES:" + tags + b"\r\n" + _END


def quoted_printable_chain(scale: float) -> bytes:
    """A NOTE of quoted-printable soft line breaks, 7 MB at 1×."""
    lines = int(7_000_000 * scale) // 5
    return _HEAD + b"NOTE;ENCODING=QUOTED-PRINTABLE:" + b"ab=\r\n" * lines + b"end\r\n" + _END


def folded_photo(scale: float) -> bytes:
    """A vCard 2.1 PHOTO whose base64 runs on unindented lines (76 columns), 8 MB at 1×."""
    line = b"QUJD" * 19 + b"\r\n"
    photo = b"PHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n" + line * (int(8_000_000 * scale) // len(line))
    head = _HEAD.replace(b"VERSION:3.0", b"VERSION:2.1")
    return head + photo + b"\r\n" + _END


def members(scale: float) -> bytes:
    """A group card with 100,000 MEMBER lines at 1× (by UID, email and phone in turn)."""
    refs = (
        b"MEMBER:urn:uuid:m-%d\r\n",
        b"MEMBER:mailto:m%d@example.test\r\n",
        b"MEMBER:tel:+1555%07d\r\n",
    )
    lines = b"".join(refs[i % 3] % i for i in range(int(100_000 * scale)))
    return _HEAD.replace(b"VERSION:3.0", b"VERSION:4.0\r\nKIND:group") + lines + _END


def percent_data_uri(scale: float) -> bytes:
    """A 4.0 PHOTO as a %-encoded (not base64) data: URI, 9 MB at 1×."""
    payload = b"%FF%D8%00%7F" * (int(9_000_000 * scale) // 12)
    head = _HEAD.replace(b"VERSION:3.0", b"VERSION:4.0")
    return head + b"PHOTO:data:image/jpeg," + payload + b"\r\n" + _END


SHAPES: dict[str, Callable[[float], bytes]] = {
    "categories": categories,
    "qp_chain": quoted_printable_chain,
    "folded_photo": folded_photo,
    "members": members,
    "percent_data_uri": percent_data_uri,
}
