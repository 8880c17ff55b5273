"""Group cards: their members get the group's name as a tag; undo takes it off again."""

from __future__ import annotations

from pathlib import Path

from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.formats.vcard_reader import read_vcards
from netdesk.store.models import Contact, db
from tests.testdata import shapes

RFC_GROUPS = """BEGIN:VCARD
VERSION:4.0
KIND:group
FN:The Doe family
MEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af
MEMBER:urn:uuid:b8767877-b4a1-4c70-9acc-505d3819e519
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:John Doe
UID:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af
END:VCARD
BEGIN:VCARD
VERSION:4.0
KIND:group
FN:Funky distribution list
MEMBER:mailto:Subscriber1@example.com
MEMBER:xmpp:subscriber2@example.com
MEMBER:tel:+1-418-555-5555
END:VCARD
"""
APPLE_GROUP = """BEGIN:VCARD
VERSION:3.0
X-ADDRESSBOOKSERVER-KIND:group
FN:Board
X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:A1B2-C3
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Ada Board
UID:A1B2-C3
END:VCARD
"""


def _tags(services, name: str) -> list[str]:
    return services.contacts.tags_of(Contact.get(Contact.display_name == name).id)


def test_the_reader_keeps_member_references() -> None:
    group = read_vcards(RFC_GROUPS.encode(), "groups.vcf").drafts[2]
    assert group.is_group and group.members == [
        "mailto:Subscriber1@example.com",
        "xmpp:subscriber2@example.com",
        "tel:+1-418-555-5555",
    ]
    apple = read_vcards(APPLE_GROUP.encode(), "apple.vcf").drafts[0]
    assert apple.is_group and apple.members == ["urn:uuid:A1B2-C3"]


def test_members_in_the_file_and_stored_ones_get_the_group_as_a_tag(services, tmp_path) -> None:
    stored = services.contacts.create(
        ContactDraft(
            display_name="Sub Scriber",
            methods=[
                MethodDraft("email", "subscriber1@example.com"),
                MethodDraft("phone", "+1 418 555 5555"),
            ],
        )
    )
    path = tmp_path / "groups.vcf"
    path.write_text(RFC_GROUPS)
    report = services.importing.apply(services.importing.plan([path]))
    assert report.created == 3
    assert _tags(services, "John Doe") == ["The Doe family"]
    assert services.contacts.tags_of(stored) == ["Funky distribution list"]
    assert Contact.get(Contact.display_name == "The Doe family").is_group

    again = services.importing.apply(services.importing.plan([path]))  # nothing doubles
    assert services.contacts.tags_of(stored) == ["Funky distribution list"]
    services.importing.undo(again.batch_id)
    services.importing.undo(report.batch_id)
    assert services.contacts.tags_of(stored) == []
    assert [c.display_name for c in Contact.select()] == ["Sub Scriber"]


def test_apple_groups_name_members_by_their_bare_uid(services, tmp_path: Path) -> None:
    path = tmp_path / "apple.vcf"
    path.write_text(APPLE_GROUP)
    services.importing.apply(services.importing.plan([path]))
    assert _tags(services, "Ada Board") == ["Board"]


def test_a_stored_contact_in_two_groups_gets_both_tags_and_undo_takes_both_off(
    services, tmp_path: Path
) -> None:
    stored = services.contacts.create(
        ContactDraft(display_name="Sub", methods=[MethodDraft("email", "sub@x.example")])
    )
    groups = "".join(
        f"BEGIN:VCARD\nVERSION:4.0\nKIND:group\nFN:{name}\nMEMBER:mailto:sub@x.example\nEND:VCARD\n"
        for name in ("Board", "Climbers")
    )
    path = tmp_path / "groups.vcf"
    path.write_text(groups)
    report = services.importing.apply(services.importing.plan([path]))
    assert services.contacts.tags_of(stored) == ["Board", "Climbers"]
    services.importing.undo(report.batch_id)
    assert services.contacts.tags_of(stored) == []


def test_a_group_of_thousands_of_members_is_looked_up_in_a_few_queries(services, tmp_path) -> None:
    path = tmp_path / "group.vcf"
    members = shapes.members(3_000 / 100_000)
    people = "".join(
        f"BEGIN:VCARD\nFN:M{i}\nUID:urn:uuid:m-{i}\nEMAIL:m{i + 1}@example.test\n"
        f"TEL:+1555{i + 2:07d}\nEND:VCARD\n"
        for i in range(0, 3_000, 3)
    )
    path.write_bytes(members + people.encode())
    plan = services.importing.plan([path])
    statements: list[str] = []
    db.obj.connection().set_trace_callback(statements.append)
    try:
        services.importing.apply(plan)
    finally:
        db.obj.connection().set_trace_callback(None)
    selects = [s for s in statements if s.startswith("SELECT")]
    assert len(selects) < 100  # one query per member: over 3,000
    group = Contact.get(Contact.display_name == "Shape")
    tagged = [c for c in Contact.select() if "Shape" in services.contacts.tags_of(c.id)]
    assert group.is_group and len(tagged) == 1_000
