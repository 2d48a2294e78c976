"""Findings beyond the JSON contract, for the review screen: evidence, STAR, self-talk, repeats, unclear words."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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


@dataclass(frozen=True, slots=True)
class EvidenceHit:
    index: int
    text: str
    kind: EvidenceKind
    start: float | None = None


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


@dataclass(frozen=True, slots=True)
class RepeatHit:
    """A word said `count` times in a row ("i i", "the the the"), from `index`."""

    index: int
    text: str
    count: int
    start: float | None = None


@dataclass(frozen=True, slots=True)
class LowConfidenceStretch:
    """Words `first`..`last` (inclusive) the recognizer was unsure of: worth a re-listen."""

    first: int
    last: int
    text: str
    start: float | None
    end: float | None
    mean_conf: float
