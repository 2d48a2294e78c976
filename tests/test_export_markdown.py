"""Markdown export of a session, built from hand-made domain objects in the report contract's shape."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from mockint.core.analysis import AnswerReport
from mockint.core.export.markdown import session_markdown
from mockint.core.session import Answer, FlaggedMoment, PracticeMode, Rating, Session, SessionDetail
from tests.conftest import DATA_DIR

SAMPLE_REPORT = json.loads((DATA_DIR / "store" / "report_sample.json").read_text(encoding="utf-8"))
SAMPLE = AnswerReport.from_dict(SAMPLE_REPORT)  # the typed report answers carry
STARTED = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


def detail(*answers: Answer, title: str = "Acme prep", **extra) -> SessionDetail:
    session = Session(7, PracticeMode.FRIEND, STARTED, deck_ids=("behavioural",), title=title)
    return SessionDetail(session, answers, **extra)


def analysed(answer_id: int = 1, question: str = "Tell me about a time you failed", **fields) -> Answer:
    return Answer(answer_id, 7, question, STARTED, duration_s=12.0, report=SAMPLE, **fields)


def test_the_markdown_names_the_question_and_counts_the_fillers():
    text = session_markdown(detail(analysed()))
    assert text.startswith("# Practice session 7: Friend as interviewer — Acme prep\n")
    assert "## 1. Tell me about a time you failed" in text
    assert "- Fillers: 2 (11.5 per minute): um ×1, you know ×1" in text
    assert "- Length: 0:12 · too short (target 60–120 s)" in text
    assert "- Pace: 92 wpm" in text
    assert "| 1 | 11.5 | 92 | 0% |" in text


def test_the_transcript_marks_each_filler_once_and_shows_the_long_pause():
    text = session_markdown(detail(analysed()))
    transcript = next(line for line in text.splitlines() if line.startswith("> "))
    assert transcript.startswith("> so **um** i led the \\[long pause 3.5 s\\] migration **you know** and it worked")


def test_feedback_ratings_and_flags_are_listed():
    answer = analysed()
    text = session_markdown(
        detail(
            answer,
            ratings={1: Rating(1, clarity=4, relevance=5, comment="clear story")},
            flags=(FlaggedMoment(1, 65.0, "went blank"),),
        )
    )
    assert "**To work on**\n\n- The answer ran 12 s; aim for 60-120 s with a concrete result." in text
    assert "**Strengths**\n\n- You gave a number: twenty percent." in text
    assert "- Friend's rating: clarity 4/5, relevance 5/5" in text
    assert "- Friend's comment: clear story" in text
    assert "- Flagged at 1:05 note: went blank" in text


def test_markdown_special_characters_in_user_text_are_escaped():
    text = session_markdown(detail(analysed(question="Why *you* | <script>alert(1)</script>"), title="#1 [draft]"))
    assert "## 1. Why \\*you\\* \\| \\<script\\>alert(1)\\</script\\>" in text
    assert "— \\#1 \\[draft\\]" in text
    assert "<script>" not in text


def test_unanalysed_answers_retries_and_empty_sessions_still_export():
    raw = Answer(2, 7, "Why us?", STARTED, attempt_of=1)
    text = session_markdown(detail(analysed(), raw))
    assert "## 2. Why us?" in text
    assert "A retry (first attempt: answer 1)." in text
    assert "*(no words were recognised)*" in text
    assert "No answers were recorded in this session." in session_markdown(detail())
