"""Export → import into an empty database → export again: the same cards, field for field.

`export_import_export` does it for any files; the tests run it on the corpus, a small
gen_network.py network and hypothesis contacts. Run as a script for the full-size network:

    python -m tests.core.round_trip_check 10000      # gen_network.py N people, photos included

It prints, per format, the contacts before and after and whether both exports are equal.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from netdesk.core.changes import Changes
from netdesk.core.contacts import ContactService
from netdesk.core.exporting import ExportService
from netdesk.core.importing import ImportService
from netdesk.formats.draft import ContactDraft
from netdesk.store.db import close_database, open_database
from netdesk.store.models import Contact
from tests.formats.test_round_trip_text import csv_fields, vcard_fields
from tests.testdata.network import generate

FORMATS = {"vcard": ".vcf", "vcard3": ".vcf", "csv": ".csv"}


@dataclass
class RoundTrip:
    """Both databases' contacts (as the format carries them) and both exports."""

    first: list[dict[str, object]]
    second: list[dict[str, object]]
    export: str
    again: str
    errors: list[str]

    def same_cards(self) -> bool:
        """Whether both exports hold the same cards (or CSV rows). Their order may differ where
        names are equal: the import creates possible duplicates after the other new contacts."""
        return _cards(self.export) == _cards(self.again)


def _cards(text: str) -> list[str]:
    if text.startswith("BEGIN:VCARD"):
        return sorted(text.split("BEGIN:VCARD\r\n"))
    header, _, rows = text.partition("\r\n")
    return [header, *sorted(rows.split("\r\n"))]  # no row holds a CRLF (notes keep LF only)


def people(fmt: str) -> list[dict[str, object]]:
    """Every stored contact as the format carries it, in a fixed order (not by id: the second
    database's contacts are created in the export's order, by name)."""
    contacts = ContactService(Changes())
    view = csv_fields if fmt == "csv" else vcard_fields
    ids = [c.id for c in Contact.select(Contact.id).order_by(Contact.id)]
    loaded = contacts.load_many(ids)
    return sorted((_fields(view, loaded[i], fmt) for i in ids), key=repr)


def _fields(view: Callable[[ContactDraft], dict], draft: ContactDraft, fmt: str) -> dict:
    fields = view(draft)
    if fmt != "csv":
        fields["is_group"] = draft.is_group
    return fields


def export_import_export(
    fill: Callable[[ImportService, ContactService], object], folder: Path, fmt: str
) -> RoundTrip:
    """`fill` an empty database, export it in `fmt`, import that into another empty database and
    export again."""
    changes = Changes()
    contacts = ContactService(changes)
    importer = ImportService(contacts, changes)
    open_database(folder / f"first-{fmt}.db")
    try:
        fill(importer, contacts)
        first, text = people(fmt), ExportService(contacts).export(fmt)
    finally:
        close_database()
    open_database(folder / f"second-{fmt}.db")
    try:
        plan = importer.plan_data(text.encode(), f"export{FORMATS[fmt]}")
        importer.apply(plan)
        second, again = people(fmt), ExportService(contacts).export(fmt)
    finally:
        close_database()
    return RoundTrip(first, second, text, again, [str(e) for e in plan.errors])


def import_files(files: Iterable[Path]) -> Callable[[ImportService, ContactService], object]:
    """A `fill` that imports files."""
    return lambda importer, _contacts: importer.apply(importer.plan(list(files)))


def network(size: int, folder: Path) -> Path:
    """gen_network.py's network of `size` people (photos included) in `folder`."""
    generate(size, 1, folder)
    return folder / "network.vcf"


def main(size: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        vcf = network(size, Path(tmp) / "net")
        print(f"network.vcf: {vcf.stat().st_size / 1e6:.1f} MB")
        failures = 0
        for fmt in FORMATS:
            start = time.perf_counter()
            trip = export_import_export(import_files([vcf]), Path(tmp), fmt)
            same_people = trip.first == trip.second
            same_export = trip.same_cards()
            failures += not (same_people and same_export and not trip.errors)
            print(
                f"{fmt}: {len(trip.first)} contacts -> {len(trip.second)}, "
                f"same fields: {same_people}, same cards exported: {same_export} "
                f"({len(trip.export) / 1e6:.1f} MB), errors: {len(trip.errors)}, "
                f"{time.perf_counter() - start:.0f} s"
            )
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
