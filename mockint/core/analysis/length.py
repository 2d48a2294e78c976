"""Answer length against the question's target range.

An answer lasts from its first spoken word (or voiced sound, such as a hum the recognizer gave
no word) to its last. The time before the first word is the start latency, reported apart; the
silence after the last word is how the recording was stopped ("stop after 8 s of silence"),
not part of what was said.
"""

from __future__ import annotations

from mockint.core.analysis.findings import LengthVerdict
from mockint.core.analysis.tokens import TokenView
from mockint.core.targets import TargetRange


def answer_duration(recording_s: float | None, view: TokenView) -> float | None:
    """First to last word of a timed transcript; 0 for a recording in which nothing was said.

    A transcript without (complete) times falls back on the recording's length when known, else
    None: a half-timed transcript gives no half-true length.
    """
    if view.timed:
        starts = [w.start for w in view.words if w.start is not None]
        ends = [w.end for w in view.words if w.end is not None]
        return max(0.0, max(ends) - min(starts))
    if not view.words:
        return None if recording_s is None else 0.0
    return recording_s


def length_verdict(duration_s: float | None, target: TargetRange) -> LengthVerdict | None:
    if duration_s is None:
        return None
    if duration_s < target.min_s:
        return LengthVerdict.TOO_SHORT
    if duration_s > target.max_s:
        return LengthVerdict.TOO_LONG
    return LengthVerdict.OK
