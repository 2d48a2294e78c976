"""Where things go on the answer's timeline: the time scale and what lies under a point (no Qt).

Kept apart from the painting so the scale rules (how much of the target range to show, where
ticks fall) and the hover texts can be reasoned about, and tested, on their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mockint.core.analysis import AnswerReport, PauseKind
from mockint.core.formatting import clock, clock_tenths
from mockint.core.targets import TargetRange

MIN_ANSWER_SHARE = 0.45  # a short answer still gets this much of the width, whatever its target
TICK_STEPS_S = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600)
MAX_TICKS = 8


class SpotKind(StrEnum):
    FILLER = "filler"
    HEDGE = "hedge"
    PAUSE = "pause"
    LONG_PAUSE = "long_pause"
    WORD = "word"


@dataclass(frozen=True)
class Spot:
    """Something on the timeline from `start` to `end` seconds, and what hovering it says."""

    kind: SpotKind
    start: float
    end: float
    text: str


def scale_end(duration_s: float, target: TargetRange | None) -> float:
    """The time at the right edge: the whole answer, and as much of the target as fits calmly."""
    duration_s = max(duration_s, 1.0)
    if target is None:
        return duration_s
    show_up_to = min(target.max_s, max(target.min_s, duration_s * 1.6), duration_s / MIN_ANSWER_SHARE)
    return max(duration_s, show_up_to)


def tick_step(end_s: float) -> int:
    return next((step for step in TICK_STEPS_S if end_s / step <= MAX_TICKS), TICK_STEPS_S[-1])


def ticks(end_s: float) -> list[float]:
    step = tick_step(end_s)
    return [float(t) for t in range(0, int(end_s) + 1, step)]


def spots(report: AnswerReport | None) -> list[Spot]:
    """Marks first (they sit on top), then pauses, then words: the order hovering prefers."""
    if report is None:
        return []
    found: list[Spot] = []
    words = report.words
    for filler in report.fillers:
        if filler.start is not None:
            found.append(
                Spot(
                    SpotKind.FILLER,
                    filler.start,
                    filler.end or filler.start,
                    f"Filler “{filler.text}” at {clock_tenths(filler.start)}",
                )
            )
    for hedge in report.hedges:
        if hedge.start is not None:
            found.append(
                Spot(
                    SpotKind.HEDGE,
                    hedge.start,
                    hedge.end or hedge.start,
                    f"Hedge “{hedge.text}” at {clock_tenths(hedge.start)}",
                )
            )
    for pause in report.pauses:
        long = pause.kind is PauseKind.LONG
        what = "Long pause" if long else "Pause"
        found.append(
            Spot(
                SpotKind.LONG_PAUSE if long else SpotKind.PAUSE,
                pause.start,
                pause.end,
                f"{what} of {pause.duration_s:.1f} s at {clock_tenths(pause.start)}",
            )
        )
    for word in words:
        if word.start is not None:
            found.append(
                Spot(
                    SpotKind.WORD,
                    word.start,
                    word.end if word.end is not None else word.start,
                    f"“{word.text}” at {clock_tenths(word.start)}",
                )
            )
    return found


def spot_at(all_spots: list[Spot], seconds: float, tolerance_s: float, kinds: tuple[SpotKind, ...]) -> Spot | None:
    """The nearest spot of one of `kinds` within `tolerance_s` of `seconds`."""
    best: tuple[float, Spot] | None = None
    for spot in all_spots:
        if spot.kind not in kinds:
            continue
        distance = 0.0 if spot.start <= seconds <= spot.end else min(abs(seconds - spot.start), abs(seconds - spot.end))
        if distance <= tolerance_s and (best is None or distance < best[0]):
            best = (distance, spot)
    return best[1] if best else None


def describe(report: AnswerReport | None, duration_s: float | None, target: TargetRange | None) -> str:
    """The timeline in words, for screen readers."""
    if report is None or duration_s is None:
        return "No timeline: the answer has no timed words."
    parts = [f"Answer {clock(duration_s)} long"]
    if target is not None:
        parts.append(f"target {target.min_s:g} to {target.max_s:g} seconds")
    if report.fillers:
        times = ", ".join(clock(f.start) for f in report.fillers if f.start is not None)
        parts.append(f"{len(report.fillers)} fillers at {times}")
    if report.hedges:
        parts.append(f"{len(report.hedges)} hedges")
    if report.pauses:
        times = ", ".join(f"{p.duration_s:.1f} s at {clock(p.start)}" for p in report.pauses)
        parts.append(f"pauses: {times}")
    return "; ".join(parts) + ". Click or use the arrow keys to move the playback position."
