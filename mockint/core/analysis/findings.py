"""The parts of an answer report that the JSON contract carries (DESIGN.md, "Command line")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from mockint.core.analysis import serial


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

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "text": self.text, "kind": self.kind.value, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> FillerHit:
        d = serial.obj(d, "a filler")
        return cls(
            serial.integer(d, "index"),
            serial.text(d, "text"),
            serial.choice(d, "kind", FillerKind),
            serial.optional_number(d, "start"),
            serial.optional_number(d, "end"),
        )


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

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> HedgeHit:
        d = serial.obj(d, "a hedge")
        return cls(
            serial.integer(d, "index"),
            serial.text(d, "text"),
            serial.optional_number(d, "start"),
            serial.optional_number(d, "end"),
        )


@dataclass(frozen=True, slots=True)
class Pause:
    """Silence between two words; the wait before the first word is start latency, not a pause."""

    start: float
    end: float
    duration_s: float
    kind: PauseKind

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "duration_s": self.duration_s, "kind": self.kind.value}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Pause:
        d = serial.obj(d, "a pause")
        return cls(
            serial.number(d, "start"),
            serial.number(d, "end"),
            serial.number(d, "duration_s"),
            serial.choice(d, "kind", PauseKind),
        )


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "word_count": self.word_count,
            "duration_s": self.duration_s,
            "speaking_s": self.speaking_s,
            "wpm": self.wpm,
            "fillers_per_min": self.fillers_per_min,
            "filler_ratio": self.filler_ratio,
            "longest_pause_s": self.longest_pause_s,
            "start_latency_s": self.start_latency_s,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Metrics:
        d = serial.obj(d, '"metrics"')
        return cls(
            word_count=serial.integer(d, "word_count"),
            duration_s=serial.optional_number(d, "duration_s"),
            speaking_s=serial.optional_number(d, "speaking_s"),
            wpm=serial.optional_number(d, "wpm"),
            fillers_per_min=serial.optional_number(d, "fillers_per_min"),
            filler_ratio=serial.number(d, "filler_ratio"),
            longest_pause_s=serial.optional_number(d, "longest_pause_s"),
            start_latency_s=serial.optional_number(d, "start_latency_s"),
        )


@dataclass(frozen=True, slots=True)
class LengthResult:
    """How the answer's length compares with its target; `verdict` is None when the length is unknown."""

    verdict: LengthVerdict | None
    target_min_s: float
    target_max_s: float

    def to_dict(self) -> dict[str, Any]:
        verdict = None if self.verdict is None else self.verdict.value
        return {"verdict": verdict, "target_min_s": self.target_min_s, "target_max_s": self.target_max_s}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> LengthResult:
        d = serial.obj(d, '"length"')
        verdict = None if d.get("verdict") is None else serial.choice(d, "verdict", LengthVerdict)
        return cls(verdict, serial.number(d, "target_min_s"), serial.number(d, "target_max_s"))


@dataclass(frozen=True, slots=True)
class FeedbackItem:
    """One thing to work on or one strength, in plain words with its evidence."""

    kind: str
    severity: Severity
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "severity": self.severity.value, "message": self.message}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> FeedbackItem:
        d = serial.obj(d, "a feedback item")
        return cls(serial.text(d, "kind"), serial.choice(d, "severity", Severity), serial.text(d, "message"))
