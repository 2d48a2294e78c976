"""What a context rule may ask about the words around a candidate filler."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mockint.core.analysis.tokens import reaches
from mockint.core.words import Word


class FillerContext:
    """The neighbourhood of a word during the single left-to-right filler pass.

    `is_filler` is filled in as the pass goes, so a rule can ask whether the words just before
    were fillers ("um so", "like you know") but never looks at decisions not yet made.

    `breaks[i]` says a typed transcript marks a break (a comma, a dash) before word i: where there
    are no timings, that plays the part of the pause a listener would hear.
    """

    __slots__ = ("texts", "gap_before", "breaks", "hesitation_s", "is_filler", "words")

    def __init__(
        self,
        texts: tuple[str, ...],
        gap_before: tuple[float | None, ...],
        hesitation_s: float,
        breaks: tuple[bool, ...] = (),
        words: tuple[Word, ...] = (),
    ) -> None:
        self.texts = texts
        self.gap_before = gap_before
        self.breaks = breaks
        self.hesitation_s = hesitation_s
        self.is_filler = bytearray(len(texts))
        self.words = words  # with their times; empty when only the texts are known

    def duration(self, i: int, size: int) -> float | None:
        """How long words i..i+size-1 took to say, None without times."""
        if i < 0 or i + size > len(self.words):
            return None
        start, end = self.words[i].start, self.words[i + size - 1].end
        return None if start is None or end is None else max(0.0, end - start)

    def word(self, i: int) -> str | None:
        """The text at i, None outside the answer (so rules can test neighbours without bounds checks)."""
        return self.texts[i] if 0 <= i < len(self.texts) else None

    def gap(self, i: int) -> float | None:
        """The silence before word i, None at the start, past the end, or without times."""
        return self.gap_before[i] if 0 <= i < len(self.gap_before) else None

    def break_before(self, i: int) -> bool:
        return 0 <= i < len(self.breaks) and self.breaks[i]

    def pause_before(self, i: int) -> bool:
        """A hesitation before word i: a silence long enough, or a typed comma or dash."""
        return reaches(self.gap(i), self.hesitation_s) or self.break_before(i)

    def after_filler(self, i: int) -> bool:
        return i > 0 and bool(self.is_filler[i - 1])

    def opens(self, i: int) -> bool:
        """Whether i starts the answer, follows a pause, or follows another filler."""
        return i == 0 or self.pause_before(i) or self.after_filler(i)

    def anchor(self, i: int) -> str | None:
        """The last word before i that is not a filler: what a filler chain hangs on."""
        j = i - 1
        while j >= 0 and self.is_filler[j]:
            j -= 1
        return self.texts[j] if j >= 0 else None


@dataclass(frozen=True, slots=True)
class ContextRule:
    """A discourse filler that counts only in some contexts, such as `like` or `you know`.

    `accept(context, i)` is asked only once the words at i already spell `phrase`.
    """

    phrase: tuple[str, ...]
    accept: Callable[[FillerContext, int], bool]

    @property
    def text(self) -> str:
        return " ".join(self.phrase)
