"""Which rate and channel count to open a microphone with, and turning its blocks into mono PCM16."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mockint.speech.devices import AudioDevice, sounddevice_module

PREFERRED_RATE = 16000  # what Vosk models are trained on; anything else is resampled by Vosk


@dataclass(frozen=True)
class InputFormat:
    sample_rate: int
    device_channels: int  # what the stream is opened with; the recording is always mono

    @property
    def needs_downmix(self) -> bool:
        return self.device_channels > 1


def _accepts(sd, device: AudioDevice, channels: int, rate: float) -> bool:
    try:
        sd.check_input_settings(device=device.index, channels=channels, dtype="int16", samplerate=rate)
    except (sd.PortAudioError, ValueError):
        return False
    return True


def choose_input_format(device: AudioDevice) -> InputFormat:
    """16 kHz mono int16 where the device allows it, else its own rate; stereo only if it must.

    When nothing checks out, the device's own rate in mono is returned and opening the stream
    reports the real problem.
    """
    sd = sounddevice_module()
    own_rate = int(round(device.default_samplerate)) or PREFERRED_RATE
    for channels in (1, 2):
        if channels > max(device.channels, 1):
            break
        for rate in dict.fromkeys((PREFERRED_RATE, own_rate)):
            if _accepts(sd, device, channels, rate):
                return InputFormat(rate, channels)
    return InputFormat(own_rate, 1)


def to_mono_pcm16(block: bytes, channels: int) -> np.ndarray:
    """Interleaved int16 bytes -> mono int16 samples (the channel average)."""
    samples = np.frombuffer(block, dtype="<i2")
    if channels <= 1:
        return samples
    frames = samples[: len(samples) - len(samples) % channels].reshape(-1, channels)
    return (frames.astype(np.int32).sum(axis=1) // channels).astype("<i2")
