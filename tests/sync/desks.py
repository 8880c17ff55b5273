"""A NetDesk data folder in a sync test: its services while open, `netdesk sync` run on it."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from netdesk.__main__ import main
from netdesk.core.changes import Changes
from netdesk.core.contact_bulk import ContactBulk
from netdesk.core.contacts import ContactService
from netdesk.core.events import EventService
from netdesk.core.followups import FollowUpService
from netdesk.formats.draft import ContactDraft
from netdesk.store.db import close_database, open_database
from netdesk.store.models import Contact
from tests.dav_servers import DavServer
from tests.fake_time import NOW, FakeClock


@dataclass
class Opened:
    """The services of an opened data folder."""

    contacts: ContactService
    bulk: ContactBulk
    followups: FollowUpService
    events: EventService

    def by_name(self, name: str) -> tuple[int, ContactDraft]:
        """The one contact (Trash included) called `name`, as id and draft."""
        (row,) = Contact.select(Contact.id).where(Contact.display_name == name)
        return row.id, self.contacts.load(row.id)

    def edit(self, name: str, **changes: Any) -> None:
        """Change fields of the contact called `name`, as the editor would."""
        contact_id, draft = self.by_name(name)
        self.contacts.update(contact_id, replace(draft, **changes))

    def names(self, *, trashed: bool = False) -> list[str]:
        """The names of the contacts in the list (or in the Trash), sorted."""
        query = Contact.select(Contact.display_name).where(Contact.deleted_at.is_null(not trashed))
        return sorted(row.display_name for row in query)


class Desk:
    """One NetDesk: a data folder syncing with `server`, its services and commands on `clock`
    (a FakeClock at NOW when not given)."""

    def __init__(self, folder: Path, server: DavServer, clock: FakeClock | None = None) -> None:
        self.folder = folder
        self.server = server
        self.clock = clock or FakeClock(NOW)
        self.set_up = False

    @contextlib.contextmanager
    def open(self) -> Iterator[Opened]:
        """The folder's database opened, with its services; closed after."""
        open_database(self.folder / "netdesk.db")
        changes = Changes()
        try:
            followups = FollowUpService(changes, self.clock)
            contacts = ContactService(changes)
            events = EventService(changes, followups, contacts)
            yield Opened(contacts, ContactBulk(changes), followups, events)
        finally:
            close_database()

    def sync(self, *options: str) -> dict[str, Any]:
        """`netdesk sync --json` (the first time with --server and --user); its report."""
        status, out, err = self.command(*options)
        assert status == 0, err
        report: dict[str, Any] = json.loads(out)
        return report

    def command(self, *options: str) -> tuple[int, str, str]:
        """`netdesk sync --json ...`: exit status, standard output and error."""
        args = ["--data-dir", str(self.folder), "sync", "--json", *options]
        if not self.set_up:
            args += ["--server", self.server.url, "--user", self.server.user]
            if self.server.ca_file:
                args += ["--ca-file", self.server.ca_file]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(args, self.clock)
        if status == 0 and "--dry-run" not in options:
            self.set_up = True
        return status, out.getvalue(), err.getvalue()


def plain_request(
    server: DavServer, method: str, path: str, body: str = "", kind: str = "text/vcard"
) -> tuple[int, str]:
    """One HTTP request as another client (a phone) would send it, with a body of content type
    `kind`: status and body text."""
    import base64
    import http.client
    import ssl

    if server.ca_file:
        context = ssl.create_default_context(cafile=server.ca_file)
        connection: http.client.HTTPConnection = http.client.HTTPSConnection(
            "127.0.0.1", server.port, context=context
        )
    else:
        connection = http.client.HTTPConnection("127.0.0.1", server.port)
    token = base64.b64encode(f"{server.user}:{server.password}".encode()).decode()
    headers = {"Authorization": f"Basic {token}", "Content-Type": f"{kind}; charset=utf-8"}
    connection.request(method, path, body.encode(), headers)
    response = connection.getresponse()
    text = response.read().decode()
    connection.close()
    return response.status, text


def address_book(desk: Desk) -> str:
    """The path of the address book `desk` syncs with."""
    from netdesk.core import sync_accounts

    with desk.open():
        account = sync_accounts.account()
        assert account is not None
        return str(account.address_book)
