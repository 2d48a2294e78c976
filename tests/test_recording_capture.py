"""Recording real audio through the virtual microphone (a private PulseAudio null sink)."""

from __future__ import annotations

import numpy as np
import pytest

from mockint.speech.devices import find_input_device, list_input_devices, list_output_devices
from mockint.speech.errors import NoMicrophoneError
from mockint.speech.recorder import Recorder
from mockint.speech.recording_format import InputFormat, choose_input_format
from tests.test_recording_support import RATE, best_alignment, chirp, read_wav, rms, tone, write_wav

LEAD_IN_S = 0.4


def _source_with_lead_in(sweep: np.ndarray) -> np.ndarray:
    return np.concatenate([np.zeros(int(LEAD_IN_S * RATE), dtype="<i2"), sweep])


def test_recording_holds_what_was_played_and_feeds_every_chunk(virtual_microphone, tmp_path):
    sweep = chirp(1.2)
    played = write_wav(tmp_path / "played.wav", _source_with_lead_in(sweep))
    chunks: list[bytes] = []
    levels: list[tuple[int, float]] = []  # (frames so far, meter level) after each chunk

    def on_chunk(pcm: bytes) -> None:
        chunks.append(pcm)
        levels.append((sum(len(c) for c in chunks) // 2, recorder.level))

    recorder = Recorder(None, tmp_path / "answer.wav", on_chunk=on_chunk)
    recorder.start()
    assert recorder.sample_rate == RATE  # the virtual microphone allows 16 kHz, so no resampling
    virtual_microphone.play_into_microphone(played)
    result = recorder.stop()

    assert result.error is None and result.path == tmp_path / "answer.wav"
    assert not (tmp_path / "answer.partial.wav").exists()
    recorded, rate = read_wav(result.path)
    assert rate == RATE == result.sample_rate
    assert len(recorded) == result.frames
    assert b"".join(chunks) == recorded.tobytes()  # the recognizer gets exactly what is saved
    played_s = LEAD_IN_S + 1.2
    assert played_s <= result.duration_s < played_s + 2.5  # plus the player's start-up

    lag, score = best_alignment(recorded, sweep)
    assert score > 0.9, f"the sweep is not in the recording (best match {score:.2f} at {lag / RATE:.2f} s)"
    assert lag >= int(0.8 * LEAD_IN_S * RATE)
    assert rms(recorded[lag : lag + len(sweep)]) > 0.5 * rms(sweep)
    assert rms(recorded[: lag - 200]) < 0.01 * rms(sweep)

    before = [level for frames, level in levels if frames < lag - 800]
    during = [level for frames, level in levels if lag + 1600 < frames < lag + len(sweep)]
    assert before and during
    assert max(before) < 0.05 and min(during) > 0.5
    assert recorder.level == 0.0  # the meter drops when recording stops


def test_stereo_only_device_at_its_own_rate_is_downmixed(virtual_microphone, tmp_path):
    """A microphone that only offers stereo at 44.1 kHz: the file is mono at the device's rate."""
    sweep = chirp(1.0)
    played = write_wav(tmp_path / "played.wav", _source_with_lead_in(sweep))
    recorder = Recorder(find_input_device(None), tmp_path / "answer.wav", input_format=InputFormat(44100, 2))
    recorder.start()
    virtual_microphone.play_into_microphone(played)
    result = recorder.stop()

    assert result.error is None and result.sample_rate == 44100
    recorded, rate = read_wav(result.path)  # read_wav insists on mono
    assert rate == 44100 and len(recorded) == result.frames
    own_rate_sweep = np.interp(np.arange(int(len(sweep) * 44100 / RATE)) * RATE / 44100, np.arange(len(sweep)), sweep)
    lag, score = best_alignment(recorded, own_rate_sweep.astype("<i2"))
    assert score > 0.8
    assert rms(recorded[lag : lag + len(own_rate_sweep)]) > 0.5 * rms(sweep)


def test_a_failing_consumer_does_not_stop_the_recording(virtual_microphone, tmp_path):
    broken = RuntimeError("recognizer bug")

    def on_chunk(pcm: bytes) -> None:
        raise broken

    recorder = Recorder(None, tmp_path / "answer.wav", on_chunk=on_chunk)
    with pytest.raises(RuntimeError):
        recorder.stop()  # not started yet
    recorder.start()
    with pytest.raises(RuntimeError):
        recorder.start()  # one recording per Recorder
    virtual_microphone.play_into_microphone(write_wav(tmp_path / "tone.wav", tone(0.5)))
    result = recorder.stop()
    assert result.error is None and result.on_chunk_error is broken
    assert result.duration_s >= 0.5
    assert rms(read_wav(result.path)[0]) > 1000  # the tone got saved all the same
    assert recorder.stop() is result


def test_devices_of_the_virtual_microphone(virtual_microphone):
    inputs = list_input_devices()
    assert inputs and list_output_devices()
    defaults = [device for device in inputs if device.is_default]
    assert len(defaults) == 1
    default = find_input_device(None)
    assert default == defaults[0] and default.channels >= 1 and default.default_samplerate > 0
    assert find_input_device(default.name) == default
    assert choose_input_format(default) == InputFormat(RATE, 1)
    with pytest.raises(NoMicrophoneError) as raised:
        find_input_device("USB headset that is not plugged in")
    assert "USB headset that is not plugged in" in raised.value.user_message
    assert "Settings" in raised.value.user_message
