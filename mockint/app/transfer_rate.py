"""Speed and time left of a transfer, and how they read: pure functions, no Qt, no clock.

The caller feeds (time, bytes done) samples from whatever clock it uses. Speed is measured
over the last few seconds only, so a burst at the start or a resumed download (which starts at
the bytes already on disk) does not skew it, and a stall shows up as a falling speed.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

WINDOW_S = 4.0  # speed over this much recent time: steady to read, quick to follow a change
MIN_SPAN_S = 0.5  # too short a span gives wild figures; say nothing until there is this much


@dataclass(frozen=True)
class TransferEstimate:
    done: int
    total: int | None
    bytes_per_s: float | None  # None until enough time has passed to tell
    seconds_left: float | None  # None when the speed or the total is unknown

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(1.0, self.done / self.total)


class TransferRate:
    """Call `add(t, done, total)` as bytes arrive; it returns the estimate at that moment."""

    def __init__(self, window_s: float = WINDOW_S, min_span_s: float = MIN_SPAN_S) -> None:
        self._window_s = window_s
        self._min_span_s = min_span_s
        self._samples: deque[tuple[float, int]] = deque()

    def add(self, t: float, done: int, total: int | None) -> TransferEstimate:
        if self._samples and done < self._samples[-1][1]:
            self._samples.clear()  # the transfer started over (a server that ignores Range)
        self._samples.append((t, done))
        # Keep one sample at or before the window's start, so the span covers the whole window.
        while len(self._samples) > 2 and self._samples[1][0] <= t - self._window_s:
            self._samples.popleft()
        speed = self._speed()
        return TransferEstimate(done, total, speed, seconds_left(done, total, speed))

    def _speed(self) -> float | None:
        (t0, b0), (t1, b1) = self._samples[0], self._samples[-1]
        span = t1 - t0
        if span < self._min_span_s:
            return None
        return (b1 - b0) / span


def seconds_left(done: int, total: int | None, bytes_per_s: float | None) -> float | None:
    if total is None or bytes_per_s is None or bytes_per_s <= 0:
        return None
    return max(0.0, (total - done) / bytes_per_s)


def format_bytes(size: float) -> str:
    """Decimal units, as download pages and file managers show them: 41.2 MB, 850 kB."""
    if size < 1000:
        return f"{int(size)} B"
    if size < 999_500:
        return f"{size / 1e3:.0f} kB"
    if size < 999_950_000:
        return f"{size / 1e6:.1f} MB"
    return f"{size / 1e9:.1f} GB"


def format_speed(bytes_per_s: float | None) -> str:
    if bytes_per_s is None:
        return "measuring speed…"
    return f"{format_bytes(bytes_per_s)}/s"


def format_time_left(seconds: float | None) -> str:
    """Rounded the way people say it; precise seconds would flicker with every sample."""
    if seconds is None:
        return ""
    if seconds < 5:
        return "a few seconds left"
    if seconds < 60:
        return f"about {int(math.ceil(seconds / 5) * 5)} s left"
    minutes = int(round(seconds / 60))
    if minutes < 60:
        return f"about {minutes} min left"
    hours, minutes = divmod(minutes, 60)
    return f"about {hours} h {minutes:02d} min left"


def describe_transfer(estimate: TransferEstimate) -> str:
    """`12.3 MB of 41.2 MB · 2.1 MB/s · about 15 s left`, leaving out what is not known."""
    amount = format_bytes(estimate.done)
    if estimate.total is not None:
        amount = f"{amount} of {format_bytes(estimate.total)}"
    parts = [amount, format_speed(estimate.bytes_per_s)]
    left = format_time_left(estimate.seconds_left)
    if left:
        parts.append(left)
    return " · ".join(parts)
