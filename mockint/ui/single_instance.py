"""One MockInt window per data folder: a second start brings the running window to the front.

The first start holds the data folder's instance lock (mockint.app.instance_lock) and listens
on a local socket named after the folder (QLocalServer; a socket file only this user may use).
A later start finds the lock taken, asks the running one over that socket to show its window,
and exits without opening the store: it never touches the first one's recordings.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

SHOW_REQUEST = b"show\n"
SHOWN_REPLY = b"shown\n"
BROUGHT_TO_FRONT_MESSAGE = "another start asked for the window: brought to the front"
# The first start takes the lock a moment before it listens; a second start right then retries.
CONNECT_ATTEMPTS = 10
CONNECT_TIMEOUT_MS = 500
RETRY_PAUSE_S = 0.3
REPLY_TIMEOUT_MS = 3000


def server_name(data_dir: Path) -> str:
    """The same for every start over the same folder by the same user; different otherwise."""
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = hashlib.sha256(f"{user}\0{Path(data_dir).resolve()}".encode()).hexdigest()[:20]
    return f"mockint-{digest}"


class InstanceServer(QObject):
    """Answers later starts of MockInt over the same data folder."""

    show_requested = Signal()  # another start asked for the window (no payload)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(data_dir)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Starts listening; False (logged) when the socket cannot be made: MockInt still works,
        a second start then only says it is already running."""
        # The caller holds the instance lock, so a socket left under this name is a dead one's.
        QLocalServer.removeServer(self._name)
        if self._server.listen(self._name):
            return True
        log.warning("cannot listen for other starts on %s: %s", self._name, self._server.errorString())
        return False

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.setParent(self)
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(connection.deleteLater)

    def _read(self, connection: QLocalSocket) -> None:
        if not connection.canReadLine():
            return
        request = bytes(connection.readLine().data())
        if request == SHOW_REQUEST:
            self.show_requested.emit()
            connection.write(SHOWN_REPLY)
            connection.flush()
        connection.disconnectFromServer()


def bring_to_front(window: QWidget) -> None:
    """Shows the window over the others, restored if it was minimised."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    log.info(BROUGHT_TO_FRONT_MESSAGE)


def ask_running_instance_to_show(data_dir: Path) -> bool:
    """From a second start: asks the running MockInt to show its window; True once it said so.

    This blocks for at most a few seconds, and only in a start that has no window of its own and
    is about to exit, so no window ever waits on it.
    """
    name = server_name(data_dir)
    for _attempt in range(CONNECT_ATTEMPTS):
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(CONNECT_TIMEOUT_MS):
            break
        socket.abort()
        time.sleep(RETRY_PAUSE_S)  # "not found" comes back at once; give the first start a moment
    else:
        return False
    socket.write(SHOW_REQUEST)
    if not socket.waitForBytesWritten(REPLY_TIMEOUT_MS):
        return False
    while not socket.canReadLine():
        if not socket.waitForReadyRead(REPLY_TIMEOUT_MS):
            return False
    answered = bytes(socket.readLine().data()) == SHOWN_REPLY
    socket.disconnectFromServer()
    return answered
