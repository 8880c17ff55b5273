"""vCard file bytes → unfolded logical lines, 64 KB at a time.

Handles what real files do to the text before any line means anything: BOMs, UTF-16 (with or
without BOM), CRLF / LF / CR / CR CR LF line ends, folding (also where a fold splits a UTF-8
sequence, so unfolding happens on bytes), and files in Windows-1252 or another legacy charset that
some lines declare. The file is cut into pieces at line starts that are not folds, so a 66 MB file
never exists as one string and one list of lines at once (issue 15: a 66 MB file peaked at 585 MB).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import AnyStr

from netdesk.formats.text import unicode_text

PIECE = 1 << 16
"""Characters (or bytes) per piece of a file; a piece ends at the first line start after it.
Each piece is decoded, counted, unfolded and split by calls that hold the GIL throughout: on
a megabyte piece up to 3-7 ms each (an import's reading worker beside the window's GUI
thread), on 64 KB under 0.3 ms, for the same total."""
_CHARSET_RE = re.compile(rb";CHARSET=([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_UNICODE_NAMES = {"utf-8", "utf8", "us-ascii", "ascii"}
_FOLD = re.compile(r"(?<!=)\n[ \t]")
_CUT = re.compile(r"[\r\n](?=[^ \t\r\n])")
_CUT_BYTES = re.compile(rb"[\r\n](?=[^ \t\r\n])")


def logical_lines(data: bytes) -> Iterator[str]:
    """The unfolded logical lines of a vCard file, as text, a piece of the file at a time."""
    data = data.removeprefix(codecs.BOM_UTF8)
    text = unicode_text(data)
    if text is not None:
        for piece in _pieces(text, _CUT):
            yield from _whole(_text_lines(piece))
        return
    fallback = ""
    for chunk in _pieces(data, _CUT_BYTES):
        try:  # valid UTF-8 as a whole: unfolding the text equals unfolding the bytes
            lines = _text_lines(chunk.decode("utf-8"))
        except UnicodeDecodeError:
            fallback = fallback or _fallback_charset(data)
            lines = _decode_lines(chunk, fallback)
        yield from _whole(lines)


def _pieces(data: AnyStr, cut: re.Pattern[AnyStr]) -> Iterator[AnyStr]:
    """`data` in pieces of about PIECE, each ending at a line end not followed by a fold."""
    start, end = 0, len(data)
    while start < end:
        match = cut.search(data, start + PIECE) if start + PIECE < end else None
        stop = match.end() if match else end
        yield data[start:stop]
        start = stop


def _whole(lines: list[str]) -> list[str]:
    """A piece's lines without the empty one after its last line end."""
    if lines and not lines[-1]:
        lines.pop()
    return lines


def _text_lines(text: str) -> list[str]:
    """The unfolded lines of text. Most files end every line in CRLF and fold none: those are
    split on CRLF at once, which is cheaper than `_unfold`."""
    crlf = text.count("\r\n")
    if crlf == text.count("\r") == text.count("\n") and "\n " not in text and "\n\t" not in text:
        return text.split("\r\n")
    return _unfold(text).split("\n")


def _decode_lines(data: bytes, fallback: str) -> list[str]:
    """Lines of 8-bit data that is not UTF-8 as a whole (a fold inside a UTF-8 character, or
    another charset): unfolded as bytes, then decoded; `fallback` for lines that are not UTF-8."""
    raw_lines = _unfold(data.decode("latin-1")).encode("latin-1").split(b"\n")
    try:
        return b"\n".join(raw_lines).decode("utf-8").split("\n")
    except UnicodeDecodeError:
        return [_decode_line(line, fallback) for line in raw_lines]


def _unfold(text: str) -> str:
    """Line ends made LF, folds removed (not after `=`: that is a quoted-printable soft break)."""
    if "\r" in text:
        text = text.replace("\r\r\n", "\n").replace("\r\n", "\n").replace("\r", "\n")
    if "=\n " in text or "=\n\t" in text:
        return _FOLD.sub("", text)
    return text.replace("\n ", "").replace("\n\t", "")  # far cheaper than the pattern


def _fallback_charset(data: bytes) -> str:
    """The legacy charset a file declares on some line (else Windows-1252) for undeclared bytes."""
    for match in _CHARSET_RE.finditer(data):
        name = match.group(1).decode("ascii").lower()
        if name not in _UNICODE_NAMES and known_codec(name):
            return name
    return "cp1252"


def known_codec(name: str) -> bool:
    """Whether `name` is a text encoding Python knows ("base64" is a codec, but not text)."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        return False
    return getattr(info, "_is_text_encoding", True)


def _decode_line(line: bytes, fallback: str) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        match = _CHARSET_RE.search(line.split(b":", 1)[0])
        return decode_bytes(line, match.group(1).decode("ascii") if match else fallback)


def decode_bytes(raw: bytes, charset: str) -> str:
    """Bytes in `charset`, else UTF-8, else Windows-1252, else Latin-1 (never fails)."""
    for candidate in (charset, "utf-8", "cp1252"):
        if known_codec(candidate):
            try:
                return raw.decode(candidate)
            except UnicodeDecodeError:
                continue
    return raw.decode("latin-1")
