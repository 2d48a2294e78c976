"""The Practice page's widgets on their own: timer bar, countdown, level meter, reports, card."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from mockint.app.outcome import AnswerOutcome
from mockint.core.analysis import analyze_answer
from mockint.core.interview_plan import Step, StepKind
from mockint.core.targets import TargetRange
from mockint.core.words import Transcript, Word
from mockint.ui.practice.answer_summary import AnswerSummary
from mockint.ui.practice.answer_timer_bar import AnswerTimerBar, TimerState
from mockint.ui.practice.countdown import Countdown
from mockint.ui.practice.interview_view import InterviewView
from mockint.ui.practice.level_meter import LevelMeter
from mockint.ui.practice.live_transcript import PLACEHOLDER, LiveTranscript
from mockint.ui.practice.question_card import QuestionCard
from mockint.ui.practice.session_state import Phase
from mockint.ui.practice.session_summary import SessionSummaryView
from mockint.ui.theme import LIGHT, theme_for

THEME = theme_for(Qt.ColorScheme.Light)
TARGET = TargetRange(15, 45)


def step(number: int = 1, kind: StepKind = StepKind.QUESTION, text: str = "How did you hear about this role?") -> Step:
    return Step(number, 3, kind, text, TARGET, "warm-up", "how-did-you-hear")


def spoken(text: str, seconds_per_word: float = 0.4) -> Transcript:
    words = tuple(Word(w, i * seconds_per_word, i * seconds_per_word + 0.3, 0.95) for i, w in enumerate(text.split()))
    return Transcript(words, duration_s=len(words) * seconds_per_word + 0.5)


@pytest.fixture
def short_answer() -> AnswerOutcome:
    transcript = spoken("um i saw it on the job board and uh it looked like a good fit so i applied")
    report = analyze_answer(transcript, TARGET)
    return AnswerOutcome(step(), 7, report, transcript.duration_s)


@pytest.fixture
def good_answer() -> AnswerOutcome:
    text = " ".join(["a friend who works here told me about the team and the product"] * 5)
    transcript = spoken(text, 0.4)
    report = analyze_answer(transcript, TARGET)
    return AnswerOutcome(step(2, text="Why this company?"), 8, report, transcript.duration_s)


def pixel(widget, x: int) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(int(x * image.width() / widget.width()), image.height() // 2)


def test_timer_bar_turns_amber_and_says_over_target_past_the_maximum(qtbot):
    bar = AnswerTimerBar(THEME)
    qtbot.addWidget(bar)
    bar.resize(400, 40)
    bar.show()
    bar.set_target(TARGET)
    assert bar.state is TimerState.UNDER and bar.text == "0:00 · target 15–45 s"

    bar.set_elapsed(20)
    assert bar.state is TimerState.WITHIN and "within target" in bar.text
    assert pixel(bar._track, 4) == QColor(LIGHT["ok"])

    bar.set_elapsed(50)
    assert bar.state is TimerState.OVER
    assert bar.text.startswith("0:50 · over target")  # said in words, not only in colour
    assert pixel(bar._track, 4) == QColor(LIGHT["warning"])
    assert LIGHT["warning"] in bar.label.styleSheet()
    assert bar.accessibleDescription() == bar.text


def test_timer_bar_follows_the_theme(qtbot):
    bar = AnswerTimerBar(THEME)
    qtbot.addWidget(bar)
    bar.resize(400, 40)
    bar.show()
    bar.set_target(TARGET)
    bar.set_elapsed(60)
    dark = theme_for(Qt.ColorScheme.Dark)
    bar.set_theme(dark)
    assert pixel(bar._track, 4) == QColor(dark.color("warning"))


def test_countdown_runs_out_after_its_seconds(qtbot):
    countdown = Countdown(THEME)
    qtbot.addWidget(countdown)
    ticks: list[int] = []
    countdown.tick.connect(ticks.append)
    began = time.monotonic()
    with qtbot.waitSignal(countdown.finished, timeout=4000) as finished:
        countdown.start(1.2)
        assert countdown.is_running and 0 < countdown.remaining_s <= 1.2
    assert finished.args == [True]
    assert time.monotonic() - began >= 1.1
    assert ticks[:2] == [2, 1] and not countdown.is_running


def test_countdown_can_be_skipped_or_stopped_quietly(qtbot):
    countdown = Countdown(THEME)
    qtbot.addWidget(countdown)
    countdown.start(30)
    with qtbot.waitSignal(countdown.finished, timeout=1000) as finished:
        countdown.skip()
    assert finished.args == [False] and not countdown.is_running
    countdown.start(30)
    with qtbot.assertNotEmitted(countdown.finished, wait=100):
        countdown.stop()
    with qtbot.waitSignal(countdown.finished, timeout=1000) as finished:
        countdown.start(0)
    assert finished.args == [True]


def test_level_meter_rises_at_once_and_falls_gently(qtbot):
    meter = LevelMeter(THEME)
    qtbot.addWidget(meter)
    meter.set_level(0.25)
    assert meter.shown_level == pytest.approx(0.5)
    meter.set_level(0.0)
    assert 0.3 < meter.shown_level < 0.5  # no flicker to zero between words
    for _ in range(10):
        meter.set_level(0.0)
    assert meter.shown_level == 0.0 and meter.accessibleDescription() == "quiet"


def test_answer_summary_shows_the_figures_and_the_top_feedback(qtbot, short_answer):
    summary = AnswerSummary(THEME)
    qtbot.addWidget(summary)
    summary.show_outcome(short_answer)
    assert summary.title.text() == "Question 1 of 3 · answer saved"
    assert "too short (target 15–45 s)" in summary.length[1].text()
    assert summary.pace[1].text().endswith("words/min")
    assert summary.fillers[1].text().endswith("fillers/min")
    shown = summary.feedback_texts()
    expected = [f"To work on: {item.message}" for item in short_answer.report.work_on][:3]
    assert shown[: len(expected)] == expected and expected
    assert any(text.startswith("Going well:") for text in shown)


def test_session_summary_lists_every_answer_and_offers_review(qtbot, short_answer, good_answer):
    view = SessionSummaryView(THEME)
    qtbot.addWidget(view)
    view.show_session(12, [short_answer, good_answer])
    assert view.overall.text().startswith("2 answers · pace")
    assert "50% within the target length" in view.overall.text()
    cards = view.card_texts()
    assert cards[0].startswith("How did you hear about this role? | 0:") and "too short" in cards[0]
    assert cards[1].startswith("Why this company?") and "within target" in cards[1]
    with qtbot.waitSignal(view.review_requested) as review:
        qtbot.mouseClick(view.review_button, Qt.MouseButton.LeftButton)
    assert review.args == [12]

    view.show_session(13, [])
    assert view.overall.text() == "No answers were recorded in this session."
    assert not view.review_button.isEnabled() and view.card_texts() == []


def test_live_transcript_shows_the_latest_words(qtbot):
    transcript = LiveTranscript()
    qtbot.addWidget(transcript)
    assert transcript.words.text() == PLACEHOLDER
    long_text = " ".join(f"word{i}" for i in range(200))
    transcript.set_text(long_text)
    assert transcript.text == long_text
    assert transcript.words.text().startswith("…") and transcript.words.text().endswith("word199")
    assert len(transcript.words.text()) <= 361
    transcript.clear()
    assert transcript.words.text() == PLACEHOLDER


def test_question_card_says_which_question_and_the_target(qtbot):
    card = QuestionCard()
    qtbot.addWidget(card)
    card.show_step(step(2, StepKind.FOLLOW_UP, "What made you decide to apply?"))
    assert card.eyebrow.text() == "FOLLOW-UP TO QUESTION 2 OF 3"
    assert card.text == "What made you decide to apply?"
    assert card.target.text().startswith("Aim for 15–45 s")
    card.show_note("Questions are not read aloud in this session.")
    assert not card.note.isHidden()
    card.show_note("")
    assert card.note.isHidden()


def test_interview_keys_work_whatever_has_the_focus(qtbot):
    view = InterviewView(THEME)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.show_phase(Phase.THINKING)
    pressed: list[str] = []
    for name in ("space", "next", "repeat", "end"):
        getattr(view, f"{name}_pressed").connect(lambda name=name: pressed.append(name))
    view.next.setFocus()  # a focused button must not swallow Space
    for key in (Qt.Key.Key_Space, Qt.Key.Key_N, Qt.Key.Key_R, Qt.Key.Key_Escape):
        qtbot.keyClick(view.next, key)
    assert pressed == ["space", "next", "repeat", "end"]
    for button in (view.primary, view.repeat, view.next, view.end):
        assert button.accessibleName() and f"({button.property('key')})" in button.toolTip()
    assert view.primary.text() == "Start answering  (Space)"
    view.show_phase(Phase.RECORDING)
    assert view.primary.text() == "Stop answer  (Space)" and not view.repeat.isEnabled()
    assert view.recording_label.text() == "● RECORDING"
