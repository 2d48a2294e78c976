"""Input level for a meter: RMS in dBFS mapped to 0..1, fast to rise and slow to fall."""

from __future__ import annotations

import math

import numpy as np

FULL_SCALE = 32768.0
SILENCE_FLOOR_DBFS = -60.0  # quieter than this shows as an empty meter


def rms_dbfs(samples: np.ndarray) -> float:
    """RMS of int16 samples in dB relative to full scale; SILENCE_FLOOR_DBFS or less for silence."""
    if samples.size == 0:
        return -math.inf
    rms = math.sqrt(float(np.mean(np.square(samples, dtype=np.float64))))
    if rms <= 0.0:
        return -math.inf
    return 20.0 * math.log10(rms / FULL_SCALE)


def level_from_dbfs(dbfs: float, floor_dbfs: float = SILENCE_FLOOR_DBFS) -> float:
    """Linear in dB from the floor (0.0) to full scale (1.0), clamped."""
    if dbfs <= floor_dbfs:
        return 0.0
    return min(1.0, (dbfs - floor_dbfs) / -floor_dbfs)


class LevelMeter:
    """Smooths block levels the way a meter should move: rise at once, fall gently.

    Attack and release are time constants in seconds, so the feel does not depend on block size.
    """

    def __init__(self, attack_s: float = 0.01, release_s: float = 0.3) -> None:
        self.attack_s = attack_s
        self.release_s = release_s
        self._value = 0.0

    @property
    def value(self) -> float:
        return self._value

    def update(self, samples: np.ndarray, duration_s: float) -> float:
        target = level_from_dbfs(rms_dbfs(samples))
        time_constant = self.attack_s if target > self._value else self.release_s
        keep = math.exp(-duration_s / time_constant) if time_constant > 0 else 0.0
        self._value = target + (self._value - target) * keep
        return self._value

    def reset(self) -> None:
        self._value = 0.0
