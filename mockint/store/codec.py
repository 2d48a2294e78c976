"""How domain values are written into SQLite cells and read back.

Times are stored as UTC ISO-8601 text with a fixed width, so text order is time order; naive
datetimes are taken as local time. They come back as aware UTC datetimes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from mockint.core.session import Answer, Debrief, DebriefQuestion, PracticeMode, Session
from mockint.core.words import Word

_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%f+00:00"


def encode_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(_TIME_FORMAT)


def decode_time(text: str | None) -> datetime | None:
    if text is None:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def decode_required_time(text: str | None) -> datetime:
    """A time the row cannot be without (when a session started); ValueError when it is missing."""
    moment = decode_time(text)
    if moment is None:
        raise ValueError("a time it must have is missing")
    return moment


def now_utc() -> datetime:
    return datetime.now(UTC)


def encode_words(words: Iterable[Word | Mapping[str, Any]]) -> str:
    return json.dumps([_word_dict(w) for w in words], ensure_ascii=False)


def decode_words(text: str | None) -> tuple[Word, ...]:
    items = json.loads(text) if text else []
    return tuple(Word(str(i["text"]), i.get("start"), i.get("end"), i.get("conf")) for i in items)


def encode_report(report: Mapping[str, Any] | None) -> str | None:
    return None if report is None else json.dumps(report, ensure_ascii=False)


def decode_report(text: str | None) -> dict[str, Any] | None:
    return None if text is None else json.loads(text)


def session_from_row(row: sqlite3.Row) -> Session:
    return Session(
        id=row["id"],
        mode=PracticeMode(row["mode"]),
        started_at=decode_required_time(row["started_at"]),
        ended_at=decode_time(row["ended_at"]),
        deck_ids=decode_deck_ids(row["deck_ids"]),
        title=row["title"],
        note=row["note"],
    )


def decode_deck_ids(text: str | None) -> tuple[str, ...]:
    """A session's deck list; ValueError for anything but a JSON list of names (a damaged cell)."""
    ids = json.loads(text) if text else []
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise ValueError(f"its deck list is not a list of deck names: {str(text)[:40]!r}")
    return tuple(ids)


def answer_from_row(row: sqlite3.Row) -> Answer:
    return Answer(
        id=row["id"],
        session_id=row["session_id"],
        question_text=row["question_text"],
        created_at=decode_required_time(row["created_at"]),
        question_id=row["question_id"],
        deck_id=row["deck_id"],
        attempt_of=row["attempt_of"],
        started_at=decode_time(row["started_at"]),
        duration_s=row["duration_s"],
        audio_path=row["audio_path"],
        words=decode_words(row["words"]),
        report=decode_report(row["report"]),
    )


def encode_debrief_questions(questions: Iterable[DebriefQuestion]) -> str:
    return json.dumps([{"text": q.text, "what_went_wrong": q.what_went_wrong} for q in questions], ensure_ascii=False)


def debrief_from_row(row: sqlite3.Row) -> Debrief:
    questions = tuple(
        DebriefQuestion(q["text"], q.get("what_went_wrong", "")) for q in json.loads(row["questions"] or "[]")
    )
    happened_on = row["happened_on"]
    return Debrief(
        id=row["id"],
        session_id=row["session_id"],
        company=row["company"],
        role=row["role"],
        happened_on=date.fromisoformat(happened_on) if happened_on else None,
        questions=questions,
        note=row["note"],
    )


def _word_dict(word: Word | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(word, Word):
        return {"text": word.text, "start": word.start, "end": word.end, "conf": word.conf}
    return {"text": str(word["text"]), "start": word.get("start"), "end": word.get("end"), "conf": word.get("conf")}
