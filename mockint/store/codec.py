"""How domain values are written into SQLite cells and read back.

Times are stored as UTC ISO-8601 text with a fixed width, so text order is time order; naive
datetimes are taken as local time. They come back as aware UTC datetimes.

An answer's report is stored here and nowhere else: the typed `AnswerReport` goes in as its
JSON contract without the words (they are the answer's `words` cell, stored once) plus its
review detail under "detail", and comes back typed through one decoder.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from mockint.core.analysis import AnswerReport, ReportFormatError
from mockint.core.analysis.report import word_to_dict
from mockint.core.session import Answer, Debrief, DebriefQuestion, PracticeMode, Session
from mockint.core.words import Word

REPORT_DETAIL = "detail"  # where a stored report keeps `AnswerReport.detail_dict()`

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


def encode_report(report: AnswerReport | None) -> str | None:
    """The report cell: the contract minus its words (the words cell holds them), plus the detail."""
    if report is None:
        return None
    stored = report.to_dict()
    del stored["words"]
    stored[REPORT_DETAIL] = report.detail_dict()
    return json.dumps(stored, ensure_ascii=False)


def decode_report(text: str | None, words: tuple[Word, ...]) -> tuple[AnswerReport | None, str | None]:
    """The typed report of a row and, when it cannot be restored, a sentence saying why.

    A cell that is not JSON at all is a damaged row (ValueError, for the row reader to skip);
    well-formed JSON in a shape this version cannot read keeps the answer, without its report.
    """
    if text is None:
        return None, None
    try:
        stored = json.loads(text, parse_constant=_refuse_constant)
    except ReportFormatError as error:
        return None, f"The saved analysis of this answer cannot be read ({error.problem})."
    if not isinstance(stored, dict):
        return None, "The saved analysis of this answer cannot be read (it is not a report)."
    contract = {"words": [word_to_dict(w) for w in words], **stored}
    detail = stored.get(REPORT_DETAIL)
    try:
        return AnswerReport.from_dict(contract, detail if isinstance(detail, Mapping) else None), None
    except ReportFormatError as error:
        if isinstance(detail, Mapping):
            # Damaged extras must not hide the part of the report that is intact.
            try:
                return AnswerReport.from_dict(contract, None), None
            except ReportFormatError:
                pass
        return None, f"The saved analysis of this answer cannot be read ({error.problem})."


def _refuse_constant(name: str) -> float:
    """Python's JSON parser reads NaN and Infinity, which JSON has not; no report figure is one."""
    raise ReportFormatError(f"it holds {name}, which is not a number")


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
    words = decode_words(row["words"])
    report, problem = decode_report(row["report"], words)
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
        words=words,
        report=report,
        report_problem=problem,
    )


def encode_debrief_questions(questions: Iterable[DebriefQuestion]) -> str:
    return json.dumps([{"text": q.text, "what_went_wrong": q.what_went_wrong} for q in questions], ensure_ascii=False)


def debrief_from_row(row: sqlite3.Row) -> Debrief:
    """A debrief as version 2 stored it; ValueError for a cell that is not what MockInt writes."""
    questions = json.loads(row["questions"] or "[]")
    if not isinstance(questions, list):
        raise ValueError("its questions are not a list")
    session_id = row["session_id"]
    if session_id is not None and not isinstance(session_id, int):
        raise ValueError(f"its session {shown_cell(session_id)} is not a session id")
    return Debrief(
        id=row["id"],
        session_id=session_id,
        company=decode_text(row["company"], "company"),
        role=decode_text(row["role"], "role"),
        happened_on=decode_day(row["happened_on"]),
        questions=tuple(_debrief_question(q) for q in questions),
        note=decode_text(row["note"], "note"),
    )


def _debrief_question(item: object) -> DebriefQuestion:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ValueError(f"a question of it is not a question: {shown_cell(item)}")
    went_wrong = item.get("what_went_wrong")
    if went_wrong is not None and not isinstance(went_wrong, str):
        raise ValueError(f"what went wrong in a question is not text: {shown_cell(went_wrong)}")
    return DebriefQuestion(item["text"], went_wrong or "")


def decode_text(value: object, what: str) -> str:
    """A text cell; ValueError for anything else (NULL or bytes written past MockInt)."""
    if not isinstance(value, str):
        raise ValueError(f"its {what} {shown_cell(value)} is not text")
    return value


def decode_day(value: object) -> date | None:
    """A calendar day stored as ISO text ('2024-05-01'), or None for an empty cell; ValueError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass  # said below, in the warning's words
    raise ValueError(f"its date {shown_cell(value)} is not a day")


def shown_cell(value: object) -> str:
    """A damaged cell as a warning quotes it: short, so a huge cell cannot flood the message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _word_dict(word: Word | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(word, Word):
        return word_to_dict(word)
    return {"text": str(word["text"]), "start": word.get("start"), "end": word.get("end"), "conf": word.get("conf")}
