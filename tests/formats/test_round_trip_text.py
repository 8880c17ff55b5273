"""Any text survives writing and reading: vCard 4.0, 3.0 and Google CSV give back every field a
format carries, as the store keeps it (core.contacts.stored_form: LF line breaks, no NUL, one-line
fields without white space around them), and writing what was read gives the file the stored
contact gives."""

from __future__ import annotations

from hypothesis import example, given, settings

from netdesk.core.contacts import stored_form
from netdesk.formats.csv_reader import read_csv
from netdesk.formats.csv_writer import write_csv
from netdesk.formats.draft import ContactDraft
from netdesk.formats.vcard_reader import read_vcards
from netdesk.formats.vcard_writer import write_vcards
from tests.formats.strategies import contacts

NAMES = ("given_name", "family_name", "additional_names", "prefix", "suffix", "nickname")
SHARED = (*NAMES, "organisation", "department", "title", "birthday", "notes", "tags")
_TYPES = {"home", "work", "fax", "pager", "other"}


def _vcard_label(label: str) -> str:
    """The label a vCard gives back: a standard TYPE comes back lower case, "cell" as mobile."""
    lowered = label.lower()
    if lowered in ("mobile", "cell"):
        return "mobile"
    return lowered if lowered in _TYPES else label


def vcard_fields(draft: ContactDraft) -> dict[str, object]:
    """What a vCard carries of a contact, as a reader gives it back."""
    methods = [
        (m.kind, m.value, _vcard_label(m.label), m.service, m.preferred, m.parts)
        for m in draft.methods
        if m.value
    ]
    name = draft.full_name() or draft.methods_of("email")[0].value
    extra = ("how_met", "photo", "photo_url", "uid", "revision")
    values = {f: getattr(draft, f) for f in (*SHARED, *extra)}
    return {**values, "name": name, "methods": methods}


def csv_fields(draft: ContactDraft) -> dict[str, object]:
    """What Google's CSV carries of a contact, each kind of method in its own columns."""
    methods = {
        kind: [(m.kind, m.value, m.label, m.service, m.preferred) for m in draft.methods_of(kind)]
        for kind in ("email", "phone", "url", "profile")
    }
    addresses = [(m.value, m.label, m.parts) for m in draft.methods_of("address") if m.value]
    values = {f: getattr(draft, f) for f in (*SHARED, "display_name", "photo_url")}
    return {**values, "methods": methods, "addresses": addresses}


@settings(max_examples=150, deadline=None)
@given(contacts(1))
@example(ContactDraft(given_name="P1\r\x00", family_name=";"))
@example(ContactDraft(given_name="P1", tags=["\x00"]))
def test_any_text_survives_a_vcard(draft: ContactDraft) -> None:
    stored = stored_form(draft)
    for version in ("4.0", "3.0"):
        text = write_vcards([draft], version)
        result = read_vcards(text.encode(), "any.vcf")
        assert not result.errors and not result.warnings and len(result.drafts) == 1
        assert vcard_fields(result.drafts[0]) == vcard_fields(stored)
        assert write_vcards(result.drafts, version) == write_vcards([stored], version)


@settings(max_examples=150, deadline=None)
@given(contacts(1))
@example(ContactDraft(given_name="P1", tags=[";", "\x00"]))
def test_any_text_survives_a_csv(draft: ContactDraft) -> None:
    stored = stored_form(draft)
    result = read_csv(write_csv([draft]).encode(), "any.csv")
    assert not result.errors and len(result.drafts) == 1
    assert csv_fields(result.drafts[0]) == csv_fields(stored)
    assert write_csv(result.drafts) == write_csv([stored])
