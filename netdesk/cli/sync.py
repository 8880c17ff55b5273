"""`netdesk sync [--dry-run] [--json]`: two-way sync of the contacts with a CardDAV server, of
the follow-ups with a CalDAV task list, of the events with a CalDAV calendar and of the
interactions with a CalDAV journal when the account has them.

`netdesk sync --server URL --user NAME` sets the account up first (discovery through
/.well-known/carddav and the principal; the address book named by --address-book, else the
one called NetDesk, else the only one, else a new "NetDesk" one; several and none called
NetDesk: it asks for --address-book). `--task-list NAME` syncs the follow-ups too, with the
task list of that name (made when there is none); `--no-task-list` stops that. `--calendar
NAME` and `--no-calendar` do the same for the events, `--journal NAME` and `--no-journal` for the
interactions (where the server keeps journal entries, VJOURNAL: else they stay on this computer,
and the report's notes say why). The password
is never an argument: it comes from NETDESK_SYNC_PASSWORD, else the system keyring, else a
prompt on a terminal (then kept in the keyring when there is one).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from netdesk.core.clock import Clock
from netdesk.paths import Paths

if TYPE_CHECKING:
    from netdesk.core.caldav_client import CalDavClient
    from netdesk.core.sync_collection import Counts
    from netdesk.core.sync_contacts import SyncReport
    from netdesk.store.models import SyncAccount


CALENDAR_OPTIONS = (
    ("task-list", "follow-ups", "task list", ""),
    ("calendar", "events", "calendar", ""),
    (
        "journal",
        "interactions",
        "journal",
        "; where the server keeps no journal entries (VJOURNAL), they stay on this computer",
    ),
)
"""--OPTION NAME / --no-OPTION for each CalDAV collection: the option, what syncs there, the
collection's kind and what more the help says."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--server", metavar="URL", help="set up the account: the server's URL")
    parser.add_argument("--user", metavar="NAME", help="the user name on the server")
    parser.add_argument(
        "--address-book",
        metavar="NAME",
        default="",
        help="the address book to sync (its name or the last part of its URL; default: the one "
        "called NetDesk, else the only one, else a new one called NetDesk)",
    )
    for option, items, collection, note in CALENDAR_OPTIONS:
        choice = parser.add_mutually_exclusive_group()
        choice.add_argument(
            f"--{option}",
            metavar="NAME",
            default="",
            help=f"sync the {items} with this CalDAV {collection} (its name or the last part of "
            f"its URL; made when the server has none of that name{note})",
        )
        choice.add_argument(f"--no-{option}", action="store_true", help=f"stop syncing the {items}")
    parser.add_argument(
        "--ca-file",
        metavar="FILE",
        default="",
        help="trust this certificate (or its authority) for a server with its own",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="list what would change and change nothing (with --server, no account is set up)",
    )
    parser.add_argument(
        "--conflicts",
        action="store_true",
        help="list the fields changed on both sides (NetDesk's value kept, the server's saved) "
        "and do not sync",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def run(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    if bool(args.server) != bool(args.user):
        print("netdesk sync: --server and --user go together", file=sys.stderr)
        return 2
    from netdesk.cli._store import open_or_report

    if not open_or_report(paths, "sync", clock=clock):
        return 1
    if args.conflicts:
        return _print_conflicts(as_json=args.json)
    from netdesk.core import sync_accounts
    from netdesk.core.caldav_client import CalDavClient
    from netdesk.core.carddav import DavError

    account = sync_accounts.account()
    url, user = (args.server, args.user) if args.server else (None, None)
    if url is None:
        if account is None:
            print(
                "netdesk sync: no sync account yet: set one up with "
                "netdesk sync --server URL --user NAME",
                file=sys.stderr,
            )
            return 1
        url, user = account.url, account.user
    assert user is not None
    secret = _password(url, user)
    if secret is None:
        print(
            f"netdesk sync: no password for {user} at {url}: set "
            f"{sync_accounts.PASSWORD_VARIABLE} or keep it in the system keyring",
            file=sys.stderr,
        )
        return 1
    ca_file = args.ca_file or (account.ca_file if account is not None and not args.server else "")
    client = CalDavClient(url, user, secret, ca_file=ca_file)
    try:
        with _undone_if(args.dry_run):  # a dry run sets no account up either
            if args.server:
                book = _address_book(client, args.address_book)
                account = sync_accounts.set_up(url, user, book, ca_file)
            assert account is not None
            if args.task_list or args.no_task_list:
                chosen = _calendar(client, args.task_list, "VTODO") if args.task_list else ""
                sync_accounts.set_task_list(account, chosen)
            if args.calendar or args.no_calendar:
                chosen = _calendar(client, args.calendar, "VEVENT") if args.calendar else ""
                sync_accounts.set_calendar(account, chosen)
            stays_local = _choose_journal(client, account, args) if args.journal else ""
            if args.no_journal:
                sync_accounts.set_journal(account, "")
            report = _sync(client, account, clock, dry_run=args.dry_run)
            report.notes += [stays_local] if stays_local else []
    except DavError as error:
        if account is not None and not args.dry_run:
            sync_accounts.record_result(account, str(error))
        print(f"netdesk sync: {error}", file=sys.stderr)
        return 1
    finally:
        client.close()
    if not args.dry_run:
        sync_accounts.record_result(account)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(summary(report, account.address_book))
    return 0


@contextlib.contextmanager
def _undone_if(dry_run: bool) -> Iterator[None]:
    """What the block writes to the database, undone at its end when `dry_run`."""
    if not dry_run:
        yield
        return
    from netdesk.store.models import db

    with db.atomic() as transaction:
        yield
        transaction.rollback()


def _print_conflicts(*, as_json: bool) -> int:
    from netdesk.core.sync_conflicts import CONTACT, open_conflicts

    found = open_conflicts()
    if as_json:
        rows = [
            {
                **(
                    {"contact_id": c.item_id, "contact": c.name}
                    if c.kind == CONTACT
                    else {"kind": c.kind, "item_id": c.item_id, "item": c.name}
                ),
                "field": c.field,
                "netdesk": c.local,
                "server": c.remote,
                "found_at": c.found_at.isoformat(),
            }
            for c in found
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif not found:
        print("No conflicts.")
    for c in found if not as_json else []:
        print(f"{c.name}: {c.field}: kept {_shown(c.local)}, the server had {_shown(c.remote)}")
    return 0


def _shown(value: object) -> str:
    if isinstance(value, dict) and "base64" in value:
        return "another photo"
    return json.dumps(value, ensure_ascii=False)


def _password(url: str, user: str) -> str | None:
    from netdesk.core import sync_accounts

    secret = sync_accounts.password(url, user)
    if secret is None and sys.stdin.isatty():
        secret = getpass.getpass(f"Password for {user} at {url}: ") or None
        if secret is not None:
            sync_accounts.remember_password(url, user, secret)
    return secret


def _calendar(client: CalDavClient, wanted: str, component: str) -> str:
    """The calendar called `wanted` (by name or the last part of its URL) that takes
    `component` (VTODO: a task list; VEVENT), made when the server has none of that name."""
    from netdesk.core.caldav_client import NoTaskLists

    home = client.calendar_home()
    found, others = client.calendars(home, component)
    for item in found:
        if wanted in (item.name, item.href.rstrip("/").rsplit("/", 1)[-1]):
            return item.href
    if wanted in others:
        names = ", ".join(item.name for item in found) or "none"
        what, takes = _KINDS[component]
        raise NoTaskLists(
            f"the calendar {wanted!r} takes {what} ({component}): choose {takes} "
            f"(there are: {names}) or a new name"
        )
    return client.create_calendar(home, slug(wanted), wanted, component)


def _choose_journal(client: CalDavClient, account: SyncAccount, args: argparse.Namespace) -> str:
    """Make the journal named by --journal the account's; "" when done, else in words why
    the interactions stay on this computer (the server keeps no journal entries there)."""
    from netdesk.core import sync_accounts
    from netdesk.core.caldav_client import NoTaskLists
    from netdesk.core.sync_journal import STAYS_LOCAL

    try:
        chosen = _calendar(client, args.journal, "VJOURNAL")
    except NoTaskLists as error:
        sync_accounts.set_journal(account, "")
        return f"{STAYS_LOCAL}: {error}"
    sync_accounts.set_journal(account, chosen)
    return ""


def slug(name: str) -> str:
    """A collection's last URL part for a name: letters, digits and dashes."""
    cleaned = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
    return cleaned or "tasks"


def _address_book(client: CalDavClient, wanted: str) -> str:
    """The address book to sync: the one named, else the one called NetDesk, else the only
    one, else a new one called NetDesk; several and none called so: an error asking which."""
    from netdesk.core.carddav import DavError
    from netdesk.core.sync_accounts import default_book_href

    home = client.discover()
    books = client.address_books(home)
    if wanted:
        for book in books:
            if wanted in (book.name, book.href.rstrip("/").rsplit("/", 1)[-1]):
                return book.href
        names = ", ".join(book.name for book in books) or "none"
        raise DavError(f"no address book {wanted!r} on the server (there are: {names})")
    return default_book_href(client, home, books, "name the one to sync with --address-book NAME")


def _sync(client: CalDavClient, account: SyncAccount, clock: Clock, *, dry_run: bool) -> SyncReport:
    from netdesk.core.sync_all import sync_everything

    return sync_everything(client, account, clock, dry_run=dry_run)


def summary(report: SyncReport, book: str) -> str:
    """The report in words."""
    head = "Would sync" if report.dry_run else "Synced"
    lines = [
        f"{head} with {book}:",
        f"  received: {report.received_new} new, {report.received_linked} matched to contacts "
        f"you had, {report.received_changed} changed, {report.received_removed} moved to the "
        "Trash",
        f"  sent: {report.sent_new} new, {report.sent_changed} changed, {report.sent_removed} "
        "deleted",
    ]
    if report.conflicts:
        lines.append(
            f"  {report.conflicts} field(s) changed on both sides: NetDesk's value kept, the "
            "server's saved for you to choose"
        )
    if report.unreadable:
        lines.append(f"  {report.unreadable} card(s) on the server could not be read (left alone)")
    lines += [f"  note: {note}" for note in report.notes]
    lines += [f"  {_LISTED[kind]}: {name}" for kind, name in report.listed]
    if report.tasks is not None:
        lines += collection_summary(report.tasks, "follow-ups", "task(s)")
    if report.events is not None:
        lines += collection_summary(report.events, "events", "event(s)")
    if report.interactions is not None:
        lines += collection_summary(report.interactions, "interactions", "journal entries")
    return "\n".join(lines)


def collection_summary(report: Counts, what: str, items: str) -> list[str]:
    """The follow-ups', the events' or the interactions' part of the report in words, with
    each change a dry run lists."""
    done = getattr(report, "received_done", None)
    ticked = f" ({done} ticked done)" if done is not None else ""
    gone = "dismissed" if what == "follow-ups" else "deleted"
    lines = [
        f"  {what} received: {report.received_new} new, {report.received_changed} changed"
        f"{ticked}, {report.received_removed} {gone} (deleted elsewhere)",
        f"  {what} sent: {report.sent_new} new, {report.sent_changed} changed, "
        f"{report.sent_removed} deleted",
    ]
    left_alone = getattr(report, "left_alone", 0)
    if left_alone:
        why = "repeating" if what == "events" else "about nobody NetDesk knows"
        lines.append(f"  {left_alone} {items} {why} left alone")
    if report.unreadable:
        lines.append(f"  {report.unreadable} {items} could not be read (left alone)")
    lines += [f"  note: {note}" for note in report.notes]
    words = {**_LISTED, "received_removed": f"deleted on the server, {gone} here"}
    one = what.removesuffix("s")  # "follow-up", "event", "interaction"
    return lines + [f"  {one} {words[kind]}: {name}" for kind, name in report.listed]


_KINDS = {
    "VTODO": ("events only, not tasks", "a task list"),
    "VEVENT": ("no events", "a calendar"),
    "VJOURNAL": ("no journal entries", "a journal"),
}
"""What a calendar that does not take a component lacks, and what to choose instead."""


_LISTED = {
    "received_new": "new from the server",
    "received_linked": "matched to a contact you had",
    "received_changed": "changed on the server",
    "received_removed": "deleted on the server, to the Trash",
    "sent_new": "to send as new",
    "sent_changed": "to send as changed",
    "sent_removed": "to delete on the server",
    "conflicts": "changed on both sides",
}
"""A dry run's listed change (a SyncReport count's name) in words."""
