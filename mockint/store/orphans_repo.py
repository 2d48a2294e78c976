"""Recordings that lost their link to an answer, found and attached again at start-up.

A recording is saved before its answer row learns where it is; a full disk (or a crash) in
between leaves `answer-<id>.wav` complete on disk and its answer without an audio path or a
report. A database set aside as damaged leaves recordings whose answers are gone altogether.
Neither may be lost: the first is attached to its answer, the second to a new answer in a
"Recovered recordings" session, and the caller tells the user and analyses them.

Ids matter too: after a fresh database starts, its new answers would be numbered 1, 2, ... and
recorded over the old `answer-1.wav`. So answer ids are first moved past every recording's.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import wave
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mockint.core.session import PracticeMode
from mockint.store.base import RepositoryBase
from mockint.store.codec import encode_time, now_utc
from mockint.store.errors import from_os_error

log = logging.getLogger(__name__)

RECOVERED_SESSION_TITLE = "Recovered recordings"
RECOVERED_QUESTION = "A recording found without its answer ({name})"


@dataclass(frozen=True)
class AttachedRecording:
    answer_id: int
    path: Path
    duration_s: float
    new_answer: bool  # True when its answer was gone and a new one holds it


class OrphansRepo(RepositoryBase):
    def attach_orphaned_recordings(self) -> list[AttachedRecording]:
        """Attaches every finished recording no answer points at; returns them, oldest id first.

        Call once at start-up, before anything records, and only while holding the data
        folder's instance lock (mockint.app.instance_lock): a live MockInt's recordings are its own.
        A file that cannot be read as a WAV is left where it is and logged.
        """
        with self._lock:
            self._reserve_ids_past_recordings()
            with self._reading() as db:
                rows = {row["id"]: row["audio_path"] for row in db.execute("SELECT id, audio_path FROM answers")}
            linked = {stored for audio in rows.values() if audio and (stored := self.recordings.resolve(audio))}
            attached: list[AttachedRecording] = []
            for answer_id, path in self.recordings.finished_files().items():
                if path.resolve() in linked:
                    continue
                duration = _duration_s(path)
                if duration is None:
                    continue
                if answer_id in rows:
                    stored = rows[answer_id]
                    target = self.recordings.resolve(stored) if stored else None
                    if target is not None and target.exists():
                        continue  # its answer has another recording (a renamed duplicate); leave both
                    self._link(answer_id, path, duration)
                    attached.append(AttachedRecording(answer_id, path, duration, new_answer=False))
                else:
                    attached.append(self._adopt(path, duration))
            return attached

    def _reserve_ids_past_recordings(self) -> None:
        highest = self.recordings.highest_file_id()
        if highest == 0:
            return
        with self._writing() as db:
            updated = db.execute(
                "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'answers'", (highest,)
            ).rowcount
            if not updated:
                db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('answers', ?)", (highest,))

    def _link(self, answer_id: int, path: Path, duration: float) -> None:
        with self._writing() as db:
            db.execute(
                "UPDATE answers SET audio_path = ?, duration_s = COALESCE(duration_s, ?) WHERE id = ?",
                (self.recordings.relative(path), duration, answer_id),
            )

    def _adopt(self, path: Path, duration: float) -> AttachedRecording:
        """A new answer for a recording whose answer is gone, under the new answer's name."""
        recorded_at = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        with self._writing() as db:
            session_id = self._recovered_session(db, recorded_at)
            answer_id = int(
                db.execute(
                    "INSERT INTO answers (session_id, question_text, started_at, duration_s, created_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (
                        session_id,
                        RECOVERED_QUESTION.format(name=path.name),
                        encode_time(recorded_at),
                        duration,
                        encode_time(now_utc()),
                    ),
                ).lastrowid
                or 0
            )
        # The row first, then the name: a crash between them leaves a file this same pass
        # attaches to its (new) answer at the next start.
        final = self.recordings.path_for(answer_id)
        try:
            if final.exists():
                raise FileExistsError(final)  # cannot happen: ids were moved past every file
            os.rename(path, final)
        except OSError as error:
            raise from_os_error(error, path, "rename the recovered recording") from error
        self._link(answer_id, final, duration)
        return AttachedRecording(answer_id, final, duration, new_answer=True)

    def _recovered_session(self, db: sqlite3.Connection, recorded_at: datetime) -> int:
        row = db.execute(
            "SELECT id FROM sessions WHERE title = ? ORDER BY id DESC LIMIT 1", (RECOVERED_SESSION_TITLE,)
        ).fetchone()
        if row is not None:
            return int(row["id"])
        cursor = db.execute(
            "INSERT INTO sessions (mode, started_at, ended_at, title) VALUES (?, ?, ?, ?)",
            (PracticeMode.SOLO.value, encode_time(recorded_at), encode_time(recorded_at), RECOVERED_SESSION_TITLE),
        )
        return int(cursor.lastrowid or 0)


def _duration_s(path: Path) -> float | None:
    try:
        with wave.open(str(path), "rb") as audio:
            rate = audio.getframerate()
            return audio.getnframes() / rate if rate else None
    except (OSError, EOFError, wave.Error) as error:
        log.warning("cannot attach %s: it is not a readable recording (%s)", path, error)
        return None
