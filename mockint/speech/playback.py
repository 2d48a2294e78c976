"""Playing WAV files (questions, answers, single words) through sounddevice, stoppable at once.

The whole file is decoded into memory and an output stream's callback hands it out in ~20 ms
blocks, so stop() aborts the stream (dropping what is buffered) instead of waiting for a
blocking write to drain. The stream is opened at the file's own rate and channel count; the
sound server resamples and remixes.

One thread owns every stream of a Player: it opens, starts, aborts and closes them, taking
commands from a queue. PortAudio does not allow a stream to be closed while another thread is
still starting it (that aborted the process: Play then Stop quickly on Review), so no other
thread ever touches a stream. `play()` waits for the owner to report the stream started (or
why it could not); `stop()` only silences the callback, marks the playback over and queues the
abort, so it returns at once from any thread. The owner thread ends after a few idle seconds
and is started again by the next play().
"""

from __future__ import annotations

import logging
import queue
import threading
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from mockint.speech.errors import AudioError, UnreadableAudioError

log = logging.getLogger(__name__)

BLOCK_S = 0.02
# PortAudio's ALSA default (40 ms) underruns through PulseAudio's ALSA plugin on a busy machine,
# and each underrun loses audio; 100 ms did not. stop() drops the buffer, so it stays instant.
OUTPUT_LATENCY_S = 0.1
_IDLE_EXIT_S = 5.0  # the owner thread ends after this long with nothing to play

# Called once per play() that did not raise, when it ends: True when the file played to its end,
# False when it was stopped (stop(), or a new play() that replaced it). Runs on the Player's
# owner thread.
FinishedCallback = Callable[[bool], None]


class NoOutputDeviceError(AudioError):
    """No sound output device could be opened."""


@dataclass(frozen=True)
class PcmAudio:
    samples: np.ndarray  # float32, shape (frames, channels), values in [-1, 1]
    sample_rate: int

    @property
    def channels(self) -> int:
        return int(self.samples.shape[1])

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.sample_rate


def read_wav(path: Path) -> PcmAudio:
    """Decodes a PCM WAV file (8, 16, 24 or 32-bit, any channel count) to float samples."""
    try:
        with wave.open(str(path), "rb") as reader:
            width, channels, rate = reader.getsampwidth(), reader.getnchannels(), reader.getframerate()
            raw = reader.readframes(reader.getnframes())
    except (OSError, EOFError, wave.Error) as error:
        raise UnreadableAudioError(f"{path}: cannot be played ({error}).") from error
    if width == 1:
        values = (np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    elif width == 2:
        values = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    elif width == 3:
        bytes3 = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3)
        as_int = (
            bytes3[:, 0].astype(np.int32) | (bytes3[:, 1].astype(np.int32) << 8) | (bytes3[:, 2].astype(np.int32) << 16)
        )
        as_int = np.where(as_int >= 1 << 23, as_int - (1 << 24), as_int)
        values = as_int.astype(np.float32) / float(1 << 23)
    elif width == 4:
        values = np.frombuffer(raw, dtype="<i4").astype(np.float32) / float(1 << 31)
    else:
        raise UnreadableAudioError(f"{path}: {width * 8}-bit samples are not supported.")
    frames = len(values) // channels
    return PcmAudio(values[: frames * channels].reshape(frames, channels), rate)


class _Playback:
    """One play() call: its buffer, read position and stream (the stream: owner thread only)."""

    def __init__(self, audio: PcmAudio, start_frame: int, on_finished: FinishedCallback | None) -> None:
        self.audio = audio
        self.cursor = start_frame  # next frame to hand to the device
        self.on_finished = on_finished
        self.stream: Any = None
        self.stop_requested = False
        self.reached_end = False
        self.over = threading.Event()  # over for the user: played out, stopped or failed
        self.started = threading.Event()  # the owner has started the stream, or failed to
        self.error: NoOutputDeviceError | None = None
        self.reported = False  # on_finished has been called
        # Silence played after the file: PortAudio reports "finished" once the last block is
        # handed over, not heard, and closing then would cut off what the device still holds.
        self.padding_left = 0

    def fill(self, outdata: np.ndarray, frames: int, abort: type[Exception], stop: type[Exception]) -> None:
        if self.stop_requested:
            outdata.fill(0)
            raise abort
        chunk = self.audio.samples[self.cursor : self.cursor + frames]
        count = len(chunk)
        outdata[:count] = chunk
        outdata[count:] = 0
        self.cursor += count
        if count < frames:
            self.reached_end = True
            self.padding_left -= frames - count
            if self.padding_left <= 0:
                raise stop


@dataclass(frozen=True, eq=False)
class _Play:
    playback: _Playback


@dataclass(frozen=True, eq=False)
class _End:  # stop() was asked, or PortAudio's finished callback ran (played out or aborted)
    playback: _Playback


class Player:
    """Plays one file at a time on an output device (None: the system default)."""

    def __init__(self, device: int | str | None = None, *, stream_factory: Callable | None = None) -> None:
        self.device = device
        self._stream_factory = stream_factory
        self._current: _Playback | None = None
        self._lock = threading.Lock()  # guards _current, _owner and the hand-over to the owner
        self._commands: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._owner: threading.Thread | None = None
        self._live: set[_Playback] = set()  # playbacks with an open stream (owner thread only)

    def play(self, wav_path: Path, on_finished: FinishedCallback | None = None, *, start_s: float = 0.0) -> None:
        """Starts playing and returns once sound flows (NoOutputDeviceError if it cannot).
        Stops whatever was playing before."""
        audio = read_wav(Path(wav_path))
        start_frame = min(max(0, int(round(start_s * audio.sample_rate))), len(audio.samples))
        playback = _Playback(audio, start_frame, on_finished)
        with self._lock:
            previous, self._current = self._current, playback
        if previous is not None:
            self._request_stop(previous)
        on_owner = self._send(_Play(playback))
        while on_owner and not playback.started.is_set():  # play() from on_finished: we are the owner
            self._run_command(self._commands.get())
        playback.started.wait()
        if playback.error is not None:
            with self._lock:
                if self._current is playback:
                    self._current = None
            raise playback.error

    def stop(self) -> None:
        """Stops at once, dropping what the device still buffers; is_playing is False on return."""
        with self._lock:
            playback = self._current
        if playback is not None:
            self._request_stop(playback)

    def wait(self, timeout: float | None = None) -> bool:
        """Blocks until nothing plays (or the timeout); True when playback is over."""
        with self._lock:
            playback = self._current
        return playback is None or playback.over.wait(timeout)

    @property
    def is_playing(self) -> bool:
        with self._lock:
            playback = self._current
        return playback is not None and not playback.over.is_set()

    @property
    def position_s(self) -> float:
        """Seconds into the current (or last) file of the audio handed to the device."""
        with self._lock:
            playback = self._current
        if playback is None:
            return 0.0
        return playback.cursor / playback.audio.sample_rate

    @property
    def duration_s(self) -> float | None:
        with self._lock:
            playback = self._current
        return None if playback is None else playback.audio.duration_s

    def close(self) -> None:
        self.stop()

    # -- any thread

    def _request_stop(self, playback: _Playback) -> None:
        if playback.over.is_set():
            return
        playback.stop_requested = True  # from now on the callback hands out silence and aborts
        playback.over.set()
        self._send(_End(playback))

    def _send(self, command: object) -> bool:
        """Queues a command for the owner thread (starting it if idle); True if we are it."""
        with self._lock:
            self._commands.put(command)
            if self._owner is None:
                self._owner = threading.Thread(target=self._own, name="mockint-playback", daemon=True)
                self._owner.start()
            return self._owner is threading.current_thread()

    # -- the owner thread: the only one that opens, starts, aborts or closes a stream

    def _own(self) -> None:
        while True:
            try:
                command = self._commands.get(timeout=_IDLE_EXIT_S)
            except queue.Empty:
                with self._lock:
                    if self._commands.empty() and not self._live:
                        self._owner = None
                        return
                continue
            self._run_command(command)

    def _run_command(self, command: object) -> None:
        if isinstance(command, _Play):
            self._start(command.playback)
        elif isinstance(command, _End):
            self._end(command.playback)

    def _start(self, playback: _Playback) -> None:
        try:
            if playback.stop_requested:  # stopped, or replaced, before its turn came
                return
            try:
                playback.stream = self._open(playback)
            except NoOutputDeviceError as error:
                playback.error = error
                return
            self._live.add(playback)
            held_s = float(getattr(playback.stream, "latency", OUTPUT_LATENCY_S) or OUTPUT_LATENCY_S)
            playback.padding_left = int((held_s + 2 * BLOCK_S) * playback.audio.sample_rate)
            try:
                playback.stream.start()
            except Exception as error:  # noqa: BLE001 - PortAudio raises its own error type
                playback.error = NoOutputDeviceError(_device_message(self.device, error))
        finally:
            if playback.error is not None:
                playback.over.set()
                self._close(playback)
            playback.started.set()

    def _end(self, playback: _Playback) -> None:
        """The playback is over (played out, stopped or failed): close its stream, say so once."""
        playback.over.set()
        self._close(playback)
        if playback.reported or playback.error is not None or not playback.started.is_set():
            return
        playback.reported = True
        if playback.on_finished is not None:
            try:
                playback.on_finished(playback.reached_end and not playback.stop_requested)
            except Exception:  # noqa: BLE001 - a listener's fault must not end the owner thread
                log.exception("a playback listener failed")

    def _close(self, playback: _Playback) -> None:
        if playback not in self._live:
            return
        self._live.discard(playback)
        try:
            playback.stream.abort(ignore_errors=True)
            playback.stream.close(ignore_errors=True)
        except Exception:  # noqa: BLE001 - a device that vanished must not block stopping
            log.debug("closing an output stream failed", exc_info=True)

    def _open(self, playback: _Playback) -> Any:
        import sounddevice  # imported here: it starts PortAudio, which is no import-time job

        factory = self._stream_factory or sounddevice.OutputStream
        audio = playback.audio

        def callback(outdata, frames, _time, _status) -> None:
            playback.fill(outdata, frames, sounddevice.CallbackAbort, sounddevice.CallbackStop)

        def finished() -> None:  # PortAudio's thread, or inside abort() on the owner's
            playback.over.set()
            self._commands.put(_End(playback))

        attempts = [audio.channels] + ([1] if audio.channels > 1 else [])
        last_error: Exception | None = None
        for channels in attempts:
            if channels != audio.channels:
                # The device cannot take the file's channels: play a mono mix-down instead.
                playback.audio = PcmAudio(audio.samples.mean(axis=1, keepdims=True), audio.sample_rate)
            try:
                return factory(
                    samplerate=audio.sample_rate,
                    channels=channels,
                    dtype="float32",
                    blocksize=max(1, int(audio.sample_rate * BLOCK_S)),
                    latency=OUTPUT_LATENCY_S,
                    device=self.device,
                    callback=callback,
                    finished_callback=finished,
                )
            except Exception as error:  # noqa: BLE001 - sounddevice raises PortAudioError or ValueError
                last_error = error
        raise NoOutputDeviceError(_device_message(self.device, last_error))


def _device_message(device: int | str | None, error: Exception | None) -> str:
    which = "the default sound output" if device is None else f"the sound output {device!r}"
    detail = f" ({error})" if error is not None else ""
    return f"Can't play sound: {which} could not be opened{detail}. Connect speakers or headphones, or choose another output device in Settings."
