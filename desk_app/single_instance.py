"""One program per desk computer and database: a second start hands over to the first.

The first program listens on a local socket (a named pipe on Windows) named after the
database file; a second start finds it, asks it to come to the front, and ends. The CLI
uses the same name to refuse a restore while the program has the database open.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
CONNECT_MS = 500


def server_name(database: Path) -> str:
    key = str(Path(database).resolve()).casefold().encode()
    return "DutyDesk-" + hashlib.sha256(key).hexdigest()[:20]


def _ensure_core_app() -> None:
    if QCoreApplication.instance() is None:
        QCoreApplication([])  # QLocalSocket needs one; the CLI has none


def _send(name: str, message: bytes | None) -> bool:
    _ensure_core_app()
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    if message:
        socket.write(message)
        socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return True


def is_running(database: Path) -> bool:
    """Whether a DutyDesk program has ``database`` open on this computer."""
    return _send(server_name(database), None)


class SingleInstance(QObject):
    """``claim()`` is True for the first program; the later ones get False after asking
    the first to come to the front (``activate_requested`` is emitted there)."""

    activate_requested = Signal()

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(database)
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        if _send(self.name, ACTIVATE):
            return False
        QLocalServer.removeServer(self.name)  # a socket file left by a crashed program (Unix)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            return True  # cannot listen (odd permissions): run anyway rather than not at all
        server.newConnection.connect(self._connection)
        self.server = server
        return True

    def _connection(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            # The second program writes at once and leaves: a short blocking read is enough
            # and keeps no Python closure attached to a socket Qt will delete.
            arrived = socket.bytesAvailable() > 0 or socket.waitForReadyRead(CONNECT_MS)
            if arrived and bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
                self.activate_requested.emit()
            socket.disconnectFromServer()
            socket.deleteLater()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
