"""A practice session as JSON: everything stored, under stable key names.

Shape (`schema` changes only when a key is renamed or removed):

    {"schema": 1, "kind": "mockint.session",
     "session": {"id", "mode", "started_at", "ended_at", "deck_ids", "title", "note"},
     "summary": {"answer_count", "mean_fillers_per_min", "mean_wpm", "within_target_share"},
     "answers": [{"id", "question_id", "question_text", "deck_id", "attempt_of", "started_at",
                  "created_at", "duration_s", "audio_path", "words", "report",
                  "rating": {"clarity", "structure", "confidence", "relevance", "comment"} | null,
                  "flags": [{"at_s", "kind", "label"}],
                  "cues": [{"cue", "at_s", "text"}]}]}

A rating's scores are 1-5, or null for a criterion the friend left out; a flag's kind is one of
strong, unclear, rambling, note, and `at_s` is seconds into the answer's recording.
A mirror answer's cues are those shown while it was spoken (speak_up, slow_down, fillers,
breathe, good_pace); other modes' answers have none.

Times are ISO-8601 with their UTC offset; `report` is the answer's typed report written out (the
`mockint analyze --json` contract), or null for an answer not analysed.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from mockint.core.session import (
    Answer,
    FlaggedMoment,
    Rating,
    RatingCriterion,
    Session,
    SessionDetail,
    SessionSummary,
)

JSON_SCHEMA = 2  # 2: ratings by criterion with a comment, flags with a kind


def session_json(detail: SessionDetail) -> str:
    return json.dumps(session_dict(detail), indent=2, ensure_ascii=False) + "\n"


def session_dict(detail: SessionDetail) -> dict[str, Any]:
    return {
        "schema": JSON_SCHEMA,
        "kind": "mockint.session",
        "session": session_fields(detail.session),
        "summary": summary_fields(detail.summary),
        "answers": [_answer_fields(detail, answer) for answer in detail.answers],
    }


def session_fields(session: Session) -> dict[str, Any]:
    return {
        "id": session.id,
        "mode": session.mode.value,
        "started_at": _time(session.started_at),
        "ended_at": _time(session.ended_at),
        "deck_ids": list(session.deck_ids),
        "title": session.title,
        "note": session.note,
    }


def summary_fields(summary: SessionSummary) -> dict[str, Any]:
    return {
        "answer_count": summary.answer_count,
        "mean_fillers_per_min": summary.mean_fillers_per_min,
        "mean_wpm": summary.mean_wpm,
        "within_target_share": summary.within_target_share,
    }


def _answer_fields(detail: SessionDetail, answer: Answer) -> dict[str, Any]:
    rating = detail.ratings.get(answer.id)
    return {
        "id": answer.id,
        "question_id": answer.question_id,
        "question_text": answer.question_text,
        "deck_id": answer.deck_id,
        "attempt_of": answer.attempt_of,
        "started_at": _time(answer.started_at),
        "created_at": _time(answer.created_at),
        "duration_s": answer.duration_s,
        "audio_path": answer.audio_path,
        "words": [{"text": w.text, "start": w.start, "end": w.end, "conf": w.conf} for w in answer.words],
        "report": None if answer.report is None else answer.report.to_dict(),
        "rating": None if rating is None else rating_fields(rating),
        "flags": [flag_fields(flag) for flag in detail.flags_for(answer.id)],
        "cues": [cue.to_dict() for cue in detail.cues_for(answer.id)],  # mirror practice: which cue, when
    }


def rating_fields(rating: Rating) -> dict[str, Any]:
    return {**{criterion.value: rating.score(criterion) for criterion in RatingCriterion}, "comment": rating.comment}


def flag_fields(flag: FlaggedMoment) -> dict[str, Any]:
    return {"at_s": flag.at_s, "kind": flag.kind.value, "label": flag.label}


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()
