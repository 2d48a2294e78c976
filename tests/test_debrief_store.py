"""Debriefs, stories and the after-interview app layer on the real SQLite store: saved, edited,
deleted; plan items ticked by practice sessions; the note built from the best stored attempt;
first and latest attempts compared across sessions."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from mockint.app.after_interview import (
    compare_first_and_latest,
    debrief_plan,
    draft_follow_up,
    practice_history,
    progress,
    start_plan_practice,
    story_question,
)
from mockint.core.analysis import Thresholds, analyze_answer
from mockint.core.debrief.model import (
    Cause,
    DebriefItem,
    FollowUpDraft,
    HowItWent,
    InterviewDebrief,
    InterviewerManner,
    InterviewFormat,
    NoteTone,
    Story,
)
from mockint.core.debrief.note import NoteSource
from mockint.core.decks import load_decks
from mockint.core.targets import TargetRange
from mockint.core.transcript_parse import transcript_from_text
from mockint.paths import app_paths, shipped_decks_dir
from mockint.store import Store
from mockint.store.debriefs_repo import UnknownDebriefError, UnknownStoryError

QUESTION = "Tell me about a project you led"
TODAY = date.today()
TARGET = TargetRange(20, 60)


@pytest.fixture
def store():
    with Store.open(app_paths()) as opened:
        yield opened


@pytest.fixture(scope="module")
def decks():
    return load_decks(shipped_decks_dir()).decks


def interview(**fields) -> InterviewDebrief:
    items = (
        DebriefItem(QUESTION, HowItWent.BLEW_IT, (Cause.RAMBLED, Cause.NO_EXAMPLE), "I lost the thread"),
        DebriefItem("Why us?", HowItWent.FINE),
    )
    return InterviewDebrief(
        company="Acme", role="SRE", happened_on=date(2026, 11, 30), format=InterviewFormat.PANEL,
        manner=InterviewerManner.COLD, items=items, **fields,
    )  # fmt: skip


def answer(store: Store, session_id: int, text: str, question: str = QUESTION, target: TargetRange = TARGET) -> int:
    report = analyze_answer(transcript_from_text(text), target)
    return store.add_answer(session_id, question, report=report, started_at=datetime.now(UTC))


def test_a_debrief_is_saved_edited_listed_and_deleted(store):
    saved = store.save_interview_debrief(interview(next_interview_on=TODAY + timedelta(days=3)))
    assert saved.id is not None and saved.created_at is not None
    assert store.interview_debrief(saved.id) == saved
    edited = store.save_interview_debrief(
        replace(
            saved,
            role="Senior SRE",
            ticked=("read_up:role",),
            follow_up=FollowUpDraft("Dear Sam,", NoteTone.WARM, ("calm",)),
        )
    )
    again = store.interview_debrief(saved.id)
    assert (
        again == edited
        and again.follow_up.tone is NoteTone.WARM
        and again.items[0].causes == (Cause.RAMBLED, Cause.NO_EXAMPLE)
    )
    newer = store.save_interview_debrief(InterviewDebrief(company="Globex", happened_on=date(2026, 12, 1)))
    assert [d.id for d in store.interview_debriefs()] == [newer.id, saved.id]
    store.delete_interview_debrief(saved.id)
    assert [d.id for d in store.interview_debriefs()] == [newer.id]
    with pytest.raises(UnknownDebriefError, match="mockint debrief list"):
        store.interview_debrief(saved.id)


def test_stories_are_saved_edited_and_deleted_and_a_link_to_a_deleted_one_says_it_is_gone(store, decks):
    story = store.save_story(
        Story("Billing migration", "Old system", "Move it", "Led 4 people", "Costs fell 30%", ("leadership",))
    )
    assert store.stories() == [story]
    store.save_story(replace(story, result="Costs fell 35%"))
    assert store.story(story.id).result == "Costs fell 35%"
    linked = store.save_interview_debrief(
        InterviewDebrief(
            company="Acme", items=(DebriefItem(QUESTION, HowItWent.SHAKY, story_id=story.id, deck_id="gone-deck"),)
        )
    )
    store.delete_story(story.id)
    with pytest.raises(UnknownStoryError):
        store.story(story.id)
    plan = debrief_plan(store.interview_debrief(linked.id), decks, practice_history(store), TODAY, store.stories())
    assert plan.gone == (
        "Question 1 came from the deck \u201cgone-deck\u201d, which is gone; its text is kept.",
        "The story linked to question 1 was deleted; the link is shown as gone.",
    )
    assert plan.items  # it still opens, with its plan


def test_practising_a_plan_item_ticks_it_and_deleting_that_session_unticks_it(store, decks):
    saved = store.save_interview_debrief(interview())
    plan = debrief_plan(saved, decks, practice_history(store), TODAY, [])
    tight = next(item for item in plan.items if item.key == "tight_length")
    assert not tight.done
    session = start_plan_practice(store, saved, tight)
    answer(
        store, session.id, "We moved forty services and costs fell by thirty percent.", target=tight.questions[0].target
    )
    session.close()
    ticked = {i.key: i.done for i in debrief_plan(saved, decks, practice_history(store), TODAY, []).items}
    assert ticked["tight_length"] is True and ticked["deck"] is False  # the deck is ticked by practising the deck
    store.delete_session(session.id)
    ticked = {i.key: i.done for i in debrief_plan(saved, decks, practice_history(store), TODAY, []).items}
    assert ticked["tight_length"] is False
    assert progress(store, decks, TODAY).next_thing.startswith("Next to practise: Practise the deck")


def test_the_note_is_built_from_the_best_stored_attempt_else_from_the_typed_note(store):
    saved = store.save_interview_debrief(interview())
    typed, from_answer = draft_follow_up(store, saved, tone=NoteTone.BRIEF, strengths=("calm", "ownership"))
    assert from_answer is None and "I lost the thread." in typed.text
    assert [s.source for s in typed.sentences if s.source is not NoteSource.TEMPLATE] == [NoteSource.USER]
    session = store.create_session("solo")
    answer(store, session.id, "Um I led it, you know.")
    best = answer(
        store, session.id, "I led four engineers for twelve weeks. We cut the costs by 30 percent and shipped on time."
    )
    note, from_answer = draft_follow_up(store, saved, tone=NoteTone.WARM, strengths=("calm", "ownership"))
    assert from_answer == best and "30 percent" in note.text and note.word_count < 180

    # The attempt is deleted later: the debrief still opens, keeps its note, and says what is gone.
    kept = store.save_interview_debrief(replace(saved, follow_up=FollowUpDraft(note.text, NoteTone.WARM, (), best)))
    store.delete_session(session.id)
    plan = debrief_plan(store.interview_debrief(kept.id), [], practice_history(store), TODAY, [], store)
    assert plan.gone == ("The practice answer the follow-up note was built from was deleted; the note's text is kept.",)
    assert store.interview_debrief(kept.id).follow_up.text == note.text


def test_first_and_latest_attempts_are_compared_across_sessions(store):
    first = store.create_session("solo", started_at=datetime(2026, 11, 1, tzinfo=UTC))
    answer(store, first.id, "Um so uh I think we um did a thing, you know, basically.")
    assert compare_first_and_latest(store, QUESTION, Thresholds()) is None  # one attempt: nothing to compare
    latest = store.create_session("solo")
    answer(
        store,
        latest.id,
        "When our billing broke, I led the fix. I rebuilt the pipeline and as a result errors fell by 90 percent.",
    )
    compared = compare_first_and_latest(store, QUESTION.upper(), Thresholds())
    assert compared is not None and compared.first.session_id == first.id and compared.latest.session_id == latest.id
    assert compared.changes[0].startswith("Fewer fillers")
    assert any(c.startswith("More evidence") for c in compared.changes)


def test_practise_this_story_asks_for_a_60_to_120_second_answer():
    question = story_question(Story("Billing migration", "s", "t", "a", "r"))
    assert question.text == "Tell me about a time: Billing migration"
    assert (question.target.min_s, question.target.max_s) == (60, 120)
