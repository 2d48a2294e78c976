"""AnswerCapture end to end: real speech into the virtual microphone, the real Korean model, a real
Store in the test's MOCKINT_HOME, and the signals the Practice page shows."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
import wave
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from mockint.core.analysis import AnswerReport
from mockint.core.errors import NoModelError, StorageError
from mockint.core.targets import INTRODUCTION, QUICK_FACTUAL
from mockint.settings import Setting
from mockint.speech.errors import NoMicrophoneError
from mockint.speech.recording_stream import DEVICE_LOST_MESSAGE
from mockint.ui.background import BackgroundResource, ResourceState
from mockint.ui.capture.answer_capture import AnswerCapture, AnswerNotAnalysedError, CapturedAnswer
from mockint.ui.context import AppContext
from mockint.ui.theme import theme_for
from mockint.ui.workers import FunctionWorker
from tests.conftest import REPO_ROOT
from tests.test_answer_pipeline import LEAD_IN_S, PHRASES, korean_speech_model, play_in_background, spoken_answer
from tests.test_recording_support import private_pulse  # noqa: F401 - a fixture, used by name

FAULT_SCRIPT = Path(__file__).resolve().parent / "data" / "answer_capture" / "capture_until_fault.py"


@dataclass
class Seen:
    """Every signal an AnswerCapture sent, with when it arrived."""

    started: list[float] = field(default_factory=list)
    levels: list[float] = field(default_factory=list)
    elapsed: list[float] = field(default_factory=list)
    partials: list[str] = field(default_factory=list)
    silences: list[float] = field(default_factory=list)
    finished: list[CapturedAnswer] = field(default_factory=list)
    finished_at: list[float] = field(default_factory=list)
    failed: list[BaseException] = field(default_factory=list)
    order: list[str] = field(default_factory=list)

    @classmethod
    def watching(cls, capture: AnswerCapture) -> Seen:
        seen = cls()
        capture.started.connect(lambda: seen.started.append(time.monotonic()))
        capture.level.connect(seen.levels.append)
        capture.elapsed.connect(seen.elapsed.append)
        capture.partial.connect(seen.partials.append)
        capture.silence.connect(seen.silences.append)
        capture.finished.connect(
            lambda answer: (
                seen.finished.append(answer),
                seen.finished_at.append(time.monotonic()),
                seen.order.append("finished"),
            )
        )
        capture.failed.connect(lambda error: (seen.failed.append(error), seen.order.append("failed")))
        return seen


def _context(qtbot) -> AppContext:
    context = AppContext.create(None, theme_for(Qt.ColorScheme.Light))
    with qtbot.waitSignal(context.store.ready, timeout=15000):
        context.store.load()
    return context


@pytest.fixture
def context(qtbot, qapp):
    """The app's context over this test's MOCKINT_HOME, store open, model not loaded."""
    made = _context(qtbot)
    yield made
    assert made.workers.shutdown(10000)
    made.store.value.close()


@pytest.fixture
def ready_context(context, qtbot, korean_model_path):
    """The context with the speech model ready. The app's own BackgroundResource does the
    loading; its loader hands over the model this test process already loaded (another
    250 MB load per test would only cost time)."""
    model = korean_speech_model(korean_model_path)
    context.model = BackgroundResource(context.workers, lambda: FunctionWorker(lambda: model))
    with qtbot.waitSignal(context.model.ready, timeout=30000):
        context.model.load()
    return context


def _capture(context: AppContext, **overrides) -> AnswerCapture:
    """An AnswerCapture for a new session's first question."""
    session = context.store.value.create_session("solo")
    options = dict(session_id=session.id, question_text="Tell me about yourself.", target=INTRODUCTION)
    return AnswerCapture.for_question(context, **{**options, **overrides})


def _wav_facts(path: Path) -> tuple[int, float]:
    with wave.open(str(path), "rb") as reader:
        return reader.getnframes(), reader.getnframes() / reader.getframerate()


def _assert_words_inside(words, duration_s: float) -> None:
    assert words, "nothing was recognised"
    for word in words:
        assert word.timed and 0.0 <= word.start <= word.end <= duration_s + 1e-6, word


def test_a_whole_answer_is_recognised_while_spoken_and_saved_on_stop(
    qtbot, ready_context, virtual_microphone, tmp_path
):
    _, wav = spoken_answer(tmp_path)
    capture = _capture(ready_context, question_id="intro", deck_id="basics")
    seen = Seen.watching(capture)
    with qtbot.waitSignal(capture.started, timeout=15000):
        capture.start()
    assert capture.is_recording and capture.answer_id is not None

    player = play_in_background(virtual_microphone, wav)
    qtbot.waitUntil(lambda: not player.is_alive(), timeout=30000)
    qtbot.waitUntil(lambda: bool(seen.partials), timeout=10000)  # words on screen while speaking
    stopped_at = time.monotonic()
    capture.stop()
    assert not capture.is_recording
    qtbot.waitUntil(lambda: bool(seen.finished or seen.failed), timeout=10000)

    assert seen.failed == [] and len(seen.finished) == 1
    assert seen.finished_at[0] - stopped_at < 1.0, "the report must be ready the moment the user stops"
    answer = seen.finished[0]
    assert answer.answer_id == capture.answer_id

    # The live signals: a meter that rose with the speech, a timer, the silence before it.
    assert max(seen.levels[:3]) < 0.1 and max(seen.levels) > 0.5
    assert seen.levels[-1] == 0.0  # the meter drops when recording stops
    assert seen.elapsed == sorted(seen.elapsed) and seen.elapsed[-1] <= answer.duration_s
    assert 8 <= len(seen.levels) / answer.duration_s <= 25  # about 20 a second
    assert 4 <= len(seen.elapsed) / answer.duration_s <= 12  # about 10 a second
    assert max(seen.silences[: int(5 * LEAD_IN_S)]) > 0.2 and 0.0 in seen.silences
    assert all(a != b for a, b in zip(seen.partials, seen.partials[1:], strict=False))  # only when it changed
    assert set(" ".join(seen.partials).split()) & {w.text for w in answer.transcript.words}

    # The report, with words timed inside the recording.
    report = answer.report
    assert isinstance(report, AnswerReport)
    _assert_words_inside(answer.transcript.words, answer.duration_s)
    assert all(w.start >= 0.7 * LEAD_IN_S for w in answer.transcript.words)
    assert report.metrics.word_count == len(report.words) > 0
    assert report.length.verdict == "too_short"  # a few seconds against 60-90 s
    assert answer.transcript.duration_s == pytest.approx(answer.duration_s, abs=0.001)

    # The audio: saved under the answer's id, whole.
    store = ready_context.store.value
    assert answer.audio_path == store.recordings.path_for(answer.answer_id)
    assert answer.audio_path.exists() and not store.recordings.partial_path_for(answer.answer_id).exists()
    frames, seconds = _wav_facts(answer.audio_path)
    assert frames > 0 and seconds == pytest.approx(answer.duration_s, abs=0.001)

    # The database row holds what the page showed.
    row = store.get_answer(answer.answer_id)
    assert row.session_id == capture.request.session_id
    assert (row.question_text, row.question_id, row.deck_id) == ("Tell me about yourself.", "intro", "basics")
    assert row.audio_path == answer.audio_path.name and row.duration_s == pytest.approx(answer.duration_s)
    assert row.words == report.words  # stored once: the report's words (its indices point into them)
    assert row.report == report  # typed, detail included
    assert row.headline.length_verdict == "too_short"
    assert [a.id for a in store.answers_for_session(row.session_id)] == [answer.answer_id]


def test_an_unknown_microphone_fails_clearly_and_leaves_nothing_behind(qtbot, ready_context):
    ready_context.set_setting(Setting.INPUT_DEVICE, "Microphone That Was Unplugged")
    capture = _capture(ready_context)
    seen = Seen.watching(capture)
    with qtbot.waitSignal(capture.failed, timeout=15000):
        capture.start()
    assert capture.is_recording is False

    error = seen.failed[0]
    assert isinstance(error, NoMicrophoneError)
    assert "Microphone That Was Unplugged" in error.user_message
    assert seen.started == [] and seen.finished == []
    store = ready_context.store.value
    assert store.answers_for_session(capture.request.session_id) == []
    assert list(store.recordings.folder.iterdir()) == []


def test_a_store_that_cannot_open_fails_the_answer_after_start_returns(qtbot, qapp, mockint_home, monkeypatch):
    blocked = mockint_home / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    monkeypatch.setenv("MOCKINT_HOME", str(blocked))
    context = AppContext.create(None, theme_for(Qt.ColorScheme.Light))
    try:
        with qtbot.waitSignal(context.store.unavailable, timeout=15000):
            context.store.load()
        capture = AnswerCapture.for_question(context, session_id=1, question_text="Why us?", target=QUICK_FACTUAL)
        seen = Seen.watching(capture)
        capture.start()
        assert seen.failed == []  # nothing is signalled from inside start()
        qtbot.waitUntil(lambda: bool(seen.failed), timeout=5000)
    finally:
        assert context.workers.shutdown(10000)
    assert isinstance(seen.failed[0], StorageError) and str(blocked) in seen.failed[0].user_message
    assert seen.started == [] and seen.finished == [] and not capture.is_recording


def test_closing_the_window_mid_answer_keeps_the_audio_and_the_row(qtbot, ready_context, virtual_microphone, tmp_path):
    _, wav = spoken_answer(tmp_path, lead_in_s=0.2, phrases=PHRASES[:1])
    capture = _capture(ready_context)
    seen = Seen.watching(capture)
    with qtbot.waitSignal(capture.started, timeout=15000):
        capture.start()
    virtual_microphone.play_into_microphone(wav)

    asked_at = time.monotonic()
    capture.abort()
    assert time.monotonic() - asked_at < 0.05  # the GUI thread does not wait for the audio
    assert ready_context.workers.shutdown(5000)  # what the main window does as it closes
    assert time.monotonic() - asked_at < 3.0
    QCoreApplication.processEvents()  # anything the worker posted has now been delivered

    assert seen.finished == [] and seen.failed == []  # the page is going away: no signals
    store = ready_context.store.value
    row = store.get_answer(capture.answer_id)
    path = store.recordings.path_for(row.id)
    assert row.audio_path == path.name and path.exists()
    assert not store.recordings.partial_path_for(row.id).exists()
    frames, seconds = _wav_facts(path)
    assert frames > 0 and row.duration_s == pytest.approx(seconds, abs=0.001)
    if row.report is not None:  # recognition had kept pace, so the report was saved too
        _assert_words_inside(row.words, seconds)


def test_an_answer_started_before_the_model_loaded_is_reported_once_it_has(
    qtbot, context, virtual_microphone, korean_model_path, tmp_path
):
    context.set_setting(Setting.MODEL, str(korean_model_path))
    assert context.model.state is ResourceState.IDLE  # the window has not loaded it yet
    _, wav = spoken_answer(tmp_path, phrases=PHRASES[:1])
    capture = _capture(context, target=QUICK_FACTUAL)
    seen = Seen.watching(capture)
    capture.start()
    assert context.model.state is ResourceState.LOADING  # the answer asked for it
    qtbot.waitUntil(lambda: bool(seen.started), timeout=15000)
    virtual_microphone.play_into_microphone(wav)
    capture.stop()
    qtbot.waitUntil(lambda: bool(seen.finished or seen.failed), timeout=60000)

    assert seen.failed == [] and context.model.state is ResourceState.READY
    answer = seen.finished[0]
    _assert_words_inside(answer.transcript.words, answer.duration_s)
    assert context.store.value.get_answer(answer.answer_id).report is not None


def test_without_any_model_the_answer_is_saved_and_the_user_told_why(qtbot, context, virtual_microphone, tmp_path):
    _, wav = spoken_answer(tmp_path, lead_in_s=0.2, phrases=PHRASES[:1])
    capture = _capture(context)
    seen = Seen.watching(capture)
    capture.start()
    qtbot.waitUntil(lambda: bool(seen.started), timeout=15000)
    virtual_microphone.play_into_microphone(wav)
    qtbot.waitUntil(lambda: context.model.state is ResourceState.UNAVAILABLE, timeout=15000)
    capture.stop()
    qtbot.waitUntil(lambda: bool(seen.failed), timeout=15000)

    assert seen.finished == [] and len(seen.failed) == 1
    error = seen.failed[0]
    assert isinstance(error, AnswerNotAnalysedError) and isinstance(error, NoModelError)
    assert error.answer_id == capture.answer_id
    assert "recorded and saved" in error.user_message
    assert context.model.error.user_message in error.user_message  # how to get a model
    row = context.store.value.get_answer(error.answer_id)
    assert row.report is None and row.audio_path == error.audio_path.name
    frames, seconds = _wav_facts(error.audio_path)
    assert frames > 0 and row.duration_s == pytest.approx(seconds, abs=0.001)


def test_a_microphone_lost_mid_answer_still_gives_the_report_then_the_error(private_pulse, korean_model_path, tmp_path):
    """In a child process: its sound server goes away while the user is answering."""
    _, wav = spoken_answer(tmp_path, lead_in_s=0.2, phrases=PHRASES[:1])
    env = dict(private_pulse.client_env(), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT))
    child = subprocess.Popen(
        [sys.executable, str(FAULT_SCRIPT), str(korean_model_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT, env=env,
    )  # fmt: skip
    events: queue.Queue[dict | None] = queue.Queue()
    threading.Thread(
        target=lambda: [events.put(json.loads(line)) for line in child.stdout] + [events.put(None)], daemon=True
    ).start()

    def next_event(kind: str) -> dict:
        while True:
            event = events.get(timeout=60)
            assert event is not None, f"the child ended early: {child.stderr.read()}"
            if event["event"] == kind:
                return event

    try:
        next_event("started")
        subprocess.run(
            ["paplay", "--server", private_pulse.server, "--device=private_sink", str(wav)], check=True, timeout=60
        )
        private_pulse.exit()
        finished, failed, row = next_event("finished"), next_event("failed"), next_event("row")
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        stderr = child.stderr.read()
    assert finished["order"] < failed["order"]  # the report first, then why the answer ended
    assert (failed["type"], failed["message"]) == ("DeviceLostError", DEVICE_LOST_MESSAGE)
    assert finished["words"] > 0 and finished["interrupted_by"] == "DeviceLostError"
    assert row["audio_path"] == f"answer-{finished['answer_id']}.wav" and row["has_report"]
    assert row["duration_s"] == pytest.approx(finished["duration_s"])
    assert child.returncode == 0 and "Traceback" not in stderr, stderr
    assert os.path.exists(row["audio_file"])
