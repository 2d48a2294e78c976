"""Answers recovered after a crash (or recorded without a model) are recognised and analysed later:
real Korean speech from eSpeak NG, the real Korean Vosk model, a real Store, a real window."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from mockint.app.reanalysis import analyse_recorded_answers, answers_awaiting_analysis
from mockint.core.session import PracticeMode
from mockint.paths import app_paths
from mockint.settings import Setting, Settings
from mockint.store import Store
from tests.recognition_speech import shared_model
from tests.test_ui_practice_support import korean_speech

WAIT_MS = 60000


@pytest.fixture(scope="module")
def spoken(tmp_path_factory: pytest.TempPathFactory, espeak: str) -> Path:
    return korean_speech(espeak, "팀과 함께 서비스를 만들었습니다", tmp_path_factory.mktemp("recorded") / "spoken.wav")


def test_recorded_answers_without_a_report_get_one_and_the_others_are_left_alone(korean_model_path, spoken):
    with Store.open(app_paths()) as store:
        session = store.create_session(PracticeMode.SOLO)
        recorded = store.add_answer(session.id, "Why do you want this job?")
        store.set_answer_audio(recorded, shutil.copy(spoken, store.recordings.path_for(recorded)))
        broken = store.add_answer(session.id, "Tell me about a failure")
        store.recordings.path_for(broken).write_bytes(b"not a wav file at all")
        store.set_answer_audio(broken, store.recordings.path_for(broken))
        store.add_answer(session.id, "What are you proud of?")  # no recording: nothing to analyse
        assert answers_awaiting_analysis(store) == (recorded, broken)

        result = analyse_recorded_answers(
            store, (recorded, broken), shared_model(korean_model_path), Settings(app_paths().settings_file)
        )

        assert result.analysed == (recorded,)
        assert [answer_id for answer_id, _ in result.failed] == [broken]
        answer = store.get_answer(recorded)
        assert answer.report is not None and answer.report.words and answer.words == answer.report.words
        assert answer.report.metrics.start_latency_s is not None  # timed from the start of the recording
        assert answers_awaiting_analysis(store) == (broken,)  # analysed once; the unreadable one stays


def test_an_answer_recovered_after_a_crash_is_analysed_in_the_background_at_the_next_start(
    korean_model_path, spoken, make_window, qtbot
):
    """The recording was left as `answer-<id>.partial.wav` with the sizes a crash leaves in its header."""
    Settings(app_paths().settings_file).set(Setting.MODEL, str(korean_model_path))
    with Store.open(app_paths()) as store:
        session = store.create_session(PracticeMode.SOLO)
        answer_id = store.add_answer(session.id, "Why do you want this job?")
        partial = store.recordings.partial_path_for(answer_id)
    partial.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(spoken, partial)
    with partial.open("r+b") as crashed:
        crashed.seek(4)
        crashed.write(struct.pack("<I", 36))
        crashed.seek(40)
        crashed.write(struct.pack("<I", 0))

    window = make_window(discover_pages=False)
    analysis = window.context.recorded_analysis
    assert analysis is not None
    with qtbot.waitSignal(analysis.finished, timeout=WAIT_MS) as done:
        pass
    assert done.args[0].analysed == (answer_id,)
    answer = window.context.store.value.get_answer(answer_id)
    assert answer.audio_path == f"answer-{answer_id}.wav" and not partial.exists()
    assert answer.report is not None and answer.report.words, "recognised, not left 'not analysed'"
