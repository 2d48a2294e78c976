"""The level meter's maths and the mono downmix, as pure functions."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mockint.speech.level import LevelMeter, level_from_dbfs, rms_dbfs
from mockint.speech.recording_format import InputFormat, to_mono_pcm16
from tests.test_recording_support import tone


def test_rms_dbfs_of_known_signals():
    full_scale_sine = (32767 * np.sin(2 * np.pi * np.arange(16000) / 16)).astype("<i2")
    assert rms_dbfs(full_scale_sine) == pytest.approx(-3.01, abs=0.05)
    assert rms_dbfs(np.full(100, 3277, dtype="<i2")) == pytest.approx(-20.0, abs=0.01)
    assert rms_dbfs(np.zeros(800, dtype="<i2")) == -math.inf
    assert rms_dbfs(np.zeros(0, dtype="<i2")) == -math.inf


def test_level_is_linear_in_db_between_floor_and_full_scale():
    assert level_from_dbfs(-math.inf) == 0.0
    assert level_from_dbfs(-60.0) == 0.0
    assert level_from_dbfs(-30.0) == pytest.approx(0.5)
    assert level_from_dbfs(0.0) == 1.0
    assert level_from_dbfs(6.0) == 1.0


def test_meter_rises_at_once_and_falls_slowly():
    meter = LevelMeter(attack_s=0.01, release_s=0.3)
    loud, silent = tone(0.05, amplitude=0.5), np.zeros(800, dtype="<i2")
    target = level_from_dbfs(rms_dbfs(loud))
    assert meter.update(loud, 0.05) > 0.95 * target  # one 50 ms block is enough to show speech
    after_one_quiet_block = meter.update(silent, 0.05)
    assert 0.8 * target < after_one_quiet_block < target  # no flicker between syllables
    for _ in range(40):  # two seconds of silence
        meter.update(silent, 0.05)
    assert meter.value < 0.01
    meter.update(loud, 0.05)
    meter.reset()
    assert meter.value == 0.0


def test_stereo_is_averaged_to_mono():
    left = np.array([1000, -32768, 32767, 7], dtype="<i2")
    right = np.array([3000, -32768, 32767, 8], dtype="<i2")
    interleaved = np.column_stack([left, right]).reshape(-1).tobytes()
    assert to_mono_pcm16(interleaved, 2).tolist() == [2000, -32768, 32767, 7]
    assert to_mono_pcm16(left.tobytes(), 1).tolist() == left.tolist()
    assert InputFormat(44100, 2).needs_downmix and not InputFormat(16000, 1).needs_downmix
