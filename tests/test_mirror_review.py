"""Review shows a mirror answer's video beside its audio and transcript, or says why it cannot."""

from __future__ import annotations

import wave
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from mockint.app.mirror import MirrorLog, save_mirror_log
from mockint.app.review import load_session
from mockint.core.analysis import Thresholds
from mockint.core.mirror_cues import Cue, ShownCue
from mockint.core.session import PracticeMode
from mockint.paths import app_paths
from mockint.store import Store
from mockint.ui.mirror.generated_frames import GeneratedFrames
from mockint.ui.mirror.video_feed import MirrorVideo
from mockint.ui.review.answer_view import AnswerView
from mockint.ui.theme import theme_for
from mockint.ui.workers import WorkerPool
from tests.test_mirror_video import _record


def _silent_wav(path, seconds: float) -> None:
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(16000)
        writer.writeframes(b"\0\0" * int(16000 * seconds))


@pytest.fixture
def mirror_answer(qtbot):
    store = Store.open(app_paths())
    session = store.create_session(PracticeMode.MIRROR)
    answer_id = store.add_answer(session.id, "Tell me about yourself.", started_at=datetime.now(UTC))
    audio = store.recordings.path_for(answer_id)
    _silent_wav(audio, 3.0)
    store.set_answer_audio(answer_id, audio, 3.0)
    save_mirror_log(store, answer_id, MirrorLog((ShownCue(Cue.SPEAK_UP, 1.0),), 0.1, "", True))
    yield store, session.id, answer_id
    store.close()


def _view(qtbot) -> tuple[AnswerView, WorkerPool]:
    pool = WorkerPool()
    view = AnswerView(pool, theme_for(Qt.ColorScheme.Light))
    qtbot.addWidget(view)
    view.resize(900, 800)
    view.show()
    return view, pool


def test_review_plays_a_mirror_answers_video_with_its_audio(qtbot, virtual_microphone, mirror_answer):
    store, session_id, answer_id = mirror_answer
    video = MirrorVideo()
    frames = GeneratedFrames(video.use_frame_input())
    _record(qtbot, video, frames, store.recordings.video_path_for(answer_id), 75)
    frames.end()
    video.close_source()

    reviewed = load_session(store, session_id).find(answer_id)
    assert reviewed.mirror is not None and reviewed.mirror.video is not None
    assert [cue.cue for cue in reviewed.mirror.log.cues] == [Cue.SPEAK_UP]
    view, pool = _view(qtbot)
    view.show_answer(reviewed, Thresholds())
    assert view.video.isVisible() and view.video.has_video
    view.playback.play(0.0)
    qtbot.waitUntil(lambda: view.playback.is_playing and view.playback.position_s > 0.8, timeout=8000)
    qtbot.waitUntil(lambda: view.video.view.image is not None, timeout=5000)
    qtbot.waitUntil(lambda: view.video.drift_s < 0.2, timeout=3000)
    view.playback.stop()
    assert pool.shutdown(5000)


def test_review_of_an_unplayable_video_keeps_the_audio_and_transcript(qtbot, mirror_answer):
    store, session_id, answer_id = mirror_answer
    store.recordings.video_path_for(answer_id).write_bytes(b"\x00garbage" * 500)
    reviewed = load_session(store, session_id).find(answer_id)
    view, pool = _view(qtbot)
    with qtbot.waitSignal(view.video.unplayable, timeout=10000):
        view.show_answer(reviewed, Thresholds())
    assert view.playback.has_source  # the audio still plays
    assert "cannot be shown" in view.video.problem.text() and view.video.problem.isVisible()
    assert view.transcript.toPlainText()  # the transcript (or why there is none) is still shown
    assert pool.shutdown(5000)


def test_answers_of_other_modes_show_no_video(qtbot):
    with Store.open(app_paths()) as store:
        session = store.create_session(PracticeMode.SOLO)
        answer_id = store.add_answer(session.id, "Why this job?")
        reviewed = load_session(store, session.id).find(answer_id)
    assert reviewed.mirror is None
    view, pool = _view(qtbot)
    view.show_answer(reviewed, Thresholds())
    assert not view.video.isVisible()
    assert pool.shutdown(5000)
