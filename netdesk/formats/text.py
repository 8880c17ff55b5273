"""Bytes of a contact file → text.

A BOM or UTF-16 without one decides first (`unicode_text`, which the vCard reader uses too).
CSV files declare no charset, so `decode_csv` then tries UTF-8 and otherwise asks
charset-normalizer which of the legacy encodings real exports use (Outlook's Windows-1252,
Thunderbird's Shift_JIS, GB18030, …) fits. The detector sees only the words with non-ASCII bytes:
given a whole file, the English header row outweighed a few Japanese names (Shift_JIS was taken
for Windows-1252). Encodings that decode the sample alike are one answer, of which the most
common in exports (ENCODINGS' order) is named. A wrong guess is possible on a few short names;
the import preview shows the encoding used and offers the others. The detector is loaded when
a file first needs it (every view imports this module, start-up among them).
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch

ENCODINGS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
    "cp1252": "Windows-1252 (Western European)",
    "cp932": "Shift_JIS (Japanese)",
    "gb18030": "GB18030 (Chinese, simplified)",
    "big5": "Big5 (Chinese, traditional)",
    "euc_kr": "EUC-KR (Korean)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp1250": "Windows-1250 (Central European)",
    "cp1253": "Windows-1253 (Greek)",
    "cp1254": "Windows-1254 (Turkish)",
    "cp1257": "Windows-1257 (Baltic)",
    "euc_jp": "EUC-JP (Japanese)",
    "koi8_r": "KOI8-R (Russian)",
    "mac_roman": "Mac OS Roman",
}
"""Codec name → what the user is shown, in the order ties between legacy encodings go."""
_LEGACY = [name for name in ENCODINGS if not name.startswith("utf")]
_DETECT_BYTES = 256 * 1024
"""Enough of a file for the detector (it samples anyway); bounds its time on big files."""
_WORD_WITH_HIGH_BYTES = re.compile(rb"[^\x00-\x20,;\"]*[\x80-\xff][^\x00-\x20,;\"]*")


def stored_text(text: str, *, one_line: bool = True) -> str:
    """Text as NetDesk keeps it: every line break LF (a file's CRLF or bare CR too; a vCard has no
    other), no NUL, and a one-line field (a name, a label) without white space around it."""
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    return text.strip() if one_line else text


def unicode_encoding(data: bytes) -> str | None:
    """The codec of data with a BOM or in UTF-16 (no BOM: NUL bytes tell); None for 8-bit data."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:200]
    if head.count(0) > len(head) // 4:
        return "utf-16-be" if head[0::2].count(0) > len(head) // 4 else "utf-16-le"
    return None


def unicode_text(data: bytes) -> str | None:
    """The text of data with a BOM or in UTF-16; None for 8-bit data."""
    encoding = unicode_encoding(data)
    return None if encoding is None else data.decode(encoding, errors="replace")


def detect_encoding(data: bytes) -> str:
    """The codec name (a key of ENCODINGS) that CSV data is most likely in."""
    encoding = unicode_encoding(data)
    if encoding is not None:
        return encoding
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return _legacy_encoding(data)
    return "utf-8"


def decode_csv(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, codec name) of CSV data, in `encoding` when given, else the detected one."""
    encoding = encoding or detect_encoding(data)
    return data.decode(encoding, errors="replace"), encoding


def _legacy_encoding(data: bytes) -> str:
    from charset_normalizer import from_bytes  # ~12 ms to load: not before a CSV needs it

    head = data[:_DETECT_BYTES]
    sample = b"\n".join(_WORD_WITH_HIGH_BYTES.findall(head)) or head
    matches = list(from_bytes(sample, cp_isolation=_LEGACY))
    if not matches:
        return "cp1252"
    best = min(matches, key=_rank)
    return min(_alike(best), key=_LEGACY.index, default="cp1252")


def _alike(match: CharsetMatch) -> list[str]:
    """The legacy encodings that decode the sample as `match` did."""
    return [name for name in (match.encoding, *match.could_be_from_charset) if name in _LEGACY]


def _rank(match: CharsetMatch) -> tuple[float, float, int]:
    """Least garbled first, then most like a language, then the most common in exports."""
    first = min((_LEGACY.index(name) for name in _alike(match)), default=len(_LEGACY))
    return (round(match.chaos, 2), -round(match.coherence, 2), first)
