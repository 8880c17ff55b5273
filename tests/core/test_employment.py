"""Employment history: the current job follows the contact, edits end the old current job and
are undone by restoring the history before; an import's job change keeps the old job as a past
entry, congratulates (by the plan's setting) and is undone with the import."""

from __future__ import annotations

from datetime import date

from netdesk.core import import_jobs
from netdesk.core.employment import EmploymentService, Job, jobs_of
from netdesk.core.merge import merge, undo_merge
from netdesk.core.services import Services
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.models import Contact, FollowUp

PROFILE = "https://www.linkedin.com/in/annlee"
EXPORT = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ann,Lee,https://www.linkedin.com/in/annlee,,{org},{title},\n"
)


def _ann(services: Services, organisation: str = "Acme", title: str = "CTO") -> int:
    return services.contacts.create(
        ContactDraft(
            given_name="Ann",
            family_name="Lee",
            organisation=organisation,
            title=title,
            methods=[MethodDraft("profile", PROFILE, service="linkedin")],
        )
    )


def _jobs(contact_id: int) -> list[tuple[str, str, date | None, date | None, str]]:
    return [
        (j.organisation, j.title, j.started_on, j.ended_on, j.source) for j in jobs_of(contact_id)
    ]


def _linkedin(services: Services, org: str, title: str, congratulate: bool = True):
    plan = services.importing.plan_data(EXPORT.format(org=org, title=title).encode(), "c.csv")
    plan.congratulate = congratulate
    return plan


def test_a_new_contact_has_its_job_and_an_edit_corrects_it(services) -> None:
    ann = _ann(services)
    assert _jobs(ann) == [("Acme", "CTO", None, None, "manual")]
    draft = services.contacts.load(ann)
    draft.title = "Chief Technology Officer"
    services.contacts.update(ann, draft)
    assert _jobs(ann) == [("Acme", "Chief Technology Officer", None, None, "manual")]
    draft.organisation = draft.title = ""
    services.contacts.update(ann, draft)
    assert _jobs(ann) == []


def test_a_linkedin_job_change_keeps_the_old_job_and_congratulates(services, clock) -> None:
    ann = _ann(services)
    plan = _linkedin(services, "Beta GmbH", "VP Engineering")
    (change,) = import_jobs.planned(plan)
    assert change.words() == "Ann Lee: CTO at Acme → VP Engineering at Beta GmbH"
    report = services.importing.apply(plan)
    today = services.clock.today()
    assert _jobs(ann) == [
        ("Beta GmbH", "VP Engineering", today, None, "linkedin"),
        ("Acme", "CTO", None, today, "manual"),
    ]
    (followup,) = FollowUp.select()
    assert (followup.reason, followup.origin, followup.note) == (
        "congratulate",
        "job change",
        "New role: VP Engineering at Beta GmbH",
    )
    services.importing.undo(report.batch_id)
    assert _jobs(ann) == [("Acme", "CTO", None, None, "manual")]
    assert FollowUp.select().count() == 0
    assert Contact.get_by_id(ann).organisation == "Acme"


def test_without_the_setting_no_follow_up_and_the_same_file_twice_changes_nothing(
    services,
) -> None:
    ann = _ann(services)
    services.importing.apply(_linkedin(services, "Beta GmbH", "CTO", congratulate=False))
    assert FollowUp.select().count() == 0
    again = _linkedin(services, "BETA GmbH", "CTO")
    assert import_jobs.planned(again) == []
    services.importing.apply(again)
    assert [j[:2] for j in _jobs(ann)] == [("Beta GmbH", "CTO"), ("Acme", "CTO")]


def test_a_card_filling_an_empty_organisation_is_no_change(services) -> None:
    ann = _ann(services, organisation="", title="Engineer")
    plan = _linkedin(services, "Acme", "Engineer")
    assert import_jobs.planned(plan) == []
    services.importing.apply(plan)
    assert _jobs(ann) == [("Acme", "Engineer", None, None, "manual")]
    assert FollowUp.select().count() == 0


def test_a_vcard_with_another_employer_is_a_change_too(services) -> None:
    ann = _ann(services)
    card = f"BEGIN:VCARD\nVERSION:3.0\nFN:Ann Lee\nURL:{PROFILE}\nORG:Globex\nEND:VCARD\n"
    plan = services.importing.plan_data(card.encode(), "a.vcf")
    (change,) = import_jobs.planned(plan)
    assert change.after == Job("Globex", "CTO")
    services.importing.apply(plan)
    assert [(*j[:2], j[4]) for j in _jobs(ann)] == [
        ("Globex", "CTO", "vcard"),
        ("Acme", "CTO", "manual"),
    ]


def test_history_edits_end_the_old_job_mirror_the_contact_and_undo(services) -> None:
    ann = _ann(services)
    jobs = EmploymentService(services.changes, services.clock)
    first = jobs.history(ann)
    before = jobs.save(ann, Job("Globex", "Head of Data", started_on=date(2026, 1, 5)))
    assert before == first
    assert _jobs(ann) == [
        ("Globex", "Head of Data", date(2026, 1, 5), None, "manual"),
        ("Acme", "CTO", None, date(2026, 1, 5), "manual"),
    ]
    assert (Contact.get_by_id(ann).organisation, Contact.get_by_id(ann).title) == (
        "Globex",
        "Head of Data",
    )
    past = jobs.jobs(ann)[1]
    jobs.save(ann, Job("Acme Corp", "CTO", date(2020, 1, 1), past.ended_on, id=past.id))
    assert _jobs(ann)[1][:3] == ("Acme Corp", "CTO", date(2020, 1, 1))
    current = jobs.jobs(ann)[0]
    jobs.remove(ann, current.id or 0)
    assert Contact.get_by_id(ann).organisation == ""
    jobs.restore(first)
    assert jobs.history(ann) == first
    assert Contact.get_by_id(ann).organisation == "Acme"


def test_an_older_file_with_a_job_the_person_left_is_no_change(services) -> None:
    ann = _ann(services)
    services.importing.apply(_linkedin(services, "Beta GmbH", "VP Engineering"))
    older = _linkedin(services, "ACME", "CTO")
    assert import_jobs.planned(older) == []
    assert {(c.field, c.choice) for c in older.matches[0].conflicts} == {
        ("organisation", "keep"),
        ("title", "keep"),
    }
    services.importing.apply(older)
    assert Contact.get_by_id(ann).organisation == "Beta GmbH"
    assert len(jobs_of(ann)) == 2


def test_a_merge_moves_the_past_jobs_and_its_undo_puts_them_back(services) -> None:
    ann = _ann(services)
    twin = services.contacts.create(ContactDraft(given_name="Ann", family_name="Lee"))
    jobs = EmploymentService(services.changes, services.clock)
    jobs.save(twin, Job("Initech", "Analyst", date(2015, 3, 1), date(2019, 6, 30)))
    jobs.save(twin, Job("Globex", "Engineer", date(2019, 7, 1)))
    record = merge(services.contacts, ann, [twin], {})
    assert _jobs(ann) == [
        ("Acme", "CTO", None, None, "manual"),
        ("Initech", "Analyst", date(2015, 3, 1), date(2019, 6, 30), "manual"),
    ]
    assert _jobs(twin) == [("Globex", "Engineer", date(2019, 7, 1), None, "manual")]
    undo_merge(services.contacts, record)
    assert _jobs(ann) == [("Acme", "CTO", None, None, "manual")]
    assert [job[0] for job in _jobs(twin)] == ["Globex", "Initech"]
