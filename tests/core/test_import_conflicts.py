"""A matched card's other values for filled fields: shown, settled as chosen, never dropped
silently; a newer LinkedIn export's job replaces the old one, which stays in the timeline."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

from netdesk.core.import_conflicts import shown
from netdesk.core.import_plan import resolve_all
from netdesk.core.services import Services
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.models import Contact, Interaction

CARD = (
    "BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\nEMAIL:ann@x.test\nORG:ACME\nTITLE:CTO\n"
    "BDAY:1990-02-03\nNOTE:Loves climbing\nEND:VCARD\n"
)


def _ann(services: Services, **fields: Any) -> int:
    draft = ContactDraft(
        given_name="Ann",
        family_name="Lee",
        organisation="Acme",
        methods=[MethodDraft("email", "ann@x.test")],
        **fields,
    )
    return services.contacts.create(draft)


def test_differing_values_are_listed_and_settled_as_chosen(services) -> None:
    ann = _ann(services, title="Engineer", notes="Met at PyCon", birthday=date(1990, 2, 4))
    plan = services.importing.plan_data(CARD.encode(), "a.vcf")
    (card,) = plan.matches
    found = [(c.field, c.kept, c.incoming, c.choice) for c in card.conflicts]
    assert found == [
        ("title", "Engineer", "CTO", "replace"),
        ("birthday", date(1990, 2, 4), date(1990, 2, 3), "keep"),
        ("notes", "Met at PyCon", "Loves climbing", "keep"),
    ], "ACME / Acme differ only in case: not a conflict; a new title is a job change"
    assert [c.choices() for c in card.conflicts][1:] == [
        ("keep", "replace"),
        ("keep", "replace", "append"),
    ]
    _, birthday, notes = card.conflicts
    notes.choice = "append"
    report = services.importing.apply(plan)
    stored = services.contacts.load(ann)
    assert (stored.title, stored.birthday) == ("CTO", date(1990, 2, 4))
    assert stored.notes == "Met at PyCon\n\nLoves climbing"
    assert report.merged == 1 and report.kept_aside() == [(card, birthday)]
    again = services.importing.plan_data(CARD.encode(), "a.vcf")
    assert [c.field for c in again.matches[0].conflicts] == ["birthday"]
    services.importing.undo(report.batch_id)
    assert services.contacts.load(ann).title == "Engineer"


def test_replace_for_all_and_cards_combined_in_one_file(services) -> None:
    second = CARD.replace("TITLE:CTO", "TITLE:CEO").replace("NOTE:Loves climbing\n", "")
    plan = services.importing.plan_data((CARD + second).encode(), "a.vcf")
    (card,) = plan.new
    assert plan.combined == 1
    conflicts = [(c.field, c.kept, c.incoming, c.within_files) for c in card.conflicts]
    assert conflicts == [("title", "CTO", "CEO", True)]
    resolve_all(plan, "keep")
    assert card.conflicts[0].choice == "keep"
    resolve_all(plan, "replace")
    report = services.importing.apply(plan)
    assert Contact.get().title == "CEO" and report.kept_aside() == []
    ann = Contact.get().id
    plan = services.importing.plan_data(CARD.encode(), "b.vcf")
    assert [(c.field, c.kept, c.incoming) for c in plan.matches[0].conflicts] == [
        ("title", "CEO", "CTO")
    ]
    plan.matches[0].conflicts[0].choice = "keep"
    report = services.importing.apply(plan)
    assert services.contacts.load(ann).title == "CEO"
    assert [(card.card, c.field) for card, c in report.kept_aside()] == [(1, "title")]


def test_a_newer_linkedin_export_changes_the_job_and_keeps_the_old_one(services, clock) -> None:
    ann = services.contacts.create(
        ContactDraft(
            given_name="Ann",
            family_name="Lee",
            organisation="Acme",
            title="CTO",
            methods=[MethodDraft("profile", "https://www.linkedin.com/in/annlee", service="x")],
        )
    )
    export = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ann,Lee,https://www.linkedin.com/in/annlee,,Beta GmbH,VP Engineering,\n"
    )
    plan = services.importing.plan_data(export.encode(), "Connections.csv")
    choices = [(c.field, c.choice) for c in plan.matches[0].conflicts]
    assert choices == [("organisation", "replace"), ("title", "replace")]
    report = services.importing.apply(plan)
    stored = services.contacts.load(ann)
    assert (stored.organisation, stored.title) == ("Beta GmbH", "VP Engineering")
    (line,) = Interaction.select().where(Interaction.contact == ann)
    assert (line.channel, line.summary) == ("job change", "was CTO at Acme until 2026-03-11")
    assert Contact.get_by_id(ann).last_contacted_at is None, "a job change is no contact"
    services.importing.undo(report.batch_id)
    assert services.contacts.load(ann).organisation == "Acme"
    assert Interaction.select().count() == 0


def test_another_address_under_the_same_label_is_added_beside_unless_chosen(services) -> None:
    home = MethodDraft("address", "1 Old Street, London", "home")
    ann = services.contacts.create(
        ContactDraft(display_name="Ann Lee", methods=[MethodDraft("email", "ann@x.test"), home])
    )
    card = (
        "BEGIN:VCARD\nFN:Ann Lee\nEMAIL:ann@x.test\nADR;TYPE=home:;;2 New Road;Leeds;;;\n"
        "ADR;TYPE=work:;;3 Office Park;York;;;\nEND:VCARD\n"
    )

    def addresses() -> list[str]:
        return [m.value for m in services.contacts.load(ann).methods if m.kind == "address"]

    plan = services.importing.plan_data(card.encode(), "a.vcf")
    (conflict,) = plan.matches[0].conflicts
    assert (conflict.field, conflict.kept, conflict.choice) == (
        "address",
        "1 Old Street, London",
        "append",
    )
    new_home = conflict.incoming
    report = services.importing.apply(plan)
    assert addresses() == ["1 Old Street, London", new_home, "3 Office Park, York"]
    services.importing.undo(report.batch_id)
    plan = services.importing.plan_data(card.encode(), "a.vcf")
    plan.matches[0].conflicts[0].choice = "replace"
    services.importing.apply(plan)
    assert addresses() == [new_home, "3 Office Park, York"]
    services.importing.undo(services.importing.history()[0].id)
    plan = services.importing.plan_data(card.replace("ADR;TYPE=work", "X-NO").encode(), "a.vcf")
    plan.matches[0].conflicts[0].choice = "keep"
    report = services.importing.apply(plan)
    assert addresses() == ["1 Old Street, London"]
    assert (report.merged, report.unchanged, len(report.kept_aside())) == (0, 1, 1)


PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(60))


def _with_photo(card: str, photo: bytes) -> bytes:
    encoded = base64.b64encode(photo).decode()
    return card.replace("END:VCARD", f"PHOTO;ENCODING=b;TYPE=JPEG:{encoded}\nEND:VCARD").encode()


def test_another_photo_is_a_conflict_kept_aside_or_taken(services) -> None:
    ann = _ann(services, title="CTO", photo=PNG)
    data = _with_photo(CARD.replace("BDAY:1990-02-03\nNOTE:Loves climbing\n", ""), JPEG)
    plan = services.importing.plan_data(data, "a.vcf")
    (card,) = plan.matches
    assert [(c.field, c.kept, c.incoming, c.choice) for c in card.conflicts] == [
        ("photo", PNG, JPEG, "keep")
    ]
    (photo,) = card.conflicts
    assert photo.choices() == ("keep", "replace")
    assert (shown(photo.kept), shown(photo.incoming)) == ("PNG photo, 2 KB", "JPEG photo, 1 KB")
    report = services.importing.apply(plan)
    assert report.kept_aside() == [(card, photo)]
    assert services.contacts.load(ann).photo == PNG
    again = services.importing.plan_data(data, "a.vcf")
    resolve_all(again, "replace")
    report = services.importing.apply(again)
    assert (report.merged, report.kept_aside()) == (1, [])
    assert services.contacts.load(ann).photo == JPEG
    assert services.importing.plan_data(data, "a.vcf").conflicts() == []
    services.importing.undo(report.batch_id)
    assert services.contacts.load(ann).photo == PNG


def test_another_card_uid_is_kept_aside_when_a_possible_duplicate_is_merged(services) -> None:
    ann = _ann(services, title="CTO", uid="urn:uuid:ann-1")
    data = CARD.replace("BEGIN:VCARD\n", "BEGIN:VCARD\nUID:urn:uuid:ann-2\n").encode()
    plan = services.importing.plan_data(data, "a.vcf")
    (card,) = plan.possible
    assert card.reason == "same email ann@x.test, but another card UID"
    uid = next(c for c in card.conflicts if c.field == "uid")
    assert (uid.kept, uid.incoming, uid.choice, uid.choices()) == (
        "urn:uuid:ann-1",
        "urn:uuid:ann-2",
        "keep",
        ("keep",),
    )
    resolve_all(plan, "replace")
    assert uid.choice == "keep", "a contact's UID is never replaced by a card's"
    card.choice = "merge"
    report = services.importing.apply(plan)
    assert (card, uid) in report.kept_aside()
    assert services.contacts.load(ann).uid == "urn:uuid:ann-1"
    assert Contact.select().count() == 1
