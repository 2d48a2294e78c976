"""Test audio for the recognition and hesitation tests: eSpeak NG Korean speech, hums, breaths.

Speech comes from the real espeak-ng (Korean voice, 22050 Hz) so the real Korean Vosk model has
something to recognise. A hesitation is a hummed "mmm": a glottal-like pulse train (harmonics
falling off with frequency, pitch drifting and wobbling as a voice does) shaped by the low
resonance of a closed mouth. A breath is broadband noise: loud, but with no pitch.
Everything is seeded, so a test sees the same clips on every run.
"""

from __future__ import annotations

import ctypes
import functools
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mockint.speech.recognizer import SpeechModel, load_model

ESPEAK_RATE = 22050
CLIP_RATE = ESPEAK_RATE  # espeak-ng's own rate: the Korean model hears hums as words more often at 16 kHz

PHRASES = (  # short (0.5-1.4 s), so the whole evaluation stays a few seconds of recognition
    "그래서",
    "네 맞습니다",
    "좋습니다",
    "알겠습니다",
    "감사합니다",
    "그 다음에",
    "제 생각에는",
    "저는 개발자입니다",
    "많이 배웠습니다",
)
SPEECH_RMS = 0.1  # espeak-ng's Korean voice, as a fraction of full scale


@functools.cache
def shared_model(path: Path) -> SpeechModel:
    """One loaded model per test process, whichever test module asks first."""
    return load_model(path)


def steady_dither(seed: int = 1) -> None:
    """Make Kaldi's feature dither repeat: it draws from the C library's rand(), which every
    decoder in the process advances, so the same audio can come out as different words
    depending on what was decoded before (vosk-api issue #868). Seeding rand() before each
    recognition makes a comparison between two runs see only what the code under test changed.
    """
    ctypes.CDLL(None).srand(seed)


@functools.cache
def speak(text: str, rate: int = ESPEAK_RATE) -> np.ndarray:
    """espeak-ng's Korean voice saying `text`, int16 at `rate`, edge silence trimmed."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "speech.wav"
        subprocess.run(["espeak-ng", "-v", "ko", "-w", str(out), text], check=True, capture_output=True)
        with wave.open(str(out)) as wav:
            assert wav.getframerate() == ESPEAK_RATE and wav.getnchannels() == 1
            samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    loud = np.flatnonzero(np.abs(samples) > 200)
    return resample(samples[loud[0] : loud[-1] + 1], ESPEAK_RATE, rate)


def resample(samples: np.ndarray, rate: int, new_rate: int) -> np.ndarray:
    """Band-limited resampling through the spectrum (exact enough for test clips)."""
    if new_rate == rate:
        return samples.copy()
    count = round(len(samples) * new_rate / rate)
    spectrum = np.fft.rfft(samples.astype(np.float64))
    kept = np.zeros(count // 2 + 1, dtype=complex)
    n = min(len(kept), len(spectrum))
    kept[:n] = spectrum[:n]
    return np.clip(np.round(np.fft.irfft(kept, count) * count / len(samples)), -32768, 32767).astype(np.int16)


def silence(seconds: float, rate: int = ESPEAK_RATE) -> np.ndarray:
    return np.zeros(round(seconds * rate), dtype=np.int16)


def hum(
    seconds: float, *, pitch_hz: float, loudness: float, seed: int, rate: int = ESPEAK_RATE, resonance_hz: float = 260.0
) -> np.ndarray:
    """A hummed "mmm" of `seconds`, as loud (RMS) as `loudness` times the espeak speech."""
    rng = np.random.default_rng(seed)
    n = round(seconds * rate)
    t = np.arange(n) / rate
    wobble = 0.02 * np.sin(2 * np.pi * rng.uniform(3, 6) * t + rng.uniform(0, 6.28))
    drift = -0.06 * t / seconds  # pitch sinks as a hesitation trails off
    jitter = np.convolve(rng.standard_normal(n), np.ones(64) / 64, mode="same") * 0.02
    phase = np.cumsum(pitch_hz * (1 + wobble + drift + jitter)) / rate
    voice = np.zeros(n)
    bandwidth = 0.3 * resonance_hz
    for k in range(1, int(min(4000, rate / 2) / pitch_hz)):
        f = k * pitch_hz
        gain = resonance_hz**2 / abs(complex(resonance_hz**2 - f * f, f * bandwidth))
        voice += gain / k**1.5 * np.sin(2 * np.pi * k * phase + rng.uniform(0, 6.28))
    return _shape(voice, rate, loudness * SPEECH_RMS)


def breath(seconds: float, *, loudness: float, seed: int, rate: int = ESPEAK_RATE) -> np.ndarray:
    """An audible breath: broadband noise (most of it 0.5-3 kHz), RMS `loudness` times the speech's."""
    rng = np.random.default_rng(seed)
    n = round(seconds * rate)
    spectrum = np.fft.rfft(rng.standard_normal(n))
    freqs = np.fft.rfftfreq(n, 1 / rate)
    spectrum *= (freqs / 500) ** 2 / (1 + (freqs / 500) ** 2) / (1 + (freqs / 3000) ** 2)
    noise = np.fft.irfft(spectrum, n)
    return _shape(noise * np.hanning(n), rate, loudness * SPEECH_RMS)


def _shape(signal: np.ndarray, rate: int, rms: float) -> np.ndarray:
    n = len(signal)
    ramp = min(n // 4, round(0.04 * rate))
    envelope = np.ones(n)
    envelope[:ramp] = np.linspace(0, 1, ramp)
    envelope[n - ramp :] = np.linspace(1, 0, ramp)
    shaped = signal * envelope
    scaled = shaped / np.sqrt(np.mean(shaped**2)) * rms * 32767
    return np.clip(np.round(scaled), -32768, 32767).astype(np.int16)


@dataclass(frozen=True, eq=False)
class SyntheticClip:
    name: str
    samples: np.ndarray
    rate: int
    hesitations: tuple[tuple[float, float], ...]  # where hums were inserted (s)

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.rate


def assemble(
    name: str, parts: list[tuple[str, np.ndarray]], rate: int, *, noise_db: float | None = None, seed: int = 0
) -> SyntheticClip:
    """Concatenate parts; the spans of parts labelled "hesitation" are the truth."""
    spans = []
    at = 0
    for label, samples in parts:
        if label == "hesitation":
            spans.append((at / rate, (at + len(samples)) / rate))
        at += len(samples)
    audio = np.concatenate([samples for _, samples in parts]).astype(np.float64)
    if noise_db is not None:
        audio += np.random.default_rng(seed).standard_normal(len(audio)) * 32767 * 10 ** (noise_db / 20)
    clipped = np.clip(np.round(audio), -32768, 32767).astype(np.int16)
    return SyntheticClip(name, clipped, rate, tuple(spans))


def hesitation_clips(
    positives: int = 20, negatives: int = 10, *, seed: int = 2024, rate: int = CLIP_RATE
) -> list[SyntheticClip]:
    """Short answers with one hummed hesitation, then answers with none.

    The hum sits between two phrases (right after the first, or set off by pauses) or trails
    the answer. Its pitch is 150-240 Hz: the Korean model turns lower hums, and a hum that opens
    the recording, into a word about half the time, and a hum with a word on it is not hidden
    (the transcript shows the word), so it is not what the detector is measured on.
    Negatives have a plain pause or an audible breath between the phrases; some clips carry hiss.
    """
    rng = np.random.default_rng(seed)

    def pause(low: float, high: float) -> tuple[str, np.ndarray]:
        return ("gap", silence(rng.uniform(low, high), rate))

    clips = []
    for i in range(positives + negatives):
        a, b = rng.choice(len(PHRASES), size=2, replace=False)
        first, second = ("speech", speak(PHRASES[a], rate)), ("speech", speak(PHRASES[b], rate))
        noise_db = float(rng.uniform(-65, -50)) if rng.random() < 0.4 else None
        lead, tail = pause(0.1, 0.2), pause(0.2, 0.3)
        short_gaps = [pause(0.05, 0.3), pause(0.05, 0.3)]
        if i < positives:
            filler = ("hesitation", hum(
                float(rng.uniform(0.4, 0.8)), pitch_hz=float(rng.uniform(150, 240)), loudness=float(rng.uniform(0.4, 1.0)),
                seed=i, rate=rate, resonance_hz=float(rng.uniform(200, 290)),
            ))  # fmt: skip
            where = ("between", "after", "paused", "after")[i % 4]
            gaps = [pause(0.4, 0.6), pause(0.4, 0.6)] if where == "paused" else short_gaps
            if where == "after":
                parts = [lead, first, gaps[0], filler, tail]
            else:
                parts = [lead, first, gaps[0], filler, gaps[1], second, tail]
            clips.append(assemble(f"hum-{where}-{i}", parts, rate, noise_db=noise_db, seed=i))
        elif i % 2:
            loudness = float(rng.uniform(0.3, 1.0))
            sigh = ("breath", breath(float(rng.uniform(0.3, 0.6)), loudness=loudness, seed=i, rate=rate))
            parts = [lead, first, short_gaps[0], sigh, short_gaps[1], second, tail]
            clips.append(assemble(f"plain-breath-{i}", parts, rate, noise_db=noise_db, seed=i))
        else:
            parts = [lead, first, pause(0.3, 0.9), second, tail]
            clips.append(assemble(f"plain-pause-{i}", parts, rate, noise_db=noise_db, seed=i))
    return clips


def write_wav(path: Path, samples: np.ndarray, rate: int, channels: int = 1) -> Path:
    """A 16-bit PCM WAV (samples shaped (frames,) or (frames, channels))."""
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(np.ascontiguousarray(samples, dtype="<i2").tobytes())
    return path
