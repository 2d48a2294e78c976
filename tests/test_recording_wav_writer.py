"""The crash-safe WAV writer, header repair and start-up recovery, on real files."""

from __future__ import annotations

import struct
import wave
from pathlib import Path

import numpy as np
import pytest

from mockint.speech.errors import UnreadableAudioError
from mockint.speech.recovery import open_wav_repairing, recover_unfinished, repair_wav
from mockint.speech.wav_writer import CrashSafeWavWriter, final_path_for, partial_path_for, pcm16_header
from tests.test_recording_support import RATE, chirp, read_wav


def test_header_is_valid_after_every_flush_and_close_renames(tmp_path):
    audio = chirp(1.3)
    final = tmp_path / "answer-7.wav"
    writer = CrashSafeWavWriter(final, RATE, flush_interval_s=0.25)
    partial = tmp_path / "answer-7.partial.wav"
    assert writer.partial_path == partial and partial.exists() and not final.exists()
    assert read_wav(partial)[0].size == 0  # playable (empty) from the first moment

    block = RATE // 10  # 0.1 s, as a microphone delivers it
    flushed_counts = set()
    for start in range(0, len(audio), block):
        writer.write(audio[start : start + block].tobytes())
        on_disk, rate = read_wav(partial)
        assert rate == RATE
        assert len(on_disk) == writer.frames_written
        assert partial.stat().st_size == 44 + 2 * writer.frames_written  # nothing uncounted
        assert np.array_equal(on_disk, audio[: len(on_disk)])
        assert len(audio[: start + block]) - len(on_disk) < RATE * 0.25 + block  # at most one flush behind
        flushed_counts.add(writer.frames_written)
    assert len(flushed_counts) >= 4  # it really flushed as it went, not only at the end

    assert writer.close() == final
    assert not partial.exists()
    saved, _ = read_wav(final)
    assert np.array_equal(saved, audio)
    assert writer.duration_s == pytest.approx(1.3, abs=1 / RATE)


def test_partial_and_final_names():
    assert partial_path_for(Path("rec/12.wav")) == Path("rec/12.partial.wav")
    assert final_path_for(Path("rec/12.partial.wav")) == Path("rec/12.wav")
    with pytest.raises(ValueError):
        partial_path_for(Path("rec/12.mp3"))
    with pytest.raises(ValueError):
        final_path_for(Path("rec/12.wav"))


def _crash_file(path, declared_bytes: int, audio: np.ndarray, extra: bytes = b"") -> None:
    """What a recorder killed between its data write and its header update leaves behind."""
    path.write_bytes(pcm16_header(RATE, 1, declared_bytes) + audio.tobytes() + extra)


def test_repair_counts_audio_a_zero_size_header_hid(tmp_path):
    audio = chirp(0.8)
    path = tmp_path / "a.partial.wav"
    _crash_file(path, 0, audio)
    assert read_wav(path)[0].size == 0  # as left: the header hides everything

    repair = repair_wav(path)
    assert repair.repaired and repair.frames == len(audio) and repair.sample_rate == RATE
    assert repair.duration_s == pytest.approx(0.8)
    assert np.array_equal(read_wav(path)[0], audio)
    riff_size = struct.unpack("<I", path.read_bytes()[4:8])[0]
    assert riff_size + 8 == path.stat().st_size
    assert repair_wav(path).repaired is False  # a second pass finds nothing to fix


def test_repair_cuts_a_half_frame_and_a_header_that_claims_too_much(tmp_path):
    audio = chirp(0.5)
    path = tmp_path / "b.partial.wav"
    _crash_file(path, 10 * len(audio), audio, extra=b"\x01")  # header too big, odd byte at the end
    repair = repair_wav(path)
    assert repair.repaired and repair.frames == len(audio)
    assert path.stat().st_size == 44 + 2 * len(audio)
    assert np.array_equal(read_wav(path)[0], audio)


def test_repair_leaves_a_consistent_file_with_trailing_chunks_alone(tmp_path):
    audio = chirp(0.3)
    path = tmp_path / "tagged.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1), wav.setsampwidth(2), wav.setframerate(RATE)
        wav.writeframes(audio.tobytes())
    tag = b"LIST" + struct.pack("<I", 4) + b"INFO"
    data = bytearray(path.read_bytes() + tag)
    data[4:8] = struct.pack("<I", len(data) - 8)
    path.write_bytes(bytes(data))

    repair = repair_wav(path)
    assert repair.repaired is False and repair.frames == len(audio)
    assert path.read_bytes() == bytes(data)


def test_a_file_cut_inside_its_header_is_unreadable(tmp_path):
    path = tmp_path / "c.partial.wav"
    path.write_bytes(pcm16_header(RATE, 1, 0)[:20])
    with pytest.raises(UnreadableAudioError) as raised:
        repair_wav(path)
    assert "c.partial.wav" in raised.value.user_message


def test_open_wav_repairing_reads_everything_a_crash_left(tmp_path):
    audio = chirp(0.6)
    path = tmp_path / "d.partial.wav"
    _crash_file(path, 2 * 1000, audio)
    with open_wav_repairing(path) as wav:
        assert wav.getnframes() == len(audio) and wav.getframerate() == RATE


def test_recover_unfinished_repairs_renames_and_reports(tmp_path):
    folder = tmp_path / "recordings"
    (folder / "session-3").mkdir(parents=True)
    first, second = chirp(1.0), chirp(0.5)
    _crash_file(folder / "41.partial.wav", 0, first)
    _crash_file(folder / "session-3" / "42.partial.wav", 2 * 100, second)
    (folder / "43.partial.wav").write_bytes(pcm16_header(RATE, 1, 0)[:30])  # died before any audio
    _crash_file(folder / "44.partial.wav", 0, np.zeros(0, dtype="<i2"))  # header only, no audio
    finished = folder / "40.wav"
    finished.write_bytes(pcm16_header(RATE, 1, 2 * len(second)) + second.tobytes())
    before = finished.read_bytes()
    _crash_file(folder / "40.partial.wav", 0, first)  # a name clash: never overwrite 40.wav

    recovered = {r.path.relative_to(folder).as_posix(): r.duration_s for r in recover_unfinished(folder)}

    assert recovered == pytest.approx({"41.wav": 1.0, "session-3/42.wav": 0.5, "40.recovered-1.wav": 1.0})
    assert not list(folder.rglob("*.partial.wav"))
    assert finished.read_bytes() == before
    assert np.array_equal(read_wav(folder / "41.wav")[0], first)
    assert np.array_equal(read_wav(folder / "session-3" / "42.wav")[0], second)
    assert recover_unfinished(folder) == []  # nothing left to do on the next start


def test_recover_unfinished_without_a_folder(tmp_path):
    assert recover_unfinished(tmp_path / "not-yet") == []
