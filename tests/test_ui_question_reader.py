"""QuestionReader: a question rendered by the real eSpeak NG and played into the virtual speaker,
recorded back from its monitor to check what the user would hear."""

from __future__ import annotations

import ctypes.util
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt

from mockint.settings import Setting
from mockint.speech.errors import NoSpeechEngineError
from mockint.speech.playback import read_wav
from mockint.speech.tts import QuestionVoice
from mockint.ui.context import AppContext
from mockint.ui.question_reader import QuestionReader
from mockint.ui.theme import theme_for
from tests.conftest import require

SHORT_QUESTION = "Why this company?"
LONG_QUESTION = (
    "Tell me about a time you disagreed with your manager about a technical decision, "
    "what you did about it, and what you would do differently next time."
)
RATE = 16000  # what the listener records at (the null sink's own rate)
HEARD = 0.03  # RMS (of full scale) of 100 ms with the question playing; eSpeak NG speaks at ~0.1
QUIET = 0.003


@pytest.fixture
def speech_engine(espeak: str) -> None:
    require(ctypes.util.find_library("espeak-ng") is not None, "libespeak-ng is missing: apt-get install libespeak-ng1")


@pytest.fixture
def context(qtbot, qapp):
    made = AppContext.create(None, theme_for(Qt.ColorScheme.Light))
    yield made
    assert made.workers.shutdown(10000)


class Listener:
    """Records the virtual speaker's monitor (what the user would hear) with PulseAudio's parec.

    In a process of its own on purpose: with an input stream open in the same process, PortAudio
    (ALSA through PulseAudio's plugin) hands the output stream's blocks out far faster than real
    time and most of the sound is lost. The app never records while it reads a question.
    """

    def __init__(self, microphone, path: Path) -> None:
        self.path = path
        self._file = open(path, "wb")  # noqa: SIM115 - closed in stop()
        self._process = subprocess.Popen(
            ["parec", "--server", microphone.SERVER, f"--device={microphone.SOURCE}", "--format=s16le",
             f"--rate={RATE}", "--channels=1", "--latency-msec=20"],
            stdout=self._file, stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def samples(self) -> np.ndarray:
        data = self.path.read_bytes()
        return np.frombuffer(data[: len(data) // 2 * 2], dtype="<i2")

    def seconds(self) -> float:
        return len(self.samples()) / RATE

    def recent_level(self, seconds: float = 0.1) -> float:
        """RMS of the last `seconds` heard, as a fraction of full scale."""
        tail = self.samples()[-int(seconds * RATE) :]
        return float(np.sqrt(np.mean(np.square(tail, dtype=np.float64)))) / 32768.0 if len(tail) else 0.0

    def stop(self) -> np.ndarray:
        self._process.terminate()
        self._process.wait(timeout=10)
        self._file.close()
        return self.samples()


@pytest.fixture
def listening(virtual_microphone, tmp_path):
    listener = Listener(virtual_microphone, tmp_path / "heard.raw")
    yield listener
    listener.stop()


def finished_signals(reader: QuestionReader) -> list[bool]:
    seen: list[bool] = []
    reader.finished.connect(seen.append)
    return seen


def loud_seconds(samples: np.ndarray, rate: int = RATE) -> float:
    """How long `samples` (float in [-1, 1] or int16) hold sound: 20 ms frames above -40 dBFS."""
    values = samples.astype(np.float64) / (32768.0 if samples.dtype == np.int16 else 1.0)
    frame = rate // 50
    frames = values[: len(values) // frame * frame].reshape(-1, frame)
    rms = np.sqrt(np.mean(np.square(frames), axis=1))
    return float(np.count_nonzero(rms > 0.01)) * 0.02


def loud_seconds_of(path: Path) -> float:
    audio = read_wav(path)
    return loud_seconds(audio.samples[:, 0], audio.sample_rate)


def rendered(context: AppContext, text: str) -> Path:
    settings = context.settings
    voice = QuestionVoice(
        context.paths.tts_cache_dir, voice=settings.get(Setting.VOICE), rate=settings.get(Setting.VOICE_RATE)
    )
    cached = voice.cached(text)
    assert cached is not None, "the reader renders through the cache, so the next read is instant"
    return cached


def test_a_question_is_read_aloud_to_the_end(qtbot, context, speech_engine, listening):
    reader = QuestionReader(context)
    seen = finished_signals(reader)
    reader.read(SHORT_QUESTION)
    assert reader.is_reading
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    # The sound server may still hold the last fraction of a second when playback reports its end.
    qtbot.waitUntil(lambda: listening.recent_level(0.3) < QUIET, timeout=3000)
    heard = listening.stop()

    assert seen == [True] and not reader.is_reading
    # All of the question reached the speaker: as much sound as the rendered file holds.
    assert loud_seconds(heard) == pytest.approx(loud_seconds_of(rendered(context, SHORT_QUESTION)), abs=0.2)


def test_stop_silences_the_question_at_once(qtbot, context, speech_engine, listening):
    reader = QuestionReader(context)
    seen = finished_signals(reader)
    reader.read(LONG_QUESTION)
    qtbot.waitUntil(lambda: listening.recent_level() > HEARD, timeout=30000)  # the user hears it now

    stopped_at = time.monotonic()
    reader.stop()
    assert seen == [False] and not reader.is_reading  # told at once, on the spot
    qtbot.waitUntil(lambda: listening.recent_level() < QUIET, timeout=2000)
    silent_after_s = time.monotonic() - stopped_at
    qtbot.waitUntil(lambda: not context.workers.busy, timeout=5000)
    QCoreApplication.processEvents()
    heard = listening.stop()

    assert seen == [False]  # the stopped reading sends nothing more
    assert silent_after_s < 0.5
    assert loud_seconds(heard) < 0.6 * loud_seconds_of(rendered(context, LONG_QUESTION))  # cut off


def test_a_new_question_replaces_the_one_being_read(qtbot, context, speech_engine, listening):
    reader = QuestionReader(context)
    seen = finished_signals(reader)
    reader.read(LONG_QUESTION)
    reader.read(SHORT_QUESTION)
    assert seen == [False]
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=30000)
    qtbot.waitUntil(lambda: not context.workers.busy, timeout=5000)
    qtbot.waitUntil(lambda: listening.recent_level(0.3) < QUIET, timeout=3000)
    heard = listening.stop()

    assert seen == [False, True]
    # Only the second question was heard: the first was dropped before it began.
    assert loud_seconds(heard) == pytest.approx(loud_seconds_of(rendered(context, SHORT_QUESTION)), abs=0.2)


def test_without_a_working_engine_the_caller_is_told_why(qtbot, context, speech_engine, tmp_path, monkeypatch):
    # A real broken install: eSpeak NG finds no phoneme data and the render process dies.
    empty = tmp_path / "no-espeak-data"
    empty.mkdir()
    monkeypatch.setenv("ESPEAK_DATA_PATH", str(empty))
    reader = QuestionReader(context)
    events: list[tuple[str, object]] = []
    reader.unavailable.connect(lambda error: events.append(("unavailable", error)))
    reader.finished.connect(lambda reached_end: events.append(("finished", reached_end)))
    reader.read(SHORT_QUESTION)
    qtbot.waitUntil(lambda: any(kind == "finished" for kind, _ in events), timeout=30000)

    assert [kind for kind, _ in events] == ["unavailable", "finished"]
    error = events[0][1]
    assert isinstance(error, NoSpeechEngineError)
    assert "Install eSpeak NG" in error.user_message and "\n" not in error.user_message
    assert events[1][1] is False
