"""What changed between two attempts at one question, in plain words (no Qt).

Only differences a listener would notice count; smaller ones read as "about the same". Pace
and length count as better when they come closer to their comfortable range, not when the
number merely goes down.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mockint.core.analysis import AnswerReport, LengthVerdict, Thresholds
from mockint.core.formatting import clock
from mockint.core.formatting import seconds_text as secs

FILLERS_PER_MIN_STEP = 0.5
PACE_STEP_WPM = 5.0
LENGTH_STEP_S = 5.0
PAUSE_STEP_S = 0.5
LATENCY_STEP_S = 1.0


class Direction(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"


@dataclass(frozen=True)
class Change:
    key: str
    direction: Direction
    sentence: str  # "Fewer fillers: 4.2 → 1.1 a minute"


def _outside(value: float, low: float, high: float) -> float:
    return max(low - value, value - high, 0.0)


def _direction(before: float, after: float, step: float) -> Direction:
    """Lower is better; a change smaller than `step` is no change."""
    if after <= before - step:
        return Direction.BETTER
    if after >= before + step:
        return Direction.WORSE
    return Direction.SAME


def _fillers(a: AnswerReport, b: AnswerReport) -> Change | None:
    x, y = a.metrics.fillers_per_min, b.metrics.fillers_per_min
    if x is None or y is None:
        x, y = float(len(a.fillers)), float(len(b.fillers))
        shown = f"{len(a.fillers)} → {len(b.fillers)}"
        step = 1.0
    else:
        shown = f"{x:.1f} → {y:.1f} a minute"
        step = FILLERS_PER_MIN_STEP
    direction = _direction(x, y, step)
    word = {
        Direction.BETTER: "Fewer fillers",
        Direction.WORSE: "More fillers",
        Direction.SAME: "Fillers about the same",
    }[direction]
    return Change("fillers", direction, f"{word}: {shown}")


def _pace(a: AnswerReport, b: AnswerReport, t: Thresholds) -> Change | None:
    x, y = a.metrics.wpm, b.metrics.wpm
    if x is None or y is None:
        return None
    low, high = t.slow_wpm, t.steady_max_wpm
    direction = _direction(_outside(x, low, high), _outside(y, low, high), PACE_STEP_WPM)
    shown = f"{x:.0f} → {y:.0f} wpm"
    if direction is Direction.BETTER:
        text = "Pace now comfortable" if _outside(y, low, high) == 0 else "Pace closer to comfortable"
    elif direction is Direction.WORSE:
        text = "Pace further from comfortable"
    else:
        text = "Pace steady" if _outside(y, low, high) == 0 else "Pace about the same"
    return Change("pace", direction, f"{text}: {shown}")


def _length(a: AnswerReport, b: AnswerReport) -> Change | None:
    x, y = a.metrics.duration_s, b.metrics.duration_s
    if x is None or y is None:
        return None
    low, high = b.length.target_min_s, b.length.target_max_s
    shown = f"{clock(x)} → {clock(y)}"
    was_ok, now_ok = a.length.verdict is LengthVerdict.OK, b.length.verdict is LengthVerdict.OK
    if now_ok and not was_ok:
        return Change("length", Direction.BETTER, f"Length now within target: {shown}")
    if was_ok and not now_ok:
        return Change("length", Direction.WORSE, f"Length now outside the target: {shown}")
    direction = _direction(_outside(x, low, high), _outside(y, low, high), LENGTH_STEP_S)
    text = {Direction.BETTER: "Length closer to the target", Direction.WORSE: "Length further from the target",
            Direction.SAME: "Length within target" if now_ok else "Length about the same"}[direction]  # fmt: skip
    return Change("length", direction, f"{text}: {shown}")


def _longest_pause(a: AnswerReport, b: AnswerReport) -> Change | None:
    x, y = a.metrics.longest_pause_s, b.metrics.longest_pause_s
    if x is None or y is None:
        return None
    direction = _direction(x, y, PAUSE_STEP_S)
    text = {
        Direction.BETTER: "Shorter longest pause",
        Direction.WORSE: "Longer longest pause",
        Direction.SAME: "Longest pause about the same",
    }[direction]
    return Change("longest_pause", direction, f"{text}: {secs(x)} → {secs(y)}")


def _start(a: AnswerReport, b: AnswerReport) -> Change | None:
    x, y = a.metrics.start_latency_s, b.metrics.start_latency_s
    if x is None or y is None:
        return None
    direction = _direction(x, y, LATENCY_STEP_S)
    if direction is Direction.SAME:
        return None  # how long one thinks first matters only when it changed noticeably
    text = "Started sooner" if direction is Direction.BETTER else "Took longer to start"
    return Change("start", direction, f"{text}: {secs(x)} → {secs(y)}")


def _hedges(a: AnswerReport, b: AnswerReport) -> Change | None:
    x, y = len(a.hedges), len(b.hedges)
    if x == y == 0:
        return None
    direction = _direction(float(x), float(y), 1.0)
    text = {Direction.BETTER: "Fewer hedges", Direction.WORSE: "More hedges", Direction.SAME: "Hedges about the same"}[
        direction
    ]
    return Change("hedges", direction, f"{text}: {x} → {y}")


def compare_attempts(before: AnswerReport, after: AnswerReport, thresholds: Thresholds) -> list[Change]:
    """Better first, then worse, then the same; each kind of figure once."""
    found = [
        change
        for change in (
            _fillers(before, after),
            _length(before, after),
            _pace(before, after, thresholds),
            _longest_pause(before, after),
            _hedges(before, after),
            _start(before, after),
        )
        if change is not None
    ]
    order = {Direction.BETTER: 0, Direction.WORSE: 1, Direction.SAME: 2}
    return sorted(found, key=lambda change: order[change.direction])
