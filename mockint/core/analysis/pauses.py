"""Silences: pauses between words, and the wait before the first word (start latency), kept apart."""

from __future__ import annotations

from mockint.core.analysis.findings import Pause, PauseKind
from mockint.core.analysis.tokens import TokenView, reaches


def find_pauses(view: TokenView, hesitation_s: float, long_pause_s: float) -> tuple[Pause, ...]:
    """Every gap between consecutive words of at least `hesitation_s`; `long_pause_s` or more is long.

    Only a fully timed transcript has pauses: with a time missing, a gap cannot be known.
    """
    if not view.timed:
        return ()
    pauses = []
    words = view.words
    for i, gap in enumerate(view.gap_before):
        if reaches(gap, hesitation_s):
            kind = PauseKind.LONG if reaches(gap, long_pause_s) else PauseKind.HESITATION
            start, end = words[i - 1].end, words[i].start
            if start is None or end is None:
                continue  # cannot happen in a timed view; keeps the types honest
            pauses.append(Pause(start, end, round(end - start, 2), kind))
    return tuple(pauses)


def longest_gap(view: TokenView) -> float | None:
    """The longest silence between words (0.0 when the words run together); None if unmeasurable."""
    if not view.timed or len(view.words) < 2:
        return None
    return max(0.0, max(g for g in view.gap_before[1:] if g is not None))


def start_latency(view: TokenView, answer_start_s: float) -> float | None:
    """Seconds from the answer window opening to the first word; 0 if speech began before it."""
    if not view.words or view.words[0].start is None:
        return None
    return max(0.0, view.words[0].start - answer_start_s)
