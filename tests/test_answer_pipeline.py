"""The answer pipeline without Qt: real speech played into the virtual microphone, recorded,
recognised live by the real Korean model, with hidden hesitations found in the recording."""

from __future__ import annotations

import os
import sys
import threading
import wave
from pathlib import Path

import numpy as np
import pytest

from mockint.core.errors import NoModelError
from mockint.speech.answer_pipeline import AnswerPipeline
from mockint.speech.hesitation import HESITATION
from mockint.speech.recognizer import SpeechModel
from tests.recognition_speech import assemble, hum, shared_model, silence, speak, write_wav
from tests.test_recording_support import best_alignment

LEAD_IN_S = 0.8  # silence before the speech, so the meter and the silence counter have a quiet start
PHRASES = ("저는 개발자입니다", "많이 배웠습니다")
MICROPHONE_RATE = 16000  # the virtual microphone's rate: clips made at it need no resampling to compare


def korean_speech_model(folder: Path) -> SpeechModel:
    """The real model, loaded once per test process (it takes seconds) and shared, as the app does."""
    return shared_model(folder)


@pytest.fixture
def speech_model(korean_model_path: Path) -> SpeechModel:
    return korean_speech_model(korean_model_path)


def spoken_answer(folder: Path, *, with_hum: bool = False, lead_in_s: float = LEAD_IN_S, phrases=PHRASES):
    """An answer as eSpeak NG says it, with a hummed hesitation after the first phrase if asked.
    Returns the clip (hesitation spans are its truth) and the WAV file to play."""
    rate = MICROPHONE_RATE
    gap = ("gap", silence(0.15, rate))
    parts = [("lead", silence(lead_in_s, rate)), ("speech", speak(phrases[0], rate)), gap]
    if with_hum:
        parts += [("hesitation", hum(0.8, pitch_hz=190, loudness=0.8, seed=3, rate=rate)), gap]
    for phrase in phrases[1:]:
        parts += [("speech", speak(phrase, rate)), gap]
    parts.append(("tail", silence(0.3, rate)))
    clip = assemble("answer", parts, rate)
    return clip, write_wav(folder / "spoken.wav", clip.samples, rate)


def play_in_background(microphone, wav: Path) -> threading.Thread:
    player = threading.Thread(target=microphone.play_into_microphone, args=(wav,), daemon=True)
    player.start()
    return player


def read_pcm(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as reader:
        return np.frombuffer(reader.readframes(reader.getnframes()), dtype="<i2"), reader.getframerate()


def assert_words_timed_inside(transcript, duration_s: float, not_before_s: float = 0.0) -> None:
    assert transcript.words, "nothing was recognised"
    for word in transcript.words:
        assert word.timed, word
        assert not_before_s <= word.start <= word.end <= duration_s + 1e-6, word


def test_words_are_ready_when_the_answer_ends(virtual_microphone, speech_model, tmp_path):
    clip, wav = spoken_answer(tmp_path, with_hum=True)
    pipeline = AnswerPipeline(model=speech_model)
    pipeline.start(None, tmp_path / "answer-1.wav")
    assert pipeline.started

    seen = []  # (elapsed, level, silence, live text) while the answer is spoken
    player = play_in_background(virtual_microphone, wav)
    while player.is_alive():
        player.join(0.05)
        seen.append((pipeline.elapsed_s, pipeline.level, pipeline.silence_s, pipeline.live_text))
    live_at_the_end = pipeline.live_text
    result = pipeline.finish()

    recording = result.recording
    assert recording.error is None and recording.path == tmp_path / "answer-1.wav"
    assert not (tmp_path / "answer-1.partial.wav").exists()
    saved, rate = read_pcm(recording.path)
    assert rate == recording.sample_rate and np.array_equal(saved, result.samples)
    assert recording.duration_s >= clip.duration_s

    # The recognizer kept pace: the words were on screen before the answer ended.
    assert live_at_the_end
    assert set(live_at_the_end.split()) & {w.text for w in result.transcript.words}
    transcript = result.transcript
    assert transcript.duration_s == pytest.approx(recording.duration_s, abs=0.001)
    assert transcript.answer_start_s == 0.0
    assert_words_timed_inside(transcript, recording.duration_s, not_before_s=0.7 * LEAD_IN_S)

    # The hum is not a word, yet it is in the transcript, where it was played.
    assert rate == MICROPHONE_RATE
    lag, score = best_alignment(result.samples, clip.samples)
    assert score > 0.9
    hum_start, hum_end = (lag / rate + t for t in clip.hesitations[0])
    hesitations = [w for w in transcript.words if w.text == HESITATION]
    assert len(hesitations) == 1
    assert hesitations[0].start == pytest.approx(hum_start, abs=0.15)
    assert hesitations[0].end == pytest.approx(hum_end, abs=0.15)

    # The meter, the timer and the silence counter moved with the sound.
    quiet = [s for s in seen if s[0] < 0.6 * LEAD_IN_S]
    speaking = [s for s in seen if lag / rate + 0.3 < s[0] < lag / rate + 1.0]
    assert quiet and speaking
    assert max(s[1] for s in quiet) < 0.1 and max(s[1] for s in speaking) > 0.5
    assert max(s[2] for s in quiet) > 0.2 and min(s[2] for s in speaking) == 0.0
    assert [s[0] for s in seen] == sorted(s[0] for s in seen)


def test_a_model_that_arrives_late_still_gives_the_words(virtual_microphone, speech_model, tmp_path):
    _, wav = spoken_answer(tmp_path, phrases=PHRASES[:1])
    pipeline = AnswerPipeline()  # the app is still loading the model
    pipeline.start(None, tmp_path / "answer-2.wav")
    virtual_microphone.play_into_microphone(wav)
    assert pipeline.live_text == ""

    finished = {}
    finishing = threading.Thread(target=lambda: finished.update(result=pipeline.finish()), daemon=True)
    finishing.start()
    finishing.join(0.5)
    assert finishing.is_alive(), "finish() must wait for a model that is still loading"
    pipeline.provide_model(speech_model)
    finishing.join(30)

    result = finished["result"]
    assert result.recognition_error is None and not result.abandoned
    assert_words_timed_inside(result.transcript, result.recording.duration_s, not_before_s=0.7 * LEAD_IN_S)


def test_without_a_model_the_answer_is_still_recorded(virtual_microphone, tmp_path):
    _, wav = spoken_answer(tmp_path, lead_in_s=0.2, phrases=PHRASES[:1])
    no_model = NoModelError("No speech model is installed. Run: mockint model download")
    pipeline = AnswerPipeline()
    pipeline.model_unavailable(no_model)
    pipeline.start(None, tmp_path / "answer-3.wav")
    virtual_microphone.play_into_microphone(wav)
    result = pipeline.finish()

    assert result.transcript is None and result.recognition_error is no_model and not result.abandoned
    saved, _ = read_pcm(result.recording.path)
    assert len(saved) == result.recording.frames > 0
    assert np.abs(saved).max() > 3000  # the speech is in the file


def test_closing_the_app_does_not_wait_for_a_model(virtual_microphone, tmp_path):
    pipeline = AnswerPipeline()
    pipeline.start(None, tmp_path / "answer-4.wav")
    result = pipeline.finish(give_up_after_s=0.5)  # no model ever comes

    assert result.abandoned and result.transcript is None and result.recognition_error is None
    assert result.recording.path.exists() and result.recording.frames > 0


def test_a_pipeline_records_once(virtual_microphone, speech_model, tmp_path):
    pipeline = AnswerPipeline(model=speech_model)
    with pytest.raises(RuntimeError):
        pipeline.finish()
    pipeline.start(None, tmp_path / "answer-5.wav")
    with pytest.raises(RuntimeError):
        pipeline.start(None, tmp_path / "answer-6.wav")
    first = pipeline.finish()
    assert pipeline.finish() is first
    assert first.transcript is not None and first.transcript.duration_s > 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")
def test_recognition_and_scan_run_at_a_lower_priority_than_the_caller(virtual_microphone, speech_model, tmp_path):
    """A saturated computer slows the report, not the window: the threads doing the heavy work
    are niced (Linux: per thread), the thread that drives the pipeline (the GUI's) is not."""
    _, wav = spoken_answer(tmp_path, lead_in_s=0.2, phrases=PHRASES[:1])
    own_nice = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    pipeline = AnswerPipeline(model=speech_model)
    pipeline.start(None, tmp_path / "answer-7.wav")
    virtual_microphone.play_into_microphone(wav)  # both threads have taken audio by now
    workers = {t.name: t.native_id for t in threading.enumerate() if t.name.startswith("mockint-")}
    niceness = {name: os.getpriority(os.PRIO_PROCESS, tid) for name, tid in workers.items() if tid is not None}
    result = pipeline.finish()

    assert result.transcript is not None and result.transcript.words
    assert niceness["mockint-recognition"] >= own_nice + 5, niceness
    assert niceness["mockint-hesitation-scan"] >= own_nice + 5, niceness
    assert niceness["mockint-recorder"] == own_nice  # the writer keeps the file safe: not slowed
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == own_nice
