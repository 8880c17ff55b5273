"""insert_rows stores exactly what Peewee's insert_many stores (literals, many rows a statement)."""

from __future__ import annotations

from datetime import date

from netdesk.core.contacts import DRAFT_FIELDS
from netdesk.core.import_writer import CONTACT_FIELDS, insert_rows
from netdesk.store.models import Contact, ImportBatch, ImportChange, db

SKIP = {"id", "created_at", "updated_at"}


def _stored(first: int, last: int) -> list[tuple]:
    columns = [f.column_name for f in Contact._meta.sorted_fields if f.name not in SKIP]
    read = ", ".join(f'typeof("{c}"), "{c}"' for c in columns)
    sql = f"SELECT {read} FROM contact WHERE id BETWEEN ? AND ? ORDER BY id"
    return db.execute_sql(sql, (first, last)).fetchall()


def _row(contact_id: int, i: int, batch: int) -> tuple:
    values = {name: "" for name in DRAFT_FIELDS}
    values.update(
        given_name=f"G{i}",
        family_name="Same",
        nickname="nul\x00inside",  # one value in every row, but never a literal
        notes="it's" if i % 3 else "",
        birthday=date(1990, 1, 1),
        cadence_days=None,
        is_group=i % 2 == 0,
        photo_url="",
    )
    extra = (f"G{i} Same", b"\x00png" if i == 7 else None, f"uid-{i}", "", "vcard", batch, None)
    return (contact_id, *(values[name] for name in DRAFT_FIELDS), *extra, None)


def test_insert_rows_matches_insert_many(database) -> None:
    batch = ImportBatch.create(files="[]").id
    count = 257  # not a multiple of the rows a statement
    insert_rows(Contact, CONTACT_FIELDS, [_row(1 + i, i, batch) for i in range(count)])
    dicts = [dict(zip(CONTACT_FIELDS, _row(1001 + i, i, batch), strict=True)) for i in range(count)]
    Contact.insert_many(dicts).execute()
    ours, peewee = _stored(1, count), _stored(1001, 1000 + count)
    assert len(ours) == count and ours == peewee
    assert ours[0][ours[0].index("nul\x00inside") - 1] == "text"


def test_insert_rows_with_no_column_that_varies(database) -> None:
    batch = ImportBatch.create(files="[]").id
    insert_rows(ImportChange, ("batch", "action"), [(batch, "created")] * 150)
    rows = db.execute_sql("SELECT batch_id, contact_id, action, before FROM import_change")
    assert rows.fetchall() == [(batch, None, "created", "")] * 150


def test_new_contacts_are_indexed_as_the_stored_rows_read_back(database) -> None:
    from netdesk.core.import_writer import NewContacts
    from netdesk.formats.draft import ContactDraft, MethodDraft
    from netdesk.store import fts

    drafts = [
        ContactDraft(
            given_name="Jürgen",
            family_name="Müller",
            additional_names="K",
            nickname="Jü",
            organisation="Bosch",
            title="CTO",
            notes="sailing",
            how_met="PyCon",
            tags=["Data", "data", "berlin"],
            methods=[
                MethodDraft("email", "J@Bosch.example"),
                MethodDraft("phone", "+44 20 7946 0000"),
                MethodDraft("email", "  "),
                MethodDraft("profile", "https://www.LinkedIn.com/in/jm/", service="linkedin"),
            ],
        ),
        ContactDraft(methods=[MethodDraft("email", "only@mail.example")]),
    ]
    batch = ImportBatch.create(files="[]").id
    writer = NewContacts(drafts, batch)
    ids = writer.insert(drafts)
    columns = "name, organisation, title, notes, methods, tags"
    read = f"SELECT rowid, {columns} FROM contact_fts ORDER BY rowid"
    indexed = db.execute_sql(read).fetchall()
    fts.reindex(db.obj, ids)  # what an edit of these contacts would index
    read_back = db.execute_sql(read).fetchall()

    def words(rows) -> list[tuple]:
        return [tuple(sorted(str(v).casefold().split()) for v in row) for row in rows]

    assert len(indexed) == 2 and words(indexed) == words(read_back)
    assert indexed[0][5] == (
        "J@Bosch.example +44 20 7946 0000 +442079460000 https://www.LinkedIn.com/in/jm/"
    )  # a phone's normalized form adds a word; an email's or a link's would not


def test_update_contacts_writes_what_contact_service_update_writes(services) -> None:
    from datetime import date

    from netdesk.core.import_writer import update_contacts
    from netdesk.formats.draft import ContactDraft, MethodDraft

    def person() -> ContactDraft:
        return ContactDraft(
            given_name="Ann",
            family_name="Lee",
            organisation="Acme",
            tags=["friends"],
            methods=[MethodDraft("email", "ann@x.test", "work")],
        )

    ids = [services.contacts.create(person()) for _ in range(2)]
    changed = person()
    changed.notes, changed.birthday, changed.cadence_days = "met at PyCon", date(1604, 2, 3), 30
    changed.organisation, changed.title, changed.is_group = "Bosch", "CTO", True
    changed.photo = b"\x89PNG"
    changed.tags += ["Data", "data"]
    changed.methods += [
        MethodDraft("phone", "+44 20 7946 0000", "mobile", preferred=True),
        MethodDraft("address", "1 Road, Leeds", parts=("", "", "1 Road", "Leeds")),
    ]
    update_contacts({ids[0]: changed})
    services.contacts.update(ids[1], changed)

    def stored(contact_id: int) -> list[object]:
        row = db.execute_sql("SELECT * FROM contact WHERE id = ?", (contact_id,))
        names = [c[0] for c in row.description]
        values = dict(zip(names, row.fetchone(), strict=True))
        for varying in ("id", "created_at", "updated_at", "vcard_uid"):
            values.pop(varying)
        methods = db.execute_sql(
            "SELECT kind, label, value, normalized, service, preferred, parts, position "
            "FROM contact_method WHERE contact_id = ? ORDER BY position",
            (contact_id,),
        ).fetchall()
        index = db.execute_sql(
            "SELECT name, organisation, title, notes, methods, tags FROM contact_fts "
            "WHERE rowid = ?",
            (contact_id,),
        ).fetchall()
        return [values, methods, services.contacts.tags_of(contact_id), index]

    assert stored(ids[0]) == stored(ids[1])
    assert services.contacts.load(ids[0]).tags == ["Data", "friends"]


def _named(drafts_of: list[tuple[str, list[str]]]) -> list:
    from netdesk.formats.draft import ContactDraft

    return [ContactDraft(given_name="P", organisation=o, tags=t) for o, t in drafts_of]


def test_new_contacts_find_companies_and_tags_ignoring_case(database) -> None:
    from netdesk.core.import_writer import NewContacts
    from netdesk.store.models import Company, Tag

    acme, aerzte = Company.create(name="ACME Corp"), Company.create(name="Ärzte Ohne Grenzen")
    data, munich = Tag.create(name="Data"), Tag.create(name="München")
    drafts = _named(
        [("acme corp", ["DATA", "münchen"]), ("ärzte ohne grenzen", []), (" New Co ", ["new"])]
    )
    writer = NewContacts(drafts, ImportBatch.create(files="[]").id)
    new_co, new_tag = Company.get(Company.name == "New Co"), Tag.get(Tag.name == "new")
    assert writer.companies == {
        "acme corp": acme.id,
        "ärzte ohne grenzen": aerzte.id,  # Python's lower(), not SQLite's NOCASE
        "new co": new_co.id,
    }
    assert writer.tags == {"data": data.id, "münchen": munich.id, "new": new_tag.id}
    assert Company.select().count() == 3 and Tag.select().count() == 3


def test_new_contacts_look_ascii_companies_and_tags_up_by_their_index(
    database, monkeypatch
) -> None:
    from netdesk.core.import_writer import NewContacts
    from netdesk.store.models import Company, Tag
    from tests.query_plans import plans_of

    Company.insert_many([{"name": f"Org {i}"} for i in range(50)]).execute()
    Tag.insert_many([{"name": f"tag {i}"} for i in range(50)]).execute()
    drafts = _named([("ORG 3", ["TAG 4", "fresh"]), ("Org 77", [])])
    batch = ImportBatch.create(files="[]").id
    plans = plans_of(monkeypatch, lambda: NewContacts(drafts, batch))
    reads = [p for p in plans if "company" in p or "tag" in p]
    # each table: the names wanted by its index, then its last id (the new rows numbered from it,
    # not read back by name)
    assert reads == [
        "SEARCH company USING COVERING INDEX company_name (name=?)",
        "SEARCH company",
        "SEARCH tag USING COVERING INDEX tag_name (name=?)",
        "SEARCH tag",
    ], plans


def test_new_tags_are_numbered_after_the_last_and_given_once(database) -> None:
    from netdesk.core.import_writer import NewContacts
    from netdesk.store.models import ContactTag, Tag

    Tag.create(name="old")
    Tag.create(id=9, name="Kept")  # a gap: new ids follow the highest, not the count
    drafts = _named([("", ["zeta", "kept", "Alpha", "ZETA", " alpha "])])
    writer = NewContacts(drafts, ImportBatch.create(files="[]").id)
    (contact_id,) = writer.insert(drafts)
    stored = {t.name: t.id for t in Tag.select()}
    assert stored == {"old": 1, "Kept": 9, "zeta": 10, "Alpha": 11}  # spelled as first met
    assert writer.tags == {"kept": 9, "zeta": 10, "alpha": 11}
    given = ContactTag.select(ContactTag.tag).where(ContactTag.contact == contact_id)
    assert sorted(row.tag_id for row in given) == [9, 10, 11]
