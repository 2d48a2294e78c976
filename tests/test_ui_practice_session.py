"""Whole solo sessions through the Practice page: real window, real store, real Korean model,
real audio through the virtual microphone, driven by the keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from mockint.paths import app_paths
from mockint.store.app_store import Store
from mockint.ui.practice.session_state import Phase
from tests.test_ui_practice_support import (
    FIRST_QUESTION,
    FOLLOW_UP,
    SECOND_QUESTION,
    open_practice,
    play_while_recording,
    practice_settings,
    press,
    spoken_answers,
    start_with_keyboard,
)

__all__ = ["spoken_answers"]  # a fixture, used by name


def test_a_whole_solo_session_with_a_follow_up_and_a_stop_on_silence(
    make_window, qtbot, virtual_microphone, korean_model_path: Path, spoken_answers: list[Path]
):
    window, page = open_practice(make_window, qtbot, practice_settings(korean_model_path, silence_stop_s=3))
    flow, view = page.flow, page.interview
    levels: list[float] = []
    flow.level.connect(levels.append)

    with qtbot.waitSignal(flow.answer_started, timeout=15000):
        start_with_keyboard(page, qtbot)
    assert page.views.currentWidget() is view
    assert view.card.text == FIRST_QUESTION
    assert view.card.eyebrow.text() == "QUESTION 1 OF 2"
    assert view.recording.isVisible() and view.transcript.isVisible()

    # Answer 1: too short for its 20-60 s target, and the question has a follow-up.
    play_while_recording(qtbot, virtual_microphone, spoken_answers[0])
    qtbot.waitUntil(lambda: view.transcript.text != "", timeout=5000)
    assert max(levels) > 0.01, "the level meter heard the answer"
    assert view.timer_bar.elapsed_s > 1.0
    with qtbot.waitSignal(flow.answer_saved, timeout=20000) as saved:
        press(page, qtbot, Qt.Key.Key_Space)
    first = saved.args[0]
    assert first.length_verdict == "too_short" and first.word_count > 0
    assert flow.phase is Phase.REPORT and view.answer_summary.isVisible()
    assert "too short" in view.answer_summary.length[1].text()
    assert view.answer_summary.feedback_texts(), "the report leads with feedback"
    assert "Follow-up" in view.primary.text()

    # Space goes on: the interviewer asks the follow-up.
    with qtbot.waitSignal(flow.answer_started, timeout=15000):
        press(page, qtbot, Qt.Key.Key_Space)
    assert view.card.text == FOLLOW_UP
    assert view.card.eyebrow.text() == "FOLLOW-UP TO QUESTION 1 OF 2"
    play_while_recording(qtbot, virtual_microphone, spoken_answers[1])
    with qtbot.waitSignal(flow.answer_saved, timeout=20000):
        press(page, qtbot, Qt.Key.Key_Space)
    assert "Next question" in view.primary.text()  # one follow-up per question, however short

    # Question 2 stops by itself after 3 s of silence.
    with qtbot.waitSignal(flow.answer_started, timeout=15000):
        press(page, qtbot, Qt.Key.Key_Space)
    assert view.card.text == SECOND_QUESTION
    with qtbot.waitSignal(flow.answer_saved, timeout=30000):
        play_while_recording(qtbot, virtual_microphone, spoken_answers[2])
    assert "Finish" in view.primary.text()
    with qtbot.waitSignal(page.session_finished, timeout=10000) as finished:
        press(page, qtbot, Qt.Key.Key_Space)

    result = finished.args[0]
    assert page.views.currentWidget() is page.summary
    cards = page.summary.card_texts()
    assert [text.split(" | ")[0] for text in cards] == [FIRST_QUESTION, FOLLOW_UP, SECOND_QUESTION]
    assert all("words/min" in text and "fillers/min" in text for text in cards)
    assert page.summary.overall.text().startswith("3 answers")
    assert page.summary.review_button.isEnabled()

    detail = window.context.store.value.session_detail(result.session_id)
    assert detail.session.mode.value == "solo" and detail.session.deck_ids == ("ko-practice",)
    assert detail.session.ended_at is not None
    assert [a.question_text for a in detail.answers] == [FIRST_QUESTION, FOLLOW_UP, SECOND_QUESTION]
    assert [a.attempt_of for a in detail.answers] == [None, None, None]
    assert [a.question_id for a in detail.answers] == ["intro", "intro", "why-us"]
    assert all(a.report is not None and a.words and a.audio_path for a in detail.answers)
    assert [a.id for a in detail.answers] == [o.answer_id for o in result.outcomes]

    with qtbot.waitSignal(page.review_requested) as review:
        qtbot.mouseClick(page.summary.review_button, Qt.MouseButton.LeftButton)
    assert review.args == [result.session_id]
    assert window.current_page_key() == "review"
    review_page = window.page("review")
    qtbot.waitUntil(lambda: review_page.current_answer() is not None, timeout=10000)
    shown = review_page.current_answer()
    assert shown.answer.session_id == result.session_id and shown.report is not None and shown.audio is not None

    window.show_page("history")
    history = window.page("history")
    qtbot.waitUntil(
        lambda: any(o.session.id == result.session_id for o in history.table.shown_overviews()), timeout=10000
    )
    listed = next(o for o in history.table.shown_overviews() if o.session.id == result.session_id)
    assert listed.summary.answer_count == 3


def test_escape_asks_first_then_ends_and_keeps_the_answer_being_recorded(
    make_window, qtbot, virtual_microphone, korean_model_path: Path, spoken_answers: list[Path]
):
    window, page = open_practice(make_window, qtbot, practice_settings(korean_model_path))
    flow = page.flow
    with qtbot.waitSignal(flow.answer_started, timeout=15000):
        start_with_keyboard(page, qtbot)
    play_while_recording(qtbot, virtual_microphone, spoken_answers[0])

    press(page, qtbot, Qt.Key.Key_Escape)
    box = page.confirm_box
    assert box is not None and box.isVisible()
    keep = next(b for b in box.buttons() if b.text() == "Keep practising")
    keep.click()
    assert flow.phase is Phase.RECORDING  # nothing was lost by asking

    press(page, qtbot, Qt.Key.Key_Escape)
    end = next(b for b in page.confirm_box.buttons() if b.text() == "End session")
    with qtbot.waitSignal(page.session_finished, timeout=20000) as finished:
        end.click()
    result = finished.args[0]
    assert len(result.outcomes) == 1
    assert page.summary.card_texts()[0].startswith(FIRST_QUESTION)
    answers = window.context.store.value.session_detail(result.session_id).answers
    assert len(answers) == 1 and answers[0].words


def test_closing_the_window_mid_answer_keeps_what_was_recorded(
    make_window, qtbot, virtual_microphone, korean_model_path: Path, spoken_answers: list[Path]
):
    window, page = open_practice(make_window, qtbot, practice_settings(korean_model_path))
    with qtbot.waitSignal(page.flow.answer_started, timeout=15000):
        start_with_keyboard(page, qtbot)
    play_while_recording(qtbot, virtual_microphone, spoken_answers[0])
    session_id = page.flow.session_id
    window.close()  # waits for the background work, which saves the answer

    with Store.open(app_paths()) as store:
        detail = store.session_detail(session_id)
        assert detail.session.ended_at is not None
        assert len(detail.answers) == 1 and detail.answers[0].question_text == FIRST_QUESTION
        assert detail.answers[0].audio_path
        assert store.recordings.path_for(detail.answers[0].id).exists()


def test_space_in_the_first_second_is_ignored_and_an_empty_answer_earns_no_follow_up(
    make_window, qtbot, virtual_microphone, korean_model_path: Path
):
    """Space pressed again as the think time ends must not stop the answer it just started."""
    window, page = open_practice(make_window, qtbot, practice_settings(korean_model_path))
    flow, view = page.flow, page.interview
    with qtbot.waitSignal(flow.answer_started, timeout=15000):
        start_with_keyboard(page, qtbot)
    press(page, qtbot, Qt.Key.Key_Space)  # at once: an accident
    assert flow.phase is Phase.RECORDING

    qtbot.waitUntil(lambda: view.timer_bar.elapsed_s > 1.2, timeout=5000)
    with qtbot.waitSignal(flow.answer_saved, timeout=20000) as saved:
        press(page, qtbot, Qt.Key.Key_Space)  # now it is meant
    empty = saved.args[0]
    assert empty.word_count == 0 and empty.length_verdict == "too_short"  # nothing was said
    # The question has a follow-up for short answers, but an empty answer is not a short one.
    assert flow.phase is Phase.REPORT and "Follow-up" not in view.primary.text()
    with qtbot.waitSignal(flow.step_started, timeout=10000) as step:
        press(page, qtbot, Qt.Key.Key_Space)
    assert step.args[0].text == SECOND_QUESTION
    assert [a.attempt_of for a in window.context.store.value.answers_for_session(flow.session_id)] == [None]
