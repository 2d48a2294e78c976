"""The solo interview plan: choosing questions, their order, and the follow-up rule."""

from __future__ import annotations

import pytest

from mockint.core.analysis import LengthVerdict
from mockint.core.decks import Deck, Difficulty, Question
from mockint.core.interview_plan import InterviewPlan, StepKind, choose_questions
from mockint.core.targets import QUICK_FACTUAL, TargetRange


def question(qid: str, *, follow_ups: tuple[str, ...] = (), target: TargetRange | None = None) -> Question:
    return Question(qid, f"Question {qid}?", "general", Difficulty.EASY, target_s=target, follow_ups=follow_ups)


def deck(deck_id: str, *questions: Question) -> Deck:
    return Deck(deck_id, deck_id.title(), "", "en", TargetRange(30, 90), tuple(questions))


WARM = deck("warm", question("a"), question("b", target=TargetRange(5, 20)), question("c"))
HARD = deck("hard", question("x", follow_ups=("Why?", "What would you change?")), question("y"))


def ids(plan_questions) -> list[str]:
    return [f"{p.deck_id}/{p.question.id}" for p in plan_questions]


def test_in_order_takes_decks_in_the_order_given_and_stops_at_count():
    assert ids(choose_questions([WARM, HARD], 4, shuffle=False)) == ["warm/a", "warm/b", "warm/c", "hard/x"]
    assert ids(choose_questions([HARD, WARM], 2, shuffle=False)) == ["hard/x", "hard/y"]


def test_count_above_what_the_decks_hold_asks_every_question_once():
    chosen = ids(choose_questions([WARM, HARD, WARM], 50, shuffle=False))
    assert chosen == ["warm/a", "warm/b", "warm/c", "hard/x", "hard/y"]


def test_shuffled_order_is_repeatable_with_a_seed_and_draws_from_every_deck():
    first = ids(choose_questions([WARM, HARD], 5, shuffle=True, seed=7))
    assert first == ids(choose_questions([WARM, HARD], 5, shuffle=True, seed=7))
    assert sorted(first) == ["hard/x", "hard/y", "warm/a", "warm/b", "warm/c"]
    orders = {tuple(ids(choose_questions([WARM, HARD], 5, shuffle=True, seed=seed))) for seed in range(20)}
    assert len(orders) > 1  # shuffling really changes the order


def test_count_below_one_is_refused():
    with pytest.raises(ValueError):
        choose_questions([WARM], 0, shuffle=False)


def test_each_question_carries_its_own_target_or_the_deck_default():
    chosen = choose_questions([WARM], 2, shuffle=False)
    assert chosen[0].target == TargetRange(30, 90)
    assert chosen[1].target == TargetRange(5, 20)


def test_steps_walk_through_the_questions_and_end():
    plan = InterviewPlan.from_decks([WARM], 2, shuffle=False)
    step = plan.current
    assert (step.number, step.total, step.kind, step.text) == (1, 2, StepKind.QUESTION, "Question a?")
    assert (step.deck_id, step.question_id, step.language) == ("warm", "a", "en")
    step = plan.advance(LengthVerdict.OK)
    assert (step.number, step.question_id) == (2, "b")
    assert plan.is_last_question
    assert plan.advance(None) is None
    assert plan.is_finished and plan.current is None
    assert plan.advance("ok") is None  # stays finished


def test_too_short_answer_brings_the_first_follow_up_once():
    plan = InterviewPlan.from_decks([HARD], 2, shuffle=False)
    step = plan.advance(LengthVerdict.TOO_SHORT)
    assert step.kind is StepKind.FOLLOW_UP and step.is_follow_up
    assert step.text == "Why?"
    assert (step.number, step.question_id, step.deck_id) == (1, "x", "hard")
    assert step.target == QUICK_FACTUAL  # judged by its own wording
    # The follow-up was short too: no second follow-up, the interview moves on.
    step = plan.advance("too_short")
    assert (step.kind, step.question_id) == (StepKind.QUESTION, "y")


def test_no_follow_up_when_the_answer_was_long_enough_or_the_question_has_none():
    plan = InterviewPlan.from_decks([HARD], 2, shuffle=False)
    assert plan.advance("ok").question_id == "y"
    assert plan.advance("too_short") is None  # "y" has no follow-ups: the session ends
    plan = InterviewPlan.from_decks([HARD], 2, shuffle=False)
    assert plan.advance("too_long").question_id == "y"
    plan = InterviewPlan.from_decks([HARD], 2, shuffle=False)
    assert plan.advance(None).question_id == "y"  # no verdict (nothing was heard): no follow-up


def test_next_question_skips_a_pending_follow_up():
    plan = InterviewPlan.from_decks([HARD], 2, shuffle=False)
    assert plan.advance("too_short").is_follow_up
    step = plan.next_question()
    assert (step.kind, step.question_id) == (StepKind.QUESTION, "y")


def test_a_larger_allowance_asks_the_follow_ups_in_turn():
    plan = InterviewPlan(choose_questions([HARD], 1, shuffle=False), follow_ups_per_question=5)
    assert plan.advance("too_short").text == "Why?"
    assert plan.advance("too_short").text == "What would you change?"
    assert plan.advance("too_short") is None  # every follow-up used
