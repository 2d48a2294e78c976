"""What people add around answers: a friend's ratings and flagged moments, and debrief notes.

Rows are read through the shared row reader (store/base.py): a rating, flag or debrief whose
cells are not what MockInt writes (text in a score, a score of 7, a moment of -3 s, broken
JSON, a date that is not one) is left out with a warning naming it, and the rest is shown.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable
from dataclasses import replace

from mockint.core.session import Debrief, FlaggedMoment, FlagKind, Rating, RatingCriterion
from mockint.store.base import RepositoryBase
from mockint.store.codec import (
    debrief_from_row,
    decode_text,
    encode_debrief_questions,
    encode_time,
    now_utc,
    shown_cell,
)
from mockint.store.errors import UnknownAnswerError, UnknownSessionError, is_foreign_key_failure

# How warnings name a skipped row ("rating of answer 7 was skipped: ..."). A rating's key is its
# answer, and a flag's own id means nothing to the user, so both are read with the answer's id
# as `id`, the column the row reader names a row by.
_RATING = "rating of answer"
_FLAG = "flagged moment of answer"
_DEBRIEF = "debrief"
_FLAG_COLUMNS = "f.answer_id AS id, f.answer_id, f.at_s, f.label, f.kind"


class FeedbackRepo(RepositoryBase):
    def save_rating(self, rating: Rating) -> Rating:
        """Stores a friend's rating of an answer, replacing an earlier one; an empty rating removes it."""
        if rating.is_empty:
            self.delete_rating(rating.answer_id)
            return rating
        with self._writing() as db:
            try:
                db.execute(
                    "INSERT INTO ratings (answer_id, clarity, structure, confidence, relevance, comment) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(answer_id) DO UPDATE SET clarity = excluded.clarity, "
                    "structure = excluded.structure, confidence = excluded.confidence, "
                    "relevance = excluded.relevance, comment = excluded.comment",
                    (
                        rating.answer_id,
                        rating.clarity,
                        rating.structure,
                        rating.confidence,
                        rating.relevance,
                        rating.comment,
                    ),
                )
            except sqlite3.IntegrityError as error:
                if is_foreign_key_failure(error):
                    raise UnknownAnswerError(rating.answer_id) from None
                raise
        return rating

    def delete_rating(self, answer_id: int) -> None:
        with self._writing() as db:
            db.execute("DELETE FROM ratings WHERE answer_id = ?", (answer_id,))

    def rating_for(self, answer_id: int) -> Rating | None:
        with self._reading() as db:
            rows = db.execute("SELECT *, answer_id AS id FROM ratings WHERE answer_id = ?", (answer_id,)).fetchall()
        # A damaged rating reads as none (with its warning), as it does in a session's list.
        return next(iter(self._decoded(rows, _rating, _RATING)), None)

    def ratings_for_session(self, session_id: int) -> dict[int, Rating]:
        """By answer id."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT r.*, r.answer_id AS id FROM ratings r JOIN answers a ON a.id = r.answer_id "
                "WHERE a.session_id = ? ORDER BY r.answer_id",
                (session_id,),
            ).fetchall()
        return {rating.answer_id: rating for rating in self._decoded(rows, _rating, _RATING)}

    def add_flag(self, answer_id: int, at_s: float, label: str = "", kind: FlagKind = FlagKind.NOTE) -> FlaggedMoment:
        flag = FlaggedMoment(answer_id, float(at_s), label, FlagKind(kind))
        with self._writing() as db:
            try:
                db.execute(
                    "INSERT INTO flags (answer_id, at_s, label, kind) VALUES (?, ?, ?, ?)",
                    (answer_id, flag.at_s, label, flag.kind.value),
                )
            except sqlite3.IntegrityError as error:
                if is_foreign_key_failure(error):
                    raise UnknownAnswerError(answer_id) from None
                raise
        return flag

    def add_flags(self, flags: Iterable[FlaggedMoment]) -> None:
        """Several flags in one transaction (a friend's marks of one answer, saved as it ends)."""
        items = list(flags)
        with self._writing() as db:
            try:
                db.executemany(
                    "INSERT INTO flags (answer_id, at_s, label, kind) VALUES (?, ?, ?, ?)",
                    [(f.answer_id, float(f.at_s), f.label, FlagKind(f.kind).value) for f in items],
                )
            except sqlite3.IntegrityError as error:
                if is_foreign_key_failure(error):
                    raise UnknownAnswerError(items[0].answer_id if items else -1) from None
                raise

    def flags_for_answer(self, answer_id: int) -> list[FlaggedMoment]:
        with self._reading() as db:
            rows = db.execute(
                f"SELECT {_FLAG_COLUMNS} FROM flags f WHERE f.answer_id = ? ORDER BY f.at_s, f.id", (answer_id,)
            ).fetchall()
        return self._decoded(rows, _flag, _FLAG)

    def flags_for_session(self, session_id: int) -> list[FlaggedMoment]:
        """Answer by answer, each in time order."""
        with self._reading() as db:
            rows = db.execute(
                f"SELECT {_FLAG_COLUMNS} FROM flags f JOIN answers a ON a.id = f.answer_id WHERE a.session_id = ? "
                "ORDER BY f.answer_id, f.at_s, f.id",
                (session_id,),
            ).fetchall()
        return self._decoded(rows, _flag, _FLAG)

    def save_debrief(self, debrief: Debrief) -> Debrief:
        """Inserts a new debrief (id None) or replaces the saved one with that id; returns it with its id."""
        values = (
            debrief.session_id,
            debrief.company,
            debrief.role,
            None if debrief.happened_on is None else debrief.happened_on.isoformat(),
            encode_debrief_questions(debrief.questions),
            debrief.note,
        )
        with self._writing() as db:
            try:
                if debrief.id is None:
                    cursor = db.execute(
                        "INSERT INTO debriefs (session_id, company, role, happened_on, questions, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (*values, encode_time(now_utc())),
                    )
                    assert cursor.lastrowid is not None  # an INSERT into a rowid table
                    return replace(debrief, id=cursor.lastrowid)
                cursor = db.execute(
                    "UPDATE debriefs SET session_id = ?, company = ?, role = ?, happened_on = ?, questions = ?, note = ? WHERE id = ?",
                    (*values, debrief.id),
                )
            except sqlite3.IntegrityError as error:
                if is_foreign_key_failure(error):
                    raise UnknownSessionError(debrief.session_id) from None
                raise
            if cursor.rowcount == 0:
                raise LookupError(f"no debrief {debrief.id} to update")
        return debrief

    def list_debriefs(self) -> list[Debrief]:
        """The most recent interview first (by its date, else by when the notes were saved)."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT * FROM debriefs ORDER BY COALESCE(happened_on, substr(created_at, 1, 10)) DESC, id DESC"
            ).fetchall()
        return self._decoded(rows, debrief_from_row, _DEBRIEF)

    def delete_debrief(self, debrief_id: int) -> None:
        with self._writing() as db:
            db.execute("DELETE FROM debriefs WHERE id = ?", (debrief_id,))


def _rating(row: sqlite3.Row) -> Rating:
    """ValueError for a score that is not a whole number from 1 to 5 (or empty), or a comment that is not text."""
    return Rating(
        row["answer_id"],
        clarity=_score(row, RatingCriterion.CLARITY),
        structure=_score(row, RatingCriterion.STRUCTURE),
        confidence=_score(row, RatingCriterion.CONFIDENCE),
        relevance=_score(row, RatingCriterion.RELEVANCE),
        comment=decode_text(row["comment"], "comment"),
    )


def _score(row: sqlite3.Row, criterion: RatingCriterion) -> int | None:
    value = row[criterion.value]
    if value is None:
        return None  # not rated on this criterion
    if not isinstance(value, int) or not 1 <= value <= 5:
        raise ValueError(f"its {criterion.value} score {shown_cell(value)} is not a whole number from 1 to 5")
    return value


def _flag(row: sqlite3.Row) -> FlaggedMoment:
    """ValueError for a moment that is not a time into the recording (text, empty, negative, infinite)."""
    at_s = row["at_s"]
    if not isinstance(at_s, int | float) or not math.isfinite(at_s) or at_s < 0:
        raise ValueError(f"its moment {shown_cell(at_s)} is not a time in the recording")
    try:
        kind = FlagKind(row["kind"])
    except ValueError:  # a kind written by a newer MockInt: still shown, as a note
        kind = FlagKind.NOTE
    return FlaggedMoment(row["answer_id"], float(at_s), decode_text(row["label"], "note"), kind)
