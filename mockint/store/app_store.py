"""The Store: MockInt's saved practice, opened once per process and passed to whoever needs it."""

from __future__ import annotations

from pathlib import Path

from mockint.core.session import SessionDetail
from mockint.paths import AppPaths, make_private_dir, make_private_folders
from mockint.store.answers_repo import AnswersRepo
from mockint.store.database import open_database
from mockint.store.debriefs_repo import DebriefsRepo
from mockint.store.errors import from_os_error
from mockint.store.feedback_repo import FeedbackRepo
from mockint.store.orphans_repo import OrphansRepo
from mockint.store.recordings import Recordings
from mockint.store.sessions_repo import SessionsRepo


class Store(SessionsRepo, AnswersRepo, FeedbackRepo, DebriefsRepo, OrphansRepo):
    """Sessions, answers, feedback and recordings. Safe to share between threads.

    `notice` is a message for the user about opening: a damaged database set aside (and the app
    adds recordings it recovered).
    """

    notice: str | None = None

    @classmethod
    def open(cls, paths: AppPaths) -> Store:
        # Private folders first (and, once, older ones made private), so no file lands readable.
        try:
            make_private_folders(paths)
        except OSError as error:
            raise from_os_error(error, Path(error.filename or paths.data_dir), "create the folder") from error
        try:
            make_private_dir(paths.recordings_dir)
        except OSError as error:
            raise from_os_error(error, paths.recordings_dir, "create the folder") from error
        opened = open_database(paths.database)
        store = cls(opened.connection, paths.database, Recordings(paths.recordings_dir))
        store.notice = opened.notice
        return store

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def session_detail(self, session_id: int) -> SessionDetail:
        """The session with its answers, ratings and flags: what a review or an export shows."""
        with self._lock:
            return SessionDetail(
                session=self.get_session(session_id),
                answers=tuple(self.answers_for_session(session_id)),
                ratings=self.ratings_for_session(session_id),
                flags=tuple(self.flags_for_session(session_id)),
            )

    def delete_all_data(self) -> None:
        """Forgets everything: every row and every recording (finished or not).

        Recordings go first, so a failure leaves the list intact for a retry. The WAL is then
        folded in and truncated so no deleted answer lingers in it (secure_delete zeroes the rest).
        """
        with self._lock:
            self.recordings.delete_everything()
            with self._writing() as db:
                for table in ("flags", "ratings", "debriefs", "stories", "answers", "sessions"):
                    db.execute(f"DELETE FROM {table}")
            with self._reading() as db:
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
