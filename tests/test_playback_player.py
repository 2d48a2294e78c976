"""Playback into the virtual speaker (the PulseAudio null sink), heard back on its monitor."""

from __future__ import annotations

import ctypes.util
import threading
import time
import wave
from pathlib import Path

import numpy as np
import pytest

from mockint.speech.errors import AudioError, UnreadableAudioError
from mockint.speech.playback import NoOutputDeviceError, Player, read_wav
from mockint.speech.tts import QuestionVoice
from tests.conftest import require

LOUD = 0.01  # block RMS above this is sound; the null sink's silence is exactly 0
SHORT_QUESTION = "Why do you want this job?"
LONG_QUESTION = (
    "Tell me about a time you disagreed with your manager. What did you do, "
    "and what was the result? Looking back, would you do anything differently?"
)


class Capture:
    """Records the default input (the sink's monitor) as blocks of 10 ms: when each was heard, and its RMS.

    When a block was heard is told by its place in the stream, not by when its callback ran: on a
    busy machine callbacks come late and in bursts, and a block that arrives 200 ms late holds
    sound from 200 ms earlier. Blocks follow each other without gaps, so block k was heard
    k * 10 ms after block 0, and block 0's moment is the one the least delayed block implies.
    An overflow (blocks lost) starts a new run, timed the same way on its own.
    """

    BLOCK_S = 0.01

    def __init__(self) -> None:
        import sounddevice

        self._runs: list[list[tuple[float, float]]] = []  # per run of unbroken blocks: (arrival, RMS)
        self.arrived = threading.Condition()
        self._stream = sounddevice.InputStream(
            samplerate=16000, channels=1, dtype="float32", blocksize=160, callback=self._take
        )

    def _take(self, indata, _frames, _time, status) -> None:
        level = float(np.sqrt(np.mean(np.square(indata, dtype=np.float64))))
        arrival = time.perf_counter()
        with self.arrived:
            if not self._runs or status.input_overflow:
                self._runs.append([])
            self._runs[-1].append((arrival, level))
            self.arrived.notify_all()

    @property
    def blocks(self) -> list[tuple[float, float]]:
        """(heard at, RMS) of every block so far, in order."""
        with self.arrived:
            timed = []
            for run in self._runs:
                # A block arrives once its last sample is in: block k ended by (k + 1) blocks after
                # the run began, so the run began no later than the smallest such difference.
                began = min(arrival - (k + 1) * self.BLOCK_S for k, (arrival, _level) in enumerate(run))
                timed += [(began + k * self.BLOCK_S, level) for k, (_arrival, level) in enumerate(run)]
            return timed

    def wait_for(self, condition, timeout: float) -> bool:
        """Waits, re-checking each time a block arrives (every 10 ms)."""
        with self.arrived:
            return self.arrived.wait_for(condition, timeout)

    def levels(self, start: float, end: float) -> list[float]:
        """The RMS of the blocks heard from `start` to `end` (perf_counter seconds)."""
        return [level for at, level in self.blocks if start <= at <= end]

    def __enter__(self) -> Capture:
        self._stream.start()
        # The monitor starts delivering a few hundred ms after start(); play only once it listens.
        assert self.wait_for(lambda: len(self.blocks) >= 5, timeout=10), "the virtual microphone delivers nothing"
        return self

    def __exit__(self, *_exc) -> None:
        self._stream.stop()
        self._stream.close()


@pytest.fixture(scope="module")
def question_wav(tmp_path_factory, espeak: str) -> Path:
    require(ctypes.util.find_library("espeak-ng") is not None, "libespeak-ng is missing: apt-get install libespeak-ng1")
    return QuestionVoice(tmp_path_factory.mktemp("tts")).render(LONG_QUESTION)


@pytest.fixture(scope="module")
def short_question_wav(question_wav: Path) -> Path:
    return QuestionVoice(question_wav.parent).render(SHORT_QUESTION)


class Finished:
    def __init__(self) -> None:
        self.event = threading.Event()
        self.reached_end: bool | None = None
        self.calls = 0

    def __call__(self, reached_end: bool) -> None:
        self.reached_end = reached_end
        self.calls += 1
        self.event.set()


def test_played_question_reaches_the_speaker(virtual_microphone, short_question_wav: Path) -> None:
    duration = read_wav(short_question_wav).duration_s
    player = Player()
    finished = Finished()
    with Capture() as capture:
        started = time.perf_counter()
        player.play(short_question_wav, finished)
        assert player.is_playing
        assert finished.event.wait(duration + 10)
        ended = time.perf_counter()
        heard = capture.levels(started, ended)

    assert finished.reached_end is True and finished.calls == 1
    assert not player.is_playing
    assert ended - started >= 0.95 * duration  # it played, not skipped
    assert max(heard) > 0.05
    loud_share = sum(level > LOUD for level in heard) / len(heard)
    assert loud_share > 0.4, loud_share  # speech, with its natural gaps
    assert player.position_s == pytest.approx(duration, abs=0.01)


def test_stop_is_immediate_and_the_speaker_goes_silent(virtual_microphone, question_wav: Path) -> None:
    player = Player()
    finished = Finished()
    with Capture() as capture:
        player.play(question_wav, finished)
        assert capture.wait_for(lambda: player.position_s >= 1.5, timeout=10)
        before_stop = time.perf_counter()

        player.stop()
        assert player.wait(0.1)
        stopped_in = time.perf_counter() - before_stop

        assert capture.wait_for(lambda: capture.blocks[-1][0] > before_stop + 1.0, timeout=5)
    assert stopped_in < 0.1
    assert not player.is_playing
    assert max(capture.levels(before_stop - 1.0, before_stop)) > LOUD  # it was speaking
    # What the sound server already holds still plays: the stream's 100 ms and the server's own
    # buffer, which a busy machine stretches (once 250 ms in CI); then nothing at all, where the
    # question would have gone on for seconds.
    assert max(capture.levels(before_stop + 0.3, before_stop + 1.0)) < 1e-4
    assert finished.event.wait(2) and finished.reached_end is False
    assert 1.5 <= player.position_s < 1.5 + 0.2


def test_position_advances_and_start_s_plays_from_there(virtual_microphone, question_wav: Path) -> None:
    duration = read_wav(question_wav).duration_s
    player = Player()
    with Capture() as capture:
        player.play(question_wav)
        assert capture.wait_for(lambda: player.position_s > 0.3, timeout=10)
        early = player.position_s
        assert capture.wait_for(lambda: player.position_s > early + 0.3, timeout=10)
        player.stop()

        finished = Finished()
        started = time.perf_counter()
        player.play(question_wav, finished, start_s=duration - 1.0)
        assert player.position_s >= duration - 1.0 - 1e-4  # start_s is rounded to a whole frame
        assert finished.event.wait(10)
        took = time.perf_counter() - started
    assert finished.reached_end is True
    assert 0.9 <= took < 2.0  # only the last second played
    assert player.position_s == pytest.approx(duration, abs=0.01)


def test_a_stereo_file_plays(virtual_microphone, tmp_path: Path) -> None:
    rate = 44100
    t = np.arange(int(rate * 0.6)) / rate
    tone = (0.4 * np.sin(2 * np.pi * 440 * t) * 32767).astype("<i2")
    path = tmp_path / "stereo.wav"
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(2)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(np.column_stack([tone, tone]).tobytes())

    finished = Finished()
    with Capture() as capture:
        started = time.perf_counter()
        Player().play(path, finished)
        assert finished.event.wait(10)
        heard = capture.levels(started, time.perf_counter())
    assert finished.reached_end is True
    assert sum(level > 0.1 for level in heard) >= 30  # most of 0.6 s of 10 ms blocks


def test_missing_output_device_is_a_clear_audio_error(tmp_path: Path, question_wav: Path) -> None:
    for device in ("no such output device", 9999):
        with pytest.raises(NoOutputDeviceError) as caught:
            Player(device=device).play(question_wav)
        assert isinstance(caught.value, AudioError)
        assert "Can't play sound" in caught.value.user_message
        assert str(device) in caught.value.user_message


def test_a_file_that_is_not_audio_cannot_be_played(tmp_path: Path) -> None:
    path = tmp_path / "notes.wav"
    path.write_text("not audio")
    player = Player()
    with pytest.raises(UnreadableAudioError):
        player.play(path)
    assert not player.is_playing


def test_play_seek_and_stop_hammered_from_two_threads_never_abort(virtual_microphone, question_wav: Path) -> None:
    """Review's Play, seeks and Stop as fast as they can come, the play on a worker thread and
    the stop on another, through the real sound server. Before one thread owned every stream,
    this aborted the process (SIGABRT in PortAudio) within a few dozen rounds."""
    import json
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=str(root))
    for seed in (1, 2):
        run = subprocess.run(
            [sys.executable, "-m", "tests.playback_hammer", str(question_wav), "200", str(seed)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=root,
            env=env,
        )
        assert run.returncode == 0, f"exit {run.returncode}: {run.stderr[-2000:]}"
        counts = json.loads(run.stdout.strip().splitlines()[-1])
        # Every play was told how it ended, exactly once; the player still plays a file to its end.
        assert counts["plays"] == 200 and counts["finished"] == 200
        assert counts["last_reached_end"] is True
