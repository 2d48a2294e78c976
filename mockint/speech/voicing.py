"""Which 10 ms frames of a recording are voiced: loud enough above the room and periodic.

Energy alone cannot tell a hummed "mmm" from a breath or a fan; a voice has a pitch. Each frame
is judged on two things:

- its energy in the voice band (70 Hz - 4 kHz) against an adaptive noise floor, the quiet end
  of the frames around it (so a fan that starts halfway through raises the floor there only);
- its periodicity: the highest normalised autocorrelation at a lag of a 70-400 Hz pitch period,
  computed on the frame low-passed to 2 kHz (a narrower band makes noise look periodic) and
  corrected for the analysis window (Boersma's method, as in Praat). Breaths, hiss and clicks
  are aperiodic and score low.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

HOP_S = 0.010
FRAME_S = 0.040  # two periods of the lowest pitch (70 Hz) fit in a frame
PITCH_MIN_HZ = 70.0
PITCH_MAX_HZ = 400.0
PERIODICITY_MIN = 0.6
_LOWPASS_HZ = 2000.0
_ENERGY_BAND_HZ = (70.0, 4000.0)
_FLOOR_PERCENTILE = 10.0
_LEVEL_PERCENTILE = 95.0
_FLOOR_WINDOW_S = 6.0
_ABSOLUTE_MIN_DB = -60.0  # below this nothing counts as voice, whatever the floor
_MIN_RISE_DB = 6.0
_MAX_RISE_DB = 15.0
_BATCH_FRAMES = 256


@dataclass(frozen=True, eq=False)
class VoicingTrack:
    """Per-frame results; frame i is centred at `(i + 0.5) * hop_s` seconds."""

    hop_s: float
    energy_db: np.ndarray
    periodicity: np.ndarray
    threshold_db: np.ndarray
    voiced: np.ndarray  # bool

    def frame_centre_s(self, index: int) -> float:
        return (index + 0.5) * self.hop_s


def voicing_track(samples: np.ndarray, sample_rate: int) -> VoicingTrack:
    """Voicing of every 10 ms hop of int16 (or float in [-1, 1]) mono samples."""
    signal = np.asarray(samples, dtype=np.float64)
    if np.issubdtype(np.asarray(samples).dtype, np.integer):
        signal = signal / 32768.0
    hop = max(1, round(HOP_S * sample_rate))
    frame_len = max(2, round(FRAME_S * sample_rate))
    frame_count = len(signal) // hop
    if frame_count == 0:
        empty = np.zeros(0)
        return VoicingTrack(hop / sample_rate, empty, empty, empty, np.zeros(0, dtype=bool))
    # Centre frame i on its hop, so a frame's verdict is about the 10 ms it is reported for.
    lead = (frame_len - hop) // 2
    padded = np.concatenate([np.zeros(lead), signal, np.zeros(frame_len)])
    energy = np.empty(frame_count)
    periodicity = np.empty(frame_count)
    analyser = _FrameAnalyser(frame_len, sample_rate)
    for first in range(0, frame_count, _BATCH_FRAMES):
        starts = np.arange(first, min(first + _BATCH_FRAMES, frame_count)) * hop
        frames = padded[starts[:, None] + np.arange(frame_len)[None, :]]
        energy[starts // hop], periodicity[starts // hop] = analyser.analyse(frames)
    threshold = _energy_threshold(energy, hop / sample_rate)
    voiced = (energy >= threshold) & (periodicity >= PERIODICITY_MIN)
    return VoicingTrack(hop / sample_rate, energy, periodicity, threshold, voiced)


class _FrameAnalyser:
    def __init__(self, frame_len: int, sample_rate: int) -> None:
        self.n_fft = 1 << int(np.ceil(np.log2(2 * frame_len)))
        self.window = np.hanning(frame_len)
        freqs = np.fft.rfftfreq(self.n_fft, 1.0 / sample_rate)
        self.pitch_band = (freqs >= PITCH_MIN_HZ * 0.8) & (freqs <= _LOWPASS_HZ)
        self.energy_band = (freqs >= _ENERGY_BAND_HZ[0]) & (freqs <= _ENERGY_BAND_HZ[1])
        window_acf = np.fft.irfft(np.abs(np.fft.rfft(self.window, self.n_fft)) ** 2)[:frame_len]
        self.lags = slice(
            max(1, int(sample_rate / PITCH_MAX_HZ)), min(frame_len - 1, int(np.ceil(sample_rate / PITCH_MIN_HZ))) + 1
        )
        self.window_acf = window_acf[self.lags] / window_acf[0]
        # Power per frame as the mean square of the Hann-windowed frame (window power ~3/8).
        self.energy_scale = 2.0 / (np.sum(self.window**2) * self.n_fft)

    def analyse(self, frames: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        frames = frames - frames.mean(axis=1, keepdims=True)
        power = np.abs(np.fft.rfft(frames * self.window, self.n_fft, axis=1)) ** 2
        band_power = power[:, self.energy_band].sum(axis=1) * self.energy_scale
        energy_db = 10.0 * np.log10(band_power + 1e-12)
        acf = np.fft.irfft(np.where(self.pitch_band, power, 0.0), self.n_fft, axis=1)
        zero_lag = acf[:, :1]
        normalised = np.divide(acf[:, self.lags], zero_lag, out=np.zeros_like(acf[:, self.lags]), where=zero_lag > 0)
        periodicity = np.max(normalised / self.window_acf, axis=1)
        return energy_db, np.clip(periodicity, 0.0, 1.0)


def _energy_threshold(energy_db: np.ndarray, hop_s: float) -> np.ndarray:
    """Per-frame: the local noise floor plus a rise that grows with the clip's dynamic range."""
    level = np.percentile(energy_db, _LEVEL_PERCENTILE)
    window = max(1, int(_FLOOR_WINDOW_S / hop_s))
    block = max(1, window // 6)
    floors = []
    centres = []
    for start in range(0, len(energy_db), block):
        lo = max(0, start + block // 2 - window // 2)
        hi = min(len(energy_db), lo + window)
        floors.append(np.percentile(energy_db[lo:hi], _FLOOR_PERCENTILE))
        centres.append(start + block / 2)
    floor = np.interp(np.arange(len(energy_db)), centres, floors)
    rise = np.clip((level - floor) / 3.0, _MIN_RISE_DB, _MAX_RISE_DB)
    return np.maximum(floor + rise, _ABSOLUTE_MIN_DB)
