"""The parts of an answer report that the JSON contract carries (DESIGN.md, "Command line")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class FillerKind(StrEnum):
    FILLED_PAUSE = "filled_pause"  # um, uh, [hesitation]
    DISCOURSE = "discourse"  # like, you know, so...


class PauseKind(StrEnum):
    HESITATION = "hesitation"
    LONG = "long"  # long enough to read as going blank


class LengthVerdict(StrEnum):
    TOO_SHORT = "too_short"
    OK = "ok"
    TOO_LONG = "too_long"


class Severity(StrEnum):
    WORK_ON = "work_on"
    STRENGTH = "strength"


@dataclass(frozen=True, slots=True)
class FillerHit:
    """A filler; `index` is the position of its first word, `text` all its words ("you know")."""

    index: int
    text: str
    kind: FillerKind
    start: float | None = None
    end: float | None = None

    @property
    def size(self) -> int:
        return len(self.text.split())


def filler_positions(fillers: Iterable[FillerHit]) -> frozenset[int]:
    """Every word position that belongs to a filler (both words of "you know")."""
    return frozenset(i for f in fillers for i in range(f.index, f.index + f.size))


@dataclass(frozen=True, slots=True)
class HedgeHit:
    index: int
    text: str
    start: float | None = None
    end: float | None = None

    @property
    def size(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Pause:
    """Silence between two words; the wait before the first word is start latency, not a pause."""

    start: float
    end: float
    duration_s: float
    kind: PauseKind


@dataclass(frozen=True, slots=True)
class Metrics:
    """Counts and rates. Times are None where the transcript has none (plain text)."""

    word_count: int
    duration_s: float | None = None
    speaking_s: float | None = None
    wpm: float | None = None
    fillers_per_min: float | None = None
    filler_ratio: float = 0.0
    longest_pause_s: float | None = None
    start_latency_s: float | None = None


@dataclass(frozen=True, slots=True)
class LengthResult:
    """How the answer's length compares with its target; `verdict` is None when the length is unknown."""

    verdict: LengthVerdict | None
    target_min_s: float
    target_max_s: float


@dataclass(frozen=True, slots=True)
class FeedbackItem:
    """One thing to work on or one strength, in plain words with its evidence."""

    kind: str
    severity: Severity
    message: str
