"""Choosing the feedback: at most three things to work on and one or two strengths, weightiest first."""

from __future__ import annotations

from mockint.core.analysis import feedback_issues, feedback_strengths
from mockint.core.analysis.findings import FeedbackItem, Severity
from mockint.core.analysis.lexicon import Lexicon
from mockint.core.analysis.report import AnswerReport
from mockint.core.analysis.thresholds import Thresholds

MAX_WORK_ON = 3
MAX_STRENGTHS = 2

NO_SPEECH = FeedbackItem(
    "no_speech",
    Severity.WORK_ON,
    "No words were recognised in this answer. Check that the microphone picks you up, then give it another go: "
    "any first attempt is something to build on.",
)


def choose_feedback(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> tuple[FeedbackItem, ...]:
    """Reads a report (its own feedback ignored) and returns the chosen items, work-on first."""
    if report.metrics.word_count == 0:
        return (NO_SPEECH,)
    issues = [c for check in feedback_issues.CHECKS if (c := check(report, thresholds, lexicon)) is not None]
    strengths = [c for check in feedback_strengths.CHECKS if (c := check(report, thresholds, lexicon)) is not None]
    if not strengths:
        fallback = feedback_strengths.FALLBACK(report, thresholds, lexicon)
        strengths = [fallback] if fallback is not None else []
    # sorted() is stable, so equal weights keep the order of the checks (their usual importance).
    chosen = sorted(issues, key=lambda c: -c[0])[:MAX_WORK_ON] + sorted(strengths, key=lambda c: -c[0])[:MAX_STRENGTHS]
    return tuple(item for _, item in chosen)
