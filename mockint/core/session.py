"""Practice sessions and what happens in them: answers, retries, friend ratings, debriefs.

Plain data, no I/O. An answer carries its analysis as the typed `AnswerReport`; the store
encodes and decodes it (mockint/store/codec.py), and everything else reads the typed report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from mockint.core.analysis.report import AnswerReport
from mockint.core.mirror_cues import ShownCue
from mockint.core.words import Word

LENGTH_OK = "ok"


class PracticeMode(StrEnum):
    SOLO = "solo"
    MIRROR = "mirror"
    FRIEND = "friend"
    DEBRIEF = "debrief"

    @property
    def label(self) -> str:
        return _MODE_LABELS[self]


_MODE_LABELS = {
    PracticeMode.SOLO: "Solo mock interview",
    PracticeMode.MIRROR: "Mirror practice",
    PracticeMode.FRIEND: "Friend as interviewer",
    PracticeMode.DEBRIEF: "Debrief",
}


@dataclass(frozen=True, slots=True)
class Session:
    id: int
    mode: PracticeMode
    started_at: datetime
    ended_at: datetime | None = None
    deck_ids: tuple[str, ...] = ()
    title: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Answer:
    """One spoken answer to one question.

    `attempt_of` is the id of the first attempt at the same question (None for a first
    attempt), so every retry points at one root. `audio_path` is relative to the recordings
    folder. `report` is the analysis, None until analysed, or when the stored one cannot be read
    (`report_problem` then says why, in a sentence for the user). `words` are the transcript:
    the report's own words once analysed (its indices point into them), stored once.
    `duration_s` is the recording's length; the answer's spoken length is the report's.
    """

    id: int
    session_id: int
    question_text: str
    created_at: datetime
    question_id: str | None = None
    deck_id: str | None = None
    attempt_of: int | None = None
    started_at: datetime | None = None
    duration_s: float | None = None
    audio_path: str | None = None
    words: tuple[Word, ...] = ()
    report: AnswerReport | None = None
    report_problem: str | None = None

    @property
    def transcript_text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def headline(self) -> AnswerHeadline:
        return AnswerHeadline.from_report(self.report, len(self.words), self.duration_s)


@dataclass(frozen=True, slots=True)
class AnswerHeadline:
    """The few figures of a report that lists and charts need."""

    word_count: int
    duration_s: float | None
    wpm: float | None
    fillers_per_min: float | None
    filler_count: int
    length_verdict: str | None

    @classmethod
    def from_report(
        cls, report: AnswerReport | None, word_count: int = 0, duration_s: float | None = None
    ) -> AnswerHeadline:
        """The report's figures; without one, the word count and recording length given."""
        if report is None:
            return cls(word_count, duration_s, None, None, 0, None)
        metrics = report.metrics
        return cls(
            word_count=metrics.word_count,
            duration_s=metrics.duration_s if metrics.duration_s is not None else duration_s,
            wpm=metrics.wpm,
            fillers_per_min=metrics.fillers_per_min,
            filler_count=len(report.fillers),
            length_verdict=None if report.length.verdict is None else report.length.verdict.value,
        )


class RatingCriterion(StrEnum):
    """What a friend rates an answer on, each 1 (weak) to 5 (strong)."""

    CLARITY = "clarity"
    STRUCTURE = "structure"
    CONFIDENCE = "confidence"
    RELEVANCE = "relevance"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True, slots=True)
class Rating:
    """A friend's scores of one answer (each 1-5, or None when left out) and a comment."""

    answer_id: int
    clarity: int | None = None
    structure: int | None = None
    confidence: int | None = None
    relevance: int | None = None
    comment: str = ""

    def __post_init__(self) -> None:
        for criterion in RatingCriterion:
            score = getattr(self, criterion.value)
            if score is not None and (isinstance(score, bool) or score not in range(1, 6)):
                raise ValueError(f"a {criterion.value} rating is 1 to 5, not {score}")

    def score(self, criterion: RatingCriterion) -> int | None:
        return getattr(self, criterion.value)

    @property
    def scores(self) -> dict[RatingCriterion, int]:
        """The criteria that were scored, in the fixed order."""
        return {c: s for c in RatingCriterion if (s := self.score(c)) is not None}

    @property
    def is_empty(self) -> bool:
        return not self.scores and not self.comment.strip()


class FlagKind(StrEnum):
    """What a friend marks during an answer: keys 1-4 on the console."""

    STRONG = "strong"
    UNCLEAR = "unclear"
    RAMBLING = "rambling"
    NOTE = "note"

    @property
    def label(self) -> str:
        return _FLAG_LABELS[self]


_FLAG_LABELS = {
    FlagKind.STRONG: "strong moment",
    FlagKind.UNCLEAR: "unclear",
    FlagKind.RAMBLING: "rambling",
    FlagKind.NOTE: "note",
}


@dataclass(frozen=True, slots=True)
class FlaggedMoment:
    """A moment a friend flagged while listening, `at_s` seconds into the answer's recording.

    `label` is the friend's one-line note (always there for a NOTE, optional for the others).
    """

    answer_id: int
    at_s: float
    label: str = ""
    kind: FlagKind = FlagKind.NOTE

    @property
    def title(self) -> str:
        """How lists show it: "strong moment", "note: lost the thread"."""
        if self.kind is FlagKind.NOTE:
            return f"note: {self.label}" if self.label else "note"
        return f"{self.kind.label}: {self.label}" if self.label else self.kind.label


@dataclass(frozen=True, slots=True)
class DebriefQuestion:
    text: str
    what_went_wrong: str = ""


@dataclass(frozen=True, slots=True)
class Debrief:
    """Notes on a real interview; `id` is None until saved."""

    company: str
    role: str
    happened_on: date | None = None
    questions: tuple[DebriefQuestion, ...] = ()
    note: str = ""
    session_id: int | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """Headline figures of a session. Means skip answers where the figure is unknown."""

    answer_count: int
    mean_fillers_per_min: float | None
    mean_wpm: float | None
    within_target_share: float | None  # of the answers with a length verdict; None if none had one

    @classmethod
    def of(cls, headlines: Iterable[AnswerHeadline]) -> SessionSummary:
        items = list(headlines)
        verdicts = [h.length_verdict for h in items if h.length_verdict is not None]
        return cls(
            answer_count=len(items),
            mean_fillers_per_min=_mean(h.fillers_per_min for h in items),
            mean_wpm=_mean(h.wpm for h in items),
            within_target_share=(sum(v == LENGTH_OK for v in verdicts) / len(verdicts)) if verdicts else None,
        )


@dataclass(frozen=True, slots=True)
class SessionOverview:
    """One line of the history: a session and its headline figures."""

    session: Session
    summary: SessionSummary


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One session's figures on a progress chart."""

    session_id: int
    started_at: datetime
    fillers_per_min: float | None
    wpm: float | None
    within_target_share: float | None


@dataclass(frozen=True, slots=True)
class SessionDetail:
    """Everything recorded in one session: what reviews and exports are built from."""

    session: Session
    answers: tuple[Answer, ...] = ()
    ratings: Mapping[int, Rating] = field(default_factory=dict)  # by answer id
    flags: tuple[FlaggedMoment, ...] = ()
    cues: Mapping[int, tuple[ShownCue, ...]] = field(default_factory=dict)  # mirror answers' cue logs, by answer id

    @property
    def summary(self) -> SessionSummary:
        """The figures of the interview as it was run: first attempts (retries are compared in Review)."""
        return SessionSummary.of(a.headline for a in self.answers if a.attempt_of is None)

    def flags_for(self, answer_id: int) -> tuple[FlaggedMoment, ...]:
        return tuple(f for f in self.flags if f.answer_id == answer_id)

    def cues_for(self, answer_id: int) -> tuple[ShownCue, ...]:
        """The cues a mirror answer showed (which, when); empty for other modes."""
        return tuple(self.cues.get(answer_id, ()))


def _mean(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None
