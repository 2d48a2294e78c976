"""How times and figures read on the Review page: the same wording everywhere on it."""

from __future__ import annotations

import math
from datetime import datetime

from mockint.core.targets import TargetRange

DASH = "—"  # a figure that is not known (a plain-text answer has no times)


def clock(seconds: float | None) -> str:
    """0:07, 1:04, 12:30: where in the answer, as a media player writes it."""
    if seconds is None or not math.isfinite(seconds):
        return DASH
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def clock_tenths(seconds: float) -> str:
    """0:07.4: a playback position, fine enough to follow word by word."""
    seconds = max(0.0, seconds)
    minutes = int(seconds // 60)
    return f"{minutes}:{seconds - minutes * 60:04.1f}"


def secs(seconds: float | None) -> str:
    if seconds is None or not math.isfinite(seconds):
        return DASH
    return f"{seconds:.1f} s"


def target_text(target: TargetRange) -> str:
    """60–90 s, or 1:00–1:30 once minutes read easier."""
    if target.max_s >= 120:
        return f"{clock(target.min_s)}–{clock(target.max_s)}"
    return f"{target.min_s:g}–{target.max_s:g}\u00a0s"  # no-break space: "s" never wraps alone


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def when(moment: datetime | None, now: datetime | None = None) -> str:
    """Today 14:05 / Yesterday 09:30 / Tue 12 Mar 14:05 / 12 Mar 2023 — in local time."""
    if moment is None:
        return DASH
    local = moment.astimezone()
    now = (now or datetime.now().astimezone()).astimezone()
    days = (now.date() - local.date()).days
    time_of_day = f"{local:%H:%M}"
    if days == 0:
        return f"Today {time_of_day}"
    if days == 1:
        return f"Yesterday {time_of_day}"
    if local.year == now.year:
        return f"{local:%a} {local.day} {local:%b} {time_of_day}"
    return f"{local.day} {local:%b %Y}"
