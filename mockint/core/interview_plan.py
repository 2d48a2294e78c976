"""Which questions a solo mock interview asks, in what order, and when a follow-up comes in.

Pure Python: the Practice page builds an `InterviewPlan` from the chosen decks and moves it on
after every answer. The follow-up rule mirrors a friendly interviewer: when an answer ran too
short and the question has follow-ups, the next step asks the first follow-up not yet used for
that question; one follow-up per question, so a short answer never turns into a grilling.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from mockint.core.decks.model import DEFAULT_LANGUAGE, Deck, Question
from mockint.core.targets import TargetRange, default_target

TOO_SHORT = "too_short"  # LengthVerdict.TOO_SHORT's value; the plan takes the plain string too
FOLLOW_UPS_PER_QUESTION = 1


@dataclass(frozen=True, slots=True)
class PlannedQuestion:
    """A question chosen for the session, with the deck it came from and its target length."""

    deck_id: str
    question: Question
    target: TargetRange
    language: str = DEFAULT_LANGUAGE  # the deck's: which filler words count


class StepKind(StrEnum):
    QUESTION = "question"
    FOLLOW_UP = "follow_up"


@dataclass(frozen=True, slots=True)
class Step:
    """One thing the interviewer asks: a planned question, or a follow-up to it.

    `number` is the 1-based position of the planned question among `total`; a follow-up keeps
    its question's number. `question_id`/`deck_id` name the planned question in both cases.
    """

    number: int
    total: int
    kind: StepKind
    text: str
    target: TargetRange
    deck_id: str
    question_id: str
    language: str = DEFAULT_LANGUAGE

    @property
    def is_follow_up(self) -> bool:
        return self.kind is StepKind.FOLLOW_UP


def choose_questions(
    decks: Sequence[Deck], count: int, *, shuffle: bool, seed: int | None = None
) -> list[PlannedQuestion]:
    """Up to `count` questions from `decks`: in deck order, or shuffled (the same seed, the same order).

    A deck listed twice is used once. ValueError when `count` is below 1.
    """
    if count < 1:
        raise ValueError(f"a session asks at least one question, not {count}")
    seen: set[str] = set()
    pool: list[PlannedQuestion] = []
    for deck in decks:
        if deck.id in seen:
            continue
        seen.add(deck.id)
        pool.extend(
            PlannedQuestion(deck.id, question, deck.target_for(question), deck.language) for question in deck.questions
        )
    if shuffle:
        random.Random(seed).shuffle(pool)
    return pool[:count]


def follow_up_target(text: str) -> TargetRange:
    """A follow-up is judged as a question of its own wording (usually a quick one)."""
    return default_target(text)


class InterviewPlan:
    """The questions of one session and where the session is among them."""

    def __init__(
        self, questions: Sequence[PlannedQuestion], *, follow_ups_per_question: int = FOLLOW_UPS_PER_QUESTION
    ) -> None:
        self._questions = tuple(questions)
        self._follow_ups_per_question = follow_ups_per_question
        self._index = 0
        self._follow_up: int | None = None  # index into the current question's follow-ups, when asking one
        self._used: dict[int, list[int]] = {}  # planned question index -> follow-ups already asked

    @classmethod
    def from_decks(cls, decks: Sequence[Deck], count: int, *, shuffle: bool, seed: int | None = None) -> InterviewPlan:
        return cls(choose_questions(decks, count, shuffle=shuffle, seed=seed))

    @property
    def questions(self) -> tuple[PlannedQuestion, ...]:
        return self._questions

    @property
    def total(self) -> int:
        return len(self._questions)

    @property
    def is_finished(self) -> bool:
        return self._index >= len(self._questions)

    @property
    def current(self) -> Step | None:
        """The step to ask now; None once every question has been asked."""
        if self.is_finished:
            return None
        planned = self._questions[self._index]
        if self._follow_up is None:
            kind, text, target = StepKind.QUESTION, planned.question.text, planned.target
        else:
            text = planned.question.follow_ups[self._follow_up]
            kind, target = StepKind.FOLLOW_UP, follow_up_target(text)
        return Step(
            kind=kind,
            text=text,
            target=target,
            number=self._index + 1,
            total=self.total,
            deck_id=planned.deck_id,
            question_id=planned.question.id,
            language=planned.language,
        )

    @property
    def is_last_question(self) -> bool:
        return self._index >= len(self._questions) - 1

    def advance(self, length_verdict: str | None) -> Step | None:
        """The current step was answered with this length verdict; returns the next step.

        Too short, and the question has a follow-up not yet asked (within the allowance): that
        follow-up is next. Otherwise the next planned question (None at the end).
        """
        if self.is_finished:
            return None
        follow_up = self._unused_follow_up() if str(length_verdict or "") == TOO_SHORT else None
        if follow_up is not None:
            self._used.setdefault(self._index, []).append(follow_up)
            self._follow_up = follow_up
            return self.current
        return self.next_question()

    def next_question(self) -> Step | None:
        """Moves on to the next planned question, leaving any follow-up of this one unasked."""
        if not self.is_finished:
            self._index += 1
            self._follow_up = None
        return self.current

    def _unused_follow_up(self) -> int | None:
        used = self._used.get(self._index, [])
        if len(used) >= self._follow_ups_per_question:
            return None
        follow_ups = self._questions[self._index].question.follow_ups
        return next((i for i in range(len(follow_ups)) if i not in used), None)
