"""A WAV file written as audio arrives, kept playable at all times so a crash loses almost nothing.

The canonical 44-byte PCM header is written first with zero sizes; audio is appended in flushes
(every `flush_interval_s` of audio) and the RIFF and data sizes are rewritten after each flush, so
a process killed mid-answer leaves a file that plays up to its last flush. While recording the
file is named `<name>.partial.wav`; a clean `close()` renames it to `<name>.wav`, so a partial
name found at start-up means the app died while recording (see recovery.py).
"""

from __future__ import annotations

import errno
import os
import struct
from pathlib import Path

from mockint.core.errors import DiskFullError, StorageError

PARTIAL_SUFFIX = ".partial.wav"
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
FINAL_SUFFIX = ".wav"
HEADER_BYTES = 44
SAMPLE_WIDTH = 2  # PCM16
_RIFF_SIZE_OFFSET = 4
_DATA_SIZE_OFFSET = 40
_MAX_CHUNK_SIZE = 0xFFFFFFFF
_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}

DISK_FULL_MESSAGE = (
    "The disk is full, so the recording stopped. Everything recorded up to that point is saved. "
    "Free some disk space to record again."
)


def partial_path_for(final_path: Path) -> Path:
    """`answers/12.wav` -> `answers/12.partial.wav`."""
    final_path = Path(final_path)
    if final_path.suffix.lower() != FINAL_SUFFIX:
        raise ValueError(f"recordings are WAV files ending in {FINAL_SUFFIX}: {final_path}")
    return final_path.with_name(final_path.stem + PARTIAL_SUFFIX)


def final_path_for(partial_path: Path) -> Path:
    """`answers/12.partial.wav` -> `answers/12.wav`."""
    partial_path = Path(partial_path)
    if not partial_path.name.endswith(PARTIAL_SUFFIX):
        raise ValueError(f"not an unfinished recording: {partial_path}")
    return partial_path.with_name(partial_path.name[: -len(PARTIAL_SUFFIX)] + FINAL_SUFFIX)


def pcm16_header(sample_rate: int, channels: int, data_bytes: int) -> bytes:
    block_align = channels * SAMPLE_WIDTH
    return struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        min(36 + data_bytes, _MAX_CHUNK_SIZE),
        b"WAVE",
        b"fmt ",
        16,
        1,
        channels,
        sample_rate,
        sample_rate * block_align,
        block_align,
        8 * SAMPLE_WIDTH,
        b"data",
        min(data_bytes, _MAX_CHUNK_SIZE),
    )


def storage_error_for(error: OSError, path: Path) -> StorageError:
    """The user-facing error for a failed write: a full disk, or anything else the OS refused."""
    if error.errno in _NO_SPACE:
        return DiskFullError(DISK_FULL_MESSAGE)
    reason = error.strerror or str(error)
    return StorageError(f"The recording could not be saved to {path}: {reason}.")


def fsync_directory(directory: Path) -> None:
    """Makes a create or rename in `directory` survive a power cut (a no-op where unsupported)."""
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open folders; its renames are journaled anyway
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


class CrashSafeWavWriter:
    """Appends PCM16 audio to `<name>.partial.wav`; `close()` renames it to `path`.

    `write()` takes interleaved little-endian int16 bytes. Failures raise DiskFullError (the
    file up to the last whole frame stays valid) or StorageError; after one, further writes
    raise the same error and `close()` still finalises what was saved.
    """

    def __init__(
        self,
        path: Path,
        sample_rate: int,
        channels: int = 1,
        *,
        flush_interval_s: float = 0.25,
        fsync_interval_s: float = 0.5,
    ) -> None:
        if sample_rate <= 0 or channels <= 0:
            raise ValueError(f"bad WAV format: {sample_rate} Hz, {channels} channels")
        self.final_path = Path(path)
        self.partial_path = partial_path_for(self.final_path)
        self.sample_rate = int(sample_rate)
        self.channels = int(channels)
        self._frame_bytes = self.channels * SAMPLE_WIDTH
        self._flush_bytes = max(self._frame_bytes, int(flush_interval_s * self.sample_rate) * self._frame_bytes)
        self._fsync_bytes = max(self._flush_bytes, int(fsync_interval_s * self.sample_rate) * self._frame_bytes)
        self._pending = bytearray()
        self._data_bytes = 0  # bytes of audio on disk, whole frames only once a flush completes
        self._synced_bytes = 0
        self._failure: StorageError | None = None
        self._closed = False
        try:
            # 0600: a recording of the user's voice is for them alone (the mode survives the rename).
            descriptor = os.open(self.partial_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY, 0o600)
            self._file = open(descriptor, "wb", buffering=0)  # noqa: SIM115 - closed in close()
        except OSError as error:
            raise storage_error_for(error, self.partial_path) from error
        try:
            self._write_all(pcm16_header(self.sample_rate, self.channels, 0))
            os.fsync(self._file.fileno())
        except OSError as error:
            self._file.close()
            self.partial_path.unlink(missing_ok=True)
            raise storage_error_for(error, self.partial_path) from error
        fsync_directory(self.partial_path.parent)

    @property
    def frames_written(self) -> int:
        """Frames on disk and counted in the header (not those still waiting for a flush)."""
        return self._data_bytes // self._frame_bytes

    @property
    def duration_s(self) -> float:
        return self.frames_written / self.sample_rate

    @property
    def failure(self) -> StorageError | None:
        return self._failure

    def write(self, pcm: bytes) -> None:
        if self._failure is not None:
            raise self._failure
        if self._closed:
            raise ValueError("write to a closed recording")
        self._pending += pcm
        if len(self._pending) >= self._flush_bytes:
            self.flush()

    def flush(self) -> None:
        """Appends the waiting audio and rewrites the header sizes to match."""
        if self._failure is not None:
            raise self._failure
        whole = len(self._pending) - len(self._pending) % self._frame_bytes
        if whole == 0:
            return
        chunk = bytes(self._pending[:whole])
        del self._pending[:whole]
        try:
            self._write_all(chunk, counts_as_audio=True)
            self._write_sizes()
            if self._data_bytes - self._synced_bytes >= self._fsync_bytes:
                os.fsync(self._file.fileno())
                self._synced_bytes = self._data_bytes
        except OSError as error:
            self._failure = storage_error_for(error, self.partial_path)
            self._keep_whole_frames()
            raise self._failure from error

    def close(self) -> Path:
        """Saves the rest, fixes the header, and renames to the final name; returns that path.

        Raises the write failure, if any, after finalising: the saved part keeps its final name.
        """
        if self._closed:
            return self.final_path
        if self._failure is None:
            self._pending += b"\0" * (-len(self._pending) % self._frame_bytes)
            try:
                self.flush()
            except StorageError:
                pass  # kept in self._failure and raised once the file is finalised
        self._closed = True
        try:
            self._write_sizes()
            os.fsync(self._file.fileno())
        except OSError as error:
            # The header could not be fixed: keep the partial name so recovery repairs it later.
            self._file.close()
            raise storage_error_for(error, self.partial_path) from error
        self._file.close()
        try:
            os.replace(self.partial_path, self.final_path)
        except OSError as error:
            raise storage_error_for(error, self.final_path) from error  # recovery renames it later
        fsync_directory(self.final_path.parent)
        if self._failure is not None:
            raise self._failure
        return self.final_path

    def __enter__(self) -> CrashSafeWavWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self._closed:
            try:
                self.close()
            except StorageError:
                if exc_info[0] is None:
                    raise

    def _write_all(self, data: bytes, *, counts_as_audio: bool = False) -> None:
        view = memoryview(data)
        while view:
            written = self._file.write(view)
            if written is None or written <= 0:
                raise OSError(errno.EIO, "the file accepted no bytes")
            if counts_as_audio:
                self._data_bytes += written
            view = view[written:]

    def _write_sizes(self) -> None:
        self._file.seek(_RIFF_SIZE_OFFSET)
        self._file.write(struct.pack("<I", min(36 + self._data_bytes, _MAX_CHUNK_SIZE)))
        self._file.seek(_DATA_SIZE_OFFSET)
        self._file.write(struct.pack("<I", min(self._data_bytes, _MAX_CHUNK_SIZE)))
        self._file.seek(0, os.SEEK_END)

    def _keep_whole_frames(self) -> None:
        """After a short write, drop a half frame at the end and make the header say what is there."""
        self._data_bytes -= self._data_bytes % self._frame_bytes
        try:
            self._file.truncate(HEADER_BYTES + self._data_bytes)
            self._write_sizes()
            os.fsync(self._file.fileno())
        except OSError:
            pass  # the header then lags; repair_wav fixes it on the next start
