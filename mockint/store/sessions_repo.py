"""Practice sessions: creating, listing with headline figures, trends, and deleting with their audio."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime

from mockint.core.session import LENGTH_OK, PracticeMode, Session, SessionOverview, SessionSummary, TrendPoint
from mockint.store.base import RepositoryBase
from mockint.store.codec import decode_time, encode_time, now_utc, session_from_row
from mockint.store.errors import UnknownSessionError

# The same figures as SessionSummary.of, computed by SQLite over the answers' headline columns
# (AVG skips NULLs; the share counts only answers that have a length verdict). A session's
# figures are those of the interview the user ran: its first attempts, not the retries since.
_FIRST_ATTEMPTS = "a.session_id = s.id AND a.attempt_of IS NULL"
_FIGURES = f"""
    COUNT(a.id) AS answer_count,
    AVG(a.fillers_per_min) AS mean_fillers_per_min,
    AVG(a.wpm) AS mean_wpm,
    SUM(a.length_verdict = '{LENGTH_OK}') * 1.0 / COUNT(a.length_verdict) AS within_target_share
"""


class SessionsRepo(RepositoryBase):
    def create_session(
        self,
        mode: PracticeMode | str,
        *,
        deck_ids: Iterable[str] = (),
        title: str = "",
        note: str = "",
        started_at: datetime | None = None,
    ) -> Session:
        mode = PracticeMode(mode)
        started = encode_time(started_at or now_utc())
        decks = json.dumps(list(deck_ids), ensure_ascii=False)
        with self._writing() as db:
            cursor = db.execute(
                "INSERT INTO sessions (mode, started_at, deck_ids, title, note) VALUES (?, ?, ?, ?, ?)",
                (mode.value, started, decks, title, note),
            )
            session_id = int(cursor.lastrowid or 0)
        return self.get_session(session_id)

    def end_session(self, session_id: int, ended_at: datetime | None = None) -> Session:
        with self._writing() as db:
            cursor = db.execute(
                "UPDATE sessions SET ended_at = ? WHERE id = ?", (encode_time(ended_at or now_utc()), session_id)
            )
            if cursor.rowcount == 0:
                raise UnknownSessionError(session_id)
        return self.get_session(session_id)

    def update_session(self, session_id: int, *, title: str | None = None, note: str | None = None) -> Session:
        with self._writing() as db:
            cursor = db.execute(
                "UPDATE sessions SET title = COALESCE(?, title), note = COALESCE(?, note) WHERE id = ?",
                (title, note, session_id),
            )
            if cursor.rowcount == 0:
                raise UnknownSessionError(session_id)
        return self.get_session(session_id)

    def get_session(self, session_id: int) -> Session:
        with self._reading() as db:
            row = db.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise UnknownSessionError(session_id)
        return self._decoded_one(row, session_from_row, "session")

    def latest_session_id(self) -> int | None:
        with self._reading() as db:
            row = db.execute("SELECT id FROM sessions ORDER BY started_at DESC, id DESC LIMIT 1").fetchone()
        return None if row is None else row["id"]

    def list_sessions(self, limit: int | None = None) -> list[SessionOverview]:
        """Newest first, each with its headline figures."""
        with self._reading() as db:
            rows = db.execute(
                f"""SELECT s.*, {_FIGURES} FROM sessions s LEFT JOIN answers a ON {_FIRST_ATTEMPTS}
                    GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC LIMIT ?""",
                (-1 if limit is None else limit,),
            ).fetchall()
        return self._decoded(rows, _overview, "session")

    def trends(self) -> list[TrendPoint]:
        """One point per session that has answers, oldest first: what progress charts plot."""
        with self._reading() as db:
            rows = db.execute(
                f"""SELECT s.id, s.started_at, {_FIGURES} FROM sessions s JOIN answers a ON {_FIRST_ATTEMPTS}
                    GROUP BY s.id ORDER BY s.started_at, s.id"""
            ).fetchall()
        return self._decoded(rows, _trend_point, "session")

    def delete_session(self, session_id: int) -> None:
        """Deletes the session, its answers, ratings, flags, and their recordings (finished or not).

        Recordings go first: if one cannot be deleted, nothing else is, and the user can retry.
        Retries of its questions in other sessions stay linked to each other.
        """
        with self._lock:
            self.get_session(session_id)
            with self._reading() as db:
                answers = db.execute(
                    "SELECT id, audio_path FROM answers WHERE session_id = ?", (session_id,)
                ).fetchall()
            for answer in answers:
                self.recordings.delete_files(self.recordings.files_of(answer["id"], answer["audio_path"]))
            with self._writing() as db:
                reroot_attempts(db, [a["id"] for a in answers])
                db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))


def reroot_attempts(db: sqlite3.Connection, doomed_ids: list[int]) -> None:
    """Before answers are deleted: their surviving retries get the earliest survivor as new root.

    Without this, ON DELETE SET NULL would cut every survivor loose from the others.
    """
    doomed = set(doomed_ids)
    for root in doomed_ids:
        survivors = [
            row["id"]
            for row in db.execute("SELECT id FROM answers WHERE attempt_of = ? ORDER BY id", (root,))
            if row["id"] not in doomed
        ]
        if not survivors:
            continue
        new_root, *others = survivors
        db.execute("UPDATE answers SET attempt_of = NULL WHERE id = ?", (new_root,))
        db.executemany("UPDATE answers SET attempt_of = ? WHERE id = ?", [(new_root, other) for other in others])


def _overview(row: sqlite3.Row) -> SessionOverview:
    return SessionOverview(session_from_row(row), _summary(row))


def _trend_point(row: sqlite3.Row) -> TrendPoint:
    started = decode_time(row["started_at"])
    if started is None:
        raise ValueError("it has no start time")
    return TrendPoint(row["id"], started, row["mean_fillers_per_min"], row["mean_wpm"], row["within_target_share"])


def _summary(row: sqlite3.Row) -> SessionSummary:
    return SessionSummary(row["answer_count"], row["mean_fillers_per_min"], row["mean_wpm"], row["within_target_share"])
