"""JSON export: every stored detail under stable keys, loadable back."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from mockint.core.analysis import AnswerReport
from mockint.core.export.json_export import JSON_SCHEMA, session_json
from mockint.core.session import Answer, FlaggedMoment, PracticeMode, Rating, Session, SessionDetail
from mockint.core.words import Word
from tests.conftest import DATA_DIR

SAMPLE_REPORT = json.loads((DATA_DIR / "store" / "report_sample.json").read_text(encoding="utf-8"))
SAMPLE = AnswerReport.from_dict(SAMPLE_REPORT)  # the typed report answers carry
STARTED = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
WORDS = tuple(Word(w["text"], w["start"], w["end"], w["conf"]) for w in SAMPLE_REPORT["words"])


def exported() -> dict:
    session = Session(
        9,
        PracticeMode.FRIEND,
        STARTED,
        ended_at=STARTED.replace(hour=10),
        deck_ids=("general",),
        title="Café",
        note="n",
    )
    answers = (
        Answer(
            1,
            9,
            "Tell me about yourself",
            STARTED,
            question_id="intro",
            deck_id="general",
            started_at=STARTED,
            duration_s=12.0,
            audio_path="answer-1.wav",
            words=WORDS,
            report=SAMPLE,
        ),
        Answer(2, 9, "Why us?", STARTED, attempt_of=1),
    )
    detail = SessionDetail(
        session, answers, {1: Rating(1, clarity=4, comment="good")}, (FlaggedMoment(1, 3.0, "froze"),)
    )
    return json.loads(session_json(detail))


def test_the_json_has_stable_top_level_and_session_keys():
    data = exported()
    assert list(data) == ["schema", "kind", "session", "summary", "answers"]
    assert (data["schema"], data["kind"]) == (JSON_SCHEMA, "mockint.session")
    assert data["session"] == {
        "id": 9,
        "mode": "friend",
        "started_at": "2024-05-01T09:30:00+00:00",
        "ended_at": "2024-05-01T10:30:00+00:00",
        "deck_ids": ["general"],
        "title": "Café",
        "note": "n",
    }
    assert data["summary"] == {
        "answer_count": 1,  # the interview as it was run: the second answer is a retry of the first
        "mean_fillers_per_min": 11.5,
        "mean_wpm": 92.3,
        "within_target_share": 0.0,
    }


def test_answers_carry_words_report_rating_and_flags():
    first, second = exported()["answers"]
    assert list(first) == [
        "id",
        "question_id",
        "question_text",
        "deck_id",
        "attempt_of",
        "started_at",
        "created_at",
        "duration_s",
        "audio_path",
        "words",
        "report",
        "rating",
        "flags",
        "cues",
    ]
    assert first["report"] == SAMPLE_REPORT
    assert first["words"] == SAMPLE_REPORT["words"]
    assert first["rating"] == {
        "clarity": 4,
        "structure": None,
        "confidence": None,
        "relevance": None,
        "comment": "good",
    }
    assert first["flags"] == [{"at_s": 3.0, "kind": "note", "label": "froze"}]
    assert (second["attempt_of"], second["report"], second["rating"], second["flags"], second["words"]) == (
        1,
        None,
        None,
        [],
        [],
    )
