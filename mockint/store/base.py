"""What every repository shares: the connection, its lock, and error translation."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mockint.store.errors import from_sqlite
from mockint.store.recordings import Recordings


class RepositoryBase:
    """Holds one connection, shared by threads one at a time (the UI writes from workers)."""

    def __init__(self, connection: sqlite3.Connection, database_path: Path, recordings: Recordings) -> None:
        self._connection = connection
        self._lock = threading.RLock()
        self.database_path = database_path
        self.recordings = recordings

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
