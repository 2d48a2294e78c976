"""What the Review page shows, read from the Store in the background (plain Python, no Qt).

Every function here runs in a worker: it touches SQLite and the recordings folder. A damaged
report does not stop the page: the store hands the answer back without it, with the reason. A
damaged row (a rating, a flag, an answer) is left out; the page runs these loads through
`with_warnings` (app/store_warnings.py) to learn which.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mockint.app.mirror import MirrorMedia, load_mirror_media
from mockint.core.analysis import AnswerReport
from mockint.core.session import Answer, SessionDetail, SessionOverview
from mockint.core.targets import TargetRange, default_target


@dataclass(frozen=True)
class ReviewedAnswer:
    """One answer ready to show: its restored report (or why not), its audio, its place among attempts."""

    answer: Answer
    report: AnswerReport | None
    problem: str | None  # a sentence for the user when the report is missing or unreadable
    audio: Path | None  # an existing recording, or None
    attempt_number: int  # 1 for the first attempt at the question
    attempt_count: int
    mirror: MirrorMedia | None = None  # a mirror answer's video and cue log; None for other modes

    @property
    def id(self) -> int:
        return self.answer.id

    @property
    def root_id(self) -> int:
        """The first attempt at this question: what a new attempt links to."""
        return self.answer.attempt_of if self.answer.attempt_of is not None else self.answer.id

    @property
    def target(self) -> TargetRange:
        if self.report is not None:
            return TargetRange(self.report.length.target_min_s, self.report.length.target_max_s)
        return default_target(self.answer.question_text)

    @property
    def duration_s(self) -> float | None:
        if self.report is not None and self.report.metrics.duration_s is not None:
            return self.report.metrics.duration_s
        return self.answer.duration_s


@dataclass(frozen=True)
class SessionReview:
    detail: SessionDetail
    answers: tuple[ReviewedAnswer, ...]

    def find(self, answer_id: int | None) -> ReviewedAnswer | None:
        return next((a for a in self.answers if a.id == answer_id), None)


NOT_ANALYSED = "This answer has not been analysed, so there is nothing to mark yet."


def audio_of(store: Any, answer: Answer) -> Path | None:
    if not answer.audio_path:
        return None
    path = store.recordings.resolve(answer.audio_path)
    return path if path is not None and path.is_file() else None


def review_answer(store: Any, answer: Answer, attempt_ids: list[int]) -> ReviewedAnswer:
    report, problem = answer.report, answer.report_problem
    if report is None and problem is None:
        problem = NOT_ANALYSED
    number = attempt_ids.index(answer.id) + 1 if answer.id in attempt_ids else 1
    return ReviewedAnswer(
        answer, report, problem, audio_of(store, answer), number, max(1, len(attempt_ids)), _mirror_of(store, answer)
    )


def _mirror_of(store: Any, answer: Answer) -> MirrorMedia | None:
    """A mirror answer's video and cue log (they sit beside its audio); None for other answers."""
    recordings = store.recordings
    if not (recordings.mirror_log_path_for(answer.id).is_file() or recordings.video_path_for(answer.id).is_file()):
        return None
    return load_mirror_media(store, answer.id)


def load_sessions(store: Any) -> list[SessionOverview]:
    """Newest first."""
    return store.list_sessions()


def load_session(store: Any, session_id: int) -> SessionReview:
    detail = store.session_detail(session_id)
    answers = []
    for answer in detail.answers:
        attempt_ids = [a.id for a in store.attempts_of(answer.id)]
        answers.append(review_answer(store, answer, attempt_ids))
    return SessionReview(detail, tuple(answers))


def load_attempts(store: Any, answer_id: int) -> tuple[ReviewedAnswer, ...]:
    """Every attempt at the question of `answer_id`, first attempt first."""
    attempts = store.attempts_of(answer_id)
    ids = [a.id for a in attempts]
    return tuple(review_answer(store, answer, ids) for answer in attempts)
