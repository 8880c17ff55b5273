"""Which reader takes a file: the one place that dispatches by suffix (and sniffs the rest).

Calendar files (`.ics`) are recognised but not contact files: `kind_of` says "calendar" so the
importer can route them to an events importer once there is one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from netdesk.formats.csv_reader import read_csv
from netdesk.formats.draft import CardError, ParseResult
from netdesk.formats.vcard_reader import read_vcards

Reader = Callable[[bytes, str], ParseResult]
CONTACT_SUFFIXES = {".vcf": read_vcards, ".vcard": read_vcards, ".csv": read_csv}
CALENDAR_SUFFIXES = {".ics", ".ical", ".ifb"}


def kind_of(name: str) -> str:
    """ "contacts", "calendar" or "other" for a file name."""
    suffix = Path(name).suffix.lower()
    if suffix in CONTACT_SUFFIXES:
        return "contacts"
    return "calendar" if suffix in CALENDAR_SUFFIXES else "other"


def read_contacts(data: bytes, name: str, encoding: str | None = None) -> ParseResult:
    """Contacts from a file's bytes: by suffix, else by content (vCard, else a contacts CSV).
    `encoding` (a codec name) is the one a CSV file is read in instead of the detected one."""
    reader = CONTACT_SUFFIXES.get(Path(name).suffix.lower())
    if reader is read_csv:
        return read_csv(data, name, encoding)
    if reader is not None:
        return reader(data, name)
    if kind_of(name) == "calendar":
        return _unsupported(name, "calendar files are not contact files")
    if b"BEGIN:VCARD" in data[:4096].upper().replace(b"\x00", b""):
        return read_vcards(data, name)
    result = read_csv(data, name, encoding)
    if result.drafts:
        return result
    return _unsupported(name, "not a vCard or contacts CSV file")


def read_contacts_file(path: Path) -> ParseResult:
    """Contacts from a file (OSError when it cannot be read)."""
    return read_contacts(Path(path).read_bytes(), str(path))


def _unsupported(name: str, reason: str) -> ParseResult:
    return ParseResult(name, errors=[CardError(name, 0, reason)])
