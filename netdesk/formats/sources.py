"""Which reader takes a file: the one place that dispatches by suffix (and sniffs the rest).

Calendar files (`.ics`) are recognised but not contact files: `kind_of` says "calendar" so the
importer can route them to an events importer once there is one.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from netdesk.formats.csv_reader import read_csv
from netdesk.formats.draft import CardError, ParseResult
from netdesk.formats.vcard_reader import read_vcards

Reader = Callable[[bytes, str], ParseResult]
CONTACT_SUFFIXES = {".vcf": read_vcards, ".vcard": read_vcards, ".csv": read_csv}
CALENDAR_SUFFIXES = {".ics", ".ical", ".ifb"}
MAX_FILE_BYTES = 256 * 2**20
"""The largest file imported (256 MB: about 40,000 people with photos); a larger one is refused
whole rather than read into memory."""
_SPECIAL = ((stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISFIFO, "a FIFO"),
            (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))  # fmt: skip


class NotImported(Exception):
    """A file NetDesk will not read: not a regular file, or over MAX_FILE_BYTES (the message
    says which, for the user)."""


def read_file_bytes(path: Path) -> bytes:
    """A regular file's bytes. Devices (/dev/zero), FIFOs and sockets, also behind a symlink,
    are never read: opening a FIFO would wait for a writer, reading /dev/zero never ends.
    Raises NotImported for those and for a file over MAX_FILE_BYTES, OSError when unreadable."""
    _check(os.stat(path))  # a socket cannot even be opened
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)  # non-blocking: a FIFO put there meanwhile opens at once
    with os.fdopen(descriptor, "rb") as file:
        _check(os.fstat(descriptor))
        data = file.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:  # it grew since
        raise NotImported(_TOO_LARGE)
    return data


_TOO_LARGE = f"the file is over the {MAX_FILE_BYTES >> 20} MB import limit: skipped"


def _check(status: os.stat_result) -> None:
    """Raise NotImported unless `status` is a regular file within MAX_FILE_BYTES."""
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in _SPECIAL if test(status.st_mode)), "not a file")
        raise NotImported(f"{kind}, not a regular file: skipped without reading it")
    if status.st_size > MAX_FILE_BYTES:
        raise NotImported(_TOO_LARGE)


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


def _unsupported(name: str, reason: str) -> ParseResult:
    return ParseResult(name, errors=[CardError(name, 0, reason)])
