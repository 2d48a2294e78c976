"""Ctrl+C and SIGTERM close the app the normal way (save, cancel work, wait) instead of killing it.

Python runs signal handlers only when the interpreter gets control, which it does not while Qt
sits in its C++ event loop. `signal.set_wakeup_fd` writes a byte to a socket on every signal;
a QSocketNotifier on the other end wakes the loop, so the Python handler runs at once.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

HANDLED_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class SignalRelay(QObject):
    """While entered, SIGINT/SIGTERM call `on_signal(signum)` on the GUI thread."""

    def __init__(self, on_signal: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._previous_handlers: dict[int, Any] = {}
        self._previous_wakeup_fd = -1
        self._sockets: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None

    def __enter__(self) -> SignalRelay:
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        self._sockets = (reader, writer)
        self._previous_wakeup_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        self._notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        for signum in HANDLED_SIGNALS:
            self._previous_handlers[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for signum, handler in self._previous_handlers.items():
            signal.signal(signum, handler)
        self._previous_handlers.clear()
        signal.set_wakeup_fd(self._previous_wakeup_fd)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._sockets is not None:
            for end in self._sockets:
                end.close()
            self._sockets = None

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        # Not acted on inside the handler: it may interrupt any Python code, mid-slot included.
        QTimer.singleShot(0, lambda: self._on_signal(signum))

    def _drain(self) -> None:
        if self._sockets is None:
            return
        try:
            while self._sockets[0].recv(64):
                pass
        except (BlockingIOError, InterruptedError):
            pass
