"""The sync bench's seeding (bench/_dav_seed.py): cards written into Xandikos's store in one
commit are what the server then serves, as if they had been PUT."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench._dav_seed import book_folder, seed
from bench.sync import _estimate_s
from netdesk.core.carddav import CardDavClient, PreconditionFailed
from tests.dav_servers import xandikos

CARD = "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:{uid}\r\nFN:{name}\r\nEND:VCARD\r\n"


def test_seeded_cards_are_served_as_if_put(tmp_path: Path) -> None:
    server = xandikos(tmp_path / "xandikos")
    server.start()  # makes its address book
    server.stop()
    book = "/alice/contacts/addressbook/"
    cards = [(f"u{n}.vcf", CARD.format(uid=f"u{n}", name=f"Ann {n}")) for n in range(3)]
    assert seed(book_folder(server.folder, book), cards) == 3
    server.start()
    client = CardDavClient(server.url, server.user, server.password, ca_file=server.ca_file)
    try:
        assert client.discover() + "addressbook/" == book
        changes = client.sync_collection(book, "")
        hrefs = sorted(href for href, _ in changes.changed)
        assert hrefs == [f"{book}u{n}.vcf" for n in range(3)]
        texts = {card.href: card.text for card in client.multiget(book, hrefs)}
        assert texts[f"{book}u1.vcf"] == cards[1][1].replace("\r\n", "\n")  # as XML reads it
        with pytest.raises(PreconditionFailed):
            client.put(f"{book}u1.vcf", CARD.format(uid="u1", name="Ann again"), None)
    finally:
        client.close()
        server.stop()


def test_upload_estimate_adds_each_puts_cost_linearly_between_sizes() -> None:
    # 1,000 PUTs from 10 to 30 ms (20 s), then 1,000 from 30 to 50 ms (40 s)
    assert _estimate_s({0: 10.0, 1000: 30.0, 2000: 50.0}) == pytest.approx(60.0)
