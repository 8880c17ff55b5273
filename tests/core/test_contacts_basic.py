"""ContactService: create, load, update keep fields, methods, tags and the search index."""

from __future__ import annotations

from datetime import date

from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store import fts
from netdesk.store.models import Company, Contact, db


def _search(text: str) -> list[int]:
    rows = db.execute_sql(
        "SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?", [fts.match_expression(text)]
    )
    return [r[0] for r in rows]


def test_create_load_roundtrip(services) -> None:
    draft = ContactDraft(
        given_name="Jürgen",
        family_name="Müller",
        organisation="Acme GmbH",
        title="CTO",
        birthday=date(1980, 5, 17),
        tags=["Berlin", "mentor"],
        methods=[
            MethodDraft("email", "JM@Example.com", label="work", preferred=True),
            MethodDraft("phone", "+49 30 901820", label="mobile"),
            MethodDraft(
                "address",
                "Unter den Linden 1, Berlin",
                parts=("", "", "Unter den Linden 1", "Berlin", "", "", "DE"),
            ),
        ],
    )
    contact_id = services.contacts.create(draft)
    loaded = services.contacts.load(contact_id)
    assert loaded.display_name == "Jürgen Müller"
    assert loaded.birthday == date(1980, 5, 17)
    assert [m.value for m in loaded.methods] == [m.value for m in draft.methods]
    assert loaded.methods[2].parts == draft.methods[2].parts
    assert loaded.tags == ["Berlin", "mentor"]
    assert Company.get(Company.name == "Acme GmbH").contacts.count() == 1


def test_search_index_folds_accents_and_prefixes(services) -> None:
    contact_id = services.contacts.create(
        ContactDraft(given_name="Jürgen", family_name="Müller", organisation="Acme")
    )
    assert _search("jurg") == [contact_id]
    assert _search("mull acm") == [contact_id]
    assert _search("jurgen zzz") == []


def test_update_replaces_methods_and_tags(services) -> None:
    contact_id = services.contacts.create(
        ContactDraft(given_name="Ann", tags=["a"], methods=[MethodDraft("email", "a@x.org")])
    )
    seen = []
    services.changes.subscribe(lambda topic, ids: seen.append((topic, set(ids))))
    draft = services.contacts.load(contact_id)
    draft.tags = ["b"]
    draft.methods = [MethodDraft("email", "ann@y.org")]
    services.contacts.update(contact_id, draft)
    assert services.contacts.load(contact_id).tags == ["b"]
    assert _search("ann y org") == [contact_id]
    assert Contact.get_by_id(contact_id).methods.count() == 1
    assert seen == [("contacts", {contact_id})]
