"""What every repository shares: the connection, its lock, and error translation."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from mockint.store.errors import ROW_DAMAGE_ERRORS, DamagedRowError, from_sqlite
from mockint.store.recordings import Recordings

log = logging.getLogger(__name__)


T = TypeVar("T")


class RepositoryBase:
    """Holds one connection, shared by threads one at a time (the UI writes from workers).

    Rows are read defensively: a row whose cells cannot be decoded (a database damaged by hand,
    by a tool or a disk) is skipped in lists, with a warning naming it kept in `skipped_rows`
    for the caller to show; read on its own, it is a DamagedRowError. A caller that shows what
    it read itself collects the warnings of its own reads instead (`warnings_collected`).
    """

    def __init__(self, connection: sqlite3.Connection, database_path: Path, recordings: Recordings) -> None:
        self._connection = connection
        self._lock = threading.RLock()
        self.database_path = database_path
        self.recordings = recordings
        # Warnings for the user, oldest first, for the command line's take_warnings(); the app's
        # pages collect the warnings of their own reads instead (warnings_collected).
        self.skipped_rows: list[str] = []
        # Its own lock, never held while the disk is used: taking warnings is instant.
        self._warnings_lock = threading.Lock()
        self._collectors = threading.local()  # per thread: the lists of open warnings_collected() blocks

    def take_warnings(self) -> list[str]:
        """The warnings about damaged rows skipped since the last call (each once); instant."""
        with self._warnings_lock:
            taken, self.skipped_rows = self.skipped_rows, []
        return taken

    @contextmanager
    def warnings_collected(self) -> Iterator[list[str]]:
        """The warnings about rows this thread skips inside the block, for the caller alone.

        They are not left for take_warnings(): a page that reads in a worker shows what its own
        reads skipped, and a page loading at the same time on another thread keeps its own.
        """
        collected: list[str] = []
        stack = self._open_collections()
        stack.append(collected)
        try:
            yield collected
        finally:
            stack.pop()

    def _open_collections(self) -> list[list[str]]:
        """This thread's open warnings_collected() lists, innermost last."""
        stack: list[list[str]] | None = getattr(self._collectors, "stack", None)
        if stack is None:
            stack = self._collectors.stack = []
        return stack

    def _decoded(self, rows: Iterable[sqlite3.Row], decode: Callable[[sqlite3.Row], T], kind: str) -> list[T]:
        """Each row decoded; a damaged one is left out with a warning naming it."""
        decoded: list[T] = []
        for row in rows:
            try:
                decoded.append(decode(row))
            except ROW_DAMAGE_ERRORS as error:
                warning = f"{_name(kind, row)} was skipped: it is damaged in the database ({_reason(error)})"
                log.info("%s", warning)  # the caller shows it (a CLI warning, a message in the app)
                collecting = self._open_collections()
                if collecting:  # read for a caller that shows its own warnings
                    collecting[-1].append(warning)
                    continue
                with self._warnings_lock:
                    # Each once: in the app nothing takes this list (its pages collect their own),
                    # so reads that do not collect must not grow it on every reload.
                    if warning not in self.skipped_rows:
                        self.skipped_rows.append(warning)
        return decoded

    def _decoded_one(self, row: sqlite3.Row, decode: Callable[[sqlite3.Row], T], kind: str) -> T:
        try:
            return decode(row)
        except ROW_DAMAGE_ERRORS as error:
            raise DamagedRowError(_name(kind, row), _reason(error)) from error

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._translated():
            yield self._connection

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of the block's writes land, or none do."""
        with self._lock, self._translated():
            connection = self._connection
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                # SQLite rolls back by itself on some failures (a full disk); only roll back what is open.
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            translated = from_sqlite(error, self.database_path)
            if translated is None:
                raise
            raise translated from error


def _name(kind: str, row: sqlite3.Row) -> str:
    try:
        return f"{kind} {int(row['id'])}"
    except (IndexError, KeyError, TypeError, ValueError):
        return f"a {kind}"


def _reason(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."
