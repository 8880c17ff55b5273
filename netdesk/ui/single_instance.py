"""One running NetDesk per data folder: a second launch hands its arguments over and exits.

The first instance listens on a QLocalServer; a later one connects, sends one JSON line
(`{"files": [...], "show": true}`) and quits.

On Unix the later launch connects with Python's own socket to the server's socket file
(`QDir.tempPath()/name`, where QLocalServer puts it), and only when that file exists: loading
QtNetwork (or even `socket`) would hold back the window's first paint.
Windows (named pipes) uses QLocalSocket.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

_TIMEOUT_S = 1.0


def send_to_running(name: str, files: list[str]) -> bool:
    """Hand `files` to a running instance; False when none is listening."""
    path = QDir(QDir.tempPath()).filePath(name)
    if sys.platform != "win32" and not os.path.exists(path):
        return False
    import json

    payload = json.dumps({"files": files, "show": True}).encode() + b"\n"
    if sys.platform == "win32":
        return _send_over_qt(name, payload)
    return _send_over_unix_socket(path, payload)


def _send_over_unix_socket(path: str, payload: bytes) -> bool:
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(_TIMEOUT_S)
        try:
            connection.connect(path)
            connection.sendall(payload)
        except OSError:
            return False
    return True


def _send_over_qt(name: str, payload: bytes) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    local = QLocalSocket()
    local.connectToServer(name)
    if not local.waitForConnected(int(_TIMEOUT_S * 1000)):
        return False
    local.write(payload)
    local.flush()
    local.waitForBytesWritten(int(_TIMEOUT_S * 1000))
    local.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches and emits what they asked for."""

    files_received = Signal(list)
    show_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._server = QLocalServer(self)
        self._buffers: dict[QLocalSocket, bytearray] = {}
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        if not self._server.listen(name):
            QLocalServer.removeServer(name)
            self._server.listen(name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(self._drop)

    def _sender(self) -> QLocalSocket:
        """The connection whose signal is being handled."""
        from PySide6.QtNetwork import QLocalSocket

        socket = self.sender()
        assert isinstance(socket, QLocalSocket)
        return socket

    def _read(self) -> None:
        socket = self._sender()
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer.extend(bytes(socket.readAll().data()))
        if buffer.endswith(b"\n"):
            self._handle(bytes(buffer))
            buffer.clear()

    def _drop(self) -> None:
        socket = self._sender()
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _handle(self, payload: bytes) -> None:
        import json

        try:
            message = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return
        files = [str(f) for f in message.get("files", []) if isinstance(f, str)]
        if message.get("show", True):
            self.show_requested.emit()
        if files:
            self.files_received.emit(files)
