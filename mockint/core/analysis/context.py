"""What a context rule may ask about the words around a candidate filler."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mockint.core.analysis.tokens import reaches


class FillerContext:
    """The neighbourhood of a word during the single left-to-right filler pass.

    `is_filler` is filled in as the pass goes, so a rule can ask whether the words just before
    were fillers ("um so", "like you know") but never looks at decisions not yet made.
    """

    __slots__ = ("texts", "gap_before", "hesitation_s", "is_filler")

    def __init__(self, texts: tuple[str, ...], gap_before: tuple[float | None, ...], hesitation_s: float) -> None:
        self.texts = texts
        self.gap_before = gap_before
        self.hesitation_s = hesitation_s
        self.is_filler = bytearray(len(texts))

    def word(self, i: int) -> str | None:
        """The text at i, None outside the answer (so rules can test neighbours without bounds checks)."""
        return self.texts[i] if 0 <= i < len(self.texts) else None

    def pause_before(self, i: int) -> bool:
        return 0 <= i < len(self.gap_before) and reaches(self.gap_before[i], self.hesitation_s)

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
