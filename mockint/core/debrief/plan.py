"""Rectify: the practice deck and the plan made from a debrief, and which items are done.

The deck holds the questions that went shaky or badly, each followed by the closest shipped
questions. The plan is a short checklist tied to the causes the user gave; with a next interview
date it is spread over the days left. An item is ticked by doing it: `plan_with_progress` reads
the practice sessions (a session started from an item carries the item's tag in its deck ids)
instead of keeping a second record of what was done. Only the read-up items, which happen away
from MockInt, are ticked by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from mockint.core.debrief.model import Cause, InterviewDebrief
from mockint.core.debrief.similarity import similar
from mockint.core.decks import Deck, Question
from mockint.core.targets import TargetRange, default_target

CLOSEST_PER_QUESTION = 3
TIGHT_TARGET = TargetRange(30, 60)
STORY_TARGET = TargetRange(60, 120)  # "practise this story": aim for about 90 s
TRICKY_DECK_ID = "tricky"
TRICKY_QUESTIONS = 5
PLAN_TAG_PREFIX = "plan-"


class PlanKind(StrEnum):
    DECK = "deck"
    SILENCE_DRILL = "silence_drill"
    STORY = "story"
    TIGHT_LENGTH = "tight_length"
    MIRROR = "mirror"
    FRIEND = "friend"
    TRICKY_DECK = "tricky_deck"
    READ_UP = "read_up"
    QUIET_SPACE = "quiet_space"

    @property
    def practised(self) -> bool:
        """Done by answering questions in MockInt (the rest: a friend session, or by hand)."""
        return self not in (PlanKind.FRIEND, PlanKind.READ_UP, PlanKind.QUIET_SPACE)

    @property
    def ticked_by_hand(self) -> bool:
        return self in (PlanKind.READ_UP, PlanKind.QUIET_SPACE)


@dataclass(frozen=True, slots=True)
class DeckEntry:
    """A question of the practice deck: one the user struggled with, or a shipped one like it."""

    text: str
    target: TargetRange
    question_id: str | None = None
    deck_id: str | None = None
    language: str = "en"
    like: str | None = None  # for a shipped question: the interview question it resembles


@dataclass(frozen=True, slots=True)
class PlanItem:
    key: str  # unique in its plan: what a practice session is tagged with, what a hand tick stores
    kind: PlanKind
    title: str
    detail: str
    cause: Cause | None = None
    questions: tuple[DeckEntry, ...] = ()
    day: date | None = None
    done: bool = False


@dataclass(frozen=True, slots=True)
class PracticeRecord:
    """A stored practice session as the plan reads it: when, how, what was answered (analysed)."""

    started_at: datetime
    mode: str
    deck_ids: tuple[str, ...]
    answered: tuple[str, ...]  # question texts with an analysed answer


def plan_tag(debrief_id: int, key: str) -> str:
    """The deck id a session practising `key` of debrief `debrief_id` carries: how it is ticked."""
    return f"{PLAN_TAG_PREFIX}{debrief_id}-{key}"


def build_deck(debrief: InterviewDebrief, decks: Sequence[Deck]) -> list[DeckEntry]:
    """Each weak question, then the closest shipped questions to it (none twice)."""
    candidates = [(entry, entry.text) for entry in _shipped_entries(decks)]
    seen: set[str] = set()
    deck: list[DeckEntry] = []
    for item in debrief.weak_items:
        own = _own_entry(item.text, item.question_id, item.deck_id, decks)
        if _key(own.text) in seen:
            continue
        seen.add(_key(own.text))
        deck.append(own)
        for match in similar(item.text, candidates, limit=CLOSEST_PER_QUESTION + 1):
            if _key(match.text) in seen or len([e for e in deck if e.like == item.text]) >= CLOSEST_PER_QUESTION:
                continue
            seen.add(_key(match.text))
            deck.append(replace(match.item, like=item.text))
    return deck


def build_plan(debrief: InterviewDebrief, decks: Sequence[Deck], today: date) -> list[PlanItem]:
    """The checklist for the causes given, most useful first, spread up to the next interview."""
    weak = debrief.weak_items
    causes = {cause for item in debrief.items for cause in item.causes}
    own = {item.text: _own_entry(item.text, item.question_id, item.deck_id, decks) for item in weak}

    def questions_for(cause: Cause) -> tuple[DeckEntry, ...]:
        chosen = [own[i.text] for i in weak if cause in i.causes] or list(own.values())
        return tuple(chosen)

    items: list[PlanItem] = []
    deck = build_deck(debrief, decks)
    if deck:
        items.append(
            PlanItem(
                "deck",
                PlanKind.DECK,
                "Practise the deck from this interview",
                f"{_questions(len(weak))} that went shaky or badly, each followed by the shipped questions closest to it.",
                questions=tuple(deck),
            )  # fmt: skip
        )
    if Cause.WENT_BLANK in causes:
        items.append(
            PlanItem(
                "silence_drill",
                PlanKind.SILENCE_DRILL,
                "The silence drill",
                "Answer, stop for 3 seconds on purpose, then recover with a bridge phrase "
                '("Let me come at that another way..."). A pause is not a failure.',
                Cause.WENT_BLANK,
                questions_for(Cause.WENT_BLANK),
            )  # fmt: skip
        )
    if Cause.NO_EXAMPLE in causes:
        stories = [i for i in weak if Cause.NO_EXAMPLE in i.causes]
        items.append(
            PlanItem(
                "story",
                PlanKind.STORY,
                "Write the story, then tell it in about 90 seconds",
                "Put the example you were missing in the story bank (situation, task, action, result "
                "with numbers), then practise it against a 60-120 s target.",
                Cause.NO_EXAMPLE,
                tuple(replace(own[i.text], target=STORY_TARGET) for i in stories),
            )  # fmt: skip
        )
    if Cause.RAMBLED in causes:
        items.append(
            PlanItem(
                "tight_length",
                PlanKind.TIGHT_LENGTH,
                "Practise to a tight length",
                f"Answer again against a {TIGHT_TARGET} target: lead with the point, one example, stop after the result.",
                Cause.RAMBLED,
                tuple(replace(e, target=TIGHT_TARGET) for e in questions_for(Cause.RAMBLED)),
            )  # fmt: skip
        )
    if Cause.NERVES in causes:
        items.append(
            PlanItem(
                "mirror",
                PlanKind.MIRROR,
                "Mirror practice",
                "Answer facing a mirror (or your camera): watch your posture and eye contact, slow the first sentence.",
                Cause.NERVES,
                questions_for(Cause.NERVES),
            )  # fmt: skip
        )
    if Cause.COLD_INTERVIEWER in causes:
        items.append(
            PlanItem(
                "friend",
                PlanKind.FRIEND,
                "A friend session with a cold interviewer",
                "Ask a friend to interview you on the Friend page, and to stay neutral and unsmiling on purpose.",
                Cause.COLD_INTERVIEWER,
            )  # fmt: skip
        )
    if Cause.UNEXPECTED in causes:
        tricky = next((d for d in decks if d.id == TRICKY_DECK_ID), None)
        questions = () if tricky is None else tuple(_deck_entry(tricky, q) for q in tricky.questions[:TRICKY_QUESTIONS])
        items.append(
            PlanItem(
                "tricky_deck",
                PlanKind.TRICKY_DECK,
                "The tricky deck",
                "Practise questions built to surprise, so the next surprise feels familiar.",
                Cause.UNEXPECTED,
                questions,
            )  # fmt: skip
        )
    if Cause.DISTRACTIONS in causes:
        items.append(
            PlanItem(
                "quiet_space",
                PlanKind.QUIET_SPACE,
                "Set up a quiet space",
                "Before the next interview: a quiet room, notifications off, water and notes at hand.",
                Cause.DISTRACTIONS,
            )  # fmt: skip
        )
    if Cause.OUT_OF_TOUCH in causes:
        company = debrief.company.strip() or "the company"
        role = debrief.role.strip() or "the role"
        for key, title in (
            ("read_up:company", f"Read up on {company}: its products, news and values"),
            ("read_up:role", f"Read up on {role}: what the job asks for day to day"),
            ("read_up:field", "Read up on what changed in the field while you were away"),
            ("read_up:talk", "Talk to someone in a similar role"),
        ):
            items.append(PlanItem(key, PlanKind.READ_UP, title, "Tick it when done.", Cause.OUT_OF_TOUCH))
    return spread(items, today, debrief.next_interview_on)


def spread(items: Sequence[PlanItem], today: date, next_interview: date | None) -> list[PlanItem]:
    """Gives each item a day from today up to the day before the interview, in order, evenly."""
    if next_interview is None or not items:
        return list(items)
    days = max(1, (next_interview - today).days)  # the interview is today: everything today
    count = len(items)
    return [
        replace(item, day=date.fromordinal(today.toordinal() + index * days // count))
        for index, item in enumerate(items)
    ]


def plan_with_progress(
    plan: Iterable[PlanItem], debrief: InterviewDebrief, records: Iterable[PracticeRecord]
) -> list[PlanItem]:
    """The plan with `done` read from the stored practice (and the hand ticks of read-up items)."""
    sessions = list(records)
    since = debrief.created_at
    result = []
    for item in plan:
        if item.kind.ticked_by_hand:
            done = item.key in debrief.ticked
        elif item.kind is PlanKind.FRIEND:
            done = _any_since(sessions, "friend", since)
        else:
            tag = plan_tag(debrief.id, item.key) if debrief.id is not None else None
            tagged = [r for r in sessions if tag in r.deck_ids]
            if item.kind is PlanKind.TRICKY_DECK:
                tagged += [
                    r for r in sessions if TRICKY_DECK_ID in r.deck_ids and (since is None or r.started_at >= since)
                ]
            answered = {_key(text) for r in tagged for text in r.answered}
            if item.kind is PlanKind.MIRROR and _any_since(sessions, "mirror", since):
                answered.add("a mirror session")  # the Mirror page's sessions count as well
            if item.kind is PlanKind.DECK:
                weak = {_key(i.text) for i in debrief.weak_items}
                done = bool(weak) and weak <= answered  # every question that went badly, answered again
            else:
                done = bool(answered)
        result.append(replace(item, done=done))
    return result


def _any_since(sessions: Sequence[PracticeRecord], mode: str, since: datetime | None) -> bool:
    return any(r.mode == mode and r.answered and (since is None or r.started_at >= since) for r in sessions)


def _shipped_entries(decks: Sequence[Deck]) -> list[DeckEntry]:
    return [_deck_entry(deck, question) for deck in decks for question in deck.questions]


def _deck_entry(deck: Deck, question: Question) -> DeckEntry:
    return DeckEntry(question.text, deck.target_for(question), question.id, deck.id, deck.language)


def _own_entry(text: str, question_id: str | None, deck_id: str | None, decks: Sequence[Deck]) -> DeckEntry:
    """The interview's question as practice: the deck's own when it was picked from one still here."""
    for deck in decks:
        if deck.id == deck_id and question_id is not None and deck.has_question(question_id):
            return _deck_entry(deck, deck.question(question_id))
    return DeckEntry(text.strip(), default_target(text))


def _questions(count: int) -> str:
    return "The question" if count == 1 else f"The {count} questions"


def _key(text: str) -> str:
    return " ".join(text.lower().split())
