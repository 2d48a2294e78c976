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
    return serial.typed(d, Word, "a word")


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
        contract = {name: serial.plain(getattr(self, name)) for name in _CONTRACT}
        return {"schema": SCHEMA, "words": [word_to_dict(w) for w in self.words], **contract}

    def detail_dict(self) -> dict[str, Any]:
        detail = {name: serial.plain(getattr(self, name)) for name in _DETAIL}
        return {**detail, "artifacts": [word_to_dict(w) for w in self.artifacts]}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], detail: Mapping[str, Any] | None = None) -> AnswerReport:
        """Restores a report from `to_dict()` (and `detail_dict()` when stored); ReportFormatError if damaged.

        A detail part missing from `detail` (one written before that part existed) reads as none found."""
        d = serial.typed(d, dict[str, Any], "the report")
        if d.get("schema") != SCHEMA:
            raise ReportFormatError(
                f"it has schema {d.get('schema')!r}, and this version of MockInt reads schema {SCHEMA}"
            )
        parts = {name: d.get(name) for name in ("words", *_CONTRACT)}
        if detail is not None:
            detail = serial.typed(detail, dict[str, Any], "the report detail")
            parts.update((name, detail[name]) for name in (*_DETAIL, "artifacts") if name in detail)
        return serial.typed(parts, cls, "the report")


# The JSON contract's parts after its words, in the contract's order (DESIGN.md, "Command line"),
# and the review screen's extra detail (beside the words it dropped, `artifacts`).
_CONTRACT = ("fillers", "hedges", "pauses", "metrics", "length", "feedback")
_DETAIL = ("evidence", "star", "self_talk", "repeats", "low_confidence")
