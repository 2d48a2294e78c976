"""What one answer of a practice session came to, and the plain words the Practice page uses for it.

Plain Python (no Qt) so the per-answer report and the end-of-session summary read the same
figures the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from mockint.app.answer_result import CapturedAnswer
from mockint.core import formatting
from mockint.core.analysis import AnswerReport, FeedbackItem, Severity
from mockint.core.interview_plan import Step


@dataclass(frozen=True)
class AnswerOutcome:
    """A saved answer: the step it answered, its id in the store, and its analysis (None if none)."""

    step: Step
    answer_id: int | None
    report: AnswerReport | None
    duration_s: float | None

    @classmethod
    def from_captured(cls, step: Step, captured: CapturedAnswer) -> AnswerOutcome:
        """From a recorded answer (answer_id, report, duration_s)."""
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


def length_text(outcome: AnswerOutcome) -> str:
    """ "0:12 · too short (target 15–45 s)", worded by core.formatting like every other page."""
    return formatting.length_text(outcome.spoken_s, outcome.length_verdict, outcome.step.target)


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
