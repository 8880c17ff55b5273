"""Exporting contacts as vCard 4.0 / 3.0 or Google-compatible CSV: all, a selection or a search."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from netdesk.core.contact_list import ContactListQuery, ListFilter
from netdesk.core.contacts import ContactService
from netdesk.core.export_groups import member_references
from netdesk.formats.csv_writer import write_csv
from netdesk.formats.draft import ContactDraft
from netdesk.formats.vcard_writer import write_vcard, write_vcards

FORMATS = {"vcard": ".vcf", "vcard3": ".vcf", "csv": ".csv"}
_UNSAFE = re.compile(r"[^\w .,'-]+")


class ExportService:
    """Turns stored contacts into file text."""

    def __init__(self, contacts: ContactService) -> None:
        self.contacts = contacts

    def ids(self, search: str = "") -> list[int]:
        """Contacts not in the Trash (archived too), or those matching `search`, by name."""
        return ContactListQuery(ListFilter(text=search, scope="all")).ids()

    def export(self, fmt: str, ids: Iterable[int] | None = None, search: str = "") -> str:
        """The text of an export in `fmt` (vcard, vcard3, csv) of `ids`, or of a search / all."""
        if fmt not in FORMATS:
            raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
        chosen = list(ids) if ids is not None else self.ids(search)
        drafts = [self._load(contact_id) for contact_id in chosen]
        if fmt == "csv":
            return write_csv(drafts)
        return write_vcards(drafts, "3.0" if fmt == "vcard3" else "4.0")

    def vcard_files(self, ids: Iterable[int], folder: Path) -> list[Path]:
        """One vCard 4.0 file per contact in `folder`, named after the person (dragging out)."""
        written: list[Path] = []
        for contact_id in ids:
            draft = self._load(contact_id)
            stem = _UNSAFE.sub("_", draft.display_name or draft.full_name()).strip(" ._")[:80]
            path = folder / f"{stem or 'contact'}.vcf"
            if path in written or path.exists():
                path = folder / f"{stem or 'contact'} ({contact_id}).vcf"
            path.write_text(write_vcard(draft), encoding="utf-8", newline="")
            written.append(path)
        return written

    def _load(self, contact_id: int) -> ContactDraft:
        """A contact as a draft; a group's with its members' references (see export_groups)."""
        draft = self.contacts.load(contact_id)
        if draft.is_group:
            draft.members = member_references(contact_id, draft.full_name())
        return draft
