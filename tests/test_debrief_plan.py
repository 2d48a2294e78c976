"""The practice deck and the plan built from a debrief: each cause gives its items, dates spread
over the days left, items ticked from the stored practice; and the inline checks before saving."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from mockint.core.debrief.model import Cause, DebriefItem, HowItWent, InterviewDebrief, Story
from mockint.core.debrief.plan import (
    PlanKind,
    PracticeRecord,
    build_deck,
    build_plan,
    plan_tag,
    plan_with_progress,
    spread,
)
from mockint.core.debrief.similarity import similar
from mockint.core.decks import load_decks
from mockint.paths import shipped_decks_dir

TODAY = date(2026, 12, 1)
CREATED = datetime(2026, 12, 1, 9, tzinfo=UTC)


@pytest.fixture(scope="module")
def decks():
    return load_decks(shipped_decks_dir()).decks


def debrief(*items: DebriefItem, **fields) -> InterviewDebrief:
    values = {"company": "Acme", "role": "Backend engineer", "id": 7, "created_at": CREATED, **fields}
    return InterviewDebrief(items=items, **values)


@pytest.mark.parametrize(
    ("cause", "kind"),
    [
        (Cause.WENT_BLANK, PlanKind.SILENCE_DRILL),
        (Cause.NO_EXAMPLE, PlanKind.STORY),
        (Cause.RAMBLED, PlanKind.TIGHT_LENGTH),
        (Cause.NERVES, PlanKind.MIRROR),
        (Cause.COLD_INTERVIEWER, PlanKind.FRIEND),
        (Cause.UNEXPECTED, PlanKind.TRICKY_DECK),
        (Cause.DISTRACTIONS, PlanKind.QUIET_SPACE),
        (Cause.OUT_OF_TOUCH, PlanKind.READ_UP),
    ],
)
def test_each_cause_gives_its_plan_item_after_the_deck(decks, cause, kind):
    plan = build_plan(debrief(DebriefItem("Why should we hire you?", HowItWent.SHAKY, (cause,))), decks, TODAY)
    assert plan[0].kind is PlanKind.DECK
    assert [item.kind for item in plan[1:]] == ([kind] * 4 if kind is PlanKind.READ_UP else [kind])


def test_the_plan_items_carry_what_to_practise_and_how(decks):
    items = (
        DebriefItem("Tell me about a time you failed", HowItWent.BLEW_IT, (Cause.NO_EXAMPLE, Cause.RAMBLED)),
        DebriefItem("What is your greatest weakness?", HowItWent.SHAKY, (Cause.UNEXPECTED,)),
        DebriefItem("Tell me about yourself", HowItWent.FINE),
    )
    plan = {item.key: item for item in build_plan(debrief(*items, company="Globex"), decks, TODAY)}
    assert [q.text for q in plan["story"].questions] == ["Tell me about a time you failed"]
    assert plan["story"].questions[0].target.min_s == 60 and plan["story"].questions[0].target.max_s == 120
    assert all(q.target.max_s == 60 for q in plan["tight_length"].questions)  # a tight length
    assert plan["tricky_deck"].questions and all(q.deck_id == "tricky" for q in plan["tricky_deck"].questions)
    assert "silence_drill" not in plan  # nobody went blank
    assert "Tell me about yourself" not in {q.text for q in plan["deck"].questions}  # it went fine


def test_out_of_touch_gives_read_up_items_naming_the_company_and_role(decks):
    plan = build_plan(
        debrief(DebriefItem("Explain the gap in your CV", HowItWent.SHAKY, (Cause.OUT_OF_TOUCH,))), decks, TODAY
    )
    titles = [item.title for item in plan if item.kind is PlanKind.READ_UP]
    assert titles[0].startswith("Read up on Acme") and "Backend engineer" in titles[1]
    assert "Talk to someone in a similar role" in titles


def test_the_deck_follows_each_weak_question_with_the_closest_shipped_ones(decks):
    deck = build_deck(debrief(DebriefItem("So, why did you leave your last job?", HowItWent.BLEW_IT)), decks)
    assert deck[0].text == "So, why did you leave your last job?" and deck[0].like is None
    closest = deck[1:]
    assert 2 <= len(closest) <= 3
    assert closest[0].text == "Why did you leave your last job?"
    assert all(entry.like == deck[0].text and entry.deck_id for entry in closest)


def test_a_question_picked_from_a_deck_keeps_its_deck_and_target(decks):
    tricky = next(d for d in decks if d.id == "tricky")
    question = tricky.questions[0]
    deck = build_deck(
        debrief(DebriefItem(question.text, HowItWent.SHAKY, question_id=question.id, deck_id="tricky")), decks
    )
    assert (deck[0].question_id, deck[0].deck_id, deck[0].target) == (
        question.id,
        "tricky",
        tricky.target_for(question),
    )
    assert question.text not in [e.text for e in deck[1:]]


def test_a_retyped_question_finds_the_shipped_one(decks):
    candidates = [(q.id, q.text) for d in decks for q in d.questions]
    for typed, shipped in (
        ("Can you tell me a bit about yourself?", "Tell me about yourself."),
        ("what would you say is your biggest weakness", "What is your greatest weakness?"),
        ("So walk me through your resume", "Walk me through your CV."),
        ("why should we hire you over the other candidates", "Why should we hire you?"),
    ):
        assert similar(typed, candidates)[0].text == shipped, typed
    assert similar("   ", candidates) == []
    assert similar("zebra xylophone quantum", candidates) == []  # nothing alike: no match by chance


def test_a_next_interview_date_spreads_the_plan_over_the_days_left(decks):
    items = (DebriefItem("Why should we hire you?", HowItWent.SHAKY, (Cause.WENT_BLANK, Cause.RAMBLED, Cause.NERVES)),)
    plan = build_plan(debrief(*items, next_interview_on=TODAY + timedelta(days=4)), decks, TODAY)
    assert [item.day for item in plan] == [TODAY + timedelta(days=d) for d in (0, 1, 2, 3)]
    eight = spread(plan + plan, TODAY, TODAY + timedelta(days=4))
    assert [item.day.day for item in eight] == [1, 1, 2, 2, 3, 3, 4, 4]  # two a day, none on the interview day
    same_day = spread(plan, TODAY, TODAY)
    assert {item.day for item in same_day} == {TODAY}
    assert all(item.day is None for item in build_plan(debrief(*items), decks, TODAY))


def test_plan_items_are_ticked_by_the_practice_sessions_stored(decks):
    items = (
        DebriefItem("Why should we hire you?", HowItWent.SHAKY, (Cause.RAMBLED, Cause.COLD_INTERVIEWER)),
        DebriefItem("Tell me about a time you failed", HowItWent.BLEW_IT, (Cause.OUT_OF_TOUCH,)),
    )
    notes = debrief(*items, ticked=("read_up:talk",))
    plan = build_plan(notes, decks, TODAY)
    later = CREATED + timedelta(hours=2)
    records = [
        PracticeRecord(later, "solo", (plan_tag(7, "tight_length"),), ("Why should we hire you?",)),
        PracticeRecord(later, "solo", (plan_tag(7, "deck"),), ("Why should we hire you?",)),
        PracticeRecord(
            later, "solo", (plan_tag(8, "deck"),), ("Tell me about a time you failed",)
        ),  # another debrief's
        PracticeRecord(CREATED - timedelta(days=1), "friend", ("behavioural",), ("Tell me about yourself",)),  # before
    ]
    done = {item.key: item.done for item in plan_with_progress(plan, notes, records)}
    assert done["tight_length"] is True
    assert done["deck"] is False  # one of the two questions that went badly is not practised yet
    assert done["friend"] is False  # the only friend session was before this interview
    assert done["read_up:talk"] is True and done["read_up:company"] is False
    records.append(PracticeRecord(later, "solo", (plan_tag(7, "deck"),), ("tell me about a time you failed",)))
    records.append(PracticeRecord(later, "friend", ("behavioural",), ("Tell me about yourself",)))
    done = {item.key: item.done for item in plan_with_progress(plan, notes, records)}
    assert done["deck"] is True and done["friend"] is True
    empty = [PracticeRecord(later, "solo", (plan_tag(7, "tight_length"),), ())]  # opened, nothing answered
    assert not next(i for i in plan_with_progress(plan, notes, empty) if i.key == "tight_length").done


def test_bad_debriefs_and_stories_say_why_they_are_not_saved():
    assert InterviewDebrief().problems(TODAY) == [
        "Add the company, the role or a question asked before it can be saved."
    ]
    blank = InterviewDebrief(company="Acme", items=(DebriefItem("Why us?"), DebriefItem("  ")))
    assert blank.problems(TODAY) == ["Question 2 has no text: type the question or remove it."]
    past = InterviewDebrief(company="Acme", next_interview_on=TODAY - timedelta(days=1))
    assert "is in the past" in past.problems(TODAY)[0]
    assert InterviewDebrief(company="Acme", next_interview_on=TODAY).problems(TODAY) == []
    assert Story("Outage").problems() == ["Add the situation, action and result: a story needs more than its title."]
    assert Story("", situation="s", action="a", result="r").problems() == ["Give the story a title."]
    assert Story("Outage", situation="s", action="a", result="r").problems() == []


def test_mirror_practice_is_ticked_by_a_mirror_session_since_the_interview_too(decks):
    notes = debrief(DebriefItem("Why should we hire you?", HowItWent.SHAKY, (Cause.NERVES,)))
    plan = build_plan(notes, decks, TODAY)
    before = [PracticeRecord(CREATED - timedelta(days=2), "mirror", (), ("Tell me about yourself",))]
    after = [PracticeRecord(CREATED + timedelta(days=1), "mirror", (), ("Tell me about yourself",))]
    assert not next(i for i in plan_with_progress(plan, notes, before) if i.key == "mirror").done
    assert next(i for i in plan_with_progress(plan, notes, after) if i.key == "mirror").done
