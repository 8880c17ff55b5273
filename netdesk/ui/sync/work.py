"""What runs on a worker for sync in the window: listing address books, task lists,
calendars and journals, creating
address books, a sync and its dry run (each write first checking whether the user pressed
Cancel), and the keyring's calls (Secret Service over D-Bus can block for seconds)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from netdesk.core import sync_accounts
from netdesk.core.caldav_client import CalDavClient, TaskList
from netdesk.core.carddav import VCARD_TYPE, AddressBook, Card, CardDavClient, DavError
from netdesk.core.clock import Clock
from netdesk.core.services import Services
from netdesk.core.sync_all import sync_everything
from netdesk.core.sync_calendar import NEW
from netdesk.core.sync_contacts import ContactSync, SyncReport
from netdesk.core.sync_events import NEW_CALENDAR_NAME, sync_events
from netdesk.core.sync_journal import NEW_JOURNAL_NAME as NEW_JOURNAL_NAME
from netdesk.core.sync_journal import STAYS_LOCAL, sync_journal
from netdesk.core.sync_tasks import NEW_LIST_NAME, sync_follow_ups
from netdesk.ui.tasks import Cancelled, Progress

NEW_BOOK = ""
"""The address book chosen when none is: the server's called NetDesk, else its only one, else
a new one called NetDesk (several, none called so: the sync asks the user to choose)."""
CHOOSE_BOOK = "choose the one to sync in Sync settings (Test connection lists them)"
"""How to choose an address book when the server has several, none called NetDesk."""
NO_TASKS = ""
"""No task list: follow-ups stay on this computer."""
NEW_TASK_LIST = NEW
"""The task list called NEW_TASK_LIST_NAME: the server's, else made."""
NEW_TASK_LIST_NAME = NEW_LIST_NAME
NO_EVENTS = ""
"""No calendar: events stay on this computer."""
NEW_CALENDAR = NEW
"""The calendar called NEW_EVENT_CALENDAR_NAME: the server's, else made."""
NEW_EVENT_CALENDAR_NAME = NEW_CALENDAR_NAME
NO_JOURNAL = ""
"""No journal: interactions stay on this computer."""
NEW_JOURNAL = NEW
"""The journal called NEW_JOURNAL_NAME: the server's, else made (where the server can)."""


@dataclass(frozen=True)
class Login:
    """Where and as whom to sync; `address_book` the collection's path or NEW_BOOK."""

    url: str
    user: str
    password: str
    ca_file: str = ""
    address_book: str = NEW_BOOK
    task_list: str = NO_TASKS
    """The task list's path, NO_TASKS or NEW_TASK_LIST."""
    calendar: str = NO_EVENTS
    """The events' calendar's path, NO_EVENTS or NEW_CALENDAR."""
    journal: str = NO_JOURNAL
    """The interactions' journal's path, NO_JOURNAL or NEW_JOURNAL."""


class WatchedClient(CalDavClient):
    """A client that stops before its next write once the user pressed Cancel (what was synced
    before stays: the sync commits card by card)."""

    def __init__(self, login: Login, progress: Progress) -> None:
        super().__init__(login.url, login.user, login.password, ca_file=login.ca_file)
        self._progress = progress

    def multiget(self, book: str, hrefs: Iterable[str]) -> Iterator[Card]:
        self._progress.check()
        yield from super().multiget(book, hrefs)

    def put(self, href: str, text: str, etag: str | None, kind: str = VCARD_TYPE) -> str:
        self._progress.check()
        return super().put(href, text, etag, kind)

    def delete(self, href: str, etag: str) -> None:
        self._progress.check()
        super().delete(href, etag)


def address_books(login: Login, progress: Progress) -> list[AddressBook]:
    """The user's address books on the server (which proves the address and password)."""
    client = WatchedClient(login, progress)
    try:
        return client.address_books(client.discover())
    finally:
        client.close()


def create_address_book(
    login: Login, name: str, progress: Progress
) -> tuple[str, list[AddressBook]]:
    """Make an address book called `name` (MKCOL); its path and the address books now."""
    client = WatchedClient(login, progress)
    try:
        home = client.discover()
        taken = {book.href.rstrip("/").rsplit("/", 1)[-1] for book in client.address_books(home)}
        href = client.create_address_book(home, free_slug(name, taken), name)
        return href, client.address_books(home)
    finally:
        client.close()


def free_slug(name: str, taken: set[str]) -> str:
    """The last part of a new collection's path: `name` in lower-case letters, digits and
    dashes, numbered when `taken` has it already."""
    slug = "-".join(re.findall(r"[a-z0-9]+", name.lower())) or "contacts"
    found, number = slug, 1
    while found in taken:
        number += 1
        found = f"{slug}-{number}"
    return found


def sync(services: Services, login: Login, progress: Progress) -> SyncReport:
    """Set the account up as `login` says (the same one keeps its state) and sync it; the
    result (its time, or the error in words) is kept with the account. Progress is (cards
    done, cards in the phase, the phase)."""
    client = WatchedClient(login, progress)
    try:
        book = login.address_book or _default_book(client)
        account = sync_accounts.set_up(login.url, login.user, book, login.ca_file)
        told = _told(progress)
        try:
            report = ContactSync(
                services.contacts, services.bulk, client, account, progress=told
            ).run()
            report.tasks = sync_follow_ups(services.followups, client, account, login.task_list)
            report.events = sync_events(services.events, client, account, login.calendar)
            journal = sync_journal(services.changes, services.clock, client, account, login.journal)
            if isinstance(journal, str):
                report.notes.append(journal)
            else:
                report.interactions = journal
        except Cancelled:
            raise
        except Exception as error:
            sync_accounts.record_result(account, str(error) or type(error).__name__)
            raise
        sync_accounts.record_result(account)
        return report
    finally:
        client.close()


def calendars(login: Login, progress: Progress, component: str) -> tuple[list[TaskList], str]:
    """The user's calendars on the server that take `component` (VTODO: task lists; VEVENT;
    VJOURNAL: journals), and in words why there are none ("" when there are, or the server can
    make one)."""
    client = WatchedClient(login, progress)
    try:
        found, others = client.calendars(client.calendar_home(), component)
    except DavError as error:  # the address books were found: say why and go on
        return [], str(error)
    finally:
        client.close()
    if found or not others:
        return found, ""
    where = f" where the server can (else {STAYS_LOCAL})" if component == "VJOURNAL" else ""
    names = ", ".join(others)
    return [], f"no {_WHAT[component]} among the calendars ({names}): NetDesk makes one{where}"


_WHAT = {"VTODO": "task list", "VEVENT": "calendar for events", "VJOURNAL": "journal"}


def preview(login: Login, clock: Clock, progress: Progress) -> SyncReport:
    """What a sync of the set-up account would change (a dry run: nothing is written, here or
    on the server, and the window hears of no change): the contacts, and the follow-ups, events
    and interactions where the account has a task list, a calendar and a journal ("now" read
    from `clock`)."""
    account = sync_accounts.account()
    if account is None:
        raise DavError("no sync account yet: set one up in Sync settings")
    client = WatchedClient(login, progress)
    try:
        return sync_everything(client, account, clock, dry_run=True, progress=_told(progress))
    finally:
        client.close()


def _told(progress: Progress) -> Callable[[str, int, int], None]:
    return lambda phase, done, total: progress(done, total, phase)


def find_password(url: str, user: str, _progress: Progress) -> str | None:
    """The password from the environment or the system keyring (which may take seconds)."""
    return sync_accounts.password(url, user)


def remember_password(url: str, user: str, secret: str, _progress: Progress) -> bool:
    """Keep the password in the system keyring; whether there is one to keep it in."""
    return sync_accounts.remember_password(url, user, secret)


def _default_book(client: CardDavClient) -> str:
    home = client.discover()
    books = client.address_books(home)
    return sync_accounts.default_book_href(client, home, books, CHOOSE_BOOK)
