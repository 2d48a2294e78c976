"""One way to stop work early: a `CancelToken` every worker honours, and one `Cancelled` base.

Every layer uses these: speech (recognising a file, rendering a question, downloading a model),
the application layer (an answer being recorded), and the GUI's workers. A token is a
`threading.Event` (so code that waits on an event, or takes one, takes a token as it is), plus
callbacks for work that sleeps on something else and must be woken when it is cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):  # noqa: N818 - it is an outcome, not an error
    """Work stopped because it was asked to; not a failure. Every "...Cancelled" derives from it."""


class CancelToken(threading.Event):
    """Set once by whoever wants the work to stop (any thread); read by the work between steps."""

    def __init__(self) -> None:
        super().__init__()
        self._callbacks: list[Callable[[], None]] = []
        self._callbacks_lock = threading.Lock()

    def cancel(self) -> None:
        """Asks the work to stop; runs the `on_cancel` callbacks once, on the calling thread."""
        with self._callbacks_lock:
            first = not self.is_set()
            super().set()
            callbacks, self._callbacks = self._callbacks, []
        if first:
            for callback in callbacks:
                callback()

    def set(self) -> None:  # the threading.Event name: code that takes an Event may set it
        self.cancel()

    @property
    def cancelled(self) -> bool:
        return self.is_set()

    def raise_if_cancelled(self) -> None:
        if self.is_set():
            raise Cancelled()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        """Calls `callback` when the token is cancelled (at once if it already is)."""
        with self._callbacks_lock:
            if not self.is_set():
                self._callbacks.append(callback)
                return
        callback()
