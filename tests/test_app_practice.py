"""The application layer's practice session, on a real Store: retries, the plan after an answer, stops."""

from __future__ import annotations

import pytest

from mockint.app.answer import MIN_ANSWER_S, AnswerTake, AskedQuestion
from mockint.app.practice import PracticeSession, advance_plan, retry_request
from mockint.core.decks.model import Deck, Difficulty, Question
from mockint.core.interview_plan import InterviewPlan, StepKind
from mockint.core.session import PracticeMode
from mockint.core.targets import TargetRange
from mockint.paths import app_paths
from mockint.settings import Settings
from mockint.store import Store

QUESTION = AskedQuestion("Tell me about a time you failed.", TargetRange(20, 45), "fail", "behavioural")


@pytest.fixture
def store():
    with Store.open(app_paths()) as opened:
        yield opened


def test_a_session_of_any_mode_is_stored_with_its_mode_and_forgotten_when_empty(store):
    for mode in (PracticeMode.SOLO, PracticeMode.FRIEND, PracticeMode.MIRROR):
        session = PracticeSession.start(store, mode, deck_ids=["behavioural"])
        assert store.get_session(session.id).mode is mode
        assert session.request(QUESTION).session_id == session.id
        session.close()  # nothing was answered: not kept as history
    assert store.list_sessions() == []


def test_a_retry_belongs_to_the_first_attempts_session_and_is_not_a_session_of_its_own(store):
    session = PracticeSession.start(store, PracticeMode.SOLO)
    first = store.add_answer(session.id, QUESTION.text, question_id="fail", duration_s=30.0)
    session.close()
    later = PracticeSession.start(store, PracticeMode.SOLO)
    store.add_answer(later.id, "Why us?", duration_s=20.0)
    later.close()

    request = retry_request(store, store.get_answer(first), QUESTION)
    assert (request.session_id, request.attempt_of) == (session.id, first)
    retry = store.add_answer(request.session_id, QUESTION.text, attempt_of=request.attempt_of)
    # A retry of the retry still points at the first attempt and its session.
    again = retry_request(store, store.get_answer(retry), QUESTION)
    assert (again.session_id, again.attempt_of) == (session.id, first)
    store.add_answer(again.session_id, QUESTION.text, attempt_of=again.attempt_of)

    overviews = store.list_sessions()
    assert [o.session.id for o in overviews] == [later.id, session.id]  # no "Try again" session
    assert [o.summary.answer_count for o in overviews] == [1, 1]  # the interview as it was run
    assert [p.session_id for p in store.trends()] == [session.id, later.id]
    assert store.session_detail(session.id).summary.answer_count == 1
    assert [a.id for a in store.attempts_of(first)][0] == first and len(store.attempts_of(first)) == 3


def _plan_with_follow_up() -> InterviewPlan:
    def question(qid: str, text: str, follow_ups: tuple[str, ...] = ()) -> Question:
        return Question(qid, text, "behavioural", Difficulty.MEDIUM, follow_ups=follow_ups)

    questions = (question("fail", QUESTION.text, ("What did you learn?",)), question("why", "Why us?"))
    deck = Deck("behavioural", "Behavioural", "", "en", TargetRange(20, 45), questions)
    return InterviewPlan.from_decks([deck], 2, shuffle=False)


def test_a_short_answer_earns_a_follow_up_but_an_empty_one_never_does():
    plan = _plan_with_follow_up()
    advance_plan(plan, length_verdict="too_short", word_count=0)
    assert plan.current is not None and plan.current.kind is StepKind.QUESTION and plan.current.text == "Why us?"

    plan = _plan_with_follow_up()
    advance_plan(plan, length_verdict="too_short", word_count=12)
    assert plan.current is not None and plan.current.kind is StepKind.FOLLOW_UP

    plan = _plan_with_follow_up()
    advance_plan(plan, length_verdict="too_short", word_count=12, next_question=True)
    assert plan.current is not None and plan.current.text == "Why us?"


def test_a_stop_in_the_first_second_is_ignored_unless_it_is_meant(store):
    session = PracticeSession.start(store, PracticeMode.SOLO)
    take = session.take(QUESTION, Settings(app_paths().settings_file))
    assert take.elapsed_s < MIN_ANSWER_S
    assert take.stop() is False and not take.stopping  # Space pressed again as the think time ended
    assert take.stop(even_if_early=True) is True and take.stopping  # "next question" or "end": meant


def test_a_take_cancelled_before_it_records_leaves_nothing_behind(store):
    session = PracticeSession.start(store, PracticeMode.SOLO)
    take = AnswerTake(session.request(QUESTION), Settings(app_paths().settings_file))
    take.cancel.cancel()
    assert take.run(store) is None
    assert store.answers_for_session(session.id) == []
