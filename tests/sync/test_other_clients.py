"""Cards written by another client (a phone, plain HTTP): NetDesk reads what it knows, keeps
what it does not know when it edits the card, and does not double people it already has."""

from __future__ import annotations

import base64

from netdesk.formats.draft import ContactDraft, MethodDraft
from tests.sync.desks import address_book, plain_request

PHONE_CARD = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Phone Inc//Contacts 17//EN\r\n"
    "UID:phone-card-1\r\n"
    "FN:Jürgen Müller\r\n"
    "N:Müller;Jürgen;;;\r\n"
    "X-PHONETIC-LAST-NAME:Mueller\r\n"
    "EMAIL;TYPE=INTERNET,WORK:juergen@example.org\r\n"
    "item1.X-ABRELATEDNAMES:Anna\r\n"
    "item1.X-ABLabel:_$!<Spouse>!$_\r\n"
    "item2.TEL:+49 89 765432\r\n"
    "item2.X-ABLabel:Werkstatt\r\n"
    "ANNIVERSARY:2011-06-04\r\n"
    'X-PHONE-RINGTONE;X-APP="Phone: Sounds":Marimba\r\n'
    "END:VCARD\r\n"
)


def test_a_card_from_a_phone_keeps_what_netdesk_does_not_know_after_an_edit(desks) -> None:
    a, _ = desks
    a.sync()
    href = address_book(a).rstrip("/") + "/phone-card-1.vcf"
    status, _ = plain_request(a.server, "PUT", href, PHONE_CARD)
    assert status in (201, 204)
    assert a.sync()["received_new"] == 1
    with a.open() as opened:
        _, jurgen = opened.by_name("Jürgen Müller")
        assert ("phone", "+49 89 765432", "Werkstatt") in [
            (m.kind, m.value, m.label) for m in jurgen.methods
        ]
        opened.edit("Jürgen Müller", title="Meister", circle="friend")
    assert a.sync()["sent_changed"] == 1
    status, card = plain_request(a.server, "GET", href)
    assert status == 200
    lines = [line.upper() for line in card.replace("\r\n", "\n").splitlines()]
    for kept in (
        "X-PHONETIC-LAST-NAME:Mueller",
        "kept1.X-ABRELATEDNAMES:Anna",
        "kept1.X-ABLABEL:_$!<Spouse>!$_",
        "ANNIVERSARY:2011-06-04",
        'X-PHONE-RINGTONE;X-APP="Phone: Sounds":Marimba',
        "PRODID:-//Phone Inc//Contacts 17//EN",
    ):
        assert kept.upper() in lines, card
    assert "TITLE:MEISTER" in lines and "X-NETDESK-CIRCLE:FRIEND" in lines
    assert [line for line in lines if line.endswith(".X-ABLABEL:WERKSTATT")]  # the phone's label


def test_a_first_sync_matches_server_cards_to_the_people_already_here(desks) -> None:
    a, b = desks
    a.sync()
    href = address_book(a).rstrip("/") + "/phone-card-1.vcf"
    plain_request(a.server, "PUT", href, PHONE_CARD)
    with b.open() as opened:
        opened.contacts.create(
            ContactDraft(
                given_name="Jürgen",
                family_name="Müller",
                title="Meister",
                methods=[MethodDraft("email", "JUERGEN@example.org", "work")],
            )
        )
    report = b.sync()
    assert (report["received_new"], report["received_linked"], report["sent_new"]) == (0, 1, 0)
    with b.open() as opened:
        assert opened.names() == ["Jürgen Müller"]
        _, jurgen = opened.by_name("Jürgen Müller")
    assert jurgen.title == "Meister"
    assert "+49 89 765432" in [m.value for m in jurgen.methods]
    assert report["sent_changed"] == 1  # the title went to the server


def test_a_photo_the_server_damages_is_not_taken_for_a_deletion(desks) -> None:
    a, _ = desks
    photo = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg=="
    )
    with a.open() as opened:
        opened.contacts.create(
            ContactDraft(given_name="Ann", family_name="Lee", uid="ann-1", photo=photo)
        )
    a.sync()
    href = address_book(a).rstrip("/") + "/ann-1.vcf"
    phone_edit = (  # a 4.0 data: URI, which Radicale's vobject cuts at its comma
        "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:ann-1\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\n"
        "TITLE:Pilot\r\nPHOTO:data:image/png;base64,"
        + base64.b64encode(photo).decode()
        + "\r\nEND:VCARD\r\n"
    )
    assert plain_request(a.server, "PUT", href, phone_edit)[0] in (201, 204)
    assert a.sync()["received_changed"] == 1
    with a.open() as opened:
        _, ann = opened.by_name("Ann Lee")
    assert (ann.title, ann.photo) == ("Pilot", photo)
