"""The circle, tag and company a list or a goal narrows contacts to, as SQL over `contact c`
(one wording, so the contact list and the goals count the same people)."""

from __future__ import annotations


def narrowing(circle: str, tag: str, company: str) -> tuple[list[str], list[object]]:
    """WHERE clauses (to join with AND) and their parameters for the filters that are set; a
    tag and a company match whatever their case."""
    clauses: list[str] = []
    params: list[object] = []
    if circle:
        clauses.append("c.circle = ?")
        params.append(circle)
    if tag:
        clauses.append(
            "c.id IN (SELECT ct.contact_id FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
            "WHERE t.name = ? COLLATE NOCASE)"
        )
        params.append(tag)
    if company:
        clauses.append("c.organisation = ? COLLATE NOCASE")
        params.append(company)
    return clauses, params
