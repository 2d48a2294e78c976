"""What one answer of a practice session came to, and the plain words the Practice page uses for it.

Plain Python (no Qt) so the per-answer report and the end-of-session summary read the same
figures the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mockint.core.analysis import AnswerReport, FeedbackItem, Severity
from mockint.core.interview_plan import Step
from mockint.core.targets import TargetRange

NO_FIGURE = "–"
VERDICT_WORDS = {"too_short": "too short", "ok": "within target", "too_long": "too long"}


@dataclass(frozen=True)
class AnswerOutcome:
    """A saved answer: the step it answered, its id in the store, and its analysis (None if none)."""

    step: Step
    answer_id: int | None
    report: AnswerReport | None
    duration_s: float | None

    @classmethod
    def from_captured(cls, step: Step, captured: Any) -> AnswerOutcome:
        """From AnswerCapture's CapturedAnswer (answer_id, report, duration_s)."""
        return cls(step, captured.answer_id, captured.report, captured.duration_s)

    @property
    def length_verdict(self) -> str | None:
        if self.report is None or self.report.length.verdict is None:
            return None
        return self.report.length.verdict.value

    @property
    def spoken_s(self) -> float | None:
        if self.report is not None and self.report.metrics.duration_s is not None:
            return self.report.metrics.duration_s
        return self.duration_s

    @property
    def wpm(self) -> float | None:
        return None if self.report is None else self.report.metrics.wpm

    @property
    def fillers_per_min(self) -> float | None:
        return None if self.report is None else self.report.metrics.fillers_per_min

    @property
    def word_count(self) -> int:
        return 0 if self.report is None else self.report.metrics.word_count


def clock(seconds: float | None) -> str:
    """0:07, 1:05, 12:30."""
    if seconds is None:
        return NO_FIGURE
    whole = max(0, int(round(seconds)))
    return f"{whole // 60}:{whole % 60:02d}"


def target_text(target: TargetRange) -> str:
    return f"{clock(target.min_s)}–{clock(target.max_s)}"


def length_text(outcome: AnswerOutcome) -> str:
    """ "0:12 · too short (target 0:15–0:45)"."""
    verdict = VERDICT_WORDS.get(outcome.length_verdict or "")
    spoken = clock(outcome.spoken_s)
    if verdict is None:
        return f"{spoken} (target {target_text(outcome.step.target)})"
    return f"{spoken} · {verdict} (target {target_text(outcome.step.target)})"


def pace_text(wpm: float | None) -> str:
    return NO_FIGURE if wpm is None else f"{wpm:.0f} words/min"


def fillers_text(per_min: float | None) -> str:
    return NO_FIGURE if per_min is None else f"{per_min:.1f} fillers/min"


def top_feedback(report: AnswerReport | None, *, work_on: int = 3, strengths: int = 1) -> list[FeedbackItem]:
    """The report's first things to work on, then its first strengths (the report is ordered by weight)."""
    if report is None:
        return []
    chosen = [item for item in report.feedback if item.severity is Severity.WORK_ON][:work_on]
    return chosen + [item for item in report.feedback if item.severity is Severity.STRENGTH][:strengths]


def step_title(step: Step) -> str:
    if step.is_follow_up:
        return f"Follow-up to question {step.number} of {step.total}"
    return f"Question {step.number} of {step.total}"
