"""Every contact has a UID (typed in, imported without one, or stored before v3) and every
export writes it, so importing an export again finds the same people."""

from __future__ import annotations

import uuid

from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.formats.vcard_reader import read_vcards
from netdesk.store.models import Contact


def _is_new_uid(uid: str) -> bool:
    return str(uuid.UUID(uid)) == uid


def test_a_contact_created_without_a_uid_gets_one(services) -> None:
    typed = services.contacts.create(ContactDraft(given_name="Ann"))
    carded = services.contacts.create(ContactDraft(given_name="Bo", uid="urn:uuid:from-card"))
    assert _is_new_uid(services.contacts.load(typed).uid)
    assert services.contacts.load(carded).uid == "urn:uuid:from-card"


def test_imported_cards_without_a_uid_get_different_ones(services) -> None:
    text = b"".join(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Same Name\r\nEND:VCARD\r\n" for _ in range(3)
    )
    plan = services.importing.plan_data(
        text + b"BEGIN:VCARD\r\nFN:Kept\r\nUID:abc\r\nEND:VCARD\r\n", "x.vcf"
    )
    plan.choose_for_all("new")
    services.importing.apply(plan)
    uids = [c.vcard_uid for c in Contact.select().order_by(Contact.id)]
    assert len(uids) == 4 and uids[3] == "abc"
    assert len(set(uids[:3])) == 3 and all(_is_new_uid(uid) for uid in uids[:3])


def test_every_exported_card_has_its_contacts_uid(services) -> None:
    ids = [
        services.contacts.create(ContactDraft(given_name=name, methods=[MethodDraft("email", e)]))
        for name, e in (("Ann", "ann@x.test"), ("Bo", "bo@x.test"))
    ]
    for fmt in ("vcard", "vcard3"):
        cards = read_vcards(services.exporting.export(fmt).encode(), "out.vcf").drafts
        assert [c.uid for c in cards] == [services.contacts.load(i).uid for i in ids]


def test_a_tag_with_a_non_ascii_capital_is_shared(services) -> None:
    ids = [services.contacts.create(ContactDraft(given_name=n, tags=["Ärzte"])) for n in "AB"]
    assert [services.contacts.load(i).tags for i in ids] == [["Ärzte"], ["Ärzte"]]
