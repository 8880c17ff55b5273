"""Contact CSV files → ContactDraft: LinkedIn Connections, Google Contacts (current and legacy),
Outlook / Thunderbird.

The encoding is detected (see text.py) unless the caller names one. The delimiter (`,`, `;` as a
European Excel or Outlook writes, or tab) and the flavour are recognised from the header row,
found by looking at the first rows (LinkedIn puts a "Notes:" preamble first); columns are mapped
by header name, never by position. A file with no recognisable header (an .ics renamed .csv)
gives one file-level CardError and no drafts. A row the csv module cannot parse is a CardError
with its line number, and reading goes on after it (see `records`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from netdesk.formats.csv_columns import google_row, linkedin_row, outlook_row
from netdesk.formats.draft import CardError, ContactDraft, ParseResult
from netdesk.formats.surprises import unexpected
from netdesk.formats.text import decode_csv

_HEADER_SCAN_ROWS = 20
DELIMITERS = (",", ";", "\t")
CELL_LIMIT = 131_072
"""The csv module's default field limit: a longer cell is a broken row (an unclosed quote that
ran on), reported instead of read."""
_UNCLOSED = "unexpected end of data"
RowReader = Callable[[dict[str, str]], ContactDraft]


def flavour_of(header: list[str]) -> tuple[str, RowReader] | None:
    """("linkedin" | "google" | "outlook", row reader) for a header row, or None."""
    names = {h.strip() for h in header}
    if {"First Name", "Last Name"} <= names and names & {"Connected On", "Position"}:
        return "linkedin", linkedin_row
    google_keys = {"E-mail 1 - Value", "Phone 1 - Value", "Given Name", "Organization Name"}
    if names & google_keys and names & {"Name", "First Name", "Given Name"}:
        return "google", google_row
    outlook_keys = {"E-mail Address", "Primary Email", "Mobile Phone", "Business Phone", "Company"}
    if {"First Name", "Last Name"} <= names and names & outlook_keys:
        return "outlook", outlook_row
    return None


def read_csv(data: bytes, file: str, encoding: str | None = None) -> ParseResult:
    """Read contacts CSV data; `file` names the source in errors; `encoding` (a codec name)
    overrides the detected one."""
    text, used = decode_csv(data, encoding)
    result = ParseResult(file, encoding=used)
    lines = io.StringIO(text, newline="").readlines()  # CR, LF and CRLF end lines, nothing else
    found = _find_header(lines)
    if found is None:
        reason = "not a contacts CSV (no LinkedIn, Google or Outlook header row found)"
        result.errors.append(CardError(file, 0, reason))
        return result
    start, delimiter, header, (flavour, reader) = found
    result.delimiter = delimiter
    number = 0
    for line, row, problem in records(lines, start, delimiter):
        if row is not None and not any(cell.strip() for cell in row):
            continue
        number += 1
        if row is None:
            result.errors.append(CardError(file, number, f"unreadable row: {problem}", line))
        else:
            _read_row(result, reader, dict(zip(header, row, strict=False)), number, flavour, line)
    return result


def _find_header(
    lines: list[str],
) -> tuple[int, str, list[str], tuple[str, RowReader]] | None:
    """(index of the first line after the header, delimiter, header, flavour) or None."""
    for delimiter in DELIMITERS:
        for index, line in enumerate(lines[:_HEADER_SCAN_ROWS]):
            row = _lenient(line, delimiter)
            found = flavour_of(row)
            if found is not None:
                return index + 1, delimiter, [h.strip() for h in row], found
    return None


def records(
    lines: list[str], start: int, delimiter: str
) -> list[tuple[int, list[str] | None, str]]:
    """(line number, cells, "") of each record from lines[start:], or (line number, None, why)
    for one the csv module cannot parse.

    Parsed strictly, so a quote that is never closed (it would swallow the rest of the file into
    one cell) or that closes in the middle of a cell is noticed; such a record is reported at its
    first line and reading starts again at the line after it. A one-line record with text after a
    closing quote (`"Smith" Jr`) is read leniently, as the csv module does by default.
    """
    found: list[tuple[int, list[str] | None, str]] = []
    feed = _Feed(lines, start)
    reader = csv.reader(feed, delimiter=delimiter, strict=True)
    with _field_limit(sum(map(len, lines)) + 1):
        while True:
            first = feed.index
            try:
                row = next(reader)
            except StopIteration:
                return found
            except csv.Error as exc:
                if feed.index - first == 1 and str(exc) != _UNCLOSED:
                    found.append((first + 1, _lenient(lines[first], delimiter), ""))
                else:
                    found.append((first + 1, None, _why(str(exc))))
                    feed.index = first + 1
                    reader = csv.reader(feed, delimiter=delimiter, strict=True)
                continue
            longest = max(map(len, row), default=0)
            if longest > CELL_LIMIT:
                why = f"a cell of {longest:,} characters (at most {CELL_LIMIT:,})"
                found.append((first + 1, None, why))
            else:
                found.append((first + 1, row, ""))


def _lenient(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def _why(error: str) -> str:
    if error == _UNCLOSED:
        return "a quote opened in this row is never closed (the rows after it are read)"
    return f"a quote closes in the middle of a cell ({error}; the rows after it are read)"


class _Feed:
    """Lines for csv.reader that know how far it has read, so a broken record can be skipped."""

    def __init__(self, lines: list[str], index: int) -> None:
        self.lines = lines
        self.index = index

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        if self.index >= len(self.lines):
            raise StopIteration
        self.index += 1
        return self.lines[self.index - 1]


@contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """Let the csv module read a record whole (the text is in memory already), so that an
    oversized cell is reported by CELL_LIMIT and the record after it starts where it should."""
    before = csv.field_size_limit(max(limit, CELL_LIMIT))
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _read_row(
    result: ParseResult,
    reader: RowReader,
    row: dict[str, str],
    number: int,
    flavour: str,
    line: int,
) -> None:
    try:
        draft = reader(row)
    except Exception as exc:  # one bad row must not cost the others
        reason = unexpected(exc, "unreadable row")
        result.errors.append(CardError(result.file, number, reason, line))
        return
    draft.source = flavour
    if draft.has_identity():
        result.drafts.append(draft)
    else:
        reason = "the row has no name, organisation, email or phone"
        result.errors.append(CardError(result.file, number, reason, line))
