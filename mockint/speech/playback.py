"""Playing WAV files (questions, answers, single words) through sounddevice, stoppable at once.

The whole file is decoded into memory and an output stream's callback hands it out in ~20 ms
blocks, so stop() aborts the stream (dropping what is buffered) instead of waiting for a
blocking write to drain. The stream is opened at the file's own rate and channel count; the
sound server resamples and remixes.
"""

from __future__ import annotations

import threading
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mockint.speech.errors import AudioError, UnreadableAudioError

BLOCK_S = 0.02
# PortAudio's ALSA default (40 ms) underruns through PulseAudio's ALSA plugin on a busy machine,
# and each underrun loses audio; 100 ms did not. stop() drops the buffer, so it stays instant.
OUTPUT_LATENCY_S = 0.1

# Called once per play() when it ends: True when the file played to its end, False when it
# was stopped (stop(), or a new play() that replaced it). Runs on a helper thread.
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
    """One play() call: its buffer, read position and stream."""

    def __init__(self, audio: PcmAudio, start_frame: int, on_finished: FinishedCallback | None) -> None:
        self.audio = audio
        self.cursor = start_frame  # next frame to hand to the device
        self.on_finished = on_finished
        self.stream = None
        self.stop_requested = False
        self.reached_end = False
        self.over = threading.Event()  # the stream is inactive: played out, stopped or failed
        self.lock = threading.Lock()  # guards stream abort/close across threads
        self.closed = False
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

    def close_stream(self) -> None:
        with self.lock:
            if self.closed or self.stream is None:
                return
            self.closed = True
            try:
                self.stream.abort(ignore_errors=True)
                self.stream.close(ignore_errors=True)
            except Exception:  # noqa: BLE001 - a device that vanished must not block stopping
                pass


class Player:
    """Plays one file at a time on an output device (None: the system default)."""

    def __init__(self, device: int | str | None = None, *, stream_factory: Callable | None = None) -> None:
        self.device = device
        self._stream_factory = stream_factory
        self._current: _Playback | None = None
        self._lock = threading.Lock()

    def play(self, wav_path: Path, on_finished: FinishedCallback | None = None, *, start_s: float = 0.0) -> None:
        """Starts playing (returns at once). Stops whatever was playing before."""
        audio = read_wav(Path(wav_path))
        start_frame = min(max(0, int(round(start_s * audio.sample_rate))), len(audio.samples))
        self.stop()
        playback = _Playback(audio, start_frame, on_finished)
        playback.stream = self._open(playback)
        held_s = float(getattr(playback.stream, "latency", OUTPUT_LATENCY_S) or OUTPUT_LATENCY_S)
        playback.padding_left = int((held_s + 2 * BLOCK_S) * audio.sample_rate)
        with self._lock:
            self._current = playback
        try:
            playback.stream.start()
        except Exception as error:  # noqa: BLE001 - PortAudio raises its own error type
            playback.close_stream()
            with self._lock:
                self._current = None
            raise NoOutputDeviceError(_device_message(self.device, error)) from error
        threading.Thread(target=self._see_out, args=(playback,), name="mockint-playback", daemon=True).start()

    def stop(self) -> None:
        """Stops at once, dropping what the device still buffers; is_playing is False on return."""
        with self._lock:
            playback = self._current
        if playback is None or playback.over.is_set():
            return
        playback.stop_requested = True
        playback.close_stream()
        playback.over.set()

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

    def _open(self, playback: _Playback):
        import sounddevice  # imported here: it starts PortAudio, which is no import-time job

        factory = self._stream_factory or sounddevice.OutputStream
        audio = playback.audio

        def callback(outdata, frames, _time, _status) -> None:
            playback.fill(outdata, frames, sounddevice.CallbackAbort, sounddevice.CallbackStop)

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
                    finished_callback=playback.over.set,
                )
            except Exception as error:  # noqa: BLE001 - sounddevice raises PortAudioError or ValueError
                last_error = error
        raise NoOutputDeviceError(_device_message(self.device, last_error))

    def _see_out(self, playback: _Playback) -> None:
        # Closing a stream is not allowed from its own callbacks: this thread does it.
        playback.over.wait()
        playback.close_stream()
        if playback.on_finished is not None:
            playback.on_finished(playback.reached_end and not playback.stop_requested)


def _device_message(device: int | str | None, error: Exception | None) -> str:
    which = "the default sound output" if device is None else f"the sound output {device!r}"
    detail = f" ({error})" if error is not None else ""
    return f"Can't play sound: {which} could not be opened{detail}. Connect speakers or headphones, or choose another output device in Settings."
