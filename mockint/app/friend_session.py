"""A friend interviews: which question is on the card, the answer's flags, and what may happen next.

Qt-free and free of I/O, so the desktop console and (later) a phone's web page drive the same
session by the same commands (`FriendCommand`): each command either changes the state or is
refused with a `FriendRefusal` whose message is one short sentence for the status line. The
answer itself is recorded by the app layer's `AnswerTake` like every mode's; this model only
says what was asked (`asked()`), and stamps flags with the answer's own clock (the recorded
audio's time, read when the key is pressed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from mockint.app.answer import AskedQuestion
from mockint.core.decks import Deck
from mockint.core.errors import BadInputError
from mockint.core.interview_plan import PlannedQuestion, choose_questions, follow_up_target
from mockint.core.session import FlaggedMoment, FlagKind
from mockint.core.targets import TargetRange

MAX_NOTE_CHARS = 200


class FriendCommand(StrEnum):
    """What the interviewer can do; the console's keys and a remote console send these names."""

    START_STOP = "start_stop"
    FOLLOW_UP = "follow_up"
    NEXT = "next"
    SKIP = "skip"
    REPEAT = "repeat"
    PICK = "pick"
    FLAG_STRONG = "flag_strong"
    FLAG_UNCLEAR = "flag_unclear"
    FLAG_RAMBLING = "flag_rambling"
    NOTE = "note"
    END = "end"


FLAG_COMMANDS = {
    FriendCommand.FLAG_STRONG: FlagKind.STRONG,
    FriendCommand.FLAG_UNCLEAR: FlagKind.UNCLEAR,
    FriendCommand.FLAG_RAMBLING: FlagKind.RAMBLING,
    FriendCommand.NOTE: FlagKind.NOTE,
}


class FriendPhase(StrEnum):
    ASKING = "asking"  # the card is on screen; the answer has not started
    STARTING = "starting"  # Start pressed; the microphone is opening
    ANSWERING = "answering"  # audio is flowing: flags are taken
    ANALYSING = "analysing"  # stopped; recognition, analysis and saving under way
    RATING = "rating"  # the report is shown and the friend may rate it
    FINISHED = "finished"


class FriendRefusal(BadInputError):
    """A command that cannot be done now; the message says why, in one sentence."""


@dataclass(frozen=True)
class FriendSetup:
    deck_ids: tuple[str, ...]
    question_count: int | None = 5  # None: the interviewer picks as we go
    candidate_name: str = ""
    candidate_sees_question: bool = False  # off, as in a real interview
    live_transcript: bool = False  # for the interviewer; off by default
    shuffle: bool = True
    seed: int | None = None

    @property
    def interviewer_picks(self) -> bool:
        return self.question_count is None


@dataclass(frozen=True)
class Card:
    """What the console shows: the question (or one of its follow-ups) and the deck's notes on it."""

    planned: PlannedQuestion
    number: int  # 1-based position in the session
    total: int | None  # None when the interviewer picks as we go
    follow_up: int | None = None  # index of the follow-up being asked, None for the question itself

    @property
    def text(self) -> str:
        question = self.planned.question
        return question.text if self.follow_up is None else question.follow_ups[self.follow_up]

    @property
    def target(self) -> TargetRange:
        return self.planned.target if self.follow_up is None else follow_up_target(self.text)

    @property
    def good_answer(self) -> str:
        return self.planned.question.good_answer

    @property
    def follow_ups(self) -> tuple[str, ...]:
        return self.planned.question.follow_ups

    @property
    def key(self) -> tuple[str, str]:
        return self.planned.deck_id, self.planned.question.id

    @property
    def attempt_key(self) -> tuple[str, ...]:
        """The question or follow-up being asked: a second answer to it is another attempt."""
        return (*self.key, "" if self.follow_up is None else str(self.follow_up))

    def asked(self) -> AskedQuestion:
        planned = self.planned
        return AskedQuestion(self.text, self.target, planned.question.id, planned.deck_id, planned.language)


@dataclass
class AnswerMarks:
    """The flags of the answer being recorded, stamped on its own clock."""

    clock: Callable[[], float]  # seconds of audio recorded so far: the answer's time
    answer_id: int
    flags: list[FlaggedMoment] = field(default_factory=list)


class FriendSession:
    def __init__(self, decks: Sequence[Deck], setup: FriendSetup) -> None:
        chosen = [deck for deck in decks if deck.id in setup.deck_ids]
        if not chosen:
            raise FriendRefusal("Choose at least one deck for the interviewer to ask from.")
        self.setup = setup
        self.pool: tuple[PlannedQuestion, ...] = tuple(
            choose_questions(chosen, 10_000, shuffle=False)  # every question, in deck order
        )
        count = setup.question_count
        if count is not None and count < 1:
            raise FriendRefusal("A session asks at least one question.")
        self._order: list[PlannedQuestion] = (
            [] if count is None else choose_questions(chosen, count, shuffle=setup.shuffle, seed=setup.seed)
        )
        self._position = 0
        self.phase = FriendPhase.ASKING
        self.card: Card | None = None
        self.marks: AnswerMarks | None = None
        # (deck, question) and (deck, question, follow-up) -> the first answer to it (for Repeat)
        self.answered: dict[tuple[str, ...], int] = {}
        self.last_answer_id: int | None = None
        self._asked_count = 0
        self._show(self._order[0] if self._order else self.pool[0], follow_up=None)

    # ----- the card

    @property
    def total(self) -> int | None:
        return None if self.setup.interviewer_picks else len(self._order)

    def _show(self, planned: PlannedQuestion, follow_up: int | None) -> Card:
        number = self._position + 1 if not self.setup.interviewer_picks else self._asked_count + 1
        self.card = Card(planned, number, self.total, follow_up)
        self.phase = FriendPhase.ASKING
        return self.card

    def _require_idle(self, doing: str) -> None:
        if self.phase in (FriendPhase.STARTING, FriendPhase.ANSWERING, FriendPhase.ANALYSING):
            raise FriendRefusal(f"Stop the answer first, then {doing}.")
        if self.phase is FriendPhase.FINISHED:
            raise FriendRefusal("The session has ended.")

    def next(self) -> Card | None:
        """The next question: of the plan (None once it is done: the session ends), or, when the
        interviewer picks, the next one in deck order not answered yet."""
        self._require_idle("go to the next question")
        if self.setup.interviewer_picks:
            return self._show(self._next_unanswered(), follow_up=None)
        self._position += 1
        if self._position >= len(self._order):
            self.end()
            self.card = None
            return None
        return self._show(self._order[self._position], follow_up=None)

    def skip(self) -> Card | None:
        """Leaves the current question unanswered and moves on."""
        self._require_idle("skip the question")
        return self.next()

    def _next_unanswered(self) -> PlannedQuestion:
        start = 0 if self.card is None else self.pool.index(self.card.planned) + 1
        ordered = self.pool[start:] + self.pool[:start]
        return next((p for p in ordered if (p.deck_id, p.question.id) not in self.answered), ordered[0])

    def follow_up(self) -> Card:
        """The current question's next follow-up from the deck (round again after the last)."""
        self._require_idle("ask a follow-up")
        card = self.card
        if card is None or not card.follow_ups:
            raise FriendRefusal("This question has no follow-ups in its deck.")
        following = 0 if card.follow_up is None else (card.follow_up + 1) % len(card.follow_ups)
        self.card = Card(card.planned, card.number, card.total, following)
        self.phase = FriendPhase.ASKING
        return self.card

    def repeat(self) -> Card:
        """The same question (or follow-up) again: the next answer is another attempt at it."""
        self._require_idle("repeat the question")
        if self.card is None:
            raise FriendRefusal("There is no question on the card to repeat.")
        self.phase = FriendPhase.ASKING
        return self.card

    def search(self, text: str) -> list[PlannedQuestion]:
        """The chosen decks' questions whose text, category or tags hold every word of `text`."""
        words = text.lower().split()

        def matches(planned: PlannedQuestion) -> bool:
            question = planned.question
            haystack = " ".join((question.text, question.category, *question.tags)).lower()
            return all(word in haystack for word in words)

        return [planned for planned in self.pool if matches(planned)]

    def pick(self, deck_id: str, question_id: str) -> Card:
        """Puts a question the interviewer chose on the card (it replaces the planned one)."""
        self._require_idle("pick another question")
        planned = next((p for p in self.pool if (p.deck_id, p.question.id) == (deck_id, question_id)), None)
        if planned is None:
            raise FriendRefusal("That question is not in the chosen decks.")
        if not self.setup.interviewer_picks:
            self._order[self._position] = planned
        return self._show(planned, follow_up=None)

    # ----- the answer

    def start_answer(self) -> AskedQuestion:
        """What the candidate is about to answer; the console then opens the microphone."""
        self._require_idle("start the next answer")
        if self.card is None:
            raise FriendRefusal("There is no question on the card.")
        self.phase = FriendPhase.STARTING
        return self.card.asked()

    def attempt_of(self) -> int | None:
        """The earlier answer to the card's question in this session, when it is asked again."""
        return None if self.card is None else self.answered.get(self.card.attempt_key)

    def answer_recording(self, answer_id: int, clock: Callable[[], float]) -> None:
        """Audio is flowing: flags are taken from now on, stamped by `clock`."""
        self.marks = AnswerMarks(clock, answer_id)
        self.phase = FriendPhase.ANSWERING

    def flag(self, kind: FlagKind, note: str = "") -> FlaggedMoment:
        """A flag at this moment of the answer; FriendRefusal outside an answer (never lost silently)."""
        marks = self.marks
        if self.phase is not FriendPhase.ANSWERING or marks is None:
            what = "Notes" if kind is FlagKind.NOTE else "Flags"
            raise FriendRefusal(f"{what} mark a moment of an answer: start the answer first (Space).")
        note = " ".join(note.split())[:MAX_NOTE_CHARS]
        flag = FlaggedMoment(marks.answer_id, round(max(0.0, marks.clock()), 3), note, FlagKind(kind))
        marks.flags.append(flag)
        return flag

    def pin_note(self, flag: FlaggedMoment, note: str) -> FlaggedMoment:
        """The note typed for a NOTE flag, kept at the moment its key was pressed."""
        final = FlaggedMoment(flag.answer_id, flag.at_s, " ".join(note.split())[:MAX_NOTE_CHARS], FlagKind.NOTE)
        if self.marks is not None and flag in self.marks.flags:
            self.marks.flags[self.marks.flags.index(flag)] = final
        return final

    def stop_answer(self) -> None:
        if self.phase not in (FriendPhase.STARTING, FriendPhase.ANSWERING):
            raise FriendRefusal("No answer is being recorded.")
        self.phase = FriendPhase.ANALYSING

    def answer_saved(self, answer_id: int) -> None:
        """The answer is analysed and stored: the report and the ratings come next."""
        card = self.card
        if card is not None:
            self.answered.setdefault(card.attempt_key, answer_id)
            self.answered.setdefault(card.key, answer_id)
        if self.setup.interviewer_picks and (card is None or card.follow_up is None):
            self._asked_count += 1
        self.last_answer_id = answer_id
        self.marks = None
        self.phase = FriendPhase.RATING

    def answer_lost(self) -> None:
        """The answer could not be recorded (no microphone, a fault before audio): back to the card."""
        self.marks = None
        self.phase = FriendPhase.ASKING if self.card is not None else FriendPhase.FINISHED

    def end(self) -> None:
        self.marks = None
        self.phase = FriendPhase.FINISHED

    def allowed(self, command: FriendCommand) -> bool:
        """Whether a button for `command` should be enabled now."""
        idle = self.phase in (FriendPhase.ASKING, FriendPhase.RATING)
        if command is FriendCommand.START_STOP:
            return idle or self.phase in (FriendPhase.STARTING, FriendPhase.ANSWERING)
        if command in FLAG_COMMANDS:
            return self.phase is FriendPhase.ANSWERING
        if command is FriendCommand.FOLLOW_UP:
            return idle and self.card is not None and bool(self.card.follow_ups)
        if command is FriendCommand.END:
            return self.phase is not FriendPhase.FINISHED
        return idle  # REPEAT, PICK

    def snapshot(self) -> dict[str, object]:
        """The state as plain values, for a view that is not this process's (a phone's page)."""
        card = self.card
        return {
            "phase": self.phase.value,
            "number": None if card is None else card.number,
            "total": self.total,
            "question": None if card is None else card.text,
            "is_follow_up": card is not None and card.follow_up is not None,
            "good_answer": "" if card is None else card.good_answer,
            "follow_ups": [] if card is None else list(card.follow_ups),
            "target_s": None if card is None else [card.target.min_s, card.target.max_s],
            "flags": 0 if self.marks is None else len(self.marks.flags),
            "allowed": [command.value for command in FriendCommand if self.allowed(command)],
        }
