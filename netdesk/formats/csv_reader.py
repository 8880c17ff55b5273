"""Contact CSV files → ContactDraft: LinkedIn Connections, Google Contacts (current and legacy),
Outlook / Thunderbird.

The flavour is recognised from the header row, found by looking at the first rows (LinkedIn puts
a "Notes:" preamble first); columns are mapped by header name, never by position. A file with no
recognisable header (a TSV, an .ics renamed .csv) gives one file-level CardError and no drafts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

from netdesk.formats.csv_columns import google_row, linkedin_row, outlook_row
from netdesk.formats.draft import CardError, ContactDraft, ParseResult
from netdesk.formats.text import decode_text

_HEADER_SCAN_ROWS = 20
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


def read_csv_file(path: Path) -> ParseResult:
    """Read a contacts CSV file (OSError when it cannot be read)."""
    return read_csv(Path(path).read_bytes(), str(path))


def read_csv(data: bytes, file: str) -> ParseResult:
    """Read contacts CSV data; `file` names the source in errors."""
    result = ParseResult(file)
    rows = csv.reader(io.StringIO(decode_text(data), newline=""))
    try:
        header, found = _find_header(rows)
    except csv.Error as exc:
        result.errors.append(CardError(file, 0, f"not a readable CSV file: {exc}"))
        return result
    if found is None:
        reason = "not a contacts CSV (no LinkedIn, Google or Outlook header row found)"
        result.errors.append(CardError(file, 0, reason))
        return result
    flavour, reader = found
    number = 0
    while True:
        try:
            row = next(rows, None)
        except csv.Error as exc:
            result.errors.append(CardError(file, number + 1, f"unreadable row: {exc}"))
            break
        if row is None:
            break
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        _read_row(result, reader, dict(zip(header, row, strict=False)), number, flavour)
    return result


def _find_header(rows: Iterator[list[str]]) -> tuple[list[str], tuple[str, RowReader] | None]:
    for line, row in enumerate(rows, start=1):
        found = flavour_of(row)
        if found is not None:
            return [h.strip() for h in row], found
        if line >= _HEADER_SCAN_ROWS:
            break
    return [], None


def _read_row(
    result: ParseResult, reader: RowReader, row: dict[str, str], number: int, flavour: str
) -> None:
    try:
        draft = reader(row)
    except Exception as exc:  # one bad row must not cost the others
        result.errors.append(CardError(result.file, number, f"unreadable row: {exc!r}"))
        return
    draft.source = flavour
    if draft.has_identity():
        result.drafts.append(draft)
    else:
        reason = "the row has no name, organisation, email or phone"
        result.errors.append(CardError(result.file, number, reason))
