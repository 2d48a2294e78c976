"""The numbers the analysis policy is built on (DESIGN.md, "Analysis policy"), adjustable in settings."""

from __future__ import annotations

import math
from dataclasses import dataclass

from mockint.core.errors import BadInputError


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Pause lengths in seconds, pace limits in words per minute.

    Between `comfortable_max_wpm` and `fast_wpm` the pace is brisk: not flagged as fast, not
    praised as steady either. `slow_start_s` is how long the speaker may think before the first
    word without it being worth a note (a few seconds of thought is normal in an interview).
    Words with confidence below `artifact_confidence` may be recognizer artifacts; runs below
    `low_confidence` are offered for re-listening.
    """

    hesitation_s: float = 1.0
    long_pause_s: float = 3.0
    slow_wpm: float = 100
    comfortable_max_wpm: float = 165
    fast_wpm: float = 170
    slow_start_s: float = 5.0
    low_confidence: float = 0.6
    artifact_confidence: float = 0.5

    def __post_init__(self) -> None:
        for name in ("hesitation_s", "long_pause_s", "slow_wpm", "comfortable_max_wpm", "fast_wpm", "slow_start_s"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
                raise BadInputError(f"the analysis setting {name} must be a number above zero, not {value!r}")
        if self.hesitation_s > self.long_pause_s:
            raise BadInputError(
                f"the hesitation pause ({self.hesitation_s:g} s) must not be longer than the long pause ({self.long_pause_s:g} s)"
            )
        if self.slow_wpm >= self.fast_wpm:
            raise BadInputError(
                f"the slow pace ({self.slow_wpm:g} wpm) must be below the fast pace ({self.fast_wpm:g} wpm)"
            )

    @property
    def steady_max_wpm(self) -> float:
        """The top of the comfortable band; never above the fast limit, whatever the settings say."""
        return min(self.comfortable_max_wpm, self.fast_wpm)
