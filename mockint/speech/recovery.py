"""Repairing WAV headers left wrong by a crash, and recovering unfinished recordings at start-up.

A recording cut off by a crash, a kill or a power cut has audio on disk that its header does not
count yet (CrashSafeWavWriter rewrites the sizes after each flush, so the header lags by at most
one flush). Repair makes the RIFF and data sizes match what is really in the file.
"""

from __future__ import annotations

import logging
import os
import struct
import wave
from dataclasses import dataclass
from pathlib import Path

from mockint.speech.errors import UnreadableAudioError
from mockint.speech.wav_writer import PARTIAL_SUFFIX, final_path_for, fsync_directory

log = logging.getLogger(__name__)

_MAX_CHUNK_SIZE = 0xFFFFFFFF


@dataclass(frozen=True)
class WavRepair:
    path: Path
    sample_rate: int
    channels: int
    frames: int
    repaired: bool  # True when the header (or a half frame at the end) had to be fixed

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate if self.sample_rate else 0.0


@dataclass(frozen=True)
class RecoveredRecording:
    """An answer recorded when the app last stopped unexpectedly, now saved under its final name."""

    path: Path
    duration_s: float


@dataclass(frozen=True)
class _Layout:
    riff_size: int
    sample_rate: int
    channels: int
    block_align: int
    data_size_offset: int  # where the data chunk's size field is
    data_offset: int  # where its audio starts


def _unreadable(path: Path, why: str) -> UnreadableAudioError:
    return UnreadableAudioError(f"{path.name} is not a usable recording: {why}.")


def _read_layout(path: Path, handle) -> _Layout:
    head = handle.read(12)
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        raise _unreadable(path, "it has no WAV header")
    riff_size = struct.unpack("<I", head[4:8])[0]
    fmt: tuple[int, int, int] | None = None
    position = 12
    while True:
        handle.seek(position)
        chunk_head = handle.read(8)
        if len(chunk_head) < 8:
            raise _unreadable(path, "its audio data is missing")
        chunk_id, chunk_size = chunk_head[:4], struct.unpack("<I", chunk_head[4:])[0]
        if chunk_id == b"fmt ":
            body = handle.read(16)
            if len(body) < 16:
                raise _unreadable(path, "its format description is cut off")
            _tag, channels, sample_rate, _byte_rate, block_align, _bits = struct.unpack("<HHIIHH", body)
            if channels == 0 or sample_rate == 0 or block_align == 0:
                raise _unreadable(path, "its format description is damaged")
            fmt = (sample_rate, channels, block_align)
        elif chunk_id == b"data":
            if fmt is None:
                raise _unreadable(path, "its format description is missing")
            return _Layout(riff_size, fmt[0], fmt[1], fmt[2], position + 4, position + 8)
        position += 8 + chunk_size + (chunk_size & 1)


def repair_wav(path: Path) -> WavRepair:
    """Makes the header of `path` agree with the audio in the file; returns what the file holds.

    A file whose RIFF size matches its length is left alone (it may carry chunks after the
    audio). Otherwise everything after the data chunk's start is taken as audio, a trailing half
    frame is cut, and both sizes are rewritten. Raises UnreadableAudioError for a file that has
    no usable header (for example one cut off inside its first 44 bytes).
    """
    path = Path(path)
    with open(path, "r+b") as handle:
        layout = _read_layout(path, handle)
        file_size = os.fstat(handle.fileno()).st_size
        handle.seek(layout.data_size_offset)
        declared_data = struct.unpack("<I", handle.read(4))[0]
        available = file_size - layout.data_offset
        consistent = layout.riff_size + 8 in (file_size, file_size - 1) and declared_data <= available
        if consistent:
            frames = declared_data // layout.block_align
            return WavRepair(path, layout.sample_rate, layout.channels, frames, repaired=False)
        audio_bytes = min(
            available - available % layout.block_align, _MAX_CHUNK_SIZE - _MAX_CHUNK_SIZE % layout.block_align
        )
        handle.truncate(layout.data_offset + audio_bytes)
        handle.seek(4)
        handle.write(struct.pack("<I", min(layout.data_offset + audio_bytes - 8, _MAX_CHUNK_SIZE)))
        handle.seek(layout.data_size_offset)
        handle.write(struct.pack("<I", audio_bytes))
        handle.flush()
        os.fsync(handle.fileno())
    return WavRepair(path, layout.sample_rate, layout.channels, audio_bytes // layout.block_align, repaired=True)


def open_wav_repairing(path: Path) -> wave.Wave_read:
    """Opens a WAV for reading after repairing its header if a crash left it wrong."""
    repair_wav(path)
    try:
        return wave.open(str(path), "rb")
    except (wave.Error, EOFError) as error:
        raise _unreadable(Path(path), str(error)) from error


def _free_final_name(partial: Path) -> Path:
    final = final_path_for(partial)
    if not final.exists():
        return final
    # Both names exist only if something odd happened; never overwrite a finished recording.
    stem = final.stem
    number = 1
    while (candidate := final.with_name(f"{stem}.recovered-{number}.wav")).exists():
        number += 1
    return candidate


def recover_unfinished(recordings_dir: Path) -> list[RecoveredRecording]:
    """Finds recordings a crash left as `*.partial.wav`, repairs them, and gives them final names.

    Call once at start-up, before anything records. Leftovers holding no audio at all are
    deleted; files too damaged to read are left where they are and logged. Returns the
    recovered recordings, oldest first, so the app can tell the user and attach them to answers.
    """
    recordings_dir = Path(recordings_dir)
    if not recordings_dir.is_dir():
        return []
    partials = sorted(recordings_dir.rglob(f"*{PARTIAL_SUFFIX}"), key=lambda p: (p.stat().st_mtime, p.name))
    recovered: list[RecoveredRecording] = []
    for partial in partials:
        try:
            repair = repair_wav(partial)
        except UnreadableAudioError:
            if partial.stat().st_size <= 44:
                partial.unlink(missing_ok=True)  # cut off before any audio: nothing to keep
            else:
                log.warning("cannot recover %s: no usable WAV header", partial)
            continue
        except OSError as error:
            log.warning("cannot recover %s: %s", partial, error)
            continue
        if repair.frames == 0:
            partial.unlink(missing_ok=True)
            continue
        final = _free_final_name(partial)
        os.replace(partial, final)
        fsync_directory(final.parent)
        recovered.append(RecoveredRecording(final, repair.duration_s))
    return recovered
