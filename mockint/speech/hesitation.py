"""Hesitations the transcript hides: voiced sound where the recognizer wrote no word.

A hummed "mmm" or a drawn-out "uh" is voice, but many recognizers turn it into nothing (or into
`[unk]`, which is dropped), so the transcript shows a clean gap where the speaker was in fact
stalling. Here the audio is searched for voiced stretches of at least `min_s` outside every word
(each word's span widened by a small margin, since word edges sit on the recognizer's 30 ms
grid), and each becomes `Word("[hesitation]", start, end)`; the analysis counts it as a filled
pause. Breaths and noise are not voiced (no pitch), so they stay pauses.

In a continuous answer the recognizer's language model often writes a short word on a hum
("인", "윤" from the Korean model): nothing in the transcript then looks hidden. A word that lies
mostly (DROWNED_SHARE) on one hum-like stretch of at least `min_s` (voiced, nearly all its energy
under 600 Hz: see voicing.HUM_LOW_SHARE) is taken for the recognizer's reading of that hum, and
the hesitation replaces it. Spoken words have formants above 600 Hz and do not qualify.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from mockint.core.words import Word
from mockint.speech.voicing import VoicingScanner

HESITATION = "[hesitation]"
WORD_MARGIN_S = 0.05
_BRIDGE_S = 0.05  # a voiced "mmm" can flicker for a frame or two; that is still one stretch
DROWNED_SHARE = 0.7


def find_hidden_hesitations(
    samples: np.ndarray,
    sample_rate: int,
    words: Iterable[Word],
    *,
    min_s: float = 0.3,
    margin_s: float = WORD_MARGIN_S,
) -> list[Word]:
    """Voiced stretches of at least `min_s` seconds that no timed word overlaps, in time order."""
    scanner = VoicingScanner(sample_rate)
    scanner.feed(samples)
    scanner.finish()
    return hesitations_outside_words(scanner, words, min_s=min_s, margin_s=margin_s)


def hesitations_outside_words(
    scanner: VoicingScanner, words: Iterable[Word], *, min_s: float = 0.3, margin_s: float = WORD_MARGIN_S
) -> list[Word]:
    """The same, from a scan that has been fed a whole recording (as it was made) and finished."""
    runs = scanner.voiced_runs
    if not runs:
        return []
    hop_s = scanner.hop_s
    hums = [
        (first * hop_s, (last + 1) * hop_s) for first, last in scanner.hum_runs if (last + 1 - first) * hop_s >= min_s
    ]
    words = [word for word in words if not _lies_on(word, hums, DROWNED_SHARE)]
    # Frame intervals [first, end): voiced stretches, less the words, joined over flickers.
    frame_count = scanner.frames_decided
    voiced = [(first, last + 1) for first, last in runs]
    free = _bridged(_without(voiced, _word_cover(words, frame_count, hop_s, margin_s)), round(_BRIDGE_S / hop_s))
    duration = scanner.duration_s
    found = []
    for first, end_frame in free:
        start = first * hop_s
        end = min(end_frame * hop_s, duration)
        if end - start >= min_s - 1e-9:
            found.append(Word(HESITATION, round(start, 3), round(end, 3), None))
    return found


def merge_hesitations(words: Iterable[Word], hesitations: Iterable[Word]) -> tuple[Word, ...]:
    """Words and hesitations in time order (a hesitation goes before a word starting with it).

    A word lying mostly inside a hesitation was the recognizer's reading of that hum: the
    hesitation takes its place."""
    hesitations = list(hesitations)
    spans = [(h.start, h.end) for h in hesitations if h.start is not None and h.end is not None]
    kept = [w for w in words if not _lies_on(w, spans, DROWNED_SHARE)]
    ordered = sorted(
        [*((w, 1) for w in kept), *((h, 0) for h in hesitations)],
        key=lambda pair: (pair[0].start if pair[0].start is not None else float("inf"), pair[1]),
    )
    return tuple(word for word, _ in ordered)


def _lies_on(word: Word, spans: list[tuple[float, float]], share: float) -> bool:
    """At least `share` of the word's time falls inside one of the spans."""
    begin, finish = word.start, word.end
    if begin is None or finish is None or not spans:
        return False
    length = max(finish - begin, 1e-3)
    return any(min(finish, end) - max(begin, start) >= share * length for start, end in spans)


def _word_cover(words: Iterable[Word], frame_count: int, hop_s: float, margin_s: float) -> list[tuple[int, int]]:
    """The frame intervals [first, end) the words (each widened by the margin) touch, merged."""
    spans = []
    for word in words:
        if word.start is None or word.end is None:
            continue
        first = max(0, int(np.floor((word.start - margin_s) / hop_s)))
        end = min(frame_count, int(np.ceil((word.end + margin_s) / hop_s)))
        if first < end:
            spans.append((first, end))
    merged: list[tuple[int, int]] = []
    for first, end in sorted(spans):
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((first, end))
    return merged


def _without(intervals: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint intervals less sorted, disjoint holes."""
    left = []
    j = 0
    for first, end in intervals:
        while j < len(holes) and holes[j][1] <= first:
            j += 1
        at, k = first, j
        while k < len(holes) and holes[k][0] < end:
            if holes[k][0] > at:
                left.append((at, holes[k][0]))
            at = max(at, holes[k][1])
            k += 1
        if at < end:
            left.append((at, end))
    return left


def _bridged(intervals: list[tuple[int, int]], max_gap: int) -> list[tuple[int, int]]:
    """Join intervals separated by at most `max_gap` frames (a voiced "mmm" flickers)."""
    joined: list[tuple[int, int]] = []
    for first, end in intervals:
        if joined and first - joined[-1][1] <= max(1, max_gap):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((first, end))
    return joined
