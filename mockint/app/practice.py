"""A practice session of any mode: open it, record its answers, retry one, close it.

The mode (solo, friend, mirror) is a parameter of the session, stored with it; nothing below
the session knows it. Every answer goes through the same `AnswerTake`. Every function here
touches the store: call it from a worker (the GUI) or directly (the command line, tests).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from mockint.app.answer import AnswerRequest, AnswerTake, AskedQuestion
from mockint.core.cancel import CancelToken
from mockint.core.interview_plan import InterviewPlan
from mockint.core.session import Answer, PracticeMode, Session
from mockint.settings import Settings
from mockint.store import Store

if TYPE_CHECKING:  # numpy comes with the pipeline: not on the window's start-up path
    from mockint.speech.answer_pipeline import AnswerPipeline


class PracticeSession:
    """One session row and the answers recorded into it."""

    def __init__(self, store: Store, session: Session) -> None:
        self.store = store
        self.session = session

    @classmethod
    def start(
        cls, store: Store, mode: PracticeMode | str, *, deck_ids: Iterable[str] = (), title: str = ""
    ) -> PracticeSession:
        """Creates the session row (the moment the user started practising)."""
        return cls(store, store.create_session(PracticeMode(mode), deck_ids=tuple(deck_ids), title=title))

    @property
    def id(self) -> int:
        return self.session.id

    @property
    def mode(self) -> PracticeMode:
        return self.session.mode

    def request(self, question: AskedQuestion, *, input_device: str | None = None) -> AnswerRequest:
        return AnswerRequest(self.id, question, input_device=input_device)

    def take(
        self,
        question: AskedQuestion,
        settings: Settings,
        *,
        input_device: str | None = None,
        pipeline: AnswerPipeline | None = None,
        cancel: CancelToken | None = None,
    ) -> AnswerTake:
        """The next answer of this session, ready to `run(session.store)`."""
        request = self.request(question, input_device=input_device)
        return AnswerTake(request, settings, pipeline=pipeline, cancel=cancel)

    def close(self, *, forget_if_empty: bool = True) -> None:
        close_session(self.store, self.id, forget_if_empty=forget_if_empty)


def close_session(store: Store, session_id: int, *, forget_if_empty: bool = True) -> None:
    """Marks the session ended; a session in which nothing was saved is not kept as history.

    `forget_if_empty=False` when an answer may still be on its way (the window is closing).
    """
    if forget_if_empty and not store.answers_for_session(session_id):
        store.delete_session(session_id)
    else:
        store.end_session(session_id)


def retry_request(
    store: Store, answer: Answer, question: AskedQuestion, *, input_device: str | None = None
) -> AnswerRequest:
    """A new attempt at `answer`'s question ("Try again"), in the session of its first attempt.

    Attempts belong to their question and their first session: a retry is not a session the user
    ran, so it never appears in History, the charts or `mockint history` as one.
    """
    root_id = answer.attempt_of if answer.attempt_of is not None else answer.id
    session_id = answer.session_id if root_id == answer.id else store.get_answer(root_id).session_id
    return AnswerRequest(session_id, question, attempt_of=root_id, input_device=input_device)


def advance_plan(
    plan: InterviewPlan, *, length_verdict: str | None, word_count: int, next_question: bool = False
) -> None:
    """Moves the plan on after an answer: a follow-up comes only after a real answer that ran short.

    An empty answer (nothing was said: the microphone, or a stop by accident) never earns a
    follow-up; neither does `next_question` (the user asked to go straight on).
    """
    if next_question or word_count == 0:
        plan.next_question()
    else:
        plan.advance(length_verdict)
