"""One wording for durations, ranges and verdicts: a 44.6 s answer reads the same on every page,
in every export and on the command line (core/formatting)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from mockint.app.outcome import AnswerOutcome
from mockint.commands.report_text import render_report
from mockint.core.analysis import Thresholds, analyze_answer
from mockint.core.export.html import session_html
from mockint.core.export.markdown import session_markdown
from mockint.core.formatting import DASH, clock, clock_tenths, length_text, range_text, seconds_text
from mockint.core.interview_plan import Step, StepKind
from mockint.core.session import Answer, PracticeMode, Session, SessionDetail
from mockint.core.targets import TargetRange
from mockint.core.words import Transcript, Word
from mockint.ui.practice.answer_summary import AnswerSummary
from mockint.ui.practice.answer_timer_bar import timer_text
from mockint.ui.practice.question_card import QuestionCard
from mockint.ui.review.figures_panel import figures_of
from mockint.ui.theme import theme_for

TARGET = TargetRange(15, 45)
RANGE = "15–45 s"


def answer_of(seconds: float) -> Transcript:
    """A steady answer whose last word ends at `seconds`."""
    count = int(seconds / 0.4)
    step = seconds / count
    words = tuple(Word("word", i * step, (i + 1) * step - 0.05, 0.95) for i in range(count))
    words = (*words[:-1], Word("word", words[-1].start or 0.0, seconds, 0.95))
    return Transcript(words, duration_s=seconds)


def test_durations_are_cut_to_the_second_like_a_timer():
    assert [clock(44.6), clock(44.99), clock(65.4), clock(3723.9), clock(-1)] == [
        "0:44",
        "0:44",
        "1:05",
        "1:02:03",
        "0:00",
    ]
    assert clock(None) == DASH and clock(float("nan")) == DASH
    assert clock_tenths(44.66) == "0:44.6" and clock_tenths(59.99) == "0:59.9"  # never "0:60.0"
    assert seconds_text(3.24) == "3.2 s"
    assert seconds_text(None) == DASH


def test_every_range_is_written_one_way():
    assert range_text(15, 45) == RANGE
    assert range_text(60, 120) == "60–120 s"  # not "1:00–2:00" in one place and "60–120 s" in another
    assert length_text(12.3, "too_short", TARGET) == f"0:12 · too short (target {RANGE})"
    assert length_text(None, None, TARGET) == f"{DASH} (target {RANGE})"


def test_a_44_6_second_answer_reads_the_same_on_every_page_export_and_the_cli(qtbot):
    report = analyze_answer(answer_of(44.6), TARGET)
    assert report.metrics.duration_s is not None and 44.5 < report.metrics.duration_s < 44.7
    expected = f"0:44 · within target (target {RANGE})"

    step = Step(1, 1, StepKind.QUESTION, "Why this role?", TARGET, "warm-up", "why")
    summary = AnswerSummary(theme_for(Qt.ColorScheme.Light))
    qtbot.addWidget(summary)
    summary.show_outcome(AnswerOutcome(step, 1, report, 44.6))
    practice = summary.length[1].text()

    review = next(f for f in figures_of(report, Thresholds()) if f.key == "length")

    started = datetime(2026, 11, 30, 7, 52, tzinfo=UTC)
    stored = Answer(1, 1, "Why this role?", started, duration_s=44.6, words=report.words, report=report)
    detail = SessionDetail(Session(1, PracticeMode.SOLO, started), (stored,))
    markdown = session_markdown(detail)
    html = session_html(detail)
    cli = render_report(report, TARGET)

    assert practice == expected
    assert review.value == "0:44" and review.note.endswith(f"within target · {RANGE}")
    assert f"- Length: {expected}" in markdown
    assert expected in html
    assert f"Length: {expected}" in cli
    assert timer_text(44.6, TARGET) == f"0:44 · within target ({RANGE})"  # the live timer agrees


def test_the_question_card_writes_the_target_as_every_page_does(qtbot):
    card = QuestionCard()
    qtbot.addWidget(card)
    card.show_step(Step(1, 1, StepKind.QUESTION, "Why this role?", TARGET, "warm-up", "why"))
    assert card.target.text() == f"Aim for {RANGE}"
