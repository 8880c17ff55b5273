"""ContactDraft → CSV with Google Contacts' header, safe to open in a spreadsheet.

Cells starting with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading `'` so a
spreadsheet shows them as text instead of running them as formulas (see csv_columns.neutralise;
the CSV reader takes exactly that `'` away again). Phone numbers are left as they are: Google
Contacts would keep the `'` in `'+1 415…`, and a cell of digits, spaces and `+ - ( ) . /`
cannot call anything. The contact's UID goes in a custom field (as Google exports its own), so
importing the file again finds the same people.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from netdesk.formats.csv_columns import MULTI, UID_LABEL, neutralise
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.formats.vcard_reader import YEARLESS

_PHONE = re.compile(r"\+?[0-9 ()./-]+(?: ?(?:ext\.?|x) ?[0-9]+)?")
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
    "Custom Field 1 - Label",
    "Custom Field 1 - Value",
)
_ADR_COLUMNS = ("PO Box", "Extended Address", "Street", "City", "Region", "Postal Code", "Country")
_GROUPS = (
    ("E-mail", ("email",)),
    ("Phone", ("phone",)),
    ("Website", ("url", "profile")),
    ("Address", ("address",)),
)


def write_csv(drafts: Iterable[ContactDraft]) -> str:
    """The drafts as Google-compatible CSV text (header row first)."""
    drafts = list(drafts)
    groups = [{title: _methods(d, kinds) for title, kinds in _GROUPS} for d in drafts]
    counts = {title: max((len(g[title]) for g in groups), default=0) for title, _ in _GROUPS}
    addresses = counts.pop("Address")
    header = list(_FIXED)
    for title in counts:
        for n in range(1, counts[title] + 1):
            header += [f"{title} {n} - Label", f"{title} {n} - Value"]
    for n in range(1, addresses + 1):
        header += [f"Address {n} - {c}" for c in ("Label", "Formatted", *_ADR_COLUMNS)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for draft, methods in zip(drafts, groups, strict=True):
        row = _fixed_cells(draft)
        for title, count in counts.items():
            for n in range(count):
                row += _label_value(methods[title][n]) if n < len(methods[title]) else ["", ""]
        for n in range(addresses):
            row += _address_cells(methods["Address"], n)
        writer.writerow(row)
    return out.getvalue()


def _methods(draft: ContactDraft, kinds: tuple[str, ...]) -> list[MethodDraft]:
    """The methods of these kinds that have a value (a contact stores no other)."""
    return [m for m in draft.methods if m.kind in kinds and m.value.strip()]


def _fixed_cells(draft: ContactDraft) -> list[str]:
    birthday = ""
    if draft.birthday is not None:
        day = draft.birthday
        birthday = f"--{day:%m-%d}" if day.year == YEARLESS else day.isoformat()
    cells = [
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
        UID_LABEL if draft.uid else "",
        draft.uid,
    ]
    return [neutralise(cell) for cell in cells]


def _label_value(method: MethodDraft) -> list[str]:
    label = method.service if method.kind == "profile" else method.label
    label = neutralise(("* " if method.preferred else "") + label)
    if method.kind == "phone" and _PHONE.fullmatch(method.value):
        return [label, method.value]
    return [label, neutralise(method.value)]


def _address_cells(addresses: list[MethodDraft], n: int) -> list[str]:
    if n >= len(addresses):
        return [""] * (2 + len(_ADR_COLUMNS))
    method = addresses[n]
    parts = list(method.parts) if len(method.parts) == 7 else [""] * 7
    return [neutralise(cell) for cell in (method.label, method.value, *parts)]
