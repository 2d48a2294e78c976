"""The friend session's own rules, without a window: the card, follow-ups, picks, flags refused outside an answer."""

from __future__ import annotations

import pytest

from mockint.app.friend_session import FriendCommand, FriendPhase, FriendRefusal, FriendSession, FriendSetup
from mockint.core.decks import parse_deck
from mockint.core.session import FlagKind

DECK = parse_deck(
    """
name = "Friend test"
description = ""
default_target_s = [30, 90]

[[questions]]
id = "why-us"
text = "Why do you want to work here?"
category = "motivation"
difficulty = "easy"
tags = ["company"]
follow_ups = ["What else did you consider?", "What would make you leave?"]
good_answer = "Links their mission to yours"

[[questions]]
id = "conflict"
text = "Tell me about a conflict with a colleague."
category = "teamwork"
difficulty = "hard"
target_s = [60, 120]

[[questions]]
id = "weakness"
text = "What is your greatest weakness?"
category = "tricky"
difficulty = "medium"
""",
    "friend.toml",
    "friend",
)


def planned(count: int | None = 3) -> FriendSession:
    return FriendSession([DECK], FriendSetup(("friend",), question_count=count, shuffle=False))


def test_the_card_follows_the_plan_and_the_session_ends_after_the_last_question():
    session = planned(2)
    assert session.card is not None and session.card.text == "Why do you want to work here?"
    assert (session.card.number, session.card.total, session.card.good_answer) == (
        1,
        2,
        "Links their mission to yours",
    )
    card = session.next()
    assert card is not None and (card.text, card.number) == ("Tell me about a conflict with a colleague.", 2)
    assert session.next() is None and session.phase is FriendPhase.FINISHED


def test_follow_ups_come_from_the_deck_in_turn_and_a_question_without_any_says_so():
    session = planned()
    assert session.follow_up().text == "What else did you consider?"
    assert session.follow_up().text == "What would make you leave?"
    asked = session.start_answer()
    assert (asked.text, asked.question_id, asked.deck_id) == ("What would make you leave?", "why-us", "friend")
    session.answer_lost()
    session.next()
    with pytest.raises(FriendRefusal, match="no follow-ups"):
        session.follow_up()


def test_flags_outside_an_answer_are_refused_with_a_message_and_inside_carry_the_answer_clock():
    session = planned()
    with pytest.raises(FriendRefusal, match="start the answer first"):
        session.flag(FlagKind.STRONG)
    session.start_answer()
    with pytest.raises(FriendRefusal):  # the microphone is still opening: no clock yet
        session.flag(FlagKind.UNCLEAR)
    clock = iter([1.25, 4.5])
    session.answer_recording(7, lambda: next(clock))
    strong = session.flag(FlagKind.STRONG)
    note = session.flag(FlagKind.NOTE, "  lost   the thread ")
    assert (strong.answer_id, strong.at_s, strong.kind) == (7, 1.25, FlagKind.STRONG)
    assert (note.at_s, note.label) == (4.5, "lost the thread")
    with pytest.raises(FriendRefusal, match="Stop the answer first"):
        session.next()
    session.stop_answer()
    session.answer_saved(7)
    assert session.phase is FriendPhase.RATING
    with pytest.raises(FriendRefusal, match="Notes mark a moment"):
        session.flag(FlagKind.NOTE, "late")


def test_repeat_asks_the_same_question_again_as_another_attempt():
    session = planned()
    session.start_answer()
    session.answer_recording(3, lambda: 0.0)
    session.stop_answer()
    session.answer_saved(3)
    assert session.attempt_of() == 3  # the card still shows the question just answered
    session.repeat()
    assert session.start_answer().text == "Why do you want to work here?"
    assert session.attempt_of() == 3
    session.answer_lost()
    session.next()
    assert session.attempt_of() is None  # a question not answered yet is a first attempt


def test_the_interviewer_picks_from_a_search_of_the_chosen_decks():
    session = planned(None)
    assert session.total is None and session.allowed(FriendCommand.PICK)
    found = session.search("conflict colleague")
    assert [p.question.id for p in found] == ["conflict"]
    assert [p.question.id for p in session.search("TRICKY")] == ["weakness"]
    card = session.pick("friend", "conflict")
    assert (card.text, card.target.min_s, card.total) == ("Tell me about a conflict with a colleague.", 60, None)
    with pytest.raises(FriendRefusal, match="not in the chosen decks"):
        session.pick("friend", "nope")


def test_no_deck_chosen_is_refused_before_anything_starts():
    with pytest.raises(FriendRefusal, match="at least one deck"):
        FriendSession([DECK], FriendSetup(("other",)))


def test_the_snapshot_names_what_may_be_pressed_now():
    session = planned()
    state = session.snapshot()
    assert state["phase"] == "asking" and state["question"] == "Why do you want to work here?"
    assert "flag_strong" not in state["allowed"] and "start_stop" in state["allowed"]
    session.start_answer()
    session.answer_recording(1, lambda: 2.0)
    session.flag(FlagKind.RAMBLING)
    state = session.snapshot()
    assert state["flags"] == 1 and "flag_strong" in state["allowed"] and "next" not in state["allowed"]
