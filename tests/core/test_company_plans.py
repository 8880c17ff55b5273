"""Query plans of what the Companies view reads on each company selected: driven by the
company's own rows, never by a walk over every contact or follow-up (EXPLAIN QUERY PLAN of the
statements actually run, on a store of a few hundred contacts with and without ANALYZE)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from netdesk.core import opportunity_rows
from netdesk.core.opportunities import OpportunityDraft
from netdesk.core.opportunity_rows import Person
from netdesk.formats.draft import ContactDraft
from netdesk.store.models import db


@contextmanager
def _statements() -> Iterator[list[str]]:
    """The SQL statements run inside the block."""
    run: list[str] = []
    connection = db.connection()
    connection.set_trace_callback(run.append)
    try:
        yield run
    finally:
        connection.set_trace_callback(None)


def _plans(read: Callable[[], object]) -> list[str]:
    """Each step of the plans of the SELECTs `read` runs (traced with their values inlined)."""
    with _statements() as run:
        read()
    selects = [sql for sql in run if sql.lstrip().upper().startswith(("SELECT", "WITH"))]
    return [
        detail
        for sql in selects
        for *_, detail in db.execute_sql("EXPLAIN QUERY PLAN " + sql).fetchall()
    ]


@pytest.fixture
def network(services) -> dict[str, int]:
    """300 people at 30 companies, one opportunity at Acme with a person and a next step."""
    ids = [
        services.contacts.create(
            ContactDraft(given_name=f"P{i}", family_name="Lee", organisation=f"Org {i % 30}")
        )
        for i in range(300)
    ]
    created = services.opportunities.create(
        OpportunityDraft("Staff engineer", "Acme", people=(Person(ids[0], "told me"),))
    )
    return {"opportunity": created.opportunity_id}


@pytest.mark.parametrize("analyzed", [False, True])
def test_a_companys_opportunities_are_read_by_their_own_ids(network, analyzed) -> None:
    if analyzed:
        db.execute_sql("ANALYZE")
    assert [row.id for row in opportunity_rows.for_organisation("acme")] == [network["opportunity"]]
    plans = _plans(lambda: opportunity_rows.for_organisation("acme"))
    assert any("opportunity_person_opportunity_id" in step for step in plans), plans
    assert any("follow_up_opportunity_id" in step for step in plans), plans
    assert not any(step.startswith(("SCAN t2", "SCAN contact")) for step in plans), plans
    assert not any("contact_deleted_at" in step or "follow_up_status" in step for step in plans)

    with _statements() as run:  # a company without any: the opportunities' companies alone
        assert opportunity_rows.for_organisation("Org 3") == []
    assert len(run) == 1
