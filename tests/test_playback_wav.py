"""Decoding WAV files for playback: every PCM width, mono and stereo, to floats in [-1, 1]."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from mockint.speech.errors import UnreadableAudioError
from mockint.speech.playback import read_wav


def write(path: Path, raw: bytes, width: int, channels: int, rate: int = 8000) -> Path:
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(width)
        writer.setframerate(rate)
        writer.writeframes(raw)
    return path


@pytest.mark.parametrize(
    ("width", "raw"),
    [
        (1, bytes([128, 255, 0, 192])),
        (2, np.array([0, 32767, -32768, 16384], dtype="<i2").tobytes()),
        (3, b"".join(int(v).to_bytes(3, "little", signed=True) for v in (0, 2**23 - 1, -(2**23), 2**22))),
        (4, np.array([0, 2**31 - 1, -(2**31), 2**30], dtype="<i4").tobytes()),
    ],
)
def test_every_pcm_width_decodes_to_the_same_levels(tmp_path: Path, width: int, raw: bytes) -> None:
    audio = read_wav(write(tmp_path / "a.wav", raw, width, 1))
    assert audio.sample_rate == 8000 and audio.channels == 1
    assert audio.samples[:, 0] == pytest.approx([0.0, 1.0, -1.0, 0.5], abs=0.01)
    assert audio.samples.dtype == np.float32


def test_stereo_keeps_its_channels_apart(tmp_path: Path) -> None:
    left_right = np.array([[1000, -1000], [2000, -2000], [3000, -3000]], dtype="<i2")
    audio = read_wav(write(tmp_path / "s.wav", left_right.tobytes(), 2, 2, rate=44100))
    assert audio.channels == 2
    assert audio.duration_s == pytest.approx(3 / 44100)
    assert np.all(audio.samples[:, 0] > 0) and np.all(audio.samples[:, 1] < 0)


def test_damaged_or_foreign_files_are_unreadable_audio(tmp_path: Path) -> None:
    truncated = tmp_path / "cut.wav"
    truncated.write_bytes(write(tmp_path / "whole.wav", b"\x00\x01" * 100, 2, 1).read_bytes()[:20])
    text = tmp_path / "text.wav"
    text.write_text("hello")
    for bad in (truncated, text, tmp_path / "missing.wav"):
        with pytest.raises(UnreadableAudioError) as caught:
            read_wav(bad)
        assert bad.name in caught.value.user_message
