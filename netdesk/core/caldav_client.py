"""CalDAV (RFC 4791) for follow-ups and events: the calendar home, the calendars in it that take
a kind of component (VTODO for task lists, VEVENT for events), MKCALENDAR for a new one, and
`calendar-multiget`; changes, ETags and conditional
writes are the CardDAV client's own (RFC 6578 and RFC 4918 requests do not differ).

Why not the `caldav` package (3.6.0, 2026-12): it brings 14 more packages into the app
(`pip install --dry-run --report`: niquests, urllib3-future, which installs itself as
`urllib3`, lxml, dnspython, qh3, jh2, wassima, PyYAML, recurring-ical-events, …), and it
would open its own connections beside the CardDAV client's: a sync of contacts and tasks with
one server then needs two logins and two TLS handshakes. CalDAV for tasks is five request bodies
more on `CardDavClient`, which keeps one connection for the whole sync. The task text itself is
read and written by `icalendar` (`formats.vtodo`, `formats.vevent`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import quote

from netdesk.core.carddav import (
    DAV,
    Card,
    CardDavClient,
    DavError,
    ServerError,
    _text,
    _xml_text,
)

CAL = "urn:ietf:params:xml:ns:caldav"
ICALENDAR_TYPE = "text/calendar; charset=utf-8"
_COMPONENTS = f"{{{CAL}}}comp"


class NoTaskLists(DavError):
    """The server keeps no tasks or events (no CalDAV, or no calendar that takes them)."""


@dataclass(frozen=True)
class TaskList:
    """A calendar collection that takes the component asked for: its path and name."""

    href: str
    name: str


class CalDavClient(CardDavClient):
    """The CardDAV client that also finds, makes and reads task lists (one connection)."""

    def calendar_home(self) -> str:
        """The calendar home's path: the principal (from the URL given, else
        /.well-known/caldav, RFC 6764) and its calendar-home-set."""
        start = self._path(self.url)
        principal = self._href_prop(start, "current-user-principal")
        if principal is None:
            try:
                principal = self._href_prop("/.well-known/caldav", "current-user-principal")
            except DavError:  # no such address: a CardDAV-only server, said below
                principal = None
        try:
            home = self._href_prop(principal or start, "calendar-home-set", CAL)
        except ServerError:  # the principal has no such property: no CalDAV
            home = None
        if home is None:
            raise NoTaskLists(
                "the server keeps no calendars for this user (no CalDAV calendar home): "
                "follow-ups and events cannot sync there; contacts still do"
            )
        return home

    def calendars(self, home: str, component: str = "VTODO") -> tuple[list[TaskList], list[str]]:
        """The calendars in `home` that take `component` (tasks unless told), and the names of
        those that do not."""
        body = (
            '<?xml version="1.0" encoding="utf-8"?>'
            f'<d:propfind xmlns:d="{DAV}" xmlns:cal="{CAL}"><d:prop>'
            "<d:resourcetype/><d:displayname/><cal:supported-calendar-component-set/>"
            "</d:prop></d:propfind>"
        ).encode()
        lists: list[TaskList] = []
        others: list[str] = []
        for href, props in self._multistatus("PROPFIND", home, body, depth="1"):
            kind = props.get("resourcetype")
            if kind is None or kind.find(f"{{{CAL}}}calendar") is None:
                continue
            name = _text(props.get("displayname")) or href.rstrip("/").rsplit("/", 1)[-1]
            if not _takes(props.get("supported-calendar-component-set"), component):
                others.append(name)
                continue
            lists.append(TaskList(href, name))
        return lists, others

    def create_calendar(self, home: str, slug: str, name: str, component: str = "VTODO") -> str:
        """Make a calendar `slug` in `home` that takes `component` (MKCALENDAR); its path."""
        href = home.rstrip("/") + "/" + quote(slug) + "/"
        body = (
            '<?xml version="1.0" encoding="utf-8"?>'
            f'<cal:mkcalendar xmlns:d="{DAV}" xmlns:cal="{CAL}"><d:set><d:prop>'
            f"<d:displayname>{_xml_text(name)}</d:displayname>"
            f'<cal:supported-calendar-component-set><cal:comp name="{component}"/>'
            "</cal:supported-calendar-component-set></d:prop></d:set></cal:mkcalendar>"
        )
        response = self._request(
            "MKCALENDAR", href, body.encode(), {"Content-Type": "application/xml; charset=utf-8"}
        )
        if response.status in (403, 405, 415, 501):  # 403: a precondition (RFC 4791 5.3.1)
            raise NoTaskLists(
                f"the server does not make calendars of {component} (MKCALENDAR {href}: "
                f"{response.status} {response.reason}): make one in its web page or app and "
                "choose it"
            )
        if response.status not in (200, 201):
            raise self._failure("MKCALENDAR", href, response)
        return href

    def objects(self, collection: str, hrefs: Iterable[str]) -> Iterator[Card]:
        """The calendar objects at `hrefs` (calendar-multiget), in batches."""
        return self._multiget(collection, hrefs, CAL, "calendar-multiget", "calendar-data")

    def put_object(self, href: str, text: str, etag: str | None) -> str:
        """Write a calendar object as `put` writes a card; the new ETag ("" when not said)."""
        return self.put(href, text, etag, ICALENDAR_TYPE)


def _takes(components: ET.Element | None, component: str) -> bool:
    """Whether a calendar takes `component` (one that does not say takes every component)."""
    if components is None or not len(components):
        return True
    return any(
        (node.get("name") or "").upper() == component for node in components.iter(_COMPONENTS)
    )
