"""Strengths: what went well, named with its evidence so the speaker knows what to keep doing."""

from __future__ import annotations

from mockint.core.analysis.detail import EvidenceKind
from mockint.core.analysis.feedback_issues import (
    FILLER_SHARE,
    FILLERS_PER_MIN,
    PACE_MIN_SPEAKING_S,
    PACE_MIN_WORDS,
    Candidate,
)
from mockint.core.analysis.findings import FeedbackItem, LengthVerdict, Severity
from mockint.core.analysis.lexicon import Lexicon
from mockint.core.analysis.pace import spoken_word_count
from mockint.core.analysis.report import AnswerReport
from mockint.core.analysis.thresholds import Thresholds
from mockint.core.analysis.wording import clock, count_text, join_words, quoted
from mockint.core.formatting import range_text

FEW_FILLERS_MIN_WORDS = 30  # too short an answer proves nothing about fillers
FEW_FILLERS_PER_MIN = FILLERS_PER_MIN / 2
FEW_FILLERS_SHARE = FILLER_SHARE / 3
EVIDENCE_MIN = 2
_EVIDENCE_ORDER = {EvidenceKind.NUMBER: 0, EvidenceKind.EXAMPLE: 1, EvidenceKind.RESULT: 2}


def _strength(weight: float, kind: str, message: str) -> Candidate:
    return weight, FeedbackItem(kind, Severity.STRENGTH, message)


def star_complete(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    if not report.star.complete:
        return None
    return _strength(
        0.9,
        "star_complete",
        "Your answer has the full STAR shape: the situation, your task, what you did, and the result.",
    )


def specific_evidence(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    if len(report.evidence) < EVIDENCE_MIN:
        return None
    # Figures convince most, then examples, then result words; show the strongest few.
    distinct = {e.text: e for e in sorted(report.evidence, key=lambda e: _EVIDENCE_ORDER[e.kind])}
    shown = join_words([quoted(text) for text in list(distinct)[:3]])
    return _strength(
        min(0.8, 0.5 + 0.1 * len(report.evidence)),
        "specific_evidence",
        f"You backed the answer with specifics: {shown}. That is what makes a story believable.",
    )


def few_fillers(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    m, count = report.metrics, len(report.fillers)
    if not lexicon.known:
        return None  # no list to check against: "not one filler" would be praise for nothing (see fillers_unchecked)
    if m.word_count < FEW_FILLERS_MIN_WORDS:
        return None
    if m.fillers_per_min is not None and m.fillers_per_min > FEW_FILLERS_PER_MIN:
        return None
    if m.fillers_per_min is None and m.filler_ratio > FEW_FILLERS_SHARE:
        return None
    if count == 0:
        return _strength(0.7, "few_fillers", f"Clean delivery: not one filler word in {m.word_count} words.")
    return _strength(
        0.6, "few_fillers", f"Clean delivery: only {count_text(count, 'filler word')} in {m.word_count} words."
    )


def steady_pace(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    m = report.metrics
    if m.wpm is None or m.speaking_s is None or m.speaking_s < PACE_MIN_SPEAKING_S:
        return None
    if spoken_word_count(w.text for w in report.words) < PACE_MIN_WORDS:
        return None
    if not thresholds.slow_wpm <= m.wpm <= thresholds.steady_max_wpm:
        return None
    return _strength(0.6, "steady_pace", f"A steady pace that is easy to follow: {m.wpm:.0f} words a minute.")


def on_target(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    if report.length.verdict is not LengthVerdict.OK or report.metrics.duration_s is None:
        return None
    low, high = report.length.target_min_s, report.length.target_max_s
    return _strength(
        0.55,
        "on_target",
        f"Well judged length: {clock(report.metrics.duration_s)}, inside the {range_text(low, high)} target.",
    )


def kept_going(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    """The fallback when nothing else stands out yet: finishing an answer out loud is itself progress."""
    if report.metrics.word_count == 0:
        return None
    return _strength(
        0.1,
        "kept_going",
        "You got through a whole answer out loud, which is the hardest part. Take the points above one at a time.",
    )


CHECKS = (star_complete, specific_evidence, few_fillers, steady_pace, on_target)
FALLBACK = kept_going
