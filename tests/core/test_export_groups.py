"""Group contacts export their members (MEMBER / X-ADDRESSBOOKSERVER-MEMBER), so a group exported
and imported elsewhere keeps its people."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from netdesk.core.changes import Changes
from netdesk.core.contacts import ContactService
from netdesk.core.exporting import ExportService
from netdesk.core.importing import ImportService
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.db import close_database, open_database
from netdesk.store.models import Contact
from tests.core.test_import_groups import APPLE_GROUP
from tests.corpus_files import corpus_file

MEMBER_PROPS = {"vcard": "MEMBER", "vcard3": "X-ADDRESSBOOKSERVER-MEMBER"}


def _people() -> list[tuple]:
    contacts = ContactService(Changes())
    drafts = (contacts.load(c.id) for c in Contact.select(Contact.id))
    return sorted((d.full_name(), d.is_group, tuple(d.tags)) for d in drafts)


@pytest.mark.parametrize("fmt", ["vcard", "vcard3"])
def test_groups_keep_their_members_through_export_and_reimport(tmp_path: Path, fmt: str) -> None:
    changes = Changes()
    contacts = ContactService(changes)
    importer = ImportService(contacts, changes)
    apple = tmp_path / "apple.vcf"
    apple.write_text(APPLE_GROUP)
    open_database(tmp_path / "first.db")
    try:
        importer.apply(importer.plan([corpus_file("stalwartlabs__calcard__rfc.vcf"), apple]))
        mail = MethodDraft("email", "bo@board.test")
        bo = contacts.create(ContactDraft(display_name="Bo Board", tags=["board"], methods=[mail]))
        no_way = contacts.create(ContactDraft(display_name="No Way", tags=["Board"]))  # no email
        uids = [contacts.load(contact_id).uid for contact_id in (bo, no_way)]
        first = _people()
        text = ExportService(contacts).export(fmt)
    finally:
        close_database()
    members = ["A1B2-C3", *uids, "03a0e51f-d1aa-4385-8a53-e29025acd8af"]
    expected = [f"{MEMBER_PROPS[fmt]}:urn:uuid:{uid}" for uid in members]  # every contact has one
    assert re.findall(r"^(?:X-ADDRESSBOOKSERVER-)?MEMBER:[^\r]*", text, re.M) == expected
    open_database(tmp_path / "second.db")
    try:
        importer.apply(importer.plan_data(text.encode(), "export.vcf"))
        assert _people() == first
        assert ("The Doe family", True, ()) in first and ("Board", True, ()) in first
    finally:
        close_database()
    open_database(tmp_path / "third.db")  # without CATEGORIES, the MEMBER lines alone tag them
    try:
        bare = re.sub(r"^CATEGORIES:.*\r\n", "", text, flags=re.M)
        importer.apply(importer.plan_data(bare.encode(), "bare.vcf"))
        tagged = {name for name, _, tags in _people() if tags}
        assert tagged == {"John Doe", "Ada Board", "Bo Board", "No Way"}
    finally:
        close_database()


def test_members_are_live_contacts_tagged_with_the_group_name(services) -> None:
    group = services.contacts.create(ContactDraft(display_name="Band", is_group=True))
    drummer = services.contacts.create(ContactDraft(display_name="Drum", tags=["band"], uid="d-1"))
    gone = services.contacts.create(ContactDraft(display_name="Gone", tags=["Band"], uid="g-1"))
    services.bulk.trash([gone])
    text = services.exporting.export("vcard", [group])
    assert "MEMBER:urn:uuid:d-1\r\n" in text and "g-1" not in text
    assert services.exporting.export("vcard", [drummer]).count("MEMBER") == 0
