"""Planning an import reads only the stored contacts its cards could match."""

from __future__ import annotations

from netdesk.core.import_matching import MatchIndex, keys_of, name_key
from netdesk.core.import_stored import stored_rows
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


def test_a_value_two_stored_contacts_share_finds_the_earlier_across_chunks(services) -> None:
    """The values are looked up 500 a query in no order; the stored rows still come back in id
    order, so the first stored contact with a shared email is the one a card matches."""
    first = services.contacts.create(_person(1))
    second = services.contacts.create(
        ContactDraft(display_name="Other", methods=[MethodDraft("email", "p1@acme.test")])
    )
    cards = [ContactDraft(display_name=f"Card {i}", organisation="Elsewhere") for i in range(400)]
    card = ContactDraft(display_name="Z", methods=[MethodDraft("email", "p1@acme.test")])
    rows, methods = stored_rows([*cards, card], ("email",))
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)
    assert [m[0] for m in methods] == [first, second]
    index = MatchIndex.of_stored_contacts([*cards, card])
    found = index.find(card, keys_of(card), name_key(card))
    assert found is not None and found.target == first
