"""Answers: recording them, attaching their analysis and audio, and linking retries."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from mockint.core.analysis import AnswerReport
from mockint.core.session import Answer, AnswerHeadline
from mockint.core.words import Word
from mockint.store.base import RepositoryBase
from mockint.store.codec import answer_from_row, decode_words, encode_report, encode_time, encode_words, now_utc
from mockint.store.errors import UnknownAnswerError, UnknownSessionError, is_foreign_key_failure
from mockint.store.sessions_repo import reroot_attempts


class AnswersRepo(RepositoryBase):
    def add_answer(
        self,
        session_id: int,
        question_text: str,
        *,
        question_id: str | None = None,
        deck_id: str | None = None,
        attempt_of: int | None = None,
        started_at: datetime | None = None,
        duration_s: float | None = None,
        audio_path: Path | str | None = None,
        words: Iterable[Word | Mapping[str, Any]] = (),
        report: AnswerReport | None = None,
    ) -> int:
        """Stores an answer; returns its id.

        `attempt_of` may name any earlier attempt at the question: the answer is linked to the
        first attempt, so all attempts share one root. `audio_path` lies in the recordings folder.
        An analysed answer's words are its report's (`words` is for a transcript not analysed).
        """
        words_json = encode_words(report.words if report is not None else words)
        word_count = len(decode_words(words_json))
        headline = AnswerHeadline.from_report(report, word_count, duration_s)
        relative_audio = None if audio_path is None else self.recordings.relative(audio_path)
        with self._writing() as db:
            root = None if attempt_of is None else _root_of(db, attempt_of)
            try:
                cursor = db.execute(
                    """INSERT INTO answers (session_id, question_id, question_text, deck_id, attempt_of, started_at,
                           duration_s, audio_path, words, report, created_at, word_count, wpm, fillers_per_min, length_verdict)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (
                        session_id,
                        question_id,
                        question_text,
                        deck_id,
                        root,
                        None if started_at is None else encode_time(started_at),
                        duration_s if duration_s is not None else headline.duration_s,
                        relative_audio,
                        words_json,
                        encode_report(report),
                        encode_time(now_utc()),
                        headline.word_count,
                        headline.wpm,
                        headline.fillers_per_min,
                        headline.length_verdict,
                    ),
                )
            except sqlite3.IntegrityError as error:
                if is_foreign_key_failure(error):
                    raise UnknownSessionError(session_id) from None
                raise
            assert cursor.lastrowid is not None  # an INSERT always gives one
            return cursor.lastrowid

    def update_answer_report(
        self, answer_id: int, report: AnswerReport | None, *, duration_s: float | None = None
    ) -> Answer:
        """Attaches (or replaces) the analysis of an answer, and with it the answer's words.

        `duration_s` is the recording's length, when it changed too.
        """
        with self._writing() as db:
            row = db.execute("SELECT words, duration_s FROM answers WHERE id = ?", (answer_id,)).fetchone()
            if row is None:
                raise UnknownAnswerError(answer_id)
            words_json = row["words"] if report is None else encode_words(report.words)
            duration = duration_s if duration_s is not None else row["duration_s"]
            headline = AnswerHeadline.from_report(report, len(decode_words(words_json)), duration)
            db.execute(
                """UPDATE answers SET report = ?, words = ?, duration_s = ?, word_count = ?, wpm = ?,
                       fillers_per_min = ?, length_verdict = ? WHERE id = ?""",
                (
                    encode_report(report),
                    words_json,
                    duration if duration is not None else headline.duration_s,
                    headline.word_count,
                    headline.wpm,
                    headline.fillers_per_min,
                    headline.length_verdict,
                    answer_id,
                ),
            )
        return self.get_answer(answer_id)

    def set_answer_audio(
        self, answer_id: int, audio_path: Path | str | None, duration_s: float | None = None
    ) -> Answer:
        """Records where the answer's audio is (inside the recordings folder), e.g. once capture finished."""
        relative_audio = None if audio_path is None else self.recordings.relative(audio_path)
        with self._writing() as db:
            cursor = db.execute(
                "UPDATE answers SET audio_path = ?, duration_s = COALESCE(?, duration_s) WHERE id = ?",
                (relative_audio, duration_s, answer_id),
            )
            if cursor.rowcount == 0:
                raise UnknownAnswerError(answer_id)
        return self.get_answer(answer_id)

    def get_answer(self, answer_id: int) -> Answer:
        with self._reading() as db:
            row = db.execute("SELECT * FROM answers WHERE id = ?", (answer_id,)).fetchone()
        if row is None:
            raise UnknownAnswerError(answer_id)
        return self._decoded_one(row, answer_from_row, "answer")

    def answers_for_session(self, session_id: int) -> list[Answer]:
        """In the order they were given."""
        with self._reading() as db:
            rows = db.execute("SELECT * FROM answers WHERE session_id = ? ORDER BY id", (session_id,)).fetchall()
        return self._decoded(rows, answer_from_row, "answer")

    def recorded_without_report(self) -> list[int]:
        """Ids of answers that have a recording but no report (recovered, or recorded without a model)."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT id FROM answers WHERE report IS NULL AND audio_path IS NOT NULL ORDER BY id"
            ).fetchall()
        return [row["id"] for row in rows]

    def attempts_of(self, answer_id: int) -> list[Answer]:
        """Every attempt at the same question as `answer_id` (itself included), first attempt first."""
        with self._reading() as db:
            root = _root_of(db, answer_id)
            rows = db.execute(
                "SELECT * FROM answers WHERE id = ? OR attempt_of = ? ORDER BY id", (root, root)
            ).fetchall()
        return self._decoded(rows, answer_from_row, "answer")

    def delete_answer(self, answer_id: int) -> None:
        """Deletes one answer and its recordings; its retries stay linked to each other."""
        with self._lock:
            answer = self.get_answer(answer_id)
            self.recordings.delete_files(self.recordings.files_of(answer.id, answer.audio_path))
            with self._writing() as db:
                reroot_attempts(db, [answer_id])
                db.execute("DELETE FROM answers WHERE id = ?", (answer_id,))


def _root_of(db: sqlite3.Connection, answer_id: int) -> int:
    row = db.execute("SELECT COALESCE(attempt_of, id) AS root FROM answers WHERE id = ?", (answer_id,)).fetchone()
    if row is None:
        raise UnknownAnswerError(answer_id)
    return int(row["root"])
