"""Opening and closing the PortAudio input stream, and what the user is told when it fails."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from mockint.speech.devices import AudioDevice, sounddevice_module
from mockint.speech.errors import NoMicrophoneError
from mockint.speech.recording_format import InputFormat

log = logging.getLogger(__name__)

DEVICE_LOST_MESSAGE = (
    "The microphone stopped working during your answer (was it unplugged?). Everything recorded before that is saved."
)
UNEXPECTED_MESSAGE = "The recording stopped because of an unexpected problem. Everything recorded before that is saved."


def cannot_open(device: AudioDevice) -> NoMicrophoneError:
    return NoMicrophoneError(
        f"The microphone \u201c{device.name}\u201d could not be opened or sends no sound. Check that it "
        "is plugged in and not in use by another app, or choose another one in Settings."
    )


def open_input_stream(
    factory: Callable[..., object] | None,
    device: AudioDevice,
    input_format: InputFormat,
    block_s: float,
    callback: Callable[..., None],
    finished_callback: Callable[[], None],
):
    """An opened (not started) int16 input stream; NoMicrophoneError if PortAudio refuses."""
    sd = sounddevice_module()
    try:
        return (factory or sd.InputStream)(
            device=device.index,
            samplerate=input_format.sample_rate,
            channels=input_format.device_channels,
            dtype="int16",
            blocksize=max(1, int(input_format.sample_rate * block_s)),
            callback=callback,
            finished_callback=finished_callback,
        )
    except sd.PortAudioError as error:
        raise cannot_open(device) from error


def start_stream(stream, device: AudioDevice) -> None:
    sd = sounddevice_module()
    try:
        stream.start()
    except sd.PortAudioError as error:
        raise cannot_open(device) from error


def close_stream_within(stream, timeout_s: float) -> bool:
    """Stops and closes `stream`, giving up after `timeout_s`; True if it closed in time.

    A hung sound server can block PortAudio's stop forever (seen with a stopped PulseAudio:
    the stream stays "active" and Pa_AbortStream waits for the server), and the user's
    recording must not hang with it, so the blocking calls run on a throwaway daemon thread.
    """

    def close() -> None:
        try:
            stream.stop()
        except Exception:  # noqa: BLE001 - a dead device fails in many ways; closing must go on
            log.debug("stopping the input stream failed", exc_info=True)
        try:
            stream.close()
        except Exception:  # noqa: BLE001
            log.debug("closing the input stream failed", exc_info=True)

    closer = threading.Thread(target=close, name="mockint-recorder-close", daemon=True)
    closer.start()
    closer.join(timeout_s)
    if closer.is_alive():
        log.warning("the audio device did not close within %.1f s; leaving it", timeout_s)
        return False
    return True
