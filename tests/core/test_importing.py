"""ImportService: plan, match, apply in one transaction, cancel, undo; ExportService."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from netdesk.core.event_times import from_utc
from netdesk.core.exporting import ExportService
from netdesk.core.importing import ImportPlan
from netdesk.core.services import Services
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.formats.vcard_reader import read_vcards
from netdesk.store.models import Contact, ImportBatch, ImportChange, Interaction
from tests.db_snapshot import dump_database
from tests.fake_time import NOW

CARDS = (
    "BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\nN:Lee;Ann;;;\nORG:Acme\nEMAIL:ann@x.test\n"
    "TEL:+44 20 7946 0000\nCATEGORIES:friends\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Bob Ray\nEMAIL:bob@x.test\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nNOTE:no one\nEND:VCARD\n"
)
LINKEDIN = (
    "Notes:\nx\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ann,Lee,https://www.linkedin.com/in/annlee,ANN@x.test,Acme,CTO,12 Mar 2024\n"
)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "in").mkdir()
    vcf = tmp_path / "in" / "cards.vcf"
    vcf.write_text(CARDS)
    csv = tmp_path / "Connections.csv"
    csv.write_text(LINKEDIN)
    return {"vcf": vcf, "csv": csv, "folder": tmp_path / "in"}


def _apply_and_cancel(services: Services, plan: ImportPlan) -> None:
    """Apply `plan`, pressing Cancel at the first progress report after the start."""

    def cancel(done: int, total: int, text: str = "") -> None:
        if done >= 1:
            raise KeyboardInterrupt("cancelled")

    with pytest.raises(KeyboardInterrupt):
        services.importing.apply(plan, cancel)


def test_plan_writes_nothing_and_counts(services, files, paths) -> None:
    before = dump_database(paths.database)
    plan = services.importing.plan([files["folder"]])
    assert [c.draft.full_name() for c in plan.new] == ["Ann Lee", "Bob Ray"]
    assert [(e.card, Path(e.file).name) for e in plan.errors] == [(3, "cards.vcf")]
    assert dump_database(paths.database) == before


def test_apply_then_reimport_matches_and_merges(services, files) -> None:
    seen: list[str] = []
    services.changes.subscribe(lambda topic, ids: seen.append(topic))
    report = services.importing.apply(services.importing.plan([files["vcf"]]))
    assert (report.created, report.failed) == (2, 1)
    assert {"contacts", "imports"} <= set(seen)
    plan = services.importing.plan([files["csv"]])
    assert plan.new == [] and len(plan.matches) == 1
    match = plan.matches[0]
    assert (match.match_name, match.reason) == ("Ann Lee", "same email ANN@x.test")
    report = services.importing.apply(plan)
    assert report.merged == 1
    ann = services.contacts.load(match.match_id)
    assert ann.title == "CTO" and ann.display_name == "Ann Lee"
    assert [m.kind for m in ann.methods] == ["email", "phone", "profile"]
    assert ann.tags == ["friends"]
    connected = Interaction.get(Interaction.contact == match.match_id)
    assert connected.channel == "connected" and connected.occurred_at.date() == date(2024, 3, 12)
    assert Contact.get_by_id(match.match_id).last_contacted_at == connected.occurred_at
    again = services.importing.apply(services.importing.plan([files["csv"]]))
    assert Interaction.select().count() == 1, "importing the same export again adds nothing"
    assert (again.merged, again.unchanged) == (0, 1)
    assert ImportBatch.get_by_id(again.batch_id).merged_count == 0


def test_choices_skip_new_and_apply_to_all(services, files) -> None:
    services.importing.apply(services.importing.plan([files["vcf"]]))
    plan = services.importing.plan([files["vcf"]])
    assert len(plan.matches) == 2 and plan.matches[0].reason == "same email ann@x.test"
    plan.choose_for_all("skip")
    plan.matches[1].choice = "new"
    report = services.importing.apply(plan)
    assert (report.created, report.merged, report.skipped) == (1, 0, 1)
    assert Contact.select().count() == 3
    with pytest.raises(ValueError):
        plan.choose_for_all("maybe")


def test_match_by_phone_and_uid_but_name_with_organisation_is_only_possible(services) -> None:
    services.contacts.create(
        ContactDraft(
            given_name="Cy",
            family_name="Do",
            organisation="Co",
            uid="u-1",
            methods=[MethodDraft("phone", "+44 20 7946 0001")],
        )
    )
    for card, reason in (
        ("FN:X\nUID:u-1", "same card UID"),
        ("FN:Y\nTEL:+44 (20) 7946-0001", "same phone +44 (20) 7946-0001"),
    ):
        data = f"BEGIN:VCARD\n{card}\nEND:VCARD\n".encode()
        plan = services.importing.plan_data(data, "drop.vcf")
        assert [(c.reason, c.choice) for c in plan.matches] == [(reason, "merge")]
        assert plan.possible == []
    plan = services.importing.plan_data(b"BEGIN:VCARD\nFN:Cy Do\nORG:co\nEND:VCARD\n", "d.vcf")
    assert plan.matches == [] and plan.new == []
    (card,) = plan.possible
    assert (card.reason, card.choice) == ("same name and organisation", "new")
    assert card.match_name == "Cy Do"
    plan.choose_for_all("merge")
    assert card.choice == "new", "Apply to all never merges a possible duplicate"
    report = services.importing.apply(plan)
    assert (report.created, report.merged, report.possible) == (1, 0, 1)
    assert Contact.select().count() == 2


def test_different_uids_or_two_people_never_merge_automatically(services) -> None:
    for name, uid, phone in (("Cy Do", "u-1", "+44 20 7946 0001"), ("Di", "", "+44 20 7946 0002")):
        services.contacts.create(
            ContactDraft(display_name=name, uid=uid, methods=[MethodDraft("phone", phone)])
        )
    cards = (
        "BEGIN:VCARD\nFN:Cy Do\nUID:u-2\nTEL:+44 20 7946 0001\nEMAIL:cy@x.test\nEND:VCARD\n"
        "BEGIN:VCARD\nFN:Cy Di\nTEL:+44 20 7946 0001\nTEL:+44 20 7946 0002\nEND:VCARD\n"
    )
    plan = services.importing.plan_data(cards.encode(), "d.vcf")
    assert plan.matches == []
    assert [(c.match_name, c.reason, c.choice) for c in plan.possible] == [
        ("Cy Do", "same phone +44 20 7946 0001, but another card UID", "new"),
        (
            "Cy Do",
            "same phone +44 20 7946 0001, but same phone +44 20 7946 0002 is another contact's",
            "new",
        ),
    ]
    plan.possible[0].choice = "merge"
    report = services.importing.apply(plan)
    assert (report.created, report.merged) == (1, 1)
    assert {c.display_name for c in Contact.select()} == {"Cy Do", "Di", "Cy Di"}


def test_namesakes_in_one_file_stay_apart_unless_merged(services) -> None:
    cards = (
        "BEGIN:VCARD\nFN:Ann Lee\nORG:Acme\nEMAIL:a1@x.test\nEND:VCARD\n"
        "BEGIN:VCARD\nFN:Ann Lee\nORG:Acme\nEMAIL:a2@x.test\nEND:VCARD\n"
        "BEGIN:VCARD\nFN:Ann Lee\nORG:Acme\nEMAIL:a3@x.test\nTITLE:CTO\nEND:VCARD\n"
    )
    plan = services.importing.plan_data(cards.encode(), "d.vcf")
    assert len(plan.new) == 1 and plan.combined == 0
    assert [(c.card, c.partner is plan.new[0]) for c in plan.possible] == [(2, True), (3, True)]
    plan.possible[1].choice = "merge"
    report = services.importing.apply(plan)
    assert (report.created, report.possible) == (2, 2)
    first = Contact.get(Contact.title == "CTO")
    emails = sorted(m.value for m in services.contacts.load(first.id).methods)
    assert emails == ["a1@x.test", "a3@x.test"]


def test_duplicates_inside_one_import_are_combined(services, files) -> None:
    plan = services.importing.plan([files["vcf"], files["csv"]])
    assert len(plan.new) == 2 and plan.combined == 1
    assert plan.new[0].draft.title == "CTO"


def test_cancel_rolls_everything_back(services, files, paths) -> None:
    services.importing.apply(services.importing.plan([files["vcf"]]))
    before = dump_database(paths.database)
    plan = services.importing.plan([files["vcf"], files["csv"]])
    plan.matches[0].choice = "new"
    _apply_and_cancel(services, plan)
    assert dump_database(paths.database) == before


def test_undo_removes_created_and_reverts_merged(services, files) -> None:
    first = services.importing.apply(services.importing.plan([files["vcf"]]))
    ann_id = Contact.get(Contact.display_name == "Ann Lee").id
    ann_before = services.contacts.load(ann_id)
    second = services.importing.apply(services.importing.plan([files["csv"]]))
    assert second.merged == 1 and services.contacts.load(ann_id) != ann_before
    assert [c.action for c in ImportChange.select()] == ["merged"]  # created ones carry the batch
    services.importing.undo(second.batch_id)
    assert services.contacts.load(ann_id) == ann_before
    assert Interaction.select().count() == 0 and Contact.get_by_id(ann_id).last_contacted_at is None
    services.importing.undo(first.batch_id)
    assert Contact.select().count() == 0
    history = services.importing.history()
    assert [b.id for b in history] == [second.batch_id, first.batch_id]
    assert all(b.undone_at for b in history) and history[1].failed == 1
    assert ImportBatch.get_by_id(first.batch_id).created_count == 2


def test_unreadable_and_calendar_files(services, tmp_path) -> None:
    ics = tmp_path / "cal.ics"
    ics.write_text("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    plan = services.importing.plan([tmp_path / "missing.vcf", ics])
    assert plan.unreadable == [str(tmp_path / "missing.vcf")]
    assert "events" in plan.errors[1].reason


def test_export_all_selection_and_search(services, files) -> None:
    services.importing.apply(services.importing.plan([files["vcf"]]))
    exporter = ExportService(services.contacts)
    everyone = read_vcards(exporter.export("vcard").encode(), "x").drafts
    assert [d.full_name() for d in everyone] == ["Ann Lee", "Bob Ray"]
    assert "VERSION:3.0" in exporter.export("vcard3", ids=exporter.ids("bob"))
    assert exporter.export("csv", search="acme").count("\r\n") == 2
    with pytest.raises(ValueError):
        exporter.export("pdf")


@pytest.mark.parametrize("chunk", [500, 1])
def test_two_cards_merging_into_one_contact_both_count(
    services, files, monkeypatch, chunk: int
) -> None:
    monkeypatch.setattr("netdesk.core.importing.CHUNK", chunk)  # the cards in one chunk, or two
    services.importing.apply(services.importing.plan([files["vcf"]]))
    ann_id = Contact.get(Contact.display_name == "Ann Lee").id
    before = services.contacts.load(ann_id)
    data = (
        b"BEGIN:VCARD\nFN:Ann Lee\nEMAIL:ann@x.test\nTITLE:CTO\nEND:VCARD\n"
        b"BEGIN:VCARD\nFN:A. Lee\nTEL:+44 20 7946 0000\nEMAIL:ann.lee@y.test\nEND:VCARD\n"
    )
    plan = services.importing.plan_data(data, "two.vcf")
    assert [c.match_id for c in plan.matches] == [ann_id, ann_id]
    report = services.importing.apply(plan)
    ann = services.contacts.load(ann_id)
    assert ann.title == "CTO" and "ann.lee@y.test" in [m.value for m in ann.methods]
    services.importing.undo(report.batch_id)
    assert services.contacts.load(ann_id) == before


def test_load_many_gives_what_load_gives(services, files) -> None:
    services.importing.apply(services.importing.plan([files["vcf"], files["csv"]]))
    ids = [c.id for c in Contact.select(Contact.id).order_by(Contact.id)]
    many = services.contacts.load_many([*ids, 999, ids[0]])
    assert list(many) == ids
    assert all(many[i] == services.contacts.load(i) for i in ids)
    assert any(d.methods and d.tags for d in many.values())
    with pytest.raises(Contact.DoesNotExist):
        services.contacts.load(999)


def test_cancelling_a_first_import_leaves_the_empty_database_and_its_indexes(
    services, files, paths
) -> None:
    before = dump_database(paths.database)
    plan = services.importing.plan([files["vcf"]])
    _apply_and_cancel(services, plan)
    assert dump_database(paths.database) == before
    services.importing.apply(plan)
    assert dump_database(paths.database)[-1] == before[-1]  # the schema, indexes included


def test_undo_of_an_import_that_recorded_created_contacts(services, files) -> None:
    """Imports before 2026-11-29 also wrote an ImportChange "created" row per new contact."""
    report = services.importing.apply(services.importing.plan([files["vcf"]]))
    for contact in Contact.select():
        ImportChange.create(batch=report.batch_id, contact=contact.id, action="created")
    services.importing.undo(report.batch_id)
    assert Contact.select().count() == 0 and ImportChange.select().count() == 0


def test_a_linkedin_export_creates_connections_once(services, tmp_path) -> None:
    rows = [f"P{i},Q,https://www.linkedin.com/in/p{i},,Acme,Dev,{i + 1} Mar 2024" for i in range(3)]
    path = tmp_path / "Connections.csv"
    path.write_text(LINKEDIN.splitlines()[3] + "\n" + "\n".join(rows) + "\n")
    services.importing.apply(services.importing.plan([path]))
    services.importing.apply(services.importing.plan([path]))
    days = sorted(i.occurred_at.day for i in Interaction.select())
    assert days == [1, 2, 3]
    for contact in Contact.select():
        latest = Interaction.get(Interaction.contact == contact.id).occurred_at
        assert contact.last_contacted_at == latest and latest.hour == 12


def test_a_phone_written_another_way_is_not_added_twice(services) -> None:
    card = "BEGIN:VCARD\nFN:Jo Ito\nEMAIL:jo@x.test\nTEL:090-1000-0006\nEND:VCARD\n"
    services.importing.apply(services.importing.plan_data(card.encode(), "a.vcf"))
    again = card.replace("090-1000-0006", "09010000006")
    report = services.importing.apply(services.importing.plan_data(again.encode(), "b.vcf"))
    assert (report.merged, report.unchanged) == (0, 1)


def test_an_import_that_changes_no_contact_announces_none(services, files) -> None:
    """An empty "contacts" change means "possibly all": the follow-up service would reconcile
    every contact's check-ins (seconds at 100,000) for a re-import that brought nothing."""
    services.importing.apply(services.importing.plan([files["vcf"]]))
    seen: list[tuple[str, frozenset[int]]] = []
    services.changes.subscribe(lambda topic, ids: seen.append((topic, ids)))
    again = services.importing.apply(services.importing.plan([files["vcf"]]))
    assert (again.created, again.merged, again.unchanged) == (0, 0, 2)
    assert seen == [("imports", frozenset({again.batch_id}))]
    seen.clear()
    services.importing.undo(again.batch_id)
    assert seen == [("imports", frozenset({again.batch_id}))]


def test_an_import_and_its_undo_are_stamped_by_the_app_clock(services, clock, files) -> None:
    """Import history's When is the app's clock, not the wall clock (the screenshots' history
    showed the day they were made)."""
    report = services.importing.apply(services.importing.plan([files["vcf"]]))
    clock.advance(90)
    services.importing.undo(report.batch_id)
    (row,) = services.importing.history()
    assert from_utc(row.created_at) == NOW
    assert row.undone_at is not None and from_utc(row.undone_at) == NOW + timedelta(seconds=90)
