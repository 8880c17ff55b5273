"""A Secret Service (org.freedesktop.secrets) on a private bus, for the bundled keyring to talk to.

It answers the calls keyring's SecretService backend makes through SecretStorage: the default
collection (unlocked), OpenSession with the `dh-ietf1024-sha256-aes128-cbc-pkcs7` algorithm (so
the secret crosses the bus encrypted with the bundled cryptography's AES) or `plain`,
SearchItems, CreateItem, Unlock and GetSecret; and keeps the secrets in memory.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from jeepney import HeaderFields, Message, MessageType, message_bus, new_error, new_method_return
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from secretstorage.dhcrypto import Session

SERVICE = "/org/freedesktop/secrets"
COLLECTION = "/org/freedesktop/secrets/aliases/default"
DH = "dh-ietf1024-sha256-aes128-cbc-pkcs7"
UNKNOWN_OBJECT = "org.freedesktop.DBus.Error.UnknownObject"


@dataclass
class Item:
    label: str
    attributes: dict[str, str]
    secret: bytes


@dataclass
class SecretService:
    """Serves org.freedesktop.secrets on the bus at `address` from a daemon thread (it ends when
    the bus goes away)."""

    address: str
    items: dict[str, Item] = field(default_factory=dict)
    algorithms: list[str] = field(default_factory=list)
    """Each session's algorithm, in the order they were opened."""
    _sessions: dict[str, Session | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        connection = open_dbus_connection(bus=self.address)
        connection.send_and_get_reply(message_bus.RequestName("org.freedesktop.secrets"))
        threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def secrets(self) -> list[bytes]:
        return [item.secret for item in self.items.values()]

    def _serve(self, connection: DBusConnection) -> None:
        while True:
            try:
                message = connection.receive()
            except (OSError, EOFError):  # the bus went away
                return
            if message.header.message_type == MessageType.method_call:
                connection.send(self._answer(message))

    def _answer(self, call: Message) -> Message:
        path = call.header.fields[HeaderFields.path]
        member = call.header.fields[HeaderFields.member]
        if member == "Get" and (path == COLLECTION or path in self.items):
            name = call.body[1]
            label = self.items[path].label if path in self.items else "Default"
            value = {"Label": ("s", label), "Locked": ("b", False)}[name]
            return new_method_return(call, "v", (value,))
        if path == SERVICE and member == "OpenSession":
            return self._open_session(call)
        if path == SERVICE and member == "Unlock":
            return new_method_return(call, "aoo", (call.body[0], "/"))
        if path == COLLECTION and member == "SearchItems":
            wanted = call.body[0].items()
            found = [p for p, item in self.items.items() if wanted <= item.attributes.items()]
            return new_method_return(call, "ao", (found,))
        if path == COLLECTION and member == "CreateItem":
            return self._create_item(call)
        if path in self.items and member == "GetSecret":
            return new_method_return(call, "(oayays)", (self._sealed(call.body[0], path),))
        return new_error(call, UNKNOWN_OBJECT, "s", (f"{path} {member}",))

    def _open_session(self, call: Message) -> Message:
        algorithm, (_, client_key) = call.body
        path = f"{SERVICE}/session/{len(self._sessions)}"
        self.algorithms.append(algorithm)
        if algorithm == "plain":
            self._sessions[path] = None
            return new_method_return(call, "vo", (("s", ""), path))
        session = Session()  # Diffie-Hellman is symmetric: SecretStorage's own half serves
        session.set_server_public_key(int.from_bytes(client_key, "big"))
        self._sessions[path] = session
        public_key = session.my_public_key.to_bytes(128, "big")
        return new_method_return(call, "vo", (("ay", public_key), path))

    def _create_item(self, call: Message) -> Message:
        properties, (session_path, iv, value, _), replace = call.body
        attributes = properties["org.freedesktop.Secret.Item.Attributes"][1]
        label = properties["org.freedesktop.Secret.Item.Label"][1]
        same = [p for p, item in self.items.items() if item.attributes == attributes]
        path = same[0] if same and replace else f"{SERVICE}/collection/default/{len(self.items)}"
        self.items[path] = Item(label, attributes, self._opened(session_path, iv, value))
        return new_method_return(call, "oo", (path, "/"))

    def _opened(self, session_path: str, iv: bytes, value: bytes) -> bytes:
        session = self._sessions[session_path]
        if session is None:
            return value
        decryptor = Cipher(algorithms.AES(session.aes_key), modes.CBC(iv)).decryptor()
        unpadder = padding.PKCS7(128).unpadder()
        padded = decryptor.update(value) + decryptor.finalize()
        return unpadder.update(padded) + unpadder.finalize()

    def _sealed(self, session_path: str, item_path: str) -> tuple[str, bytes, bytes, str]:
        session, secret = self._sessions[session_path], self.items[item_path].secret
        if session is None:
            return (session_path, b"", secret, "text/plain")
        iv = os.urandom(16)
        padder = padding.PKCS7(128).padder()
        encryptor = Cipher(algorithms.AES(session.aes_key), modes.CBC(iv)).encryptor()
        padded = padder.update(secret) + padder.finalize()
        return (session_path, iv, encryptor.update(padded) + encryptor.finalize(), "text/plain")
