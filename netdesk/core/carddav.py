"""A CardDAV client (RFC 6352) over the standard library: discovery, address books, RFC 6578
`sync-collection` with a ctag/ETag fallback, `addressbook-multiget` in batches, and
conditional PUT and DELETE.

Why our own requests: `caldav` speaks CalDAV only, and no CardDAV client library of similar
standing was found (2026-12: `pyCardDAV` is Python 2 and unmaintained; the `carddav` package on
PyPI is one month old, 0.1.0, one author, and needs httpx). CardDAV needs six request bodies,
and `http.client` keeps one connection open for a whole sync (10,000 requests through one
socket instead of 10,000 handshakes). Server responses are parsed with ElementTree: the bundled
expat refuses entity expansion attacks since Python 3.11.4 (and XML from the user's own server).

Every failure is a `DavError` whose text says, in words, what happened and what to do.
"""

from __future__ import annotations

import base64
import http.client
import socket
import ssl
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urljoin, urlsplit

DAV = "DAV:"
CARD = "urn:ietf:params:xml:ns:carddav"
CS = "http://calendarserver.org/ns/"
_NS = {"d": DAV, "c": CARD, "cs": CS}
MULTIGET_BATCH = 100
"""Cards fetched a request: 100 cards of ~2 KB keep a response small and the requests few."""
_REDIRECTS = 5
VCARD_TYPE = "text/vcard; charset=utf-8"


class DavError(Exception):
    """A request failed; the message is for the user."""


class AuthError(DavError):
    """The server refused the user name or password (401/403 at discovery)."""


class ConnectionLost(DavError):
    """The server could not be reached or stopped answering."""


class ServerError(DavError):
    """The server answered with an error status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class PreconditionFailed(DavError):
    """An If-Match / If-None-Match write found the card changed (or there) on the server."""


class CardRefused(DavError):
    """The server refused a card's format (415, or its supported-address-data precondition)."""


class SyncTokenInvalid(DavError):
    """The server no longer knows the sync token (start again from an empty one)."""


class SyncUnsupported(DavError):
    """The collection does not do `sync-collection`: compare the ctag and ETags instead."""


@dataclass(frozen=True)
class AddressBook:
    """An address book collection: its URL path, name, ctag and whether it does sync-collection."""

    href: str
    name: str
    ctag: str = ""
    sync_token: str = ""
    can_sync: bool = False


@dataclass(frozen=True)
class Card:
    """One card (or, through CalDAV, one calendar object) as the server keeps it."""

    href: str
    etag: str
    text: str


@dataclass
class Changes:
    """What changed in a collection since a sync token: (href, ETag) of changed cards, hrefs
    of removed ones, and the token to ask with next time."""

    changed: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    token: str = ""


@dataclass
class Response:
    status: int
    reason: str
    headers: dict[str, str]
    body: bytes


class CardDavClient:
    """Requests to one server as one user, through one kept-open connection."""

    def __init__(
        self, url: str, user: str, password: str, *, ca_file: str = "", timeout: float = 60.0
    ) -> None:
        parts = urlsplit(url if "://" in url else f"https://{url}")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise DavError(f"{url!r} is no server address (https://host/…)")
        self.url = f"{parts.scheme}://{parts.netloc}{parts.path or '/'}"
        self.user = user
        self._secure = parts.scheme == "https"
        self._host = parts.hostname
        self._port = parts.port
        self._auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        self._ca_file = ca_file
        self._timeout = timeout
        self._connection: http.client.HTTPConnection | None = None

    # discovery and collections

    def discover(self) -> str:
        """The address book home's path: /.well-known/carddav (RFC 6764), the principal, its
        addressbook-home-set. A server without them: the URL given."""
        start = self._path(self.url)
        principal = self._href_prop(start, "current-user-principal")
        if principal is None and start == "/":
            principal = self._href_prop("/.well-known/carddav", "current-user-principal")
        if principal is None:
            return start
        home = self._href_prop(principal, "addressbook-home-set", CARD)
        return home or principal

    def address_books(self, home: str) -> list[AddressBook]:
        """The address books in `home` (or `home` itself when it is one)."""
        body = _propfind(
            "<d:resourcetype/><d:displayname/><cs:getctag/><d:sync-token/><d:supported-report-set/>"
        )
        books = []
        for href, props in self._multistatus("PROPFIND", home, body, depth="1"):
            kind = props.get("resourcetype")
            if kind is None or kind.find("c:addressbook", _NS) is None:
                continue
            reports = props.get("supported-report-set")
            can_sync = reports is not None and reports.find(".//d:sync-collection", _NS) is not None
            books.append(
                AddressBook(
                    href,
                    _text(props.get("displayname")) or href.rstrip("/").rsplit("/", 1)[-1],
                    _text(props.get("getctag")),
                    _text(props.get("sync-token")),
                    can_sync,
                )
            )
        return books

    def create_address_book(self, home: str, slug: str, name: str) -> str:
        """Create an address book `slug` in `home` (extended MKCOL, RFC 5689); its path."""
        href = home.rstrip("/") + "/" + quote(slug) + "/"
        body = (
            '<?xml version="1.0" encoding="utf-8"?>'
            f'<d:mkcol xmlns:d="{DAV}" xmlns:c="{CARD}"><d:set><d:prop>'
            "<d:resourcetype><d:collection/><c:addressbook/></d:resourcetype>"
            f"<d:displayname>{_xml_text(name)}</d:displayname>"
            "</d:prop></d:set></d:mkcol>"
        )
        response = self._request("MKCOL", href, body.encode(), {"Content-Type": _XML})
        if response.status not in (200, 201):
            raise self._failure("MKCOL", href, response)
        return href

    def card_versions(self, book: str) -> set[str]:
        """The vCard versions the address book takes (its supported-address-data), empty when
        it does not say (then 3.0 and 4.0 are both taken, as with most servers)."""
        found = self._multistatus("PROPFIND", book, _propfind("<c:supported-address-data/>"))
        versions: set[str] = set()
        for href, props in found:
            data = props.get("supported-address-data")
            if data is None or not self._same(href, book):
                continue
            for kind in data.findall("c:address-data-type", _NS):
                if kind.get("content-type", "text/vcard").lower() == "text/vcard":
                    versions.add(kind.get("version", "3.0"))
        return versions

    def state(self, book: str) -> tuple[str, str]:
        """The collection's (ctag, sync token) now ("" for what it lacks)."""
        found = self._multistatus("PROPFIND", book, _propfind("<cs:getctag/><d:sync-token/>"))
        for href, props in found:
            if self._same(href, book):
                return _text(props.get("getctag")), _text(props.get("sync-token"))
        return "", ""

    # reading cards

    def sync_collection(self, book: str, token: str) -> Changes:
        """What changed since `token` ("" for everything): RFC 6578 sync-collection."""
        body = (
            '<?xml version="1.0" encoding="utf-8"?>'
            f'<d:sync-collection xmlns:d="{DAV}"><d:sync-token>{_xml_text(token)}</d:sync-token>'
            "<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"
        )
        response = self._request("REPORT", book, body.encode(), {"Content-Type": _XML})
        if response.status in (403, 409) and b"valid-sync-token" in response.body:
            raise SyncTokenInvalid("the server forgot where the last sync ended")
        if response.status in (400, 403, 405, 415, 422, 501):
            raise SyncUnsupported("the server does not report changes (sync-collection)")
        if response.status != 207:
            raise self._failure("REPORT", book, response)
        root = _parse(response.body)
        changes = Changes(token=_text(root.find("d:sync-token", _NS)))
        for node in root.findall("d:response", _NS):
            href = self._path(_text(node.find("d:href", _NS)))
            status = _text(node.find("d:status", _NS))
            if self._same(href, book):
                continue
            if " 404 " in f"{status} ":
                changes.removed.append(href)
                continue
            etag = _text(node.find(".//d:getetag", _NS))
            if etag:
                changes.changed.append((href, etag))
        return changes

    def etags(self, book: str) -> dict[str, str]:
        """Every card's ETag by href (PROPFIND depth 1): the fallback without sync-collection."""
        found = self._multistatus("PROPFIND", book, _propfind("<d:getetag/>"), depth="1")
        return {
            href: _text(props.get("getetag"))
            for href, props in found
            if not self._same(href, book) and props.get("getetag") is not None
        }

    def multiget(self, book: str, hrefs: Iterable[str]) -> Iterator[Card]:
        """The cards at `hrefs`, MULTIGET_BATCH a request; cards gone meanwhile left out."""
        return self._multiget(book, hrefs, CARD, "addressbook-multiget", "address-data")

    def _multiget(
        self, collection: str, hrefs: Iterable[str], namespace: str, report: str, data: str
    ) -> Iterator[Card]:
        """The resources at `hrefs` through a multiget `report` (CardDAV's or CalDAV's) asking
        for the `data` property, MULTIGET_BATCH a request."""
        chosen = list(hrefs)
        for start in range(0, len(chosen), MULTIGET_BATCH):
            batch = chosen[start : start + MULTIGET_BATCH]
            refs = "".join(f"<d:href>{_xml_text(_encoded(href))}</d:href>" for href in batch)
            body = (
                '<?xml version="1.0" encoding="utf-8"?>'
                f'<x:{report} xmlns:d="{DAV}" xmlns:x="{namespace}">'
                f"<d:prop><d:getetag/><x:{data}/></d:prop>{refs}</x:{report}>"
            )
            for href, props in self._multistatus("REPORT", collection, body.encode(), depth="1"):
                found = props.get(data)
                if found is not None and found.text:
                    yield Card(href, _text(props.get("getetag")), found.text)

    # writing cards

    def put(self, href: str, text: str, etag: str | None, kind: str = VCARD_TYPE) -> str:
        """Write a card (or another resource of content type `kind`): `etag` None creates it
        (If-None-Match: *), else replaces that version (If-Match). The new ETag, "" when the
        server does not say (it changed what was sent)."""
        headers = {"Content-Type": kind}
        if etag is None:
            headers["If-None-Match"] = "*"
        else:
            headers["If-Match"] = etag
        response = self._request("PUT", href, text.encode("utf-8"), headers)
        if response.status == 412:
            raise PreconditionFailed(f"{href} changed on the server meanwhile")
        if response.status == 415 or (
            response.status in (403, 409) and b"supported-address-data" in response.body
        ):
            raise CardRefused(f"the server refused the card {href} as it is written")
        if response.status not in (200, 201, 204):
            raise self._failure("PUT", href, response)
        return response.headers.get("etag", "")

    def delete(self, href: str, etag: str) -> None:
        """Delete a card if it is still the version `etag` (gone already counts as deleted)."""
        headers = {"If-Match": etag} if etag else {}
        response = self._request("DELETE", href, b"", headers)
        if response.status == 412:
            raise PreconditionFailed(f"{href} changed on the server meanwhile")
        if response.status not in (200, 204, 404):
            raise self._failure("DELETE", href, response)

    def close(self) -> None:
        """Close the connection."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # plumbing

    def _href_prop(self, path: str, name: str, namespace: str = DAV) -> str | None:
        body = _propfind(f'<x:{name} xmlns:x="{namespace}"/>')
        for _, props in self._multistatus("PROPFIND", path, body, depth="0"):
            node = props.get(name)
            href = node.find("d:href", _NS) if node is not None else None
            if href is not None and href.text:
                return self._path(href.text.strip())
        return None

    def _multistatus(
        self, method: str, path: str, body: bytes, depth: str = "0"
    ) -> list[tuple[str, dict[str, ET.Element]]]:
        """(href, {property name: element}) of each response's 200 propstats."""
        response = self._request(
            method, path, body, {"Content-Type": _XML, "Depth": depth}, follow=True
        )
        if response.status != 207:
            raise self._failure(method, path, response)
        found = []
        for node in _parse(response.body).findall("d:response", _NS):
            props: dict[str, ET.Element] = {}
            for propstat in node.findall("d:propstat", _NS):
                if " 200 " not in f"{_text(propstat.find('d:status', _NS))} ":
                    continue
                for prop in propstat.findall("d:prop/*", _NS):
                    props[prop.tag.rsplit("}", 1)[-1]] = prop
            found.append((self._path(_text(node.find("d:href", _NS))), props))
        return found

    def _request(
        self,
        method: str,
        path: str,
        body: bytes,
        headers: dict[str, str],
        *,
        follow: bool = False,
    ) -> Response:
        for _ in range(_REDIRECTS):
            response = self._send(method, path, body, headers)
            location = response.headers.get("location", "")
            if not (follow and response.status in (301, 302, 303, 307, 308) and location):
                break
            target = urlsplit(urljoin(f"{self._origin()}{path}", location))
            if (target.hostname, target.port) != (self._host, self._port):
                raise DavError(f"the server sent us to another server ({location}); use that URL")
            path = target.path or "/"
        if response.status == 401:
            raise AuthError(
                f"the server refused user {self.user!r}: wrong user name or password "
                "(an app password is needed where the account has two-factor sign-in)"
            )
        return response

    def _send(self, method: str, path: str, body: bytes, headers: dict[str, str]) -> Response:
        """One request; a kept-open connection the server closed meanwhile is opened again and
        the request sent once more. That is safe: reads change nothing, every PUT is conditional
        (If-None-Match / If-Match), so one that landed the first time is refused (412) the
        second, never applied twice, and a DELETE sent again finds the card gone (404: done)."""
        for attempt in (1, 2):
            kept_open = self._connection is not None and self._connection.sock is not None
            connection = self._connect()
            try:
                connection.request(
                    method,
                    _encoded(path),
                    body,
                    {**headers, "Authorization": self._auth, "User-Agent": "NetDesk"},
                )
                raw = connection.getresponse()
                data = raw.read()
                return Response(
                    raw.status, raw.reason, {k.lower(): v for k, v in raw.getheaders()}, data
                )
            except ssl.SSLCertVerificationError as error:
                self.close()
                raise DavError(
                    f"the server's certificate is not trusted ({error.verify_message}): give "
                    "the file of the certificate or its authority (--ca-file), or ask the "
                    "server's keeper"
                ) from error
            except ssl.SSLError as error:
                self.close()
                if isinstance(error, ssl.SSLEOFError) and kept_open:
                    continue  # a restarted server over https: the kept-open connection ended
                raise DavError(
                    f"no secure connection to {self._host} ({error.reason or error}): is the "
                    "address right (https:// or http://)?"
                ) from error
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as e:
                self.close()
                if attempt == 2:
                    raise self._lost(e) from e
            except (OSError, http.client.HTTPException) as error:
                self.close()
                raise self._lost(error) from error
        raise AssertionError("unreachable")

    def _connect(self) -> http.client.HTTPConnection:
        if self._connection is None:
            if self._secure:
                context = ssl.create_default_context(cafile=self._ca_file or None)
                self._connection = http.client.HTTPSConnection(
                    self._host, self._port, timeout=self._timeout, context=context
                )
            else:
                self._connection = http.client.HTTPConnection(
                    self._host, self._port, timeout=self._timeout
                )
        return self._connection

    def _lost(self, error: Exception) -> ConnectionLost:
        what = "did not answer in time" if isinstance(error, socket.timeout) else "is not reachable"
        return ConnectionLost(
            f"the server {self._host} {what} ({error.__class__.__name__}: {error}); what was "
            "synced is kept, and the next sync goes on from there"
        )

    def _failure(self, method: str, path: str, response: Response) -> DavError:
        if response.status == 403:
            return AuthError(f"the server does not let user {self.user!r} use {path} (403)")
        if response.status >= 500:
            return ServerError(
                f"the server failed ({response.status} {response.reason}) on {method} {path}; "
                "nothing more was changed: try again later",
                response.status,
            )
        return ServerError(
            f"the server refused {method} {path} ({response.status} {response.reason})",
            response.status,
        )

    def _origin(self) -> str:
        scheme = "https" if self._secure else "http"
        port = f":{self._port}" if self._port else ""
        return f"{scheme}://{self._host}{port}"

    def _path(self, href: str) -> str:
        """An href as a path (servers may answer with full URLs), percent-decoded."""
        return unquote(urlsplit(href).path) if href else ""

    @staticmethod
    def _same(href: str, collection: str) -> bool:
        return href.rstrip("/") == unquote(collection).rstrip("/")


_XML = "application/xml; charset=utf-8"


def _propfind(props: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<d:propfind xmlns:d="{DAV}" xmlns:c="{CARD}" xmlns:cs="{CS}"><d:prop>{props}'
        "</d:prop></d:propfind>"
    ).encode()


def _encoded(path: str) -> str:
    """A decoded path as it goes into a request line or an href element."""
    return quote(path, safe="/:@!$&'()*+,;=-._~")


def _parse(body: bytes) -> ET.Element:
    try:
        return ET.fromstring(body)
    except ET.ParseError as error:
        raise DavError(f"the server's answer is not readable XML ({error})") from error


def _text(node: ET.Element | None) -> str:
    return (node.text or "").strip() if node is not None else ""


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
