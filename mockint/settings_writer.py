"""Writes the settings file on a thread of its own, so the window never waits for the disk.

The window changes a setting in memory at once (pages read it back straight away) and hands the
writer a snapshot of the whole file. Writing it means an fsync of the file and of its folder,
which a busy disk can hold for hundreds of milliseconds, so it happens here instead:

- one write at a time, in the order the snapshots were made (one thread, started when there is
  something to write and ended when there is nothing left);
- a burst of changes (a spin box held down, ticks in a row) is coalesced: a snapshot not yet
  started is replaced by the newer one, since the last snapshot holds every change before it;
- `flush` waits until every snapshot handed over so far is on disk (or failed): the app calls it
  when it closes, so a normal close loses nothing. The thread is not a daemon, so even an exit
  that skips `flush` lets the write in progress finish.

A write that fails (a full disk, a read-only folder) goes to `on_failed` on the writer's thread;
the caller passes it on to whoever tells the user. The values in memory are kept either way.
Plain Python (no Qt): the command line keeps writing synchronously and never starts one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class SettingsWriter:
    """Writes the latest of the snapshots `submit` was given with `write`, off the caller's thread."""

    def __init__(self, write: Callable[[str], None], on_failed: Callable[[OSError], None]) -> None:
        self._write = write
        self._on_failed = on_failed
        self._changed = threading.Condition()
        self._pending: str | None = None  # the newest snapshot not yet started
        self._submitted = 0  # snapshots handed over so far
        self._done = 0  # the number of the last snapshot written (or failed)
        self._thread: threading.Thread | None = None

    def submit(self, text: str) -> None:
        """Queues `text` as the file's next content; returns at once."""
        with self._changed:
            self._pending = text
            self._submitted += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="settings-writer", daemon=False)
                self._thread.start()

    def flush(self, timeout_s: float | None = None) -> bool:
        """Waits until everything submitted so far is written; False if `timeout_s` ran out first."""
        with self._changed:
            return self._changed.wait_for(lambda: self._done >= self._submitted, timeout_s)

    @property
    def idle(self) -> bool:
        with self._changed:
            return self._done >= self._submitted

    def _run(self) -> None:
        while True:
            with self._changed:
                if self._pending is None:
                    self._thread = None
                    return
                text, number, self._pending = self._pending, self._submitted, None
            try:
                self._write(text)
            except OSError as error:
                self._report(error)
            except Exception:  # noqa: BLE001 - a bug must not stop later writes or hang flush()
                log.exception("the settings could not be written")
            with self._changed:
                self._done = number
                self._changed.notify_all()

    def _report(self, error: OSError) -> None:
        try:
            self._on_failed(error)
        except Exception:  # noqa: BLE001 - telling the user failed; the log still has it
            log.exception("could not report a failed settings write: %s", error)
