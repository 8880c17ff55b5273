"""vCard 3.0 where the server takes only 3.0: Radicale says so (supported-address-data), so cards
go to it as 3.0 and come back with every field; a server that says nothing but refuses a 4.0
card (a proxy in front of Radicale) gets it again as 3.0."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from netdesk.formats.draft import ContactDraft, MethodDraft
from netdesk.formats.vcard_reader import YEARLESS
from netdesk.store.models import SyncCard
from tests.dav_servers import DavServer
from tests.sync.desks import Desk, address_book, plain_request
from tests.sync.proxy import Proxy

_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def _ana() -> ContactDraft:
    return ContactDraft(
        given_name="Ana",
        family_name="Lima",
        organisation="Acme",
        title="CTO",
        birthday=date(YEARLESS, 3, 11),
        photo=_PNG,
        circle="mentor",
        cadence_days=30,
        notes="Met at PyCon;\nlikes jazz",
        tags=["friends", "work"],
        methods=[
            MethodDraft("email", "ana@example.org", "work", preferred=True),
            MethodDraft("phone", "+49 30 1234567", "mobile"),
        ],
    )


def _cards(desk: Desk) -> list[str]:
    with desk.open():
        hrefs = [row.href for row in SyncCard.select()]
    return [plain_request(desk.server, "GET", href)[1] for href in hrefs]


def _through(a: Desk, b: Desk) -> tuple[ContactDraft, ContactDraft]:
    with a.open() as opened:
        opened.contacts.create(_ana())
    assert a.sync()["sent_new"] == 1
    assert b.sync()["received_new"] == 1
    with a.open() as opened:
        _, sent = opened.by_name("Ana Lima")
    with b.open() as opened:
        _, received = opened.by_name("Ana Lima")
    return sent, received


def _fields(draft: ContactDraft) -> tuple[object, ...]:
    methods = [(m.kind, m.value, m.preferred) for m in draft.methods]
    return (
        draft.full_name(),
        draft.organisation,
        draft.title,
        draft.birthday,
        draft.photo,
        draft.circle,
        draft.cadence_days,
        draft.notes,
        sorted(draft.tags),
        methods,
    )


@pytest.fixture
def env_password(monkeypatch: pytest.MonkeyPatch, radicale_server: DavServer) -> None:
    monkeypatch.setenv("NETDESK_SYNC_PASSWORD", radicale_server.password)


def test_cards_go_to_radicale_as_3_0_and_come_back_whole(
    radicale_server, env_password, tmp_path: Path
) -> None:
    a, b = Desk(tmp_path / "a", radicale_server), Desk(tmp_path / "b", radicale_server)
    sent, received = _through(a, b)
    (card,) = _cards(a)
    assert "VERSION:3.0" in card and "VERSION:4.0" not in card
    assert _fields(received) == _fields(sent)


def test_a_server_refusing_4_0_gets_3_0(radicale_server, env_password, tmp_path: Path) -> None:
    refused: list[bytes] = []

    def only_3_0(method: str, body: bytes) -> int | tuple[int, bytes] | None:
        if method == "PROPFIND" and b"supported-address-data" in body:
            return 207, b'<?xml version="1.0"?><multistatus xmlns="DAV:"/>'  # says nothing
        if method == "PUT" and b"VERSION:4.0" in body:
            refused.append(body)
            return 415
        return None

    proxy = Proxy(radicale_server.port, only_3_0)
    try:
        radicale_server.url = proxy.url
        a, b = Desk(tmp_path / "a", radicale_server), Desk(tmp_path / "b", radicale_server)
        sent, received = _through(a, b)
    finally:
        proxy.close()
    assert len(refused) == 1  # refused as 4.0 once, then sent as 3.0
    assert _fields(received) == _fields(sent)
    assert address_book(a) == address_book(b)
