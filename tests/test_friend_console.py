"""A whole friend session through the interviewer's console, by its keys: the candidate's voice through
the virtual microphone, recognised by the Korean model; flags at known moments of the played audio;
ratings and notes saved and carried into every export."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile
from PySide6.QtCore import Qt

from mockint.app.friend_session import FriendCommand, FriendPhase
from mockint.core.export.csv_export import session_csv
from mockint.core.export.html import session_html
from mockint.core.export.json_export import session_json
from mockint.core.export.markdown import session_markdown
from mockint.core.session import FlagKind, PracticeMode, Rating, RatingCriterion
from mockint.settings import Setting
from mockint.ui.background import ResourceState
from mockint.ui.friend.friend_page import FriendPage
from mockint.ui.pdf_export import write_session_pdf
from tests.recognition_speech import ESPEAK_RATE, silence, speak, write_wav
from tests.test_export_pdf import read_pdf
from tests.test_ui_practice_support import (
    FIRST_QUESTION,
    FOLLOW_UP,
    SECOND_QUESTION,
    practice_settings,
    save_settings,
    write_korean_deck,
)

BEEP_S = 0.25
# Moments of the played audio (seconds after its first sound) at which the friend presses a key.
STRONG_AT, RAMBLING_AT, NOTE_AT = 1.0, 2.0, 2.6
FLAG_TOLERANCE_S = 0.3


def beep(seconds: float = BEEP_S, rate: int = ESPEAK_RATE) -> np.ndarray:
    """A loud 1 kHz tone: a sharp first sound to find in the recording."""
    t = np.arange(round(seconds * rate)) / rate
    return (np.sin(2 * np.pi * 1000 * t) * 20000).astype(np.int16)


@pytest.fixture(scope="module")
def candidate_answers(tmp_path_factory: pytest.TempPathFactory, espeak: str) -> list[Path]:
    folder = tmp_path_factory.mktemp("friend-speech")
    first = np.concatenate(
        [
            beep(),
            silence(0.4),
            speak("안녕하세요 저는 개발자입니다"),
            silence(0.6),
            speak("팀과 함께 서비스를 만들었습니다"),
        ]
    )
    second = np.concatenate([speak("좋은 회사라고 생각합니다"), silence(0.3)])
    return [
        write_wav(folder / "first.wav", first, ESPEAK_RATE),
        write_wav(folder / "second.wav", second, ESPEAK_RATE),
    ]


def open_friend_page(make_window, qtbot, korean_model_path: Path) -> FriendPage:
    write_korean_deck()
    save_settings(practice_settings(korean_model_path))
    window = make_window()
    page = window.page("friend")
    assert window.show_page("friend") and "Friend" in window.sidebar_titles()
    assert isinstance(page, FriendPage)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: page.context.store.state is ResourceState.READY, timeout=20000)
    qtbot.waitUntil(page.setup_panel.start_button.isEnabled, timeout=20000)
    return page


def press(page: FriendPage, qtbot, key: Qt.Key) -> None:
    qtbot.keyClick(page.console, key)


def wait_until_time(qtbot, moment: float) -> None:
    qtbot.waitUntil(lambda: time.monotonic() >= moment, timeout=int((moment - time.monotonic()) * 1000) + 5000)


def first_sound_s(wav: Path) -> float:
    samples, rate = soundfile.read(str(wav), dtype="float32")
    loud = np.flatnonzero(np.abs(samples) > 0.3)
    assert loud.size, "the beep reached the recording"
    return float(loud[0]) / rate


def test_a_whole_friend_session_by_the_consoles_keys(
    make_window, qtbot, virtual_microphone, korean_model_path: Path, candidate_answers: list[Path], tmp_path: Path
):
    page = open_friend_page(make_window, qtbot, korean_model_path)
    flow, console, setup = page.flow, page.console, page.setup_panel
    assert setup.chosen_deck_ids() == ["ko-practice"]
    setup.count.setValue(2)
    setup.candidate.setText("Jo")
    with qtbot.waitSignal(flow.started, timeout=10000):
        setup.start_button.setFocus()
        qtbot.keyClick(setup.start_button, Qt.Key.Key_Space)
    assert page.stack.currentWidget() is console
    assert console.card.text() == FIRST_QUESTION and console.position.text() == "Question 1 of 2"

    # A flag before the answer is refused with a message, and nothing is stored.
    press(page, qtbot, Qt.Key.Key_1)
    assert console.status.text() == "Flags mark a moment of an answer: start the answer first (Space)."
    assert flow.flags == []

    levels: list[float] = []
    flow.level.connect(levels.append)
    with qtbot.waitSignal(flow.answer_started, timeout=15000):
        press(page, qtbot, Qt.Key.Key_Space)
    assert console.buttons[FriendCommand.START_STOP].text() == "Stop answer (Space)"
    player = threading.Thread(target=virtual_microphone.play_into_microphone, args=(candidate_answers[0],))
    player.start()
    qtbot.waitUntil(lambda: bool(levels) and max(levels) > 0.2, timeout=15000)
    heard_at = time.monotonic()  # the beep has reached the microphone: the audio's moment 0
    wait_until_time(qtbot, heard_at + STRONG_AT)
    press(page, qtbot, Qt.Key.Key_1)
    wait_until_time(qtbot, heard_at + RAMBLING_AT)
    press(page, qtbot, Qt.Key.Key_3)
    wait_until_time(qtbot, heard_at + NOTE_AT)
    press(page, qtbot, Qt.Key.Key_4)
    assert console.note_edit.isVisible() and console.note_edit.hasFocus()
    qtbot.keyClicks(console.note_edit, "lost the thread")
    qtbot.keyClick(console.note_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not player.is_alive(), timeout=30000)
    player.join()
    with qtbot.waitSignal(flow.answer_saved, timeout=30000) as saved:
        press(page, qtbot, Qt.Key.Key_Space)
    first = saved.args[0]
    assert first.transcript.words, "the Korean model recognised the candidate"
    assert console.after_answer.isVisible() and console.summary.length[1].text()
    assert flow.model is not None and flow.model.phase is FriendPhase.RATING

    # The flags landed where the keys were pressed, measured on the recorded audio.
    store = page.context.store.value
    qtbot.waitUntil(lambda: len(store.flags_for_answer(first.answer_id)) == 3, timeout=5000)
    flags = store.flags_for_answer(first.answer_id)
    sound = first_sound_s(first.audio_path)
    expected = [
        (FlagKind.STRONG, STRONG_AT, ""),
        (FlagKind.RAMBLING, RAMBLING_AT, ""),
        (FlagKind.NOTE, NOTE_AT, "lost the thread"),
    ]
    errors = []
    for flag, (kind, moment, label) in zip(flags, expected, strict=True):
        assert (flag.kind, flag.label) == (kind, label)
        errors.append(flag.at_s - (sound + moment))
    print(f"flag timing errors (s): {[round(e, 3) for e in errors]}")
    assert max(abs(e) for e in errors) <= FLAG_TOLERANCE_S, errors

    # Ratings: two criteria and a comment, saved from the console.
    console.rating.set_score(RatingCriterion.CLARITY, 4)
    console.rating.set_score(RatingCriterion.RELEVANCE, 2)
    console.rating.comment.setFocus()
    qtbot.keyClicks(console.rating.comment, "good story, no result")
    with qtbot.waitSignal(page.context.events.sessions_changed, timeout=5000):
        qtbot.keyClick(console.rating.comment, Qt.Key.Key_Return)
    assert store.rating_for(first.answer_id) == Rating(
        first.answer_id, clarity=4, relevance=2, comment="good story, no result"
    )

    # F asks the deck's follow-up; the answer to it is recorded the same way.
    console.setFocus()
    press(page, qtbot, Qt.Key.Key_F)
    assert console.card.text() == FOLLOW_UP and "follow-up" in console.position.text()
    with qtbot.waitSignal(flow.answer_started, timeout=15000):
        press(page, qtbot, Qt.Key.Key_Space)
    player = threading.Thread(target=virtual_microphone.play_into_microphone, args=(candidate_answers[1],))
    player.start()
    qtbot.waitUntil(lambda: not player.is_alive(), timeout=30000)
    with qtbot.waitSignal(flow.answer_saved, timeout=30000) as saved:
        press(page, qtbot, Qt.Key.Key_Space)
    follow_up = saved.args[0]
    qtbot.mouseClick(console.rating.skip_button, Qt.MouseButton.LeftButton)
    assert "rate this answer later in Review" in console.status.text()

    # N: question 2, which has no follow-ups; S skips it, and that ends the 2-question session.
    press(page, qtbot, Qt.Key.Key_N)
    assert console.card.text() == SECOND_QUESTION and console.position.text() == "Question 2 of 2"
    press(page, qtbot, Qt.Key.Key_F)
    assert console.status.text() == "This question has no follow-ups in its deck."
    with qtbot.waitSignal(flow.ended, timeout=10000) as ended:
        press(page, qtbot, Qt.Key.Key_S)
    session_id = ended.args[0]
    assert page.stack.currentWidget() is page.setup_panel and page.review_button.isVisible()

    detail = store.session_detail(session_id)
    assert detail.session.mode is PracticeMode.FRIEND and detail.session.title == "With Jo"
    assert [a.question_text for a in detail.answers] == [FIRST_QUESTION, FOLLOW_UP]
    assert follow_up.answer_id not in detail.ratings

    # Every export format carries the flags, the note and the ratings.
    markdown = session_markdown(detail)
    assert "- Friend's rating: clarity 4/5, relevance 2/5" in markdown
    assert "- Friend's comment: good story, no result" in markdown
    assert "note: lost the thread" in markdown and "strong moment" in markdown and "rambling" in markdown
    page_html = session_html(detail)
    assert "good story, no result" in page_html and "note: lost the thread" in page_html
    csv_text = session_csv(detail)
    assert "good story, no result" in csv_text and "rambling" in csv_text
    data = json.loads(session_json(detail))
    exported = data["answers"][0]
    assert exported["rating"]["clarity"] == 4 and exported["rating"]["comment"] == "good story, no result"
    assert [f["kind"] for f in exported["flags"]] == ["strong", "rambling", "note"]
    pdf = tmp_path / "friend-session.pdf"
    write_session_pdf(detail, pdf)
    facts = read_pdf(pdf)
    assert facts.texts is not None, "QtPdf reads the PDF back"
    pdf_text = " ".join(" ".join(facts.texts).split())
    assert "clarity 4/5, relevance 2/5" in pdf_text and "good story, no result" in pdf_text
    assert "note: lost the thread" in pdf_text and "strong moment" in pdf_text


def test_no_microphone_says_so_offers_settings_and_does_not_start(make_window, qtbot, korean_model_path):
    page = open_friend_page(make_window, qtbot, korean_model_path)
    page.context.settings.set(Setting.INPUT_DEVICE, "A microphone that is not plugged in")
    page.start()
    qtbot.waitUntil(lambda: page.setup_panel.settings_button.isVisible(), timeout=10000)
    assert "was not found" in page.setup_panel.problem.text()
    assert page.flow.session is None and page.stack.currentWidget() is page.setup_panel
    assert page.context.store.value.list_sessions() == []


def test_the_interviewer_picks_as_we_go_from_a_searchable_list(
    make_window, qtbot, virtual_microphone, korean_model_path: Path
):
    page = open_friend_page(make_window, qtbot, korean_model_path)
    page.setup_panel.picks.setChecked(True)
    assert not page.setup_panel.count.isEnabled()
    assert not page.console.transcript.isVisible()  # the live transcript is off by default
    with qtbot.waitSignal(page.flow.started, timeout=10000):
        page.start()
    console = page.console
    assert console.position.text() == "Question 1 · you pick"
    press(page, qtbot, Qt.Key.Key_P)
    dialog = console.pick_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.results.count() == 2 and dialog.count.text() == "2 questions"
    qtbot.keyClicks(dialog.filter, "motivation")
    assert dialog.results.count() == 1
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert console.card.text() == SECOND_QUESTION
    assert console.follow_ups.text() == "None in the deck."
    press(page, qtbot, Qt.Key.Key_N)  # next, in deck order, not yet answered
    assert console.card.text() == FIRST_QUESTION and FOLLOW_UP in console.follow_ups.text()
    press(page, qtbot, Qt.Key.Key_R)
    assert console.card.text() == FIRST_QUESTION and console.status.text().startswith("Ask the question")
