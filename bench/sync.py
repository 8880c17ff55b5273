"""Contact sync through a Xandikos server at 10,000 contacts (issue 21).

Two NetDesk data folders, A (10,000 generated contacts; NETDESK_BENCH_SYNC_CONTACTS sets
another number, which the figures' names then carry) and B (empty), each `netdesk sync` run in
this process:
- `sync_first_10k_s`: A's first sync, every contact uploaded;
- `sync_first_receive_10k_s`: B's first sync, every card fetched and stored;
- `sync_noop_s`: A's sync with nothing changed on either side (goal <= 0.5 s);
- `sync_one_change_s`: one contact edited on A, A's sync then B's, until B has it (goal <= 2 s).
The floors, in the same run: `sync_floor_put_10k_s`, the same 10,000 cards PUT by the client
straight into another address book (no database, no rendering: what the server itself costs),
and `sync_floor_request_s`, one PROPFIND of the address book (the least any sync can ask).
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import time
from pathlib import Path

CONTACTS = int(os.environ.get("NETDESK_BENCH_SYNC_CONTACTS", "10000"))
"""10,000 unless the environment says (Xandikos takes ~25-90 ms a PUT: a 10,000 run is long)."""


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


def _floors(server: object, folder: Path) -> tuple[float, float]:
    """(seconds of 10,000 raw PUTs into a new address book, seconds of one PROPFIND)."""
    from netdesk.core.carddav import CardDavClient
    from netdesk.core.changes import Changes
    from netdesk.core.contacts import ContactService
    from netdesk.formats.vcard_sync import render_card
    from netdesk.store.db import close_database, open_database
    from tests.dav_servers import DavServer

    assert isinstance(server, DavServer)
    open_database(folder / "netdesk.db")
    try:
        drafts = ContactService(Changes()).load_many(range(1, CONTACTS + 1))
    finally:
        close_database()
    cards = [(f"card{number}", render_card(draft)) for number, draft in enumerate(drafts.values())]
    client = CardDavClient(server.url, server.user, server.password, ca_file=server.ca_file)
    try:
        home = client.discover()
        book = client.create_address_book(home, "floor", "Floor")
        start = time.perf_counter()
        for name, text in cards:
            client.put(f"{book}{name}.vcf", text, None)
        put_s = time.perf_counter() - start
        start = time.perf_counter()
        client.state(book)
        request_s = time.perf_counter() - start
    finally:
        client.close()
    return put_s, request_s


def _say(name: str, value: str) -> None:
    """Print a figure as soon as it is measured (a 10,000 run takes an hour or more: what was
    measured is there even when the run is stopped)."""
    print(f"{name}: {value}", flush=True)


def main() -> None:
    from bench.generate import generate_contacts
    from tests.dav_servers import xandikos

    size = f"{CONTACTS // 1000}k" if CONTACTS % 1000 == 0 else str(CONTACTS)
    _say("sync_contacts", str(CONTACTS))
    with tempfile.TemporaryDirectory(prefix="netdesk-bench-sync-") as tmp:
        root = Path(tmp)
        server = xandikos(root / "xandikos")
        server.start()
        os.environ["NETDESK_SYNC_PASSWORD"] = server.password
        try:
            a, b = root / "a", root / "b"
            generate_contacts(a / "netdesk.db", CONTACTS)
            account = ["--server", server.url, "--user", server.user, "--ca-file", server.ca_file]
            first_s = _sync(a, *account)
            _say(f"sync_first_{size}_s", f"{first_s:.2f}")
            _sync(a)  # hears of its own uploads once
            noop_s = _sync(a)
            _say("sync_noop_s", f"{noop_s:.3f}")
            receive_s = _sync(b, *account)
            _say(f"sync_first_receive_{size}_s", f"{receive_s:.2f}")
            _sync(b)
            _edit_one(a)
            one_change_s = _sync(a) + _sync(b)
            _say("sync_one_change_s", f"{one_change_s:.3f}")
            put_floor_s, request_floor_s = _floors(server, a)
        finally:
            server.stop()
    _say(f"sync_floor_put_{size}_s", f"{put_floor_s:.2f}")
    _say("sync_floor_request_s", f"{request_floor_s:.4f}")
    _say(f"sync_first_{size}_ratio", f"{first_s / put_floor_s:.2f}")
    _say("sync_noop_ratio", f"{noop_s / request_floor_s:.1f}")
    _say("sync_one_change_ratio", f"{one_change_s / request_floor_s:.1f}")


if __name__ == "__main__":
    main()
