"""The answer report: what `analyze_answer` returns, the JSON contract's shape, and the way back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mockint.core.analysis import serial
from mockint.core.analysis.detail import EvidenceHit, LowConfidenceStretch, PhraseHit, RepeatHit, StarCues
from mockint.core.analysis.findings import (
    FeedbackItem,
    FillerHit,
    HedgeHit,
    LengthResult,
    Metrics,
    Pause,
    Severity,
    filler_positions,
)
from mockint.core.analysis.serial import ReportFormatError
from mockint.core.words import Word

SCHEMA = 1


def word_to_dict(word: Word) -> dict[str, Any]:
    return {"text": word.text, "start": word.start, "end": word.end, "conf": word.conf}


def word_from_dict(d: Mapping[str, Any]) -> Word:
    d = serial.obj(d, "a word")
    return Word(
        serial.text(d, "text"),
        serial.optional_number(d, "start"),
        serial.optional_number(d, "end"),
        serial.optional_number(d, "conf"),
    )


@dataclass(frozen=True, slots=True)
class AnswerReport:
    """One analysed answer.

    `words` are the transcript's words minus dropped recognizer artifacts (kept in `artifacts`);
    every index in the report points into `words`. Seconds carry two decimals, rates one.
    `to_dict()` is exactly the JSON contract (schema 1); the attributes after `feedback` are the
    extra detail for the review screen, stored with `detail_dict()`.
    """

    words: tuple[Word, ...]
    fillers: tuple[FillerHit, ...]
    hedges: tuple[HedgeHit, ...]
    pauses: tuple[Pause, ...]
    metrics: Metrics
    length: LengthResult
    feedback: tuple[FeedbackItem, ...]
    evidence: tuple[EvidenceHit, ...] = ()
    star: StarCues = field(default_factory=StarCues)
    self_talk: tuple[PhraseHit, ...] = ()
    repeats: tuple[RepeatHit, ...] = ()
    low_confidence: tuple[LowConfidenceStretch, ...] = ()
    artifacts: tuple[Word, ...] = ()

    @property
    def work_on(self) -> tuple[FeedbackItem, ...]:
        return tuple(item for item in self.feedback if item.severity is Severity.WORK_ON)

    @property
    def strengths(self) -> tuple[FeedbackItem, ...]:
        return tuple(item for item in self.feedback if item.severity is Severity.STRENGTH)

    def filler_indices(self) -> frozenset[int]:
        """Positions in `words` that belong to a filler (every word of "you know")."""
        return filler_positions(self.fillers)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "words": [word_to_dict(w) for w in self.words],
            "fillers": [f.to_dict() for f in self.fillers],
            "hedges": [h.to_dict() for h in self.hedges],
            "pauses": [p.to_dict() for p in self.pauses],
            "metrics": self.metrics.to_dict(),
            "length": self.length.to_dict(),
            "feedback": [item.to_dict() for item in self.feedback],
        }

    def detail_dict(self) -> dict[str, Any]:
        return {
            "evidence": [e.to_dict() for e in self.evidence],
            "star": self.star.to_dict(),
            "self_talk": [s.to_dict() for s in self.self_talk],
            "repeats": [r.to_dict() for r in self.repeats],
            "low_confidence": [s.to_dict() for s in self.low_confidence],
            "artifacts": [word_to_dict(w) for w in self.artifacts],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], detail: Mapping[str, Any] | None = None) -> AnswerReport:
        """Restores a report from `to_dict()` (and `detail_dict()` when stored); ReportFormatError if damaged."""
        d = serial.obj(d, "the report")
        if d.get("schema") != SCHEMA:
            raise ReportFormatError(
                f"it has schema {d.get('schema')!r}, and this version of MockInt reads schema {SCHEMA}"
            )
        extra = _detail_from_dict(detail) if detail is not None else {}
        return cls(
            words=tuple(word_from_dict(w) for w in serial.items(d, "words")),
            fillers=tuple(FillerHit.from_dict(f) for f in serial.items(d, "fillers")),
            hedges=tuple(HedgeHit.from_dict(h) for h in serial.items(d, "hedges")),
            pauses=tuple(Pause.from_dict(p) for p in serial.items(d, "pauses")),
            metrics=Metrics.from_dict(serial.obj(d.get("metrics"), '"metrics"')),
            length=LengthResult.from_dict(serial.obj(d.get("length"), '"length"')),
            feedback=tuple(FeedbackItem.from_dict(item) for item in serial.items(d, "feedback")),
            **extra,
        )


def _detail_from_dict(detail: Mapping[str, Any]) -> dict[str, Any]:
    detail = serial.obj(detail, "the report detail")
    return {
        "evidence": tuple(EvidenceHit.from_dict(e) for e in serial.items(detail, "evidence")),
        "star": StarCues.from_dict(serial.obj(detail.get("star"), '"star"')),
        "self_talk": tuple(PhraseHit.from_dict(s) for s in serial.items(detail, "self_talk")),
        "repeats": tuple(RepeatHit.from_dict(r) for r in serial.items(detail, "repeats")),
        "low_confidence": tuple(LowConfidenceStretch.from_dict(s) for s in serial.items(detail, "low_confidence")),
        "artifacts": tuple(word_from_dict(w) for w in serial.items(detail, "artifacts")),
    }
