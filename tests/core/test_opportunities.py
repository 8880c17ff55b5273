"""Opportunities: stages and their timeline, people with roles, the next step as a follow-up
(or waiting for a person), referrals as receives, undo by snapshot, merges and the lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from netdesk.core import opportunity_rows
from netdesk.core.give_take import balance
from netdesk.core.merge import merge, undo_merge
from netdesk.core.opportunities import OpportunityDraft, step_stage
from netdesk.core.opportunity_rows import Person
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import FollowUp, Interaction, Opportunity, OpportunityPerson
from tests.fake_time import NOW


def _person(services, given: str, family: str = "Lee") -> int:
    return services.contacts.create(ContactDraft(given_name=given, family_name=family))


@pytest.fixture
def people(services) -> dict[str, int]:
    return {name: _person(services, name) for name in ("Ana", "Ben", "Cleo")}


def _draft(**fields) -> OpportunityDraft:
    return replace(OpportunityDraft("Staff engineer", "Acme"), **fields)


def _create(services, **fields) -> int:
    return services.opportunities.create(_draft(**fields)).opportunity_id


def test_stages_step_forward_and_back_and_stop_at_the_ends() -> None:
    assert step_stage("heard", 1) == "researching"
    assert step_stage("referred", -1) == "asked for referral"
    assert step_stage("heard", -1) is None
    assert step_stage("closed", 1) is None


def test_an_opportunity_needs_a_role_or_a_company(services) -> None:
    with pytest.raises(ValueError, match="role or a company"):
        services.opportunities.create(OpportunityDraft(" ", " "))
    with pytest.raises(ValueError, match="stage"):
        services.opportunities.create(_draft(stage="won"))
    assert Opportunity.select().count() == 0
    only_company = services.opportunities.create(OpportunityDraft(company="Acme"))
    assert services.opportunities.get(only_company.opportunity_id).heading() == "Acme"


def test_moves_make_a_timeline_and_undo_takes_a_move_back(services, clock) -> None:
    opportunity_id = _create(services)
    clock.advance(2 * 86400)
    services.opportunities.move(opportunity_id, "researching")
    clock.advance(3 * 86400)
    moved = services.opportunities.move(opportunity_id, "applied")
    steps = opportunity_rows.timeline(opportunity_id)
    assert [s.stage for s in steps] == ["heard", "researching", "applied"]
    assert steps[2].changed_at - steps[0].changed_at == timedelta(days=5)
    services.opportunities.restore(moved)
    assert services.opportunities.get(opportunity_id).stage == "researching"
    assert [s.stage for s in opportunity_rows.timeline(opportunity_id)] == ["heard", "researching"]


def test_the_next_step_is_a_follow_up_with_the_person_who_matters_most(services, people) -> None:
    day = NOW.date() + timedelta(days=3)
    opportunity_id = _create(
        services,
        people=(Person(people["Ana"], "told me"), Person(people["Ben"], "could refer me")),
        next_step="Ask Ben about the team",
        next_step_on=day,
    )
    followup = FollowUp.get(FollowUp.opportunity == opportunity_id)
    assert (followup.contact_id, followup.due_at.date(), followup.reason, followup.status) == (
        people["Ben"],
        day,
        "next step",
        "open",
    )
    assert followup.note == "Staff engineer at Acme: Ask Ben about the team"
    row = services.opportunities.get(opportunity_id)
    assert (row.next_step, row.next_step_on, row.next_step_with) == (
        "Ask Ben about the team",
        day,
        "Ben Lee",
    )


def test_a_next_step_waits_for_a_person_then_becomes_a_follow_up(services, people) -> None:
    day = NOW.date() + timedelta(days=1)
    opportunity_id = _create(services, next_step="Read the job ad", next_step_on=day)
    assert FollowUp.select().count() == 0
    row = services.opportunities.get(opportunity_id)
    assert (row.next_step, row.next_step_on, row.next_step_with) == ("Read the job ad", day, "")
    draft = services.opportunities.load_draft(opportunity_id)
    services.opportunities.update(
        opportunity_id, replace(draft, people=(Person(people["Cleo"], "told me"),))
    )
    followup = FollowUp.get(FollowUp.opportunity == opportunity_id)
    assert (followup.contact_id, followup.due_at.date()) == (people["Cleo"], day)
    assert Opportunity.get_by_id(opportunity_id).next_step_on is None


def test_a_done_next_step_leaves_the_opportunity_without_one(services, people) -> None:
    day = NOW.date()
    opportunity_id = _create(
        services, people=(Person(people["Ana"], "told me"),), next_step="Call", next_step_on=day
    )
    followup_id = services.opportunities.get(opportunity_id).followup_id
    services.followups.done([followup_id])
    row = services.opportunities.get(opportunity_id)
    assert (row.next_step, row.next_step_on, row.followup_id) == ("", None, None)
    assert services.opportunities.load_draft(opportunity_id).next_step == ""


def test_moving_the_next_step_keeps_one_pending_follow_up(services, people) -> None:
    day = NOW.date() + timedelta(days=2)
    opportunity_id = _create(
        services,
        people=(Person(people["Ana"], "told me"), Person(people["Ben"], "interviews me")),
        next_step="Prepare",
        next_step_on=day,
    )
    draft = services.opportunities.load_draft(opportunity_id)
    assert draft.next_step_with == people["Ben"]
    later = replace(draft, next_step_on=day + timedelta(days=5), next_step_with=people["Ana"])
    services.opportunities.update(opportunity_id, later)
    pending = FollowUp.select().where(FollowUp.status == "open")
    assert [(f.contact_id, f.due_at.date()) for f in pending] == [
        (people["Ana"], day + timedelta(days=5))
    ]
    services.opportunities.update(opportunity_id, replace(later, next_step_on=None))
    assert FollowUp.select().where(FollowUp.status == "open").count() == 0


def test_a_referral_is_logged_once_as_a_receive(services, people, clock) -> None:
    opportunity_id = _create(services, people=(Person(people["Ben"], "could refer me"),))
    moved = services.opportunities.move(opportunity_id, "referred")
    assert "Logged a referral received from Ben Lee" in moved.said
    receive = Interaction.get(Interaction.contact == people["Ben"])
    assert (receive.direction, receive.give_kind) == ("received", "referral")
    assert receive.summary == "Referred me for Staff engineer at Acme"
    assert balance(people["Ben"], clock).received == 1
    assert services.opportunities.get(opportunity_id).names("referred me") == ["Ben Lee"]
    draft = services.opportunities.load_draft(opportunity_id)
    services.opportunities.update(opportunity_id, replace(draft, notes="Thank Ben"))
    assert Interaction.select().count() == 1
    services.opportunities.restore(moved)
    assert Interaction.select().count() == 0
    assert services.opportunities.get(opportunity_id).names("could refer me") == ["Ben Lee"]


def test_moving_to_referred_with_two_who_could_refer_asks_who_did(services, people) -> None:
    opportunity_id = _create(
        services,
        people=(Person(people["Ana"], "could refer me"), Person(people["Ben"], "could refer me")),
    )
    moved = services.opportunities.move(opportunity_id, "referred")
    assert moved.said == "Moved to referred. Open it to say who referred you."
    assert Interaction.select().count() == 0


def test_naming_a_referrer_in_the_dialog_logs_the_receive(services, people) -> None:
    opportunity_id = _create(services)
    draft = services.opportunities.load_draft(opportunity_id)
    edited = replace(draft, stage="referred", people=(Person(people["Cleo"], "referred me"),))
    snapshot = services.opportunities.update(opportunity_id, edited)
    assert len(snapshot.interactions) == 1
    assert [s.stage for s in opportunity_rows.timeline(opportunity_id)] == ["heard", "referred"]


def test_delete_and_restore_bring_back_people_timeline_and_next_step(services, people) -> None:
    opportunity_id = _create(
        services,
        people=(Person(people["Ana"], "told me"),),
        next_step="Call",
        next_step_on=NOW.date(),
        url="https://jobs.example.com/1",
    )
    services.opportunities.move(opportunity_id, "applied")
    before = services.opportunities.get(opportunity_id)
    deleted = services.opportunities.delete(opportunity_id)
    assert services.opportunities.get(opportunity_id) is None
    assert FollowUp.select().count() == OpportunityPerson.select().count() == 0
    services.opportunities.restore(deleted)
    assert services.opportunities.get(opportunity_id) == before
    assert len(opportunity_rows.timeline(opportunity_id)) == 2


def test_undoing_a_creation_removes_it(services) -> None:
    created = services.opportunities.create(_draft())
    services.opportunities.restore(created)
    assert Opportunity.select().count() == 0


def test_lists_filter_by_words_stage_contact_and_organisation(services, people) -> None:
    acme = _create(services, people=(Person(people["Ana"], "told me"),), source="PyCon")
    _create(services, title="Data lead", company="Globex", stage="applied")
    rows = opportunity_rows.load()
    assert [r.id for r in opportunity_rows.matching(rows, "ana pycon")] == [acme]
    assert [r.title for r in opportunity_rows.matching(rows, stages=["applied"])] == ["Data lead"]
    assert [r.id for r in opportunity_rows.for_organisation("ACME")] == [acme]
    assert opportunity_rows.for_organisation("") == []
    [(row, roles)] = opportunity_rows.for_contact(people["Ana"])
    assert (row.id, roles) == (acme, ["told me"])
    assert opportunity_rows.for_contact(people["Ben"]) == []  # in none: one query, not four


def test_a_person_can_have_two_roles_and_a_merge_keeps_them(services, people) -> None:
    opportunity_id = _create(
        services,
        people=(Person(people["Ana"], "told me"), Person(people["Ben"], "told me")),
    )
    roles = lambda: sorted(  # noqa: E731
        (p.contact_id, p.role) for p in OpportunityPerson.select()
    )
    record = merge(services.contacts, people["Ana"], [people["Ben"]], {})
    assert roles() == [(people["Ana"], "told me"), (people["Ben"], "told me")]
    undo_merge(services.contacts, record)
    record = merge(services.contacts, people["Cleo"], [people["Ana"]], {})
    assert (people["Cleo"], "told me") in roles()
    undo_merge(services.contacts, record)
    assert services.opportunities.get(opportunity_id).names("told me") == ["Ana Lee", "Ben Lee"]


def test_heard_on_and_the_old_fields_round_trip(services) -> None:
    draft = _draft(
        url="https://jobs.example.com/2",
        source="Coffee with Ana",
        heard_on=date(2026, 11, 2),
        notes="Remote ok",
    )
    opportunity_id = services.opportunities.create(draft).opportunity_id
    assert services.opportunities.load_draft(opportunity_id) == draft
