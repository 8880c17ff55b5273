"""A lived-in network for screenshots: people from ../shared/tools/gen_network.py imported as a user
imports them, then six weeks of networking at a fixed fake clock — events planned and attended,
people met there, interactions, gives and follow-ups.

Deterministic: the same seed gives the same database (every "now" is `NOW`, never the wall
clock). Used by scripts/screenshots.py; written through the app's services, as the GUI writes.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from netdesk.core.employment import Job
from netdesk.core.event_times import to_utc
from netdesk.core.events import EventDraft
from netdesk.core.goals import GoalData
from netdesk.core.interactions import Give, log_interaction
from netdesk.core.opportunities import OpportunityDraft
from netdesk.core.opportunity_rows import Person
from netdesk.core.own_profiles import OwnProfileRow
from netdesk.core.services import Services
from netdesk.core.vocabulary import OPPORTUNITY_STAGES
from netdesk.store.models import Contact, ContactMethod, db
from tests.fake_time import FakeClock

NOW = datetime(2026, 11, 18, 9, 30)  # a Wednesday morning
TARGET_NOBODY = "Monzo"
"""A target company nobody of the network works at (it organised an event the user went to)."""
GEN_NETWORK = Path(__file__).resolve().parents[2] / "shared" / "tools" / "gen_network.py"
"""Where ../shared/ lies beside a clone of the repository."""
CHANNELS = ("email", "call", "coffee", "message", "in person")
TOPICS = (
    "Caught up on the new role",
    "Talked about data platforms",
    "Coffee: hiring plans for Q1",
    "Sent the slides from my talk",
    "Quick call about the fintech meetup",
    "Asked for feedback on my pitch",
)


def build(
    services: Services, workdir: Path, people: int, generator: Path = GEN_NETWORK, seed: int = 7
) -> dict[str, int]:
    """Import `people` people made by `generator` (gen_network.py) and add six weeks of
    activity; return the ids the screenshots show (a contact, an upcoming event, a contact
    with a job history, a target company where people were met at events, one where nobody
    works)."""
    network = workdir / "network"
    subprocess.run(
        [sys.executable, str(generator), str(people), str(network), "--seed", str(seed)],
        check=True,
        capture_output=True,
    )
    plan = services.importing.plan([network / "network.vcf"])
    plan.choose_for_all("merge")
    services.importing.apply(plan)
    rng = random.Random(seed)
    ids = [cid for (cid,) in db.execute_sql("SELECT id FROM contact ORDER BY id")]
    _settle_people(rng, ids)
    moved = _newer_linkedin_export(services, network)
    shown = _events(services, rng, ids)
    shown["jobs"] = moved
    _interactions(services, rng, ids)
    _followups(services, rng, ids)
    _goals(services)
    _me(services)
    shown |= _companies(services)
    shown["opportunity"] = _opportunities(services, random.Random(seed + 18))
    return shown


def _stored(local: datetime) -> datetime:
    return to_utc(local)


def _settle_people(rng: random.Random, ids: list[int]) -> None:
    """Everyone was added a year or more ago; a few are close (a circle and a cadence)."""
    added = _stored(NOW - timedelta(days=420))
    db.execute_sql("UPDATE contact SET created_at = ?, updated_at = ?", (added, added))
    for cid in rng.sample(ids, len(ids) // 40):
        circle = rng.choice(("colleague", "mentor", "friend", "former supervisor"))
        cadence = rng.choice((30, 60, 90))
        Contact.update(circle=circle, cadence_days=cadence).where(Contact.id == cid).execute()


def _newer_linkedin_export(services: Services, network: Path) -> int:
    """The rows of linkedin-2.csv (a LinkedIn export months after the people's vCards) of the
    people who changed jobs since, imported three days ago: each job change recorded with a
    congratulate follow-up. (The whole export would add every connection's Connected On
    date, years ago, as their last contact.) One of them has had two jobs before (their
    dates filled in); return that contact."""
    moved = {
        change["linkedin"]
        for change in json.loads((network / "truth.json").read_text())["job_changes"]
    }
    lines = (network / "linkedin-2.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(i for i, line in enumerate(lines) if line.startswith("First Name,"))
    rows = [line for line in lines[header + 1 :] if line.split(",")[2] in moved]
    export = network / "Connections.csv"
    export.write_text("".join(lines[: header + 1] + rows), encoding="utf-8")
    clock = services.clock
    assert isinstance(clock, FakeClock)
    clock.set_wall(NOW - timedelta(days=3))
    services.importing.apply(services.importing.plan([export]))
    clock.set_wall(NOW)
    (contact_id,) = db.execute_sql(
        "SELECT contact_id FROM employment WHERE import_batch_id IS NOT NULL "
        "ORDER BY contact_id LIMIT 1"
    ).fetchone()
    jobs = services.employment
    was = jobs.jobs(contact_id)[1]
    jobs.save(contact_id, replace(was, started_on=date(2021, 4, 1)))
    jobs.save(contact_id, Job("Bosch", "Data Analyst", date(2017, 9, 1), date(2021, 3, 31)))
    return int(contact_id)


def _events(services: Services, rng: random.Random, ids: list[int]) -> dict[str, int]:
    events = services.events
    clock = services.clock
    assert isinstance(clock, FakeClock)  # captured at each event's time, then back to NOW
    past = [
        ("PyData Berlin", -40, "conference", 6, ""),
        ("Women in Data Breakfast", -20, "meetup", 4, ""),
        ("Berlin Python Meetup", -9, "meetup", 5, ""),
        ("Fintech Forum 2026", -5, "conference", 7, TARGET_NOBODY),
    ]
    for name, days, kind, met, organiser in past:
        start = (NOW + timedelta(days=days)).replace(hour=18, minute=30)
        draft = EventDraft(
            name=name,
            starts_at=start,
            kind=kind,
            status="attended",
            place="Berlin",
            organiser=organiser,
        )
        event_id = events.create(draft)
        for cid in rng.sample(ids, met):
            clock.set_wall(start + timedelta(hours=2))
            events.capture(event_id, "", contact_id=cid, follow_up_days=3)
    clock.set_wall(NOW)
    dinner = events.create(
        EventDraft(
            name="Product Leaders Dinner",
            starts_at=(NOW + timedelta(days=2)).replace(hour=19, minute=0),
            kind="social",
            status="registered",
            place="Mitte, Berlin",
            goals="Meet two heads of product at fintechs; ask about their roadmaps.",
            goal_target=2,
            conversation_starters="What made you move into product?\nWhat is on your roadmap?",
            checklist={"registered": True, "researched": True, "pitch": True},
        )
    )
    for cid in rng.sample(ids, 4):
        events.people.add(dinner, cid, want_to_meet=True, research_notes="Head of product")
    events.create(
        EventDraft(
            name="KubeCon Europe",
            starts_at=(NOW + timedelta(days=12)).replace(hour=9, minute=0),
            ends_at=(NOW + timedelta(days=14)).replace(hour=18, minute=0),
            timezone="Europe/Amsterdam",
            kind="conference",
            place="Amsterdam RAI",
            checklist={"registered": True},
        )
    )
    events.create(
        EventDraft(
            name="Founders Coffee",
            starts_at=(NOW + timedelta(days=25)).replace(hour=8, minute=30),
            place="Kreuzberg, Berlin",
        )
    )
    return {"event": dinner, "contact": _rich_contact(services)}


def _rich_contact(services: Services) -> int:
    """A contact with a photo, notes and an international phone, who gave and received a few
    times this year (their balance shows under the name): the Contacts screenshot's."""
    international = ContactMethod.select(ContactMethod.contact).where(
        ContactMethod.kind == "phone", ContactMethod.value.startswith("+")
    )
    query = (
        Contact.select(Contact.id)
        .where(Contact.photo.is_null(False), Contact.notes != "", Contact.id.in_(international))
        .order_by(Contact.id)
    )
    row = query.first() or Contact.select(Contact.id).order_by(Contact.id).first()
    assert row is not None
    contact_id = int(row.id)
    gives = [("gave", "introduction"), ("received", "referral"), ("gave", "article or resource")]
    gives += [("received", "advice"), ("gave", "feedback")]
    for weeks, (direction, kind) in enumerate(gives):
        log_interaction(
            services.changes,
            contact_id,
            occurred_at=_stored(NOW - timedelta(weeks=3 * weeks + 1)),
            channel="email",
            summary=f"{kind.capitalize()}",
            give=Give(direction, kind),
            publish=False,
        )
    return contact_id


def _interactions(services: Services, rng: random.Random, ids: list[int]) -> None:
    """About 150 interactions over the last six weeks (some gives and receives), five or more
    long ago with a few who then went quiet."""
    for _ in range(150):
        cid = rng.choice(ids[: len(ids) // 3])
        when = NOW - timedelta(days=rng.uniform(0.5, 42))
        give = Give()
        draw = rng.random()
        if draw < 0.12:
            give = Give("gave", rng.choice(("introduction", "article or resource", "advice")))
            if give.kind == "introduction":
                give = Give("gave", "introduction", (cid, rng.choice(ids)))
        elif draw < 0.2:
            give = Give("received", rng.choice(("referral", "job lead", "feedback")))
        log_interaction(
            services.changes,
            cid,
            occurred_at=_stored(when),
            channel=rng.choice(CHANNELS),
            summary=rng.choice(TOPICS),
            give=give,
            publish=False,
        )
    for cid in rng.sample(ids, 6):
        for months in range(8, 14):
            log_interaction(
                services.changes,
                cid,
                occurred_at=_stored(NOW - timedelta(days=30 * months)),
                channel="coffee",
                summary="Monthly coffee",
                publish=False,
            )
    for cid in rng.sample(ids, 3):  # birthdays in the next two days
        birthday = date(1988, NOW.month, NOW.day) + timedelta(days=rng.randint(0, 2))
        Contact.update(birthday=birthday).where(Contact.id == cid).execute()


def _followups(services: Services, rng: random.Random, ids: list[int]) -> None:
    """Follow-ups due today, overdue (two from last year), and over the next weeks."""
    followups = services.followups
    reasons = ("check-in", "thank", "introduce", "share article", "after meeting")
    for index, cid in enumerate(rng.sample(ids, 45)):
        if index < 5:
            due: date | datetime = NOW.replace(hour=rng.choice((11, 14, 16)), minute=0)
        elif index < 16:
            due = NOW.date() - timedelta(days=rng.randint(1, 30))
        elif index < 18:
            due = date(NOW.year - 1, 10 + index - 16, 14)
        else:
            due = NOW.date() + timedelta(days=rng.randint(1, 40))
        followups.create(
            cid,
            due,
            has_time=isinstance(due, datetime),
            reason=rng.choice(reasons),
            note=rng.choice(("", "", "Ask about the Q1 roadmap", "Share the article on pricing")),
        )
    followups.sync_generated()


def _goals(services: Services) -> None:
    """Monthly goals since September: their progress is counted from the activity above."""
    since = date(NOW.year, 9, 1)
    for title, kind, target in (
        ("Meet new people", "new_contacts", 60),
        ("Give", "gives", 4),
        ("Attend events", "events", 2),
        ("Stay in touch", "interactions", 120),
    ):
        services.goals.save(GoalData(title, kind, target, period="month", starts_on=since))


def _me(services: Services) -> None:
    """Your own profiles, ticked at different times (GitHub's photo and headline are stale, the
    Mastodon account is new), and two pitches: the Me page's."""
    today = NOW.date()
    ticked = {
        "linkedin": dict.fromkeys(("photo", "headline", "about", "activity"), date(2026, 10, 2)),
        "github": {
            "photo": date(2026, 3, 14),
            "headline": date(2026, 3, 14),
            "about": date(2026, 9, 20),
            "activity": date(2026, 11, 2),
        },
        "stackoverflow": dict.fromkeys(("photo", "headline", "about", "activity"), today),
        "mastodon": {},
        "website": dict.fromkeys(("photo", "headline", "about", "activity"), date(2026, 7, 30)),
    }
    links = {
        "linkedin": "https://www.linkedin.com/in/jordan-reyes",
        "github": "https://github.com/jreyes",
        "stackoverflow": "https://stackoverflow.com/users/4815162/jordan-reyes",
        "mastodon": "https://fosstodon.org/@jreyes",
        "website": "https://jordanreyes.dev",
    }
    for service, url in links.items():
        months = 12 if service == "website" else 6
        row = OwnProfileRow(service, url, ticked[service], months, notified_on=today)
        services.profiles.put(service, row)
    pitches = services.events.pitches
    pitches.create(
        "Meetup introduction",
        "I'm Jordan, a data engineer at a logistics start-up in Berlin. I build the pipelines "
        "that keep our delivery estimates honest, and this year I moved our nightly batch jobs "
        "to streaming. I'm here to meet people who run Kafka in production and to hear how "
        "they test it; if you are hiring for platform work, I'd love to hear about it too.",
        "people new to the meetup",
    )
    pitches.create(
        "Recruiter call",
        "Six years in data engineering, the last three leading a team of four. I care about "
        "reliable pipelines and the people who depend on them. I'm looking for a staff role on "
        "a data platform team, in Berlin or remote within Europe.",
        "recruiters and hiring managers",
    )


def _companies(services: Services) -> dict[str, int]:
    """Two targets: the company with the most people met at events (then the most people), and
    TARGET_NOBODY."""
    row = db.execute_sql(
        "SELECT c.company_id FROM contact c LEFT JOIN event_person ep "
        "ON ep.contact_id = c.id AND ep.met = 1 WHERE c.company_id IS NOT NULL "
        "GROUP BY c.company_id ORDER BY count(ep.id) DESC, count(*) DESC, c.company_id LIMIT 1"
    ).fetchone()
    services.companies.set_target(row[0], True)
    nobody = services.companies.add_target(TARGET_NOBODY)
    return {"company": row[0], "target": nobody.company_id}


OPENINGS = (
    # (role, stage, how the user heard of it, days ago, next step, in days, roles of the people)
    (
        "Staff data engineer",
        "heard",
        "Coffee chat",
        3,
        "Read the team's blog posts",
        2,
        ("told me",),
    ),
    ("Head of analytics", "heard", "LinkedIn post", 6, "", None, ("told me",)),
    (
        "Platform engineer",
        "heard",
        "Berlin Python Meetup",
        9,
        "Ask about the stack",
        4,
        ("told me",),
    ),
    (
        "Product manager, payments",
        "researching",
        "Fintech Forum 2026",
        5,
        "Find who leads payments",
        3,
        ("told me", "could refer me"),
    ),
    ("Senior ML engineer", "researching", "Newsletter", 14, "Read the job ad again", -1, ()),
    (
        "Engineering manager",
        "asked for referral",
        "PyData Berlin",
        30,
        "Nudge about the referral",
        1,
        ("told me", "could refer me"),
    ),
    (
        "Data product lead",
        "asked for referral",
        "Women in Data Breakfast",
        18,
        "Send CV to referrer",
        6,
        ("could refer me",),
    ),
    (
        "Analytics engineer",
        "referred",
        "Alumni mailing list",
        25,
        "Thank for the referral",
        0,
        ("told me", "referred me"),
    ),
    (
        "Solutions architect",
        "applied",
        "Careers page",
        21,
        "Check application status",
        5,
        ("referred me",),
    ),
    ("Staff engineer, search", "applied", "Former colleague", 16, "", None, ("told me",)),
    (
        "Backend engineer",
        "interviewing",
        "Recruiter call",
        28,
        "Prepare system design",
        2,
        ("interviews me", "referred me"),
    ),
    (
        "Lead data scientist",
        "interviewing",
        "Conference talk",
        35,
        "Second interview",
        8,
        ("interviews me",),
    ),
    (
        "Principal engineer",
        "offer",
        "Ex-manager",
        45,
        "Reply to the offer",
        3,
        ("referred me", "interviews me"),
    ),
    ("Developer advocate", "declined", "Meetup talk", 60, "", None, ("told me",)),
    ("Data engineer", "closed", "Job board", 70, "", None, ()),
)
"""The demo's openings: every stage, people in each role, next steps from overdue to next week."""


def _opportunities(services: Services, rng: random.Random) -> int:
    """Openings at organisations where the user knows two or more people, with those people in
    their roles, moved through their stages over the last weeks; return the one the board
    screenshot's dialog opens (an opportunity being interviewed for)."""
    rows = db.execute_sql(
        "SELECT organisation FROM contact WHERE organisation NOT IN ('', 'Freelance', "
        "'Self-employed') AND deleted_at IS NULL GROUP BY organisation HAVING count(*) >= 2 "
        "ORDER BY organisation"
    ).fetchall()
    companies = rng.sample([name for (name,) in rows], len(OPENINGS))
    clock = services.clock
    assert isinstance(clock, FakeClock)
    shown = 0
    for company, (title, stage, source, ago, step, step_in, roles) in zip(
        companies, OPENINGS, strict=True
    ):
        staff = [
            cid
            for (cid,) in db.execute_sql(
                "SELECT id FROM contact WHERE organisation = ? AND deleted_at IS NULL ORDER BY id",
                (company,),
            )
        ]
        chosen = rng.sample(staff, min(len(roles), len(staff)))
        heard = NOW - timedelta(days=ago)
        clock.set_wall(heard)
        people = tuple(Person(cid, role) for cid, role in zip(chosen, roles, strict=False))
        draft = OpportunityDraft(
            title,
            company,
            source=source,
            heard_on=heard.date(),
            people=people,
            url=f"https://jobs.example.com/{company.lower().replace(' ', '-')}",
        )
        opportunity_id = services.opportunities.create(draft).opportunity_id
        path = OPPORTUNITY_STAGES[: OPPORTUNITY_STAGES.index(stage) + 1]
        if stage in ("declined", "closed"):
            path = (*OPPORTUNITY_STAGES[:2], "applied", stage)
        for number, reached in enumerate(path[1:], start=1):
            clock.set_wall(heard + timedelta(days=ago * number / len(path)))
            services.opportunities.move(opportunity_id, reached)
        clock.set_wall(NOW)
        if step_in is not None:
            current = services.opportunities.load_draft(opportunity_id)
            services.opportunities.update(
                opportunity_id,
                replace(current, next_step=step, next_step_on=NOW.date() + timedelta(days=step_in)),
            )
        if stage == "interviewing" and not shown:
            shown = opportunity_id
    clock.set_wall(NOW)
    return shown
