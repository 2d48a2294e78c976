"""Hesitations the transcript hides: voiced sound where the recognizer wrote no word.

A hummed "mmm" or a drawn-out "uh" is voice, but many recognizers turn it into nothing (or into
`[unk]`, which is dropped), so the transcript shows a clean gap where the speaker was in fact
stalling. Here the audio is searched for voiced stretches of at least `min_s` outside every word
(each word's span widened by a small margin, since word edges sit on the recognizer's 30 ms
grid), and each becomes `Word("[hesitation]", start, end)`; the analysis counts it as a filled
pause. Breaths and noise are not voiced (no pitch), so they stay pauses.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from mockint.core.words import Word
from mockint.speech.voicing import voicing_track

HESITATION = "[hesitation]"
WORD_MARGIN_S = 0.05
_BRIDGE_S = 0.05  # a voiced "mmm" can flicker for a frame or two; that is still one stretch


def find_hidden_hesitations(
    samples: np.ndarray,
    sample_rate: int,
    words: Iterable[Word],
    *,
    min_s: float = 0.3,
    margin_s: float = WORD_MARGIN_S,
) -> list[Word]:
    """Voiced stretches of at least `min_s` seconds that no timed word overlaps, in time order."""
    track = voicing_track(samples, sample_rate)
    if not track.voiced.any():
        return []
    free = track.voiced & ~_word_cover(words, len(track.voiced), track.hop_s, margin_s)
    free = _bridge_gaps(free, max(1, round(_BRIDGE_S / track.hop_s)))
    duration = len(samples) / sample_rate
    found = []
    for first, last in _runs(free):
        start = first * track.hop_s
        end = min((last + 1) * track.hop_s, duration)
        if end - start >= min_s - 1e-9:
            found.append(Word(HESITATION, round(start, 3), round(end, 3), None))
    return found


def merge_hesitations(words: Iterable[Word], hesitations: Iterable[Word]) -> tuple[Word, ...]:
    """Words and hesitations in time order (a hesitation goes before a word starting with it)."""
    ordered = sorted(
        [*((w, 1) for w in words), *((h, 0) for h in hesitations)],
        key=lambda pair: (pair[0].start if pair[0].start is not None else float("inf"), pair[1]),
    )
    return tuple(word for word, _ in ordered)


def _word_cover(words: Iterable[Word], frame_count: int, hop_s: float, margin_s: float) -> np.ndarray:
    """Frames any word (widened by the margin) touches."""
    covered = np.zeros(frame_count, dtype=bool)
    for word in words:
        if not word.timed:
            continue
        first = max(0, int(np.floor((word.start - margin_s) / hop_s)))
        last = min(frame_count, int(np.ceil((word.end + margin_s) / hop_s)))
        covered[first:last] = True
    return covered


def _bridge_gaps(mask: np.ndarray, max_gap: int) -> np.ndarray:
    """Fill runs of False no longer than `max_gap` that lie between two True frames."""
    bridged = mask.copy()
    runs = _runs(~mask)
    for first, last in runs:
        if first > 0 and last < len(mask) - 1 and last - first + 1 <= max_gap:
            bridged[first : last + 1] = True
    return bridged


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) index of every run of True."""
    if not mask.any():
        return []
    edges = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1) - 1
    return list(zip(starts.tolist(), ends.tolist(), strict=False))
