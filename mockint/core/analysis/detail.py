"""Findings beyond the JSON contract, for the review screen: evidence, STAR, self-talk, repeats, unclear words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from mockint.core.analysis import serial


class EvidenceKind(StrEnum):
    NUMBER = "number"  # "thirty percent", "12"
    RESULT = "result"  # "reduced", "launched"
    EXAMPLE = "example"  # "for example"


class StarPart(StrEnum):
    SITUATION = "situation"
    TASK = "task"
    ACTION = "action"
    RESULT = "result"


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """Words found at `index` (self-deprecation, evidence, STAR cues)."""

    index: int
    text: str
    start: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "text": self.text, "start": self.start}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PhraseHit:
        d = serial.obj(d, "a phrase")
        return cls(serial.integer(d, "index"), serial.text(d, "text"), serial.optional_number(d, "start"))


@dataclass(frozen=True, slots=True)
class EvidenceHit:
    index: int
    text: str
    kind: EvidenceKind
    start: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "text": self.text, "kind": self.kind.value, "start": self.start}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> EvidenceHit:
        d = serial.obj(d, "an evidence item")
        return cls(
            serial.integer(d, "index"),
            serial.text(d, "text"),
            serial.choice(d, "kind", EvidenceKind),
            serial.optional_number(d, "start"),
        )


@dataclass(frozen=True, slots=True)
class StarCues:
    """Cues found for each part of a STAR answer (situation, task, action, result)."""

    situation: tuple[PhraseHit, ...] = ()
    task: tuple[PhraseHit, ...] = ()
    action: tuple[PhraseHit, ...] = ()
    result: tuple[PhraseHit, ...] = ()

    def cues(self, part: StarPart) -> tuple[PhraseHit, ...]:
        return getattr(self, part.value)

    @property
    def parts_present(self) -> tuple[StarPart, ...]:
        return tuple(part for part in StarPart if self.cues(part))

    @property
    def complete(self) -> bool:
        return len(self.parts_present) == len(StarPart)

    def to_dict(self) -> dict[str, Any]:
        return {part.value: [hit.to_dict() for hit in self.cues(part)] for part in StarPart}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> StarCues:
        d = serial.obj(d, '"star"')
        return cls(
            **{part.value: tuple(PhraseHit.from_dict(x) for x in serial.items(d, part.value)) for part in StarPart}
        )


@dataclass(frozen=True, slots=True)
class RepeatHit:
    """A word said `count` times in a row ("i i", "the the the"), from `index`."""

    index: int
    text: str
    count: int
    start: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "text": self.text, "count": self.count, "start": self.start}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> RepeatHit:
        d = serial.obj(d, "a repeat")
        return cls(
            serial.integer(d, "index"),
            serial.text(d, "text"),
            serial.integer(d, "count"),
            serial.optional_number(d, "start"),
        )


@dataclass(frozen=True, slots=True)
class LowConfidenceStretch:
    """Words `first`..`last` (inclusive) the recognizer was unsure of: worth a re-listen."""

    first: int
    last: int
    text: str
    start: float | None
    end: float | None
    mean_conf: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "first": self.first,
            "last": self.last,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "mean_conf": self.mean_conf,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> LowConfidenceStretch:
        d = serial.obj(d, "a low-confidence stretch")
        return cls(
            serial.integer(d, "first"),
            serial.integer(d, "last"),
            serial.text(d, "text"),
            serial.optional_number(d, "start"),
            serial.optional_number(d, "end"),
            serial.number(d, "mean_conf"),
        )
