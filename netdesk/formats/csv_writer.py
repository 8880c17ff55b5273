"""ContactDraft → CSV with Google Contacts' header, safe to open in a spreadsheet.

Cells starting with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading `'` so a
spreadsheet shows them as text instead of running them as formulas; the CSV reader drops it again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from netdesk.formats.csv_columns import MULTI
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.formats.vcard_reader import YEARLESS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FIXED = (
    "First Name",
    "Middle Name",
    "Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
)
_ADR_COLUMNS = ("PO Box", "Extended Address", "Street", "City", "Region", "Postal Code", "Country")
_GROUPS = (("E-mail", ("email",)), ("Phone", ("phone",)), ("Website", ("url", "profile")))


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def write_csv(drafts: Iterable[ContactDraft]) -> str:
    """The drafts as Google-compatible CSV text (header row first)."""
    drafts = list(drafts)
    counts = {
        title: max((sum(m.kind in kinds for m in d.methods) for d in drafts), default=0)
        for title, kinds in _GROUPS
    }
    addresses = max((len(d.methods_of("address")) for d in drafts), default=0)
    header = list(_FIXED)
    for title, _ in _GROUPS:
        for n in range(1, counts[title] + 1):
            header += [f"{title} {n} - Label", f"{title} {n} - Value"]
    for n in range(1, addresses + 1):
        header += [f"Address {n} - {c}" for c in ("Label", "Formatted", *_ADR_COLUMNS)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for draft in drafts:
        row = _fixed_cells(draft)
        for title, kinds in _GROUPS:
            methods = [m for m in draft.methods if m.kind in kinds]
            for n in range(counts[title]):
                row += _label_value(methods[n]) if n < len(methods) else ["", ""]
        for n in range(addresses):
            row += _address_cells(draft.methods_of("address"), n)
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()


def _fixed_cells(draft: ContactDraft) -> list[str]:
    birthday = ""
    if draft.birthday is not None:
        day = draft.birthday
        birthday = f"--{day:%m-%d}" if day.year == YEARLESS else day.isoformat()
    return [
        draft.given_name,
        draft.additional_names,
        draft.family_name,
        draft.prefix,
        draft.suffix,
        draft.nickname,
        draft.display_name,
        draft.organisation,
        draft.title,
        draft.department,
        birthday,
        draft.notes,
        draft.photo_url,
        MULTI.join(draft.tags),
    ]


def _label_value(method: MethodDraft) -> list[str]:
    label = method.service if method.kind == "profile" else method.label
    return [("* " if method.preferred else "") + label, method.value]


def _address_cells(addresses: list[MethodDraft], n: int) -> list[str]:
    if n >= len(addresses):
        return [""] * (2 + len(_ADR_COLUMNS))
    method = addresses[n]
    parts = list(method.parts) if len(method.parts) == 7 else [""] * 7
    return [method.label, method.value, *parts]
