"""Planning an import reads only the stored contacts its cards could match."""

from __future__ import annotations

from netdesk.core.import_matching import MatchIndex, keys_of, name_key
from netdesk.formats.draft import ContactDraft, MethodDraft


def _person(i: int) -> ContactDraft:
    return ContactDraft(
        display_name=f"Person {i}",
        organisation="Acme",
        uid=f"uid-{i}",
        methods=[
            MethodDraft("email", f"p{i}@acme.test"),
            MethodDraft("phone", f"+44 20 7946 {i:04d}"),
            MethodDraft("profile", f"https://www.linkedin.com/in/p{i}", service="linkedin"),
        ],
    )


def test_the_index_holds_only_the_contacts_the_cards_share_a_key_with(services) -> None:
    ids = [services.contacts.create(_person(i)) for i in range(300)]
    by_email = ContactDraft(display_name="X", methods=[MethodDraft("email", "P7@ACME.test")])
    by_uid = ContactDraft(display_name="Y", uid="uid-8")
    by_name = ContactDraft(display_name="PERSON 9", organisation="acme")
    nobody = ContactDraft(display_name="Nobody", methods=[MethodDraft("phone", "+1 555 0100")])
    drafts = [by_email, by_uid, by_name, nobody]
    index = MatchIndex.of_stored_contacts(drafts)
    found = [index.find(d, keys_of(d), name_key(d)) for d in drafts]
    assert [(f.target, f.sure) if f else None for f in found] == [
        (ids[7], True),
        (ids[8], True),
        (ids[9], False),
        None,
    ]
    # three contacts: their UIDs and names, and the one email asked for (all: 300 x 5 keys)
    assert len(index._targets) == 7
