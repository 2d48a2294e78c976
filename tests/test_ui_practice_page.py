"""The Practice page before any answer is recorded: think time, keys, reading aloud, leaving."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from mockint.settings import Setting
from mockint.ui.pages.practice_page import PracticePage
from mockint.ui.practice.session_state import Phase
from tests.conftest import require
from tests.test_ui_practice_support import (
    FIRST_QUESTION,
    SECOND_QUESTION,
    open_practice,
    practice_settings,
    press,
    start_with_keyboard,
)


def test_the_page_is_the_first_in_the_sidebar(make_window):
    window = make_window(load_in_background=False)
    assert isinstance(window.page("practice"), PracticePage)
    assert window.current_page_key() == "practice"


def test_think_time_then_n_and_r_move_through_the_questions_without_recording(
    make_window, qtbot, korean_model_path: Path
):
    window, page = open_practice(make_window, qtbot, practice_settings(korean_model_path, think_time_s=30))
    view, flow = page.interview, page.flow
    with qtbot.waitSignal(flow.think_time, timeout=10000):
        start_with_keyboard(page, qtbot)
    assert flow.phase is Phase.THINKING
    assert view.card.text == FIRST_QUESTION and view.countdown.isVisible() and view.countdown.is_running
    assert view.primary.text().startswith("Start answering") and view.repeat.isEnabled()
    assert not view.recording.isVisible() and not view.answer_summary.isVisible()

    press(page, qtbot, Qt.Key.Key_N)
    assert view.card.text == SECOND_QUESTION and flow.phase is Phase.THINKING
    assert view.card.eyebrow.text() == "QUESTION 2 OF 2"

    # R asks again: the think time starts afresh.
    view.countdown.stop()
    press(page, qtbot, Qt.Key.Key_R)
    assert view.card.text == SECOND_QUESTION and view.countdown.is_running and view.countdown.remaining_s > 29

    # N on the last question ends the session: nothing was recorded, so nothing is kept.
    with qtbot.waitSignal(page.session_finished, timeout=10000) as finished:
        press(page, qtbot, Qt.Key.Key_N)
    assert finished.args[0].outcomes == ()
    assert page.views.currentWidget() is page.summary
    assert page.summary.overall.text() == "No answers were recorded in this session."
    store = window.context.store.value
    qtbot.waitUntil(lambda: not window.context.workers.busy)
    assert store.list_sessions() == []

    # "Change setup" goes back; "Practise again" starts another round at once.
    qtbot.mouseClick(page.summary.setup_button, Qt.MouseButton.LeftButton)
    assert page.views.currentWidget() is page.setup
    page.views.setCurrentWidget(page.summary)
    with qtbot.waitSignal(flow.think_time, timeout=10000):
        qtbot.mouseClick(page.summary.again_button, Qt.MouseButton.LeftButton)
    assert view.card.text == FIRST_QUESTION
    press(page, qtbot, Qt.Key.Key_Escape)
    assert page.confirm_box is not None and page.confirm_box.isVisible()
    with qtbot.waitSignal(page.session_finished, timeout=10000):
        next(b for b in page.confirm_box.buttons() if b.text() == "End session").click()


def test_the_interviewer_reads_the_question_then_think_time_starts(make_window, qtbot, korean_model_path: Path):
    require(shutil.which("espeak-ng") is not None, "espeak-ng is missing: apt-get install espeak-ng")
    settings = practice_settings(korean_model_path, think_time_s=30, read_aloud=True)
    window, page = open_practice(make_window, qtbot, settings)
    notes: list[str] = []
    page.flow.reader_unavailable.connect(notes.append)
    with qtbot.waitSignal(page.flow.phase_changed, timeout=10000, check_params_cb=lambda p: p is Phase.READING):
        start_with_keyboard(page, qtbot)
    assert page.interview.status.text().startswith("The interviewer is reading")
    with qtbot.waitSignal(page.flow.think_time, timeout=30000):
        pass
    assert notes == [], f"the question should have been read aloud: {notes}"
    assert page.interview.card.note.isHidden()


def test_when_the_voice_cannot_speak_the_question_is_shown_large_with_a_calm_note(
    make_window, qtbot, korean_model_path: Path
):
    settings = practice_settings(korean_model_path, think_time_s=30, read_aloud=True)
    settings[Setting.VOICE] = "no-such-voice"
    window, page = open_practice(make_window, qtbot, settings)
    with qtbot.waitSignal(page.flow.think_time, timeout=30000):
        start_with_keyboard(page, qtbot)
    card = page.interview.card
    assert not card.note.isHidden()
    assert "not installed" in card.note.text()  # the reason, in the reader's words
    assert "32px" in card.question.styleSheet()
    # Once a session: the next question is not tried again, and says nothing more.
    press(page, qtbot, Qt.Key.Key_N)
    assert page.flow.phase is Phase.THINKING and card.text == SECOND_QUESTION
