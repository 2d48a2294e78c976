"""Answer length against the question's target range."""

from __future__ import annotations

from mockint.core.analysis.findings import LengthVerdict
from mockint.core.analysis.tokens import TokenView
from mockint.core.targets import TargetRange


def answer_duration(recording_s: float | None, view: TokenView) -> float | None:
    """The recording's length when known; else the end of the last word (a fully timed transcript); else None."""
    if recording_s is not None:
        return recording_s
    return max(w.end for w in view.words) if view.timed else None


def length_verdict(duration_s: float | None, target: TargetRange) -> LengthVerdict | None:
    if duration_s is None:
        return None
    if duration_s < target.min_s:
        return LengthVerdict.TOO_SHORT
    if duration_s > target.max_s:
        return LengthVerdict.TOO_LONG
    return LengthVerdict.OK
