"""The transcript as the metrics read it: word texts and the silence before each word, computed once."""

from __future__ import annotations

import math
from dataclasses import dataclass

from mockint.core.words import Word

# Times carry two decimals, so a 1.00 s gap may compute as 0.9999999; thresholds allow for that.
TIME_EPSILON = 1e-6


def reaches(value: float | None, threshold: float) -> bool:
    """Whether a measured time reaches a threshold, forgiving float noise."""
    return value is not None and value + TIME_EPSILON >= threshold


def is_bracketed(text: str) -> bool:
    """`[uh]`, `[hesitation]`: markers the speech layer or a model writes for sounds, not words."""
    return len(text) > 2 and text[0] == "[" and text[-1] == "]"


# Beyond any recording (30 years): such a number is corrupt, and would overflow sums into infinity.
MAX_ABS_NUMBER = 1e9


def finite(value: object) -> float | None:
    """The value as a float when it is a usable number, else None (unknown)."""
    if type(value) is float:  # the common case, first: NaN and infinity fail the comparison
        return value if -MAX_ABS_NUMBER <= value <= MAX_ABS_NUMBER else None
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) and abs(number) <= MAX_ABS_NUMBER else None


def clean_word(word: Word) -> Word:
    """The word with unusable numbers (NaN, infinity, not numbers at all) turned into unknowns."""
    start, end, conf = finite(word.start), finite(word.end), finite(word.conf)
    text = word.text if isinstance(word.text, str) else str(word.text)
    if start == word.start and end == word.end and conf == word.conf and text is word.text:
        return word
    return Word(text, start, end, conf, word.break_before is True)


@dataclass(frozen=True, slots=True)
class TokenView:
    """What every metric reads: the texts, and the gaps between consecutive words.

    `gap_before[i]` is the silence between word i-1's end and word i's start, None for the first
    word and wherever a time is missing. `timed` says every word has a start and an end: the
    timed metrics (pauses, pace) are only computed then, so a half-timed transcript never
    yields half-true numbers.
    """

    words: tuple[Word, ...]
    texts: tuple[str, ...]
    gap_before: tuple[float | None, ...]
    timed: bool
    breaks: tuple[bool, ...] = ()  # a typed comma or dash before word i (empty when there is none)

    @classmethod
    def of(cls, words: tuple[Word, ...]) -> TokenView:
        texts = tuple(w.text for w in words)
        gaps: list[float | None] = [None] * len(words)
        timed = bool(words)
        previous_end: float | None = None
        for i, word in enumerate(words):
            if word.start is None or word.end is None:
                timed = False
            elif previous_end is not None and i > 0:
                gaps[i] = word.start - previous_end
            previous_end = word.end
        # Only a typed transcript (no times) carries punctuation's breaks.
        breaks = () if timed else tuple(w.break_before is True for w in words)
        return cls(words, texts, tuple(gaps), timed, breaks if any(breaks) else ())

    def gap_after(self, i: int) -> float | None:
        return self.gap_before[i + 1] if i + 1 < len(self.gap_before) else None
