"""Query plans of the Opportunities view's read of every opportunity: driven by the
opportunities' own rows, never by a walk over every contact or pending follow-up (EXPLAIN QUERY
PLAN of the statements run, on a store of a few hundred contacts; NetDesk runs no ANALYZE)."""

from __future__ import annotations

import pytest

from netdesk.core import opportunity_rows
from netdesk.core.opportunities import OpportunityDraft
from netdesk.core.opportunity_rows import Person
from netdesk.formats.draft import ContactDraft
from tests.query_plans import plans_of


@pytest.mark.parametrize("opportunities", [0, 1])
def test_every_opportunity_is_read_from_the_opportunities(
    services, monkeypatch, opportunities
) -> None:
    ids = [
        services.contacts.create(ContactDraft(given_name=f"P{i}", family_name="Lee"))
        for i in range(300)
    ]
    for contact_id in ids[::3]:
        services.followups.create(contact_id, services.clock.now())
    if opportunities:
        services.opportunities.create(
            OpportunityDraft("Staff engineer", "Acme", people=(Person(ids[0], "told me"),))
        )
    assert len(opportunity_rows.load()) == opportunities
    plans = plans_of(monkeypatch, opportunity_rows.load)
    assert any("opportunity_person" in step for step in plans), plans
    assert any("follow_up_opportunity_id" in step for step in plans), plans
    assert not any(step.startswith(("SCAN c", "SCAN contact", "SCAN f")) for step in plans), plans
    assert not any("contact_deleted_at" in step or "follow_up_status" in step for step in plans)
