"""Bytes of a contact file → text: BOMs, UTF-16 with or without BOM, UTF-8, else Windows-1252."""

from __future__ import annotations

import codecs


def unicode_text(data: bytes) -> str | None:
    """The text of data with a BOM or in UTF-16; None for 8-bit data."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    head = data[:200]
    if head.count(0) > len(head) // 4:
        even_nuls = head[0::2].count(0)
        return data.decode("utf-16-be" if even_nuls > len(head) // 4 else "utf-16-le", "replace")
    return None


def decode_text(data: bytes) -> str:
    """The text of a whole file: BOM or UTF-16, else UTF-8, else Windows-1252 (never fails)."""
    text = unicode_text(data)
    if text is not None:
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
