"""Questions rendered to speech by real eSpeak NG through pyttsx3 in a child process."""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from mockint.core.errors import BadInputError
from mockint.speech.errors import NoSpeechEngineError
from mockint.speech.playback import read_wav
from mockint.speech.tts import QuestionVoice, RenderCancelled, SpeechEngineTimeoutError, UnknownVoiceError
from tests.conftest import require

QUESTION = "Tell me about a time you disagreed with your manager."


@pytest.fixture
def speech_engine(espeak: str) -> None:
    require(ctypes.util.find_library("espeak-ng") is not None, "libespeak-ng is missing: apt-get install libespeak-ng1")


def rms(path: Path) -> float:
    samples = read_wav(path).samples
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))


def cache_leftovers(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def test_renders_a_question_as_speech_of_plausible_length(speech_engine, tmp_path: Path) -> None:
    wav = QuestionVoice(tmp_path).render(QUESTION)

    audio = read_wav(wav)
    words = len(QUESTION.split())
    # eSpeak NG at "170 wpm" speaks these short words at ~0.29 s each (measured); 0.2 s per word
    # would be a clipped render, 1.2 s a stuck or silent one.
    assert 0.2 * words <= audio.duration_s <= 1.2 * words
    assert audio.channels == 1
    assert rms(wav) > 0.02  # speech, not silence


def test_long_text_is_rendered_whole(speech_engine, tmp_path: Path) -> None:
    # pyttsx3 2.99's espeak runAndWait() returns before a long text is synthesised; the child
    # waits for the engine's own "finished" notice, so nothing is cut off.
    text = " ".join(["Describe the hardest bug you fixed and what you learned from it."] * 12)
    audio = read_wav(QuestionVoice(tmp_path).render(text))

    assert audio.duration_s >= 0.2 * len(text.split())


def test_second_render_is_a_cache_hit(speech_engine, tmp_path: Path) -> None:
    voice = QuestionVoice(tmp_path)
    first = voice.render(QUESTION)
    written = first.stat().st_mtime_ns

    started = time.perf_counter()
    second = voice.render("  Tell me about a time you disagreed   with your manager.\n")
    elapsed = time.perf_counter() - started

    assert second == first
    assert elapsed < 0.05
    assert voice.child_runs == 1
    assert second.stat().st_mtime_ns == written
    # A new object over the same folder (the next app start) finds it too, without the engine.
    again = QuestionVoice(tmp_path)
    assert again.render(QUESTION) == first and again.child_runs == 0


def test_rate_and_voice_make_different_files(speech_engine, tmp_path: Path) -> None:
    normal = QuestionVoice(tmp_path, rate=170).render(QUESTION)
    fast = QuestionVoice(tmp_path, rate=260).render(QUESTION)
    american = QuestionVoice(tmp_path, voice="gmw/en-us").render(QUESTION)

    assert len({normal, fast, american}) == 3
    assert read_wav(fast).duration_s < 0.85 * read_wav(normal).duration_s
    assert normal.read_bytes() != american.read_bytes()
    assert len([p for p in tmp_path.iterdir() if p.suffix == ".wav"]) == 3


def test_voices_lists_english_and_asks_the_engine_once(speech_engine, tmp_path: Path) -> None:
    voice = QuestionVoice(tmp_path)
    listed = voice.voices()

    english = [v for v in listed if any(lang.lower().startswith("en") for lang in v.languages)]
    assert english, [v.languages for v in listed]
    assert all(v.id and v.name for v in listed)
    assert voice.voices() == listed
    assert voice.child_runs == 1
    # An English voice from the list renders.
    assert QuestionVoice(tmp_path, voice=english[0].id).render("Why this company?").is_file()


def test_engine_without_its_data_is_no_speech_engine(speech_engine, tmp_path: Path, monkeypatch) -> None:
    # A real broken install: eSpeak NG reads its phoneme data from ESPEAK_DATA_PATH, finds none
    # there, and exits the process from inside espeak_Initialize (the child dies, the app not).
    empty = tmp_path / "no-espeak-data"
    empty.mkdir()
    monkeypatch.setenv("ESPEAK_DATA_PATH", str(empty))
    cache = tmp_path / "cache"
    voice = QuestionVoice(cache)

    with pytest.raises(NoSpeechEngineError) as caught:
        voice.render(QUESTION)
    message = caught.value.user_message
    assert "Install eSpeak NG: sudo apt install espeak-ng" in message
    assert "phontab" in message  # eSpeak NG's own words about what is missing
    assert "\n" not in message
    assert cache_leftovers(cache) == []
    with pytest.raises(NoSpeechEngineError):
        voice.voices()


def test_driver_that_does_not_exist_is_no_speech_engine(speech_engine, tmp_path: Path) -> None:
    with pytest.raises(NoSpeechEngineError) as caught:
        QuestionVoice(tmp_path, driver="no_such_driver").render(QUESTION)
    assert "no_such_driver" in caught.value.user_message
    assert [p for p in tmp_path.iterdir() if p.suffix == ".wav"] == []


def test_interpreter_that_cannot_run_the_engine_is_no_speech_engine(tmp_path: Path) -> None:
    with pytest.raises(NoSpeechEngineError):
        QuestionVoice(tmp_path, python=str(tmp_path / "no-python-here")).render(QUESTION)
    with pytest.raises(NoSpeechEngineError) as caught:
        QuestionVoice(tmp_path, python="/bin/false").render(QUESTION)
    assert "stopped" in caught.value.user_message


def test_unknown_voice_is_reported_as_such(speech_engine, tmp_path: Path) -> None:
    with pytest.raises(UnknownVoiceError) as caught:
        QuestionVoice(tmp_path, voice="xx/not-a-voice").render(QUESTION)
    assert "xx/not-a-voice" in caught.value.user_message


def _processes_mentioning(needle: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if needle.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def test_engine_over_its_time_limit_is_killed_and_nothing_is_cached(speech_engine, tmp_path: Path) -> None:
    require(sys.platform.startswith("linux"), "reads /proc to see that the child is gone")
    voice = QuestionVoice(tmp_path, timeout_s=0.03)  # far less than a render takes

    started = time.perf_counter()
    with pytest.raises(SpeechEngineTimeoutError):
        voice.render(QUESTION)

    assert time.perf_counter() - started < 2.0
    assert _processes_mentioning(str(tmp_path)) == []
    assert cache_leftovers(tmp_path) == []


def test_cancel_stops_the_render(speech_engine, tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(RenderCancelled):
        QuestionVoice(tmp_path).render(QUESTION, cancel=cancel)
    assert cache_leftovers(tmp_path) == []


def test_empty_question_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(BadInputError):
        QuestionVoice(tmp_path).render(" \n ")


def test_espeak_command_fallback_renders_the_same_audio(speech_engine, tmp_path: Path) -> None:
    outputs = {}
    for method in ("pyttsx3", "espeak-ng-command"):
        out = tmp_path / f"{method}.wav"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "mockint.speech.tts_render",
                "render",
                "--out",
                str(out),
                "--rate",
                "170",
                "--voice",
                "gmw/en-us",
                "--method",
                method,
            ],
            input=QUESTION.encode(),
            capture_output=True,
            timeout=60,
            env=dict(os.environ),
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert f'"method": "{method}"' in done.stdout.decode()
        outputs[method] = out.read_bytes()
    assert outputs["pyttsx3"] == outputs["espeak-ng-command"]
