"""How durations, target ranges and length verdicts are written: one wording for every page,
export and the command line, so a 44.6 s answer reads "0:44" wherever it is shown.

Durations read like a media player's clock and are cut, not rounded, to the second: a timer
that has shown 0:44 never jumps to 0:45 in the report, and a word at 44.6 s plays at 0:44.
"""

from __future__ import annotations

import math
from enum import Enum

from mockint.core.targets import TargetRange

DASH = "—"  # a figure that is not known (a plain-text answer has no times)
UNIT_SPACE = " "  # between a number and its unit; a plain space, so CLI output and JSON read cleanly

# The length verdict's one wording (keys are LengthVerdict values; core.analysis imports this
# module, so it is keyed by the enum's string value rather than the enum itself).
VERDICT_WORDS: dict[str, str] = {"too_short": "too short", "ok": "within target", "too_long": "too long"}


def _known(seconds: float | None) -> bool:
    return seconds is not None and math.isfinite(seconds)


def clock(seconds: float | None) -> str:
    """0:07, 1:04, 12:30, 1:02:03: a duration or a moment in an answer; DASH when unknown."""
    if seconds is None or not math.isfinite(seconds):
        return DASH
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def clock_tenths(seconds: float) -> str:
    """0:07.4: a playback position, fine enough to follow word by word."""
    tenths = int(max(0.0, seconds) * 10 + 1e-6)  # cut like clock(), so both agree on the second
    minutes, rest = divmod(tenths, 600)
    return f"{minutes}:{rest // 10:02d}.{rest % 10}"


def seconds_text(seconds: float | None) -> str:
    """4.2 s: a short span such as a pause or the time to the first word."""
    if seconds is None or not math.isfinite(seconds):
        return DASH
    return f"{seconds:.1f}{UNIT_SPACE}s"


def range_text(min_s: float, max_s: float) -> str:
    """15–45 s, 60–120 s: every target range is written this one way."""
    return f"{min_s:g}–{max_s:g}{UNIT_SPACE}s"


def target_text(target: TargetRange | tuple[float, float] | None) -> str:
    """The target range of an answer (empty when there is none)."""
    if target is None:
        return ""
    if isinstance(target, TargetRange):
        return range_text(target.min_s, target.max_s)
    return range_text(target[0], target[1])


def verdict_text(verdict: str | Enum | None) -> str | None:
    """ "too short", "within target", "too long"; None when the length is unknown."""
    if verdict is None:
        return None
    key = verdict.value if isinstance(verdict, Enum) else verdict
    return VERDICT_WORDS.get(str(key))


def length_text(
    duration_s: float | None, verdict: str | Enum | None, target: TargetRange | tuple[float, float] | None
) -> str:
    """ "0:12 · too short (target 15–45 s)": an answer's length, its verdict and the target."""
    parts = [clock(duration_s)]
    words = verdict_text(verdict) if _known(duration_s) else None
    if words:
        parts.append(f"· {words}")
    aim = target_text(target)
    if aim:
        parts.append(f"(target {aim})")
    return " ".join(parts)


def pace_text(wpm: float | None) -> str:
    return DASH if wpm is None else f"{wpm:.0f} words/min"


def fillers_text(per_min: float | None) -> str:
    return DASH if per_min is None else f"{per_min:.1f} fillers/min"


def plural(count: int, one: str, many: str | None = None) -> str:
    """1 filler, 3 fillers."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
