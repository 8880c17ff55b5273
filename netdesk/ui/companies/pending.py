"""What changed since the Companies list was read, so that it reads again only what it must.

A change naming contacts (an interaction logged, a contact edited, archived or trashed) touches
the companies they work at; a contact moving to another company is announced on "companies"
with both (`ContactService.update`), as is a target marked. Those companies' rows are read again
(`CompanyService.rows_of`); an import, a change naming no rows, or one naming more than
PATCH_LIMIT reads the whole list again. Events, job histories and opportunities change only the
shown company's detail (who was there, who used to work there, its openings).
"""

from __future__ import annotations

from collections.abc import Iterable

from netdesk.core.companies import PATCH_LIMIT

_BY_CONTACT = ("contacts", "interactions")


class Pending:
    """The changes noted since the list was last brought up to date."""

    def __init__(self) -> None:
        self.everything = True  # nothing read yet
        self.contacts: set[int] = set()
        self.companies: set[int] = set()
        self.detail = False

    def note(self, topic: str, ids: Iterable[int]) -> bool:
        """Remember a change; whether it concerns the view."""
        ids = set(ids)
        if topic == "imports" or (topic in (*_BY_CONTACT, "companies") and not ids):
            self.everything = True
        elif topic in _BY_CONTACT:
            self.contacts |= ids
        elif topic == "companies":
            self.companies |= ids
        elif topic in ("events", "employment", "opportunities"):
            self.detail = True
        else:
            return False
        if max(len(self.contacts), len(self.companies)) > PATCH_LIMIT:
            self.everything = True
        return True

    def any(self) -> bool:
        """Whether anything changed since the last `take`."""
        return self.everything or self.detail or bool(self.contacts or self.companies)

    def take(self) -> Pending:
        """The changes noted so far, forgetting them here."""
        taken = Pending()
        taken.everything, taken.contacts, taken.companies, taken.detail = (
            self.everything,
            self.contacts,
            self.companies,
            self.detail,
        )
        self.everything, self.contacts, self.companies, self.detail = False, set(), set(), False
        return taken
