"""Opportunities as CSV: a header, people by role, ISO dates, formulas kept as text."""

from __future__ import annotations

import csv
import io
from datetime import date

from netdesk.core.opportunities import OpportunityDraft
from netdesk.core.opportunity_csv import HEADER, csv_text
from netdesk.core.opportunity_rows import Person, load
from netdesk.formats.draft import ContactDraft


def test_each_opportunity_is_a_row_with_its_people_by_role(services) -> None:
    ana = services.contacts.create(ContactDraft(given_name="Ana", family_name="Silva"))
    ben = services.contacts.create(ContactDraft(given_name="Ben", family_name="Okafor"))
    services.opportunities.create(
        OpportunityDraft(
            "Staff engineer",
            "Acme, Inc.",
            stage="referred",
            url="https://jobs.example.com/1",
            source='=HYPERLINK("x")',
            heard_on=date(2026, 3, 2),
            notes="Remote\nor Berlin",
            people=(
                Person(ana, "told me"),
                Person(ben, "referred me"),
                Person(ana, "could refer me"),
            ),
            next_step="Send CV",
            next_step_on=date(2026, 3, 13),
        )
    )
    text = csv_text(load())
    assert text.count("\r\n") == 2  # the notes keep their line break, inside quotes
    header, row = list(csv.reader(io.StringIO(text)))
    assert tuple(header) == HEADER
    values = dict(zip(header, row, strict=True))
    assert values["Company"] == "Acme, Inc." and values["Role"] == "Staff engineer"
    assert (values["Told me"], values["Could refer me"], values["Referred me"]) == (
        "Ana Silva",
        "Ana Silva",
        "Ben Okafor",
    )
    assert values["Heard of it"] == '\'=HYPERLINK("x")'
    assert (values["Heard on"], values["Next step on"], values["Next step with"]) == (
        "2026-03-02",
        "2026-03-13",
        "Ben Okafor",
    )
    assert values["Notes"] == "Remote\nor Berlin"
    assert values["Created"].startswith("2026-03-11 ")


def test_no_opportunities_is_a_header_alone() -> None:
    assert csv_text([]) == ",".join(HEADER) + "\r\n"
