"""Helpers for the recording tests: test sounds, WAV reading, a recorder in its own process, and a
second private PulseAudio server that a test may stop or kill without disturbing the others."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import wave
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import DATA_DIR, REPO_ROOT, require

RECORD_SCRIPT = DATA_DIR / "recording" / "record_answer.py"
NO_CAPTURE_ALSA_CONFIG = DATA_DIR / "recording" / "no_capture_asound.conf"
RATE = 16000  # the virtual microphone's null sink runs at 16 kHz mono


def chirp(
    seconds: float, rate: int = RATE, f0: float = 300.0, f1: float = 3000.0, amplitude: float = 0.4
) -> np.ndarray:
    """A rising sweep: unlike a steady tone it lines up with its recording at exactly one lag."""
    t = np.arange(int(seconds * rate)) / rate
    phase = 2 * np.pi * (f0 * t + (f1 - f0) * t * t / (2 * seconds))
    fade = np.minimum(1.0, np.minimum(t, seconds - t) / 0.01)  # no clicks at the edges
    return (amplitude * 32767 * fade * np.sin(phase)).astype("<i2")


def tone(seconds: float, rate: int = RATE, frequency: float = 440.0, amplitude: float = 0.4) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amplitude * 32767 * np.sin(2 * np.pi * frequency * t)).astype("<i2")


def write_wav(path: Path, samples: np.ndarray, rate: int = RATE, channels: int = 1) -> Path:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(samples.astype("<i2").tobytes())
    return path


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """Samples and rate as the stdlib reads them: what any player would play from the header."""
    with wave.open(str(path), "rb") as wav:
        assert wav.getsampwidth() == 2 and wav.getnchannels() == 1
        return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2"), wav.getframerate()


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if samples.size else 0.0


def best_alignment(recording: np.ndarray, source: np.ndarray) -> tuple[int, float]:
    """(lag, normalised correlation) of `source` inside `recording`, by FFT cross-correlation."""
    size = 1 << int(np.ceil(np.log2(len(recording) + len(source))))
    rec = recording.astype(np.float64)
    src = source.astype(np.float64)
    correlation = np.fft.irfft(np.fft.rfft(rec, size) * np.conj(np.fft.rfft(src, size)), size)[
        : len(recording) - len(source) + 1
    ]
    lag = int(np.argmax(correlation))
    window = rec[lag : lag + len(src)]
    score = correlation[lag] / (np.linalg.norm(window) * np.linalg.norm(src) + 1e-9)
    return lag, float(score)


class RecorderProcess:
    """tests/data/recording/record_answer.py in a subprocess, read as a stream of JSON events."""

    def __init__(self, args: list[str], env: dict[str, str] | None = None, prefix: list[str] | None = None) -> None:
        self.process = subprocess.Popen(
            [*(prefix or []), sys.executable, str(RECORD_SCRIPT), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO_ROOT,
            env=env if env is not None else dict(os.environ),
        )
        self.events: queue.Queue[dict | None] = queue.Queue()
        self.last_frames = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.events.put(json.loads(line))
        self.events.put(None)

    def next_event(self, timeout_s: float = 15.0) -> dict:
        try:
            event = self.events.get(timeout=timeout_s)
        except queue.Empty:
            raise AssertionError(f"the recorder process said nothing for {timeout_s} s") from None
        if event is None:
            raise AssertionError(f"the recorder process ended early: {self.stderr()}")
        if event["event"] == "frames":
            self.last_frames = event["frames"]
        return event

    def drain(self, timeout_s: float = 15.0) -> None:
        """Reads what a finished (or killed) process wrote, so `last_frames` is its final count."""
        while (event := self.events.get(timeout=timeout_s)) is not None:
            if event["event"] == "frames":
                self.last_frames = event["frames"]

    def wait_for(self, kind: str, timeout_s: float = 15.0) -> dict:
        while (event := self.next_event(timeout_s))["event"] != kind:
            pass
        return event

    def stderr(self) -> str:
        self.kill()
        return self.process.stderr.read() if self.process.stderr else ""

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)


class PrivatePulse:
    """A PulseAudio server of this test's own, with a 16 kHz null sink whose monitor is the
    default source. Stopping or killing it disturbs no other test."""

    def __init__(self, runtime_dir: Path) -> None:
        self.runtime_dir = runtime_dir
        self.server = f"unix:{runtime_dir}/pulse/native"
        self.pid: int | None = None

    def start(self) -> None:
        self.runtime_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        env = dict(os.environ, XDG_RUNTIME_DIR=str(self.runtime_dir))
        env.pop("PULSE_SERVER", None)
        # --daemonize returns once the daemon has finished starting up, so no waiting is needed.
        subprocess.run(
            [
                "pulseaudio",
                "--daemonize=yes",
                "--system=false",
                "--exit-idle-time=-1",
                "-n",
                "--use-pid-file=yes",
                "--load=module-null-sink sink_name=private_sink rate=16000 channels=1",
                "--load=module-native-protocol-unix",
                f"--log-target=file:{self.runtime_dir}/pulse.log",
            ],
            env=env,
            check=True,
            capture_output=True,
            timeout=30,
        )
        self.pid = int((self.runtime_dir / "pulse" / "pid").read_text().strip())
        self.pactl("set-default-source", "private_sink.monitor")

    def pactl(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["pactl", "--server", self.server, *args], capture_output=True, text=True, timeout=10, check=True
        )

    def client_env(self) -> dict[str, str]:
        return dict(os.environ, PULSE_SERVER=self.server)

    def exit(self) -> None:
        """Asks the server to quit, as a sound server going away does."""
        self.pactl("exit")
        self.pid = None  # it is gone; never signal a number the system may reuse

    def freeze(self) -> None:
        os.kill(self.pid, signal.SIGSTOP)

    def kill(self) -> None:
        if self.pid is None:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.pid = None


def pulseaudio_available() -> bool:
    return all(shutil.which(tool) for tool in ("pulseaudio", "pactl", "paplay"))


@pytest.fixture
def private_pulse(tmp_path_factory):
    """A second PulseAudio server of the test's own, which the test may stop or freeze."""
    require(pulseaudio_available(), "PulseAudio tools missing: apt-get install pulseaudio pulseaudio-utils")
    server = PrivatePulse(tmp_path_factory.mktemp("pulse"))
    try:
        server.start()
    except (subprocess.SubprocessError, OSError) as error:
        require(False, f"a second PulseAudio server would not start: {error}")
    yield server
    server.kill()
