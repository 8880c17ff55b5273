"""One running NetDesk per data folder: a second launch hands its arguments over and exits.

The first instance listens on a QLocalServer; a later one connects, sends one JSON line
(`{"files": [...], "show": true}`) and quits.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_TIMEOUT_MS = 1000


def send_to_running(name: str, files: list[str]) -> bool:
    """Hand `files` to a running instance; False when none is listening."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(_TIMEOUT_MS):
        return False
    payload = json.dumps({"files": files, "show": True}).encode() + b"\n"
    socket.write(payload)
    socket.flush()
    socket.waitForBytesWritten(_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches and emits what they asked for."""

    files_received = Signal(list)
    show_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._buffers: dict[QLocalSocket, bytearray] = {}
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        if not self._server.listen(name):
            QLocalServer.removeServer(name)
            self._server.listen(name)

    def is_listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(self._drop)

    def _read(self) -> None:
        socket = self.sender()
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer.extend(bytes(socket.readAll()))
        if buffer.endswith(b"\n"):
            self._handle(bytes(buffer))
            buffer.clear()

    def _drop(self) -> None:
        socket = self.sender()
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _handle(self, payload: bytes) -> None:
        try:
            message = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return
        files = [str(f) for f in message.get("files", []) if isinstance(f, str)]
        if message.get("show", True):
            self.show_requested.emit()
        if files:
            self.files_received.emit(files)
