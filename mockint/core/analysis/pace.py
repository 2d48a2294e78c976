"""Pace: words per minute over the speaking time.

Speaking time runs from the first word's start to the last word's end, minus the long pauses
in between: a speaker who went blank for five seconds was not speaking slowly, they had
stopped, and that is reported as a long pause instead. Hesitations (shorter gaps) stay in, as
they are part of how fast the answer comes across. Bracketed markers such as "[uh]" stand for
sounds, not words, so pace does not count them.
"""

from __future__ import annotations

from collections.abc import Iterable

from mockint.core.analysis.findings import Pause, PauseKind
from mockint.core.analysis.tokens import TokenView, is_bracketed


def speaking_time(view: TokenView, pauses: Iterable[Pause]) -> float | None:
    if not view.timed:
        return None
    first = min(w.start for w in view.words if w.start is not None)
    last = max(w.end for w in view.words if w.end is not None)
    blank = sum(p.duration_s for p in pauses if p.kind is PauseKind.LONG)
    return max(0.0, last - first - blank)


def spoken_word_count(texts: Iterable[str]) -> int:
    return sum(1 for t in texts if not is_bracketed(t))


def per_minute(count: int, seconds: float | None) -> float | None:
    """A count as a rate per minute; None when there is no time to divide by."""
    if seconds is None or seconds <= 0:
        return None
    return count * 60.0 / seconds
