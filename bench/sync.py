"""Contact sync through a Xandikos server at 10,000 contacts (issue 21).

Two NetDesk data folders, A (10,000 generated contacts; NETDESK_BENCH_SYNC_CONTACTS sets
another number, which the figures' names then carry) and B (empty), each `netdesk sync` run in
this process.

Xandikos commits every PUT to git, rewriting the address book's whole tree and index, so a PUT
costs more the more cards the book holds (`sync_put_ms_at_*`) and 10,000 PUTs take an hour or
more (estimated 1.4-2.8 hours on 2 shared cores). So by default the server's address book is seeded
with A's cards directly (`bench/_dav_seed.py`: each contact given the UID a first sync would
give it, its card rendered as the sync renders it, under the name the sync would PUT it at, all
committed to the store's git in one commit while the server is stopped): the server then holds
what A's first upload would have left there. Then:
- `sync_first_link_10k_s`: A's first sync against that server: every card received and linked
  to its contact by UID (nothing to send);
- `sync_first_receive_10k_s`: B's first sync, every card fetched and stored as a new contact;
- `sync_noop_s`: A's sync with nothing changed on either side (goal <= 0.5 s);
- `sync_one_change_s`: one contact edited on A, A's sync then B's, until B has it (goal <= 2 s).
These last two time what the user waits for with 10,000 cards on the server and in both
databases, whichever way the cards got there.
- `sync_put_ms_at_N`: one PUT of a new card (the client straight, no NetDesk) into address
  books seeded with 0, 1,000, 2,000, 5,000 and 10,000 cards, on a Xandikos of their own (the
  mean of 20, after one that has the server read the book): what the server itself costs.
  `sync_floor_put_10k_estimate_s` adds these up (linearly between the sizes) for 10,000 cards;
  `sync_one_change_put_ratio` is `sync_one_change_s` over one PUT at 10,000 (the one write the
  change needs, which the server alone makes that slow).

NETDESK_BENCH_SYNC_UPLOAD=1 (what `make bench` sets unless `make bench SYNC_UPLOAD=0`) measures the
upload itself instead of seeding (75 minutes at 10,000 here, under load):
`sync_first_10k_s`, A's first sync sending every card, and `sync_first_10k_ratio`, that over
`sync_floor_put_10k_estimate_s` (the raw PUTs, measured above in the same run: the same cards PUT
by the client straight into another book would take as many hours again). The floor of every run:
`sync_floor_request_s`, one PROPFIND of the address book (the least any sync can ask).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netdesk.core.carddav import CardDavClient
    from tests.dav_servers import DavServer

CONTACTS = int(os.environ.get("NETDESK_BENCH_SYNC_CONTACTS", "10000"))
"""10,000 unless the environment says."""
UPLOAD = os.environ.get("NETDESK_BENCH_SYNC_UPLOAD") == "1"
"""Measure the first upload itself (long) instead of seeding the server."""
PUT_SIZES = (0, 1000, 2000, 5000, 10000)
PUTS = 20
"""PUTs timed at each size (after one that makes the server read the book after its start)."""


def _size(count: int) -> str:
    return f"{count // 1000}k" if count % 1000 == 0 and count else str(count)


def _sync(folder: Path, *args: str) -> float:
    """Seconds of `netdesk --data-dir FOLDER sync ARGS` (exit status 0 expected)."""
    from netdesk.__main__ import main

    out = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out):
        status = main(["--data-dir", str(folder), "sync", *args])
    took = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"netdesk sync exited {status}")
    return took


def _edit_one(folder: Path) -> None:
    from dataclasses import replace

    from netdesk.core.changes import Changes
    from netdesk.core.contacts import ContactService
    from netdesk.store.db import close_database, open_database

    open_database(folder / "netdesk.db")
    try:
        service = ContactService(Changes())
        draft = service.load(1)
        service.update(1, replace(draft, title="Chief Benchmark Officer"))
    finally:
        close_database()


def _cards(folder: Path) -> list[tuple[str, str]]:
    """(file name, card) of every contact of A, as a first sync would PUT them; the contacts
    without a UID are given one first, as that sync does."""
    from netdesk.core.changes import Changes
    from netdesk.core.contacts import ContactService
    from netdesk.core.sync_collection import resource_name
    from netdesk.formats.vcard_sync import render_card
    from netdesk.store.db import close_database, open_database
    from netdesk.store.models import Contact, new_uid

    open_database(folder / "netdesk.db")
    try:
        for contact in Contact.select(Contact.id).where(Contact.vcard_uid == ""):
            Contact.update(vcard_uid=new_uid()).where(Contact.id == contact.id).execute()
        drafts = ContactService(Changes()).load_many(range(1, CONTACTS + 1))
    finally:
        close_database()
    return [(f"{resource_name(d.uid)}.vcf", render_card(d)) for d in drafts.values()]


def _client(server: DavServer) -> CardDavClient:
    from netdesk.core.carddav import CardDavClient

    return CardDavClient(server.url, server.user, server.password, ca_file=server.ca_file)


def _timed_puts(client: CardDavClient, book: str, cards: list[tuple[str, str]]) -> float:
    """Seconds of PUTting `cards` (new ones) into `book`, one after the other."""
    start = time.perf_counter()
    for name, text in cards:
        client.put(f"{book}{name}", text, None)
    return time.perf_counter() - start


def _put_growth(folder: Path, cards: list[tuple[str, str]]) -> dict[int, float]:
    """Milliseconds of one PUT into an address book of each size of PUT_SIZES (up to the
    contacts' number), each book seeded with the first cards of `cards`, on a server of its
    own kept in `folder` (its books are not the sync's)."""
    from bench._dav_seed import book_folder, seed
    from tests.dav_servers import xandikos

    server = xandikos(folder)
    server.start()
    sizes = sorted({size for size in PUT_SIZES if size <= CONTACTS} | {CONTACTS})
    client = _client(server)
    home = client.discover()
    books = {size: client.create_address_book(home, f"put{size}", str(size)) for size in sizes}
    client.close()
    server.stop()
    for size, book in books.items():
        seed(book_folder(server.folder, book), cards[:size])
    server.start()
    extra = [
        (f"extra{number}.vcf", text.replace("UID:", f"UID:extra{number}-", 1))
        for number, (_, text) in enumerate(cards[: PUTS + 1])
    ]
    client = _client(server)
    try:
        ms = {}
        for size, book in books.items():
            _timed_puts(client, book, extra[:1])
            ms[size] = _timed_puts(client, book, extra[1:]) / PUTS * 1000
    finally:
        client.close()
        server.stop()
    return ms


def _estimate_s(ms: dict[int, float]) -> float:
    """Seconds of PUTting CONTACTS cards one by one into an empty book, each PUT costing what
    `ms` says at the book's size then (linearly between the sizes measured)."""
    sizes = sorted(ms)
    total = 0.0
    for low, high in itertools.pairwise(sizes):
        total += (high - low) * (ms[low] + ms[high]) / 2 / 1000
    return total


def _say(name: str, value: str) -> None:
    """Print a figure as soon as it is measured (what was measured is there even when a long
    run is stopped)."""
    print(f"{name}: {value}", flush=True)


def _request_floor(server: DavServer) -> float:
    """Seconds of one PROPFIND of the address book."""
    client = _client(server)
    try:
        book = client.discover() + "addressbook/"
        start = time.perf_counter()
        client.state(book)
        return time.perf_counter() - start
    finally:
        client.close()


def main() -> None:
    from bench._dav_seed import book_folder, seed
    from bench.generate import generate_contacts
    from tests.dav_servers import xandikos

    size = _size(CONTACTS)
    _say("sync_contacts", str(CONTACTS))
    with tempfile.TemporaryDirectory(prefix="netdesk-bench-sync-") as tmp:
        root = Path(tmp)
        server = xandikos(root / "xandikos")
        server.start()
        os.environ["NETDESK_SYNC_PASSWORD"] = server.password
        try:
            a, b = root / "a", root / "b"
            generate_contacts(a / "netdesk.db", CONTACTS)
            cards = _cards(a)
            account = ["--server", server.url, "--user", server.user, "--ca-file", server.ca_file]
            ms = _put_growth(root / "xandikos-puts", cards)
            for count, each in ms.items():
                _say(f"sync_put_ms_at_{_size(count)}", f"{each:.1f}")
            _say(f"sync_floor_put_{size}_estimate_s", f"{_estimate_s(ms):.0f}")
            if UPLOAD:
                first_s = _sync(a, *account)
                _say(f"sync_first_{size}_s", f"{first_s:.2f}")
                _say(f"sync_first_{size}_ratio", f"{first_s / _estimate_s(ms):.2f}")
            else:
                server.stop()
                seed(book_folder(server.folder, "/alice/contacts/addressbook/"), cards)
                server.start()
                link_s = _sync(a, *account)
                _say(f"sync_first_link_{size}_s", f"{link_s:.2f}")
            _sync(a)  # hears of its own uploads once
            noop_s = _sync(a)
            _say("sync_noop_s", f"{noop_s:.3f}")
            receive_s = _sync(b, *account)
            _say(f"sync_first_receive_{size}_s", f"{receive_s:.2f}")
            _sync(b)
            _edit_one(a)
            one_change_s = _sync(a) + _sync(b)
            _say("sync_one_change_s", f"{one_change_s:.3f}")
            request_floor_s = _request_floor(server)
        finally:
            server.stop()
    _say("sync_floor_request_s", f"{request_floor_s:.4f}")
    _say("sync_noop_ratio", f"{noop_s / request_floor_s:.1f}")
    _say("sync_one_change_ratio", f"{one_change_s / request_floor_s:.1f}")
    _say("sync_one_change_put_ratio", f"{one_change_s / (ms[CONTACTS] / 1000):.2f}")


if __name__ == "__main__":
    main()
