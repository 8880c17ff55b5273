"""What goes wrong says so in words, and loses nothing: a wrong password, a certificate that is
not trusted, a server that fails, one that lacks sync-collection, one stopped mid-sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from netdesk.core import carddav
from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.store.models import SyncAccount, SyncCard
from tests.dav_servers import radicale, xandikos
from tests.sync.desks import Desk, address_book
from tests.sync.proxy import Proxy


@pytest.fixture
def radicale_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    server = radicale(tmp_path / "radicale")
    server.start()
    monkeypatch.setenv("NETDESK_SYNC_PASSWORD", server.password)
    yield server
    server.stop()


def _people(count: int) -> list[ContactDraft]:
    return [
        ContactDraft(
            given_name=f"Person{number}",
            family_name="Test",
            methods=[MethodDraft("email", f"p{number}@example.org")],
        )
        for number in range(count)
    ]


def test_a_wrong_password_says_so(radicale_server, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NETDESK_SYNC_PASSWORD", "wrong")
    status, _, err = Desk(tmp_path / "a", radicale_server).command()
    assert status == 1
    assert "refused user 'alice': wrong user name or password" in err


def test_an_untrusted_certificate_and_a_wrong_scheme_say_so(tmp_path: Path, monkeypatch) -> None:
    server = xandikos(tmp_path / "xandikos")
    server.start()
    try:
        monkeypatch.setenv("NETDESK_SYNC_PASSWORD", server.password)
        server.ca_file = ""
        status, _, err = Desk(tmp_path / "a", server).command()
        assert status == 1 and "certificate is not trusted" in err
        server.url = server.url.replace("https://", "http://")
        status, _, err = Desk(tmp_path / "b", server).command()
        assert status == 1 and "is not reachable" in err
    finally:
        server.stop()


def test_https_to_a_plain_server_says_there_is_no_secure_connection(
    radicale_server, tmp_path: Path
) -> None:
    radicale_server.url = radicale_server.url.replace("http://", "https://")
    status, _, err = Desk(tmp_path / "a", radicale_server).command()
    assert status == 1 and "no secure connection to 127.0.0.1" in err


def test_a_failing_server_says_so_and_loses_nothing(radicale_server, tmp_path: Path) -> None:
    failing = Proxy(radicale_server.port, lambda method, body: 500 if method == "REPORT" else None)
    try:
        radicale_server.url = failing.url
        desk = Desk(tmp_path / "a", radicale_server)
        with desk.open() as opened:
            for draft in _people(3):
                opened.contacts.create(draft)
        status, _, err = desk.command()
    finally:
        failing.close()
    assert status == 1
    assert "the server failed (500 Internal Server Error) on REPORT /alice/netdesk/" in err
    with desk.open() as opened:
        assert len(opened.names()) == 3
        assert SyncCard.select().count() == 0
        assert "500" in SyncAccount.get().last_error


def test_a_server_without_sync_collection_is_compared_by_etags(
    radicale_server, tmp_path: Path
) -> None:
    def no_sync(method: str, body: bytes) -> int | None:
        return 501 if method == "REPORT" and b"sync-collection" in body else None

    plain = Proxy(radicale_server.port, no_sync)
    try:
        radicale_server.url = plain.url
        a, b = Desk(tmp_path / "a", radicale_server), Desk(tmp_path / "b", radicale_server)
        with a.open() as opened:
            for draft in _people(3):
                opened.contacts.create(draft)
        assert a.sync()["sent_new"] == 3
        report = b.sync()
        assert report["received_new"] == 3
        assert report["notes"] == ["the server does not report changes: compared every ETag"]
        assert b.sync()["received_changed"] == 0  # the ctag did not change: nothing fetched
        with a.open() as opened:
            opened.edit("Person1 Test", title="Engineer")
        a.sync()
        assert b.sync()["received_changed"] == 1
    finally:
        plain.close()


def test_a_server_stopped_mid_sync_loses_nothing_and_the_next_sync_resumes(
    radicale_server, tmp_path: Path, monkeypatch
) -> None:
    a, b = Desk(tmp_path / "a", radicale_server), Desk(tmp_path / "b", radicale_server)
    with a.open() as opened:
        for draft in _people(30):
            opened.contacts.create(draft)
    put = carddav.CardDavClient.put
    calls = []

    def cut_after_ten(self, href, text, etag):
        calls.append(href)
        if len(calls) == 10:
            radicale_server.stop()
        return put(self, href, text, etag)

    monkeypatch.setattr(carddav.CardDavClient, "put", cut_after_ten)
    status, _, err = a.command()
    assert status == 1 and "is not reachable" in err and "the next sync goes on" in err
    monkeypatch.setattr(carddav.CardDavClient, "put", put)
    radicale_server.start()
    a.set_up = True
    assert a.sync()["sent_new"] == 21
    assert b.sync()["received_new"] == 30
    with b.open() as opened:
        assert len(set(opened.names())) == 30


def test_a_server_stopped_while_cards_arrive_keeps_those_received_and_resumes(
    radicale_server, tmp_path: Path, monkeypatch
) -> None:
    a, b = Desk(tmp_path / "a", radicale_server), Desk(tmp_path / "b", radicale_server)
    with a.open() as opened:
        for draft in _people(150):
            opened.contacts.create(draft)
    a.sync()
    multiget = carddav.CardDavClient.multiget

    def cut_after_a_batch(self, book, hrefs):
        for number, card in enumerate(multiget(self, book, hrefs)):
            if number == carddav.MULTIGET_BATCH - 1:  # before the next batch is asked for
                radicale_server.stop()
            yield card

    monkeypatch.setattr(carddav.CardDavClient, "multiget", cut_after_a_batch)
    status, _, err = b.command()
    assert status == 1 and "is not reachable" in err
    with b.open() as opened:
        assert len(opened.names()) == carddav.MULTIGET_BATCH
    monkeypatch.setattr(carddav.CardDavClient, "multiget", multiget)
    radicale_server.start()
    b.set_up = True
    assert b.sync()["received_new"] == 50
    with b.open() as opened:
        assert len(set(opened.names())) == 150


def test_a_server_without_calendars_says_follow_ups_cannot_sync_there(
    radicale_server, tmp_path: Path
) -> None:
    def no_caldav(method: str, body: bytes) -> int | None:
        return 404 if method == "PROPFIND" and b"calendar-home-set" in body else None

    cardonly = Proxy(radicale_server.port, no_caldav)
    try:
        radicale_server.url = cardonly.url
        desk = Desk(tmp_path / "a", radicale_server)
        status, _, err = desk.command("--task-list", "Follow-ups")
    finally:
        cardonly.close()
    assert status == 1
    assert "the server keeps no calendars for this user (no CalDAV calendar home)" in err


def test_a_restarted_https_server_is_asked_again_on_a_fresh_connection(tmp_path: Path) -> None:
    """Over TLS a restarted server ends the kept-open connection with an SSL EOF, not a reset:
    the client opens a new one and sends the (conditional) request again."""
    server = xandikos(tmp_path / "xandikos")
    server.start()
    client = carddav.CardDavClient(server.url, server.user, server.password, ca_file=server.ca_file)
    try:
        book = client.address_books(client.discover())[0].href
        card = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{0}\r\nFN:{0}\r\nN:{0};;;;\r\nEND:VCARD\r\n"
        client.put(f"{book}one.vcf", card.format("one"), None)
        first = client.sync_collection(book, "")
        server.stop()
        server.start()
        client.put(f"{book}two.vcf", card.format("two"), None)
        later = client.sync_collection(book, first.token)
    finally:
        client.close()
        server.stop()
    assert [href.rsplit("/", 1)[-1] for href, _ in later.changed] == ["two.vcf"]


def test_several_address_books_and_none_called_netdesk_ask_which(
    radicale_server, tmp_path: Path
) -> None:
    client = carddav.CardDavClient(radicale_server.url, radicale_server.user, "correct horse")
    home = client.discover()
    for name in ("Family", "Work"):
        client.create_address_book(home, name.lower(), name)
    desk = Desk(tmp_path / "a", radicale_server)
    status, _, err = desk.command()
    assert status == 1
    assert err == (
        "netdesk sync: the server has 2 address books and none is called NetDesk (Family, "
        "Work): name the one to sync with --address-book NAME\n"
    )
    assert desk.sync("--address-book", "Work")["sent_new"] == 0
    assert address_book(desk) == "/alice/work/"
    client.create_address_book(home, "netdesk", "NetDesk")
    client.close()
    other = Desk(tmp_path / "b", radicale_server)
    other.sync()
    assert address_book(other) == "/alice/netdesk/"
