"""Sync accounts and their passwords.

The account (server, user, address book, where the last sync left off) is a `sync_account` row;
the password is never stored by NetDesk: it comes from the environment variable
NETDESK_SYNC_PASSWORD or from the system keyring (the `keyring` package: Secret Service,
Keychain, Windows Credential Locker). Without a keyring the caller asks for it each session.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from netdesk.core.carddav import AddressBook, DavError
from netdesk.store.models import (
    SyncAccount,
    SyncCard,
    SyncConflict,
    SyncEvent,
    SyncItemConflict,
    SyncJournal,
    SyncTask,
    db,
    utcnow,
)

if TYPE_CHECKING:
    from netdesk.core.carddav import CardDavClient

PASSWORD_VARIABLE = "NETDESK_SYNC_PASSWORD"
KEYRING_SERVICE = "NetDesk sync"
BOOK_NAME = "NetDesk"
"""The address book NetDesk syncs with when none is chosen (made when the server has none)."""


class BookUnclear(DavError):
    """No address book was chosen and the server has several, none called NetDesk."""


def default_book(books: list[AddressBook], ask: str) -> AddressBook | None:
    """The address book to sync when none is chosen: the one called NetDesk (by name or the
    last part of its URL), else the only one; None when there is none (make one). Several and
    none called NetDesk: BookUnclear naming them, then `ask` (how to choose one): taking the
    first could fill an unrelated address book."""
    wanted = BOOK_NAME.casefold()
    for book in books:
        if wanted in (book.name.casefold(), book.href.rstrip("/").rsplit("/", 1)[-1].casefold()):
            return book
    if len(books) > 1:
        names = ", ".join(sorted((book.name for book in books), key=str.casefold))
        raise BookUnclear(
            f"the server has {len(books)} address books and none is called {BOOK_NAME} "
            f"({names}): {ask}"
        )
    return books[0] if books else None


def default_book_href(client: CardDavClient, home: str, books: list[AddressBook], ask: str) -> str:
    """The path of `default_book` among `books` (those in `home`), made when there is none."""
    found = default_book(books, ask)
    return found.href if found else client.create_address_book(home, "netdesk", BOOK_NAME)


def account() -> SyncAccount | None:
    """The sync account (NetDesk syncs with one for now), None before one is set up."""
    found: SyncAccount | None = SyncAccount.select().order_by(SyncAccount.id).first()
    return found


def set_up(url: str, user: str, address_book: str, ca_file: str = "") -> SyncAccount:
    """Make this the account, replacing another one (whose sync state goes with it: the next
    sync with a new server starts as a first sync). The same server and user keep their state."""
    with db.atomic():
        current = account()
        if current is not None and (current.url, current.user, current.address_book) == (
            url,
            user,
            address_book,
        ):
            current.ca_file = ca_file
            current.save()
            return current
        SyncConflict.delete().execute()
        SyncItemConflict.delete().execute()
        SyncCard.delete().execute()
        SyncTask.delete().execute()
        SyncEvent.delete().execute()
        SyncJournal.delete().execute()
        SyncAccount.delete().execute()
        return SyncAccount.create(url=url, user=user, address_book=address_book, ca_file=ca_file)


def set_task_list(chosen: SyncAccount, task_list: str) -> None:
    """Sync the follow-ups with `task_list` ("" for none); another list than before starts
    afresh (the follow-ups are sent to it as new tasks)."""
    _set_collection(chosen, SyncTask, ("task_list", "task_token", "task_ctag"), task_list)


def set_calendar(chosen: SyncAccount, calendar: str) -> None:
    """Sync the events with `calendar` ("" for none); another calendar than before starts
    afresh (the events are sent to it as new VEVENTs)."""
    _set_collection(chosen, SyncEvent, ("calendar", "calendar_token", "calendar_ctag"), calendar)


def set_journal(chosen: SyncAccount, journal: str) -> None:
    """Sync the interactions with `journal` ("" for none); another journal than before starts
    afresh (the interactions are sent to it as new VJOURNALs)."""
    _set_collection(chosen, SyncJournal, ("journal", "journal_token", "journal_ctag"), journal)


def _set_collection(chosen: SyncAccount, rows: Any, names: tuple[str, str, str], href: str) -> None:
    """Set the account's collection (`names`: its attribute, token's and ctag's) to `href`, its
    token and ctag cleared and its synced `rows` forgotten, when it changes."""
    collection, token, ctag = names
    if getattr(chosen, collection) == href:
        return
    with db.atomic():
        rows.delete().where(rows.account == chosen.id).execute()
        setattr(chosen, collection, href)
        setattr(chosen, token, "")
        setattr(chosen, ctag, "")
        chosen.save()


def record_result(chosen: SyncAccount, error: str = "") -> None:
    """Note the end of a sync: its time when it succeeded, else the error in words."""
    if not error:
        chosen.last_sync_at = utcnow()
    chosen.last_error = error
    chosen.save()


def keyring_name(url: str, user: str) -> str:
    """The name a password is kept under in the keyring: the user at the server."""
    return f"{user}@{url}"


def password(url: str, user: str) -> str | None:
    """The password: NETDESK_SYNC_PASSWORD, else the keyring's, else None."""
    given = os.environ.get(PASSWORD_VARIABLE)
    if given:
        return given
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, keyring_name(url, user))
    except Exception:  # no keyring backend, a locked or unreachable one: ask instead
        return None


def remember_password(url: str, user: str, secret: str) -> bool:
    """Keep the password in the system keyring; False when there is none to keep it in."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, keyring_name(url, user), secret)
    except Exception:  # no usable keyring: the caller asks again next session
        return False
    return True
