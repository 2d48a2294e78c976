"""The rendered-question cache: keys, atomic placement, and the check of what an engine wrote."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from mockint.speech.tts_cache import SpeechKey, TtsCache
from mockint.speech.tts_render import BadWavError, check_wav


def write_wav(path: Path, frames: bytes, rate: int = 22050) -> Path:
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(frames)
    return path


def test_every_part_of_the_key_changes_the_file(tmp_path: Path) -> None:
    cache = TtsCache(tmp_path)
    base = SpeechKey("Why do you want this job?", None, 170, "espeak")
    variants = [
        base,
        SpeechKey("Why do you want this role?", None, 170, "espeak"),
        SpeechKey(base.text, "gmw/en-us", 170, "espeak"),
        SpeechKey(base.text, None, 200, "espeak"),
        SpeechKey(base.text, None, 170, "sapi5"),
    ]
    assert len({cache.path_for(k) for k in variants}) == len(variants)
    assert cache.path_for(SpeechKey(base.text, None, 170, "espeak")) == cache.path_for(base)


def test_nothing_is_served_until_committed_and_work_is_cleaned_up(tmp_path: Path) -> None:
    cache = TtsCache(tmp_path / "tts")
    key = SpeechKey("Walk me through your CV.", None, 170, "espeak")

    with cache.work_folder() as folder:
        partial = write_wav(folder / "speech.wav", b"\x01\x00" * 100)
        assert cache.lookup(key) is None  # a file being written is not in the cache
        final = cache.commit(partial, key)
    assert cache.lookup(key) == final
    assert sorted(p.name for p in (tmp_path / "tts").iterdir()) == [final.name]


def test_work_folder_is_removed_when_rendering_fails(tmp_path: Path) -> None:
    cache = TtsCache(tmp_path)
    with pytest.raises(RuntimeError):
        with cache.work_folder() as folder:
            (folder / "speech.wav").write_bytes(b"RIFF half a file")
            raise RuntimeError("the engine died")
    assert list(tmp_path.iterdir()) == []


def test_check_wav_accepts_sound_and_refuses_empty_or_foreign_files(tmp_path: Path) -> None:
    facts = check_wav(write_wav(tmp_path / "ok.wav", b"\x10\x00" * 2205))
    assert (facts.sample_rate, facts.channels, facts.frames) == (22050, 1, 2205)
    assert facts.duration_s == pytest.approx(0.1)

    empty_wav = write_wav(tmp_path / "empty.wav", b"")
    zero_bytes = tmp_path / "zero.wav"
    zero_bytes.write_bytes(b"")
    text = tmp_path / "text.wav"
    text.write_text("Audio saved to somewhere\n")
    for bad in (empty_wav, zero_bytes, text, tmp_path / "missing.wav"):
        with pytest.raises(BadWavError):
            check_wav(bad)
