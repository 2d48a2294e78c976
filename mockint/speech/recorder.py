"""Records one answer from a microphone into a crash-safe WAV, feeding each chunk onwards as it comes.

Threads: PortAudio calls `_on_audio` on its own thread; that callback only copies the block
into a queue. One writer thread drains the queue: mono downmix, WAV write, level meter, then
`on_chunk` (the recognizer's feed). Faults end the recording cleanly with what was captured: the
file is finalised, the error is kept for `stop()` and passed to `on_error` (on the writer thread).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mockint.core.errors import StorageError, UserFacingError
from mockint.speech.devices import AudioDevice, find_input_device
from mockint.speech.errors import AudioError, DeviceLostError, NoMicrophoneError
from mockint.speech.level import LevelMeter
from mockint.speech.recording_format import InputFormat, choose_input_format, to_mono_pcm16
from mockint.speech.recording_stream import (
    DEVICE_LOST_MESSAGE,
    UNEXPECTED_MESSAGE,
    cannot_open,
    close_stream_within,
    open_input_stream,
    start_stream,
)
from mockint.speech.wav_writer import CrashSafeWavWriter

log = logging.getLogger(__name__)

_STOP = object()  # queued by stop(): everything before it is audio to keep
_STREAM_ENDED = object()  # queued by PortAudio's finished callback


@dataclass(frozen=True)
class RecordingResult:
    path: Path  # the finished WAV (mono PCM16 at sample_rate)
    duration_s: float
    sample_rate: int
    error: UserFacingError | None  # DeviceLostError, DiskFullError, StorageError or AudioError
    frames: int = 0
    on_chunk_error: Exception | None = None  # the consumer failed; recording went on without it


class Recorder:
    """`start()`, then `stop() -> RecordingResult`. Not reusable: one Recorder per answer.

    `device` None means the system default input. `on_chunk(bytes)` receives little-endian int16
    mono audio at `sample_rate` (known after start) on the writer thread; keep it quick or queue
    onwards. `stream_factory` is called like `sounddevice.InputStream` (the default).
    """

    def __init__(
        self,
        device: AudioDevice | None,
        wav_path: Path,
        *,
        on_chunk: Callable[[bytes], None] | None = None,
        on_error: Callable[[UserFacingError], None] | None = None,
        stream_factory: Callable[..., object] | None = None,
        block_s: float = 0.05,
        stall_timeout_s: float = 1.0,
        startup_timeout_s: float = 5.0,
        close_timeout_s: float = 2.0,
        input_format: InputFormat | None = None,
    ) -> None:
        self._device = device
        self._wav_path = Path(wav_path)
        self._on_chunk = on_chunk
        self._on_error = on_error
        self._stream_factory = stream_factory
        self._block_s = block_s
        self._stall_timeout_s = stall_timeout_s
        self._startup_timeout_s = max(startup_timeout_s, stall_timeout_s)
        self._close_timeout_s = close_timeout_s
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._meter = LevelMeter()
        self._level = 0.0
        self._forced_format = input_format  # None: choose_input_format(device) picks at start
        self._format: InputFormat | None = None
        self._stream: Any = None  # a sounddevice.InputStream (or what stream_factory makes)
        self._writer: CrashSafeWavWriter | None = None
        self._thread: threading.Thread | None = None
        self._accepting = False
        self._stopping = False
        self._started_at = 0.0
        self._last_block_at: float | None = None
        self._frames_captured = 0
        self._error: UserFacingError | None = None
        self._chunk_error: Exception | None = None
        self._saved_path: Path | None = None
        self._ended = threading.Event()
        self._audio_flowing = threading.Event()  # set on the first block, or when the writer ends
        self._result: RecordingResult | None = None

    @property
    def device(self) -> AudioDevice | None:
        return self._device

    @property
    def sample_rate(self) -> int | None:
        """The rate of the WAV and of `on_chunk` audio; None before start()."""
        return self._format.sample_rate if self._format else None

    @property
    def level(self) -> float:
        """Current input level 0..1 for a meter (smoothed; 0 when not recording)."""
        return self._level

    @property
    def elapsed_s(self) -> float:
        """Seconds of audio captured so far (an answer timer that cannot drift from the file)."""
        return self._frames_captured / self._format.sample_rate if self._format else 0.0

    @property
    def ended(self) -> bool:
        """True once recording has ended, by stop() or by a fault."""
        return self._ended.is_set()

    def wait_until_ended(self, timeout_s: float | None = None) -> bool:
        """Blocks until recording ends (stop() or a fault); False if `timeout_s` passed first."""
        return self._ended.wait(timeout_s)

    def start(self) -> None:
        """Opens the microphone and returns once its audio is flowing into the file.

        The first stream a process opens can take a second or two to deliver sound; waiting
        here means nothing the user says after "recording" shows is lost. Call it off the GUI
        thread. Raises NoMicrophoneError (no device, cannot open, sends nothing within
        startup_timeout_s) or StorageError (the file cannot be created); faults after this
        returns go to `on_error` and `stop()`.
        """
        if self._thread is not None:
            raise RuntimeError("a Recorder records once; make a new one for the next answer")
        device = self._device or find_input_device(None)
        self._device = device
        self._format = self._forced_format or choose_input_format(device)
        self._stream = open_input_stream(
            self._stream_factory, device, self._format, self._block_s, self._on_audio, self._on_stream_finished
        )
        try:
            self._writer = CrashSafeWavWriter(self._wav_path, self._format.sample_rate, 1)
        except StorageError:
            self._stream.close()
            raise
        self._thread = threading.Thread(target=self._run, name="mockint-recorder", daemon=True)
        self._started_at = time.monotonic()
        self._accepting = True
        self._thread.start()
        try:
            start_stream(self._stream, device)
        except NoMicrophoneError:
            self._abandon_start()
            raise
        self._audio_flowing.wait(self._startup_timeout_s + self._close_timeout_s)
        if self._frames_captured == 0:
            self._abandon_start()
            raise cannot_open(device)

    def _abandon_start(self) -> None:
        """Undoes a start that never got sound: no stream, no thread, no empty file left behind."""
        self._stopping = True
        self._accepting = False
        self._close_stream()
        self._queue.put(_STOP)
        assert self._thread is not None
        self._thread.join()
        if self._saved_path is not None:
            self._saved_path.unlink(missing_ok=True)

    def stop(self) -> RecordingResult:
        """Stops recording, saves the file under its final name, and reports what was recorded.

        Safe to call after a fault (and from `on_error`); returns the same result when repeated.
        """
        if self._thread is None or self._format is None:
            raise RuntimeError("stop() before start()")
        if self._result is not None:
            return self._result
        on_writer_thread = threading.current_thread() is self._thread
        if on_writer_thread and not self._ended.is_set():
            raise RuntimeError("stop() from on_chunk would wait for itself; call it from another thread")
        self._stopping = True
        self._close_stream()
        self._accepting = False
        self._queue.put(_STOP)
        if not on_writer_thread:
            self._thread.join()
        self._level = 0.0
        frames = self._writer.frames_written if self._writer else 0
        self._result = RecordingResult(
            path=self._saved_path or self._wav_path,
            duration_s=frames / self._format.sample_rate,
            sample_rate=self._format.sample_rate,
            error=self._error,
            frames=frames,
            on_chunk_error=self._chunk_error,
        )
        return self._result

    # PortAudio's thread: copy and return, nothing else.
    def _on_audio(self, indata, frames, time_info, status) -> None:  # noqa: ARG002 - PortAudio's signature
        self._last_block_at = time.monotonic()
        if self._accepting:
            self._queue.put(bytes(indata))

    def _on_stream_finished(self) -> None:
        self._queue.put(_STREAM_ENDED)

    def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            close_stream_within(stream, self._close_timeout_s)

    # The writer thread.
    def _run(self) -> None:
        try:
            error = self._pump()
        except Exception:  # noqa: BLE001 - keep the recording whatever broke
            log.exception("the recorder's writer thread failed")
            error = AudioError(UNEXPECTED_MESSAGE)
        self._accepting = False
        error = self._finish_file(error)
        self._error = error
        self._level = 0.0
        self._ended.set()
        self._audio_flowing.set()
        # Before any audio, start() raises the fault itself; on_error is for faults mid-answer.
        if error is not None and self._frames_captured > 0 and self._on_error is not None:
            try:
                self._on_error(error)
            except Exception:  # noqa: BLE001
                log.exception("on_error failed")

    def _pump(self) -> UserFacingError | None:
        """Writes blocks until stop() (None) or a fault (the error that ended the recording)."""
        while True:
            try:
                item = self._queue.get(timeout=0.1)
            except queue.Empty:
                if not self._stopping and self._stalled():
                    return DeviceLostError(DEVICE_LOST_MESSAGE)
                continue
            if item is _STOP:
                return None
            if item is _STREAM_ENDED:
                if not self._stopping:
                    return DeviceLostError(DEVICE_LOST_MESSAGE)
                continue
            assert isinstance(item, bytes)
            try:
                self._take(item)
            except StorageError as error:
                return error

    def _stalled(self) -> bool:
        now = time.monotonic()
        if self._last_block_at is None:
            return now - self._started_at > self._startup_timeout_s
        return now - self._last_block_at > self._stall_timeout_s

    def _take(self, block: bytes) -> None:
        assert self._format is not None and self._writer is not None
        samples = to_mono_pcm16(block, self._format.device_channels)
        pcm = samples.tobytes() if self._format.needs_downmix else block
        self._writer.write(pcm)
        first = self._frames_captured == 0
        self._frames_captured += len(samples)
        if first:
            self._audio_flowing.set()  # after the count: start() reads it once woken
        self._level = self._meter.update(samples, len(samples) / self._format.sample_rate)
        if self._on_chunk is not None and self._chunk_error is None:
            try:
                self._on_chunk(pcm)
            except Exception as error:  # noqa: BLE001 - the recording matters more than its consumer
                log.exception("on_chunk failed; recording goes on without it")
                self._chunk_error = error

    def _finish_file(self, error: UserFacingError | None) -> UserFacingError | None:
        """Closes the WAV under its final name; a failure there becomes the error if none came first."""
        writer = self._writer
        if writer is None:
            return error
        try:
            self._saved_path = writer.close()
        except StorageError as close_error:
            final = writer.final_path
            self._saved_path = final if final.exists() else writer.partial_path
            return error or close_error
        return error
