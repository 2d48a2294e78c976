"""Which 10 ms frames of a recording are voiced: loud enough above the room and periodic.

Energy alone cannot tell a hummed "mmm" from a breath or a fan; a voice has a pitch. Each frame
is judged on two things:

- its energy in the voice band (70 Hz - 4 kHz) against an adaptive noise floor, the quiet end
  of the frames around it (so a fan that starts halfway through raises the floor there only);
- its periodicity: the highest normalised autocorrelation at a lag of a 70-400 Hz pitch period,
  computed on the frame low-passed to 2 kHz (a narrower band makes noise look periodic) and
  corrected for the analysis window (Boersma's method, as in Praat). Breaths, hiss and clicks
  are aperiodic and score low.

The scan is incremental (`VoicingScanner`): the costly part, the spectrum of each frame, is
computed as soon as the frame's audio has arrived, so a recording is analysed while it is being
made. A frame's verdict needs the floor of the 6 s around it and the speech level of the 20 s
around it, so verdicts follow the audio by at most ten seconds; what is left at the end is
thresholding, which is cheap. Memory is bounded by those windows, whatever the length: only the
voiced stretches are kept. All arithmetic is float32.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

HOP_S = 0.010
FRAME_S = 0.040  # two periods of the lowest pitch (70 Hz) fit in a frame
PITCH_MIN_HZ = 70.0
PITCH_MAX_HZ = 400.0
PERIODICITY_MIN = 0.6
# A hum ("mmm", a closed-mouth "uh") keeps nearly all its energy under 600 Hz: the nasal murmur's
# one resonance sits near 250 Hz and the mouth passes little above it. Vowels and voiced
# consonants of words carry formants above 600 Hz; only a short stretch of a close vowel comes
# near. Measured on our synthetic hums: 0.995 and more; on espeak-ng Korean words, 0.4-0.9.
HUM_LOW_SHARE = 0.95
_HUM_BAND_HZ = (70.0, 600.0)
_LOWPASS_HZ = 2000.0
_ENERGY_BAND_HZ = (70.0, 4000.0)
_FLOOR_PERCENTILE = 10.0
_LEVEL_PERCENTILE = 95.0
_FLOOR_WINDOW_S = 6.0
# The speech level the rise above the floor is scaled by. Over a whole short clip it is that
# clip's level; over a long answer, the level of the 20 s around each moment (a speaker who
# grows quieter later keeps being heard).
_LEVEL_WINDOW_S = 20.0
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
    """Voicing of every 10 ms hop of int16 (or float in [-1, 1]) mono samples, all frames kept."""
    scanner = VoicingScanner(sample_rate, keep_track=True)
    scanner.feed(samples)
    scanner.finish()
    return scanner.track()


@dataclass
class _Parts:
    energy: list[np.ndarray] = field(default_factory=list)
    periodicity: list[np.ndarray] = field(default_factory=list)
    threshold: list[np.ndarray] = field(default_factory=list)
    voiced: list[np.ndarray] = field(default_factory=list)


class VoicingScanner:
    """`feed(samples)` as audio arrives (int16, or float in [-1, 1]), `finish()` at the end;
    `voiced_runs` are the (first, last) frame indices of every voiced stretch. One thread."""

    def __init__(self, sample_rate: int, *, keep_track: bool = False) -> None:
        self.sample_rate = sample_rate
        self._hop = max(1, round(HOP_S * sample_rate))
        self._frame_len = max(2, round(FRAME_S * sample_rate))
        self.hop_s = self._hop / sample_rate
        self._analyser = _FrameAnalyser(self._frame_len, sample_rate)
        self._floor_window = max(1, int(_FLOOR_WINDOW_S / self.hop_s))
        self._block = max(1, self._floor_window // 6)
        self._level_window = max(self._floor_window, int(_LEVEL_WINDOW_S / self.hop_s))
        # Frame i covers signal[i*hop - lead : i*hop - lead + frame_len], centred on its hop.
        lead = (self._frame_len - self._hop) // 2
        self._pending = np.zeros(lead, dtype=np.float32)  # audio from the next frame's first sample
        self._samples_in = 0
        self._analysed = 0  # frames whose energy and periodicity are known
        self._base = 0  # frame index of _energy[0]
        self._energy = np.zeros(0, dtype=np.float32)
        self._periodicity = np.zeros(0, dtype=np.float32)
        self._low_share = np.zeros(0, dtype=np.float32)
        self._blocks_done = 0  # blocks whose floor and level are final
        self._block_floor: dict[int, float] = {}
        self._block_level: dict[int, float] = {}
        self._decided = 0  # frames whose verdict is final
        self._finished = False
        self.voiced_runs: list[tuple[int, int]] = []
        self.hum_runs: list[tuple[int, int]] = []  # voiced stretches that sound like a hum (HUM_LOW_SHARE)
        self._parts = _Parts() if keep_track else None

    @property
    def frames_decided(self) -> int:
        return self._decided

    @property
    def duration_s(self) -> float:
        return self._samples_in / self.sample_rate

    def feed(self, samples: np.ndarray) -> None:
        if self._finished:
            raise RuntimeError("feed() after finish()")
        signal = np.asarray(samples)
        if np.issubdtype(signal.dtype, np.integer):
            signal = signal.astype(np.float32) * np.float32(1 / 32768)
        else:
            signal = signal.astype(np.float32, copy=False)
        if not len(signal):
            return
        self._samples_in += len(signal)
        self._pending = np.concatenate([self._pending, signal])
        self._analyse_ready(final=False)
        self._decide(final=False)

    def finish(self) -> None:
        """The audio has ended: analyse the last frames and judge every frame left."""
        if self._finished:
            return
        self._finished = True
        self._pending = np.concatenate([self._pending, np.zeros(self._frame_len, dtype=np.float32)])
        self._analyse_ready(final=True)
        self._decide(final=True)
        self._pending = np.zeros(0, dtype=np.float32)

    def track(self) -> VoicingTrack:
        """Every frame's figures (only with keep_track=True, after finish())."""
        if self._parts is None or not self._finished:
            raise RuntimeError("track() needs keep_track=True and finish()")
        parts = self._parts

        def joined(arrays: list[np.ndarray], dtype: type) -> np.ndarray:
            return np.concatenate(arrays) if arrays else np.zeros(0, dtype=dtype)

        return VoicingTrack(
            self.hop_s,
            joined(parts.energy, np.float32),
            joined(parts.periodicity, np.float32),
            joined(parts.threshold, np.float32),
            joined(parts.voiced, np.bool_),
        )

    def _analyse_ready(self, *, final: bool) -> None:
        total = self._samples_in // self._hop if final else None
        hop, frame_len = self._hop, self._frame_len
        ready = (len(self._pending) - frame_len) // hop + 1 if len(self._pending) >= frame_len else 0
        if total is not None:
            ready = min(ready, total - self._analysed)
        if ready <= 0:
            return
        energies, periodicities, low_shares = [], [], []
        for first in range(0, ready, _BATCH_FRAMES):
            starts = np.arange(first, min(first + _BATCH_FRAMES, ready)) * hop
            frames = self._pending[starts[:, None] + np.arange(frame_len)[None, :]]
            energy, periodicity, low_share = self._analyser.analyse(frames)
            energies.append(energy)
            periodicities.append(periodicity)
            low_shares.append(low_share)
        self._pending = self._pending[ready * hop :]
        self._energy = np.concatenate([self._energy, *energies])
        self._periodicity = np.concatenate([self._periodicity, *periodicities])
        self._low_share = np.concatenate([self._low_share, *low_shares])
        self._analysed += ready

    def _block_bounds(self, block: int, window: int) -> tuple[int, int]:
        """The frames a block's statistic is taken over (clipped at the start, as a window)."""
        lo = max(0, block * self._block + self._block // 2 - window // 2)
        return lo, lo + window

    def _stats_of_ready_blocks(self, *, final: bool) -> None:
        n = self._analysed
        block_count = -(-n // self._block)  # blocks start at every multiple of _block below n
        while self._blocks_done < block_count:
            b = self._blocks_done
            floor_lo, floor_hi = self._block_bounds(b, self._floor_window)
            level_lo, level_hi = self._block_bounds(b, self._level_window)
            if not final and max(floor_hi, level_hi) > n:
                return  # its windows are not all in yet
            self._block_floor[b] = float(np.percentile(self._window(floor_lo, floor_hi), _FLOOR_PERCENTILE))
            self._block_level[b] = float(np.percentile(self._window(level_lo, level_hi), _LEVEL_PERCENTILE))
            self._blocks_done += 1

    def _window(self, lo: int, hi: int) -> np.ndarray:
        return self._energy[lo - self._base : min(hi, self._analysed) - self._base]

    def _decide(self, *, final: bool) -> None:
        self._stats_of_ready_blocks(final=final)
        if self._blocks_done == 0:
            return
        # Frame i's floor is interpolated between the centres of the blocks either side of it.
        last_block = self._blocks_done - 1
        if final and self._blocks_done == -(-self._analysed // self._block):
            upto = self._analysed
        else:
            upto = min(self._analysed, int(np.floor(last_block * self._block + self._block / 2)) + 1)
        if upto <= self._decided:
            return
        first = self._decided
        frames = np.arange(first, upto)
        blocks = sorted(self._block_floor)
        centres = np.array([b * self._block + self._block / 2 for b in blocks])
        floor = np.interp(frames, centres, [self._block_floor[b] for b in blocks])
        level = np.interp(frames, centres, [self._block_level[b] for b in blocks])
        rise = np.clip((level - floor) / 3.0, _MIN_RISE_DB, _MAX_RISE_DB)
        threshold = np.maximum(floor + rise, _ABSOLUTE_MIN_DB).astype(np.float32)
        energy = self._energy[first - self._base : upto - self._base]
        periodicity = self._periodicity[first - self._base : upto - self._base]
        voiced = (energy >= threshold) & (periodicity >= PERIODICITY_MIN)
        _add_runs(self.voiced_runs, voiced, first)
        _add_runs(
            self.hum_runs, voiced & (self._low_share[first - self._base : upto - self._base] >= HUM_LOW_SHARE), first
        )
        if self._parts is not None:
            self._parts.energy.append(energy.copy())
            self._parts.periodicity.append(periodicity.copy())
            self._parts.threshold.append(threshold)
            self._parts.voiced.append(voiced)
        self._decided = upto
        self._forget_old(blocks)

    def _forget_old(self, blocks: list[int]) -> None:
        """Drop the figures of frames no block still to come will look at."""
        next_block = self._blocks_done
        keep_from = min(
            self._block_bounds(next_block, self._floor_window)[0],
            self._block_bounds(next_block, self._level_window)[0],
            self._decided,
        )
        if self._parts is None:
            for b in blocks[:-2]:  # the last two centres interpolate the frames still to decide
                del self._block_floor[b]
                del self._block_level[b]
        if keep_from - self._base > 4 * self._block:
            cut = keep_from - self._base
            self._energy = self._energy[cut:].copy()
            self._periodicity = self._periodicity[cut:].copy()
            self._low_share = self._low_share[cut:].copy()
            self._base = keep_from


class _FrameAnalyser:
    def __init__(self, frame_len: int, sample_rate: int) -> None:
        self.lags = slice(
            max(1, int(sample_rate / PITCH_MAX_HZ)), min(frame_len - 1, int(np.ceil(sample_rate / PITCH_MIN_HZ))) + 1
        )
        # Long enough that the autocorrelation up to the longest pitch lag does not wrap around,
        # and no longer: a size of small prime factors, which pocketfft handles as fast as 2^k.
        self.n_fft = _smooth_size(frame_len + self.lags.stop)
        window = np.hanning(frame_len)
        self.window = window.astype(np.float32)
        freqs = np.fft.rfftfreq(self.n_fft, 1.0 / sample_rate)
        self.pitch_band = ((freqs >= PITCH_MIN_HZ * 0.8) & (freqs <= _LOWPASS_HZ)).astype(np.float32)
        self.energy_band = (freqs >= _ENERGY_BAND_HZ[0]) & (freqs <= _ENERGY_BAND_HZ[1])
        self.hum_band = (freqs >= _HUM_BAND_HZ[0]) & (freqs <= _HUM_BAND_HZ[1])
        window_acf = np.fft.irfft(np.abs(np.fft.rfft(window, self.n_fft)) ** 2)[:frame_len]
        self.window_acf = (window_acf[self.lags] / window_acf[0]).astype(np.float32)
        # Power per frame as the mean square of the Hann-windowed frame (window power ~3/8).
        self.energy_scale = np.float32(2.0 / (np.sum(window**2) * self.n_fft))

    def analyse(self, frames: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per frame: energy (dB), periodicity (0..1), share of the energy under 600 Hz."""
        frames = frames - frames.mean(axis=1, keepdims=True)
        spectrum = np.fft.rfft(frames * self.window, self.n_fft, axis=1)
        power = spectrum.real**2 + spectrum.imag**2
        in_band = power[:, self.energy_band].sum(axis=1)
        low_share = power[:, self.hum_band].sum(axis=1) / np.maximum(in_band, np.float32(1e-20))
        band_power = in_band * self.energy_scale
        energy_db = 10.0 * np.log10(band_power + np.float32(1e-12))
        acf = np.fft.irfft(power * self.pitch_band, self.n_fft, axis=1)
        zero_lag = acf[:, :1]
        lagged = acf[:, self.lags]
        normalised = np.divide(lagged, zero_lag, out=np.zeros_like(lagged), where=zero_lag > 0)
        periodicity = np.max(normalised / self.window_acf, axis=1)
        periodicity = np.clip(periodicity, 0.0, 1.0).astype(np.float32)
        return energy_db.astype(np.float32), periodicity, low_share.astype(np.float32)


def _add_runs(runs: list[tuple[int, int]], mask: np.ndarray, offset: int) -> None:
    """Append the runs of True in `mask` (frame `offset` onwards), joining one that goes on."""
    if not mask.any():
        return
    edges = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    starts = np.flatnonzero(edges == 1) + offset
    ends = np.flatnonzero(edges == -1) - 1 + offset
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        if runs and runs[-1][1] == start - 1:
            runs[-1] = (runs[-1][0], end)  # continues over the seam between two feeds
        else:
            runs.append((start, end))


def _smooth_size(minimum: int) -> int:
    """The smallest n >= minimum whose prime factors are 2, 3 and 5."""
    n = max(2, minimum)
    while True:
        rest = n
        for prime in (2, 3, 5):
            while rest % prime == 0:
                rest //= prime
        if rest == 1:
            return n
        n += 1
