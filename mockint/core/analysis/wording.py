"""How feedback words figures: clock times, counts, and quoted words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from mockint.core.formatting import clock, seconds_text
from mockint.core.formatting import plural as count_text

__all__ = ["at_times", "clock", "count_text", "join_words", "quoted", "seconds_text", "tally"]


def quoted(text: str) -> str:
    return f'"{text}"'


def join_words(parts: Sequence[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def at_times(starts: Iterable[float | None], limit: int = 3) -> str:
    """` at 0:12, 0:40 and 1:05` for the first few known times; empty when none is known."""
    times = [clock(s) for s in starts if s is not None][:limit]
    return f" at {join_words(times)}" if times else ""


def tally(texts: Iterable[str], limit: int = 3) -> str:
    """`“um” (8), “like” (4)`: the most frequent words, most frequent first."""
    counts = Counter(texts).most_common(limit)
    return join_words([f"{quoted(text)} ({count})" if count > 1 else quoted(text) for text, count in counts])
