"""Where the sync password comes from: the environment, else the keyring; never the database.
Which address book an account syncs with when none is chosen."""

from __future__ import annotations

import sys
import types

import pytest

from netdesk.core import sync_accounts
from netdesk.core.carddav import AddressBook


class FakeKeyring(types.ModuleType):
    def __init__(self, fail: bool = False) -> None:
        super().__init__("keyring")
        self.kept: dict[tuple[str, str], str] = {}
        self.fail = fail

    def get_password(self, service: str, name: str) -> str | None:
        if self.fail:
            raise RuntimeError("no backend")
        return self.kept.get((service, name))

    def set_password(self, service: str, name: str, secret: str) -> None:
        if self.fail:
            raise RuntimeError("no backend")
        self.kept[(service, name)] = secret


def test_the_environment_comes_first_then_the_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeKeyring()
    monkeypatch.setitem(sys.modules, "keyring", fake)
    monkeypatch.delenv("NETDESK_SYNC_PASSWORD", raising=False)
    assert sync_accounts.password("https://dav.example.org/", "ann") is None
    assert sync_accounts.remember_password("https://dav.example.org/", "ann", "s3cret")
    assert fake.kept == {("NetDesk sync", "ann@https://dav.example.org/"): "s3cret"}
    assert sync_accounts.password("https://dav.example.org/", "ann") == "s3cret"
    monkeypatch.setenv("NETDESK_SYNC_PASSWORD", "from-env")
    assert sync_accounts.password("https://dav.example.org/", "ann") == "from-env"


def test_no_usable_keyring_means_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "keyring", FakeKeyring(fail=True))
    monkeypatch.delenv("NETDESK_SYNC_PASSWORD", raising=False)
    assert sync_accounts.password("https://dav.example.org/", "ann") is None
    assert not sync_accounts.remember_password("https://dav.example.org/", "ann", "s3cret")


def test_an_account_set_up_again_keeps_its_state_and_another_starts_afresh(database) -> None:
    first = sync_accounts.set_up("https://a.example/", "ann", "/ann/book/")
    first.sync_token = "t1"
    first.save()
    again = sync_accounts.set_up("https://a.example/", "ann", "/ann/book/", ca_file="ca.pem")
    assert (again.id, again.sync_token, again.ca_file) == (first.id, "t1", "ca.pem")
    other = sync_accounts.set_up("https://b.example/", "ann", "/ann/book/")
    assert other.sync_token == "" and sync_accounts.account() == other


def test_with_no_address_book_chosen_netdesk_comes_first_then_the_only_one() -> None:
    family, work = AddressBook("/ann/family/", "Family"), AddressBook("/ann/work/", "Work")
    named, slug = AddressBook("/ann/x/", "NetDesk"), AddressBook("/ann/NetDesk/", "Contacts")
    assert sync_accounts.default_book([family, named, work], "ask") == named
    assert sync_accounts.default_book([family, slug], "ask") == slug
    assert sync_accounts.default_book([work], "ask") == work
    assert sync_accounts.default_book([], "ask") is None
    with pytest.raises(sync_accounts.BookUnclear) as refused:
        sync_accounts.default_book([family, work], "name one")
    assert str(refused.value) == (
        "the server has 2 address books and none is called NetDesk (Family, Work): name one"
    )
