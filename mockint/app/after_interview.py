"""After a real interview, Qt-free: what the "After an interview" page reads and writes.

Every function here touches the store: call it from a worker (the page) or directly (the CLI,
tests). The pure parts (deck, plan, note, progress) are in `core/debrief/`; this module reads
what they need from the store, and starts the practice sessions that tick plan items off.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from mockint.app.answer import AskedQuestion
from mockint.app.attempt_changes import compare_attempts
from mockint.app.practice import PracticeSession
from mockint.core.analysis import Thresholds, analyze_answer
from mockint.core.debrief.compare import structure_changes
from mockint.core.debrief.model import InterviewDebrief, NoteTone, Story
from mockint.core.debrief.note import FollowUpNote, NoteInput, NoteSource, build_note
from mockint.core.debrief.plan import (
    STORY_TARGET,
    DeckEntry,
    PlanItem,
    PracticeRecord,
    build_deck,
    build_plan,
    plan_tag,
    plan_with_progress,
)
from mockint.core.debrief.progress import AnswerRecord, ProgressSummary, summarise
from mockint.core.decks import Deck
from mockint.core.session import LENGTH_OK, Answer, PracticeMode
from mockint.core.targets import default_target
from mockint.core.transcript_parse import transcript_from_text
from mockint.store import Store
from mockint.store.errors import UnknownAnswerError

STORY_QUESTION_PREFIX = "Tell me about a time: "


@dataclass(frozen=True)
class PracticeHistory:
    """The stored practice as the plan and the progress page read it."""

    records: tuple[PracticeRecord, ...]
    answers: tuple[AnswerRecord, ...]


@dataclass(frozen=True)
class DebriefPlan:
    deck: tuple[DeckEntry, ...]
    items: tuple[PlanItem, ...]
    gone: tuple[str, ...]  # what a link points at that is no longer there, in sentences

    @property
    def open_items(self) -> tuple[PlanItem, ...]:
        return tuple(item for item in self.items if not item.done)


def practice_history(store: Store) -> PracticeHistory:
    records: list[PracticeRecord] = []
    answers: list[AnswerRecord] = []
    for overview in reversed(store.list_sessions()):
        session = overview.session
        stored = store.answers_for_session(session.id)
        ratings = store.ratings_for_session(session.id) if session.mode is PracticeMode.FRIEND else {}
        analysed = [a for a in stored if a.report is not None]
        records.append(
            PracticeRecord(
                session.started_at, session.mode.value, session.deck_ids, tuple(a.question_text for a in analysed)
            )
        )
        for answer in analysed:
            report = answer.report
            assert report is not None
            verdict = report.length.verdict
            rating = ratings.get(answer.id)
            answers.append(
                AnswerRecord(
                    session_id=session.id,
                    started_at=session.started_at,
                    question=answer.question_text,
                    fillers_per_min=report.metrics.fillers_per_min,
                    wpm=report.metrics.wpm,
                    within_target=None if verdict is None else verdict.value == LENGTH_OK,
                    evidence=len(report.evidence),
                    star_parts=len(report.star.parts_present),
                    strengths=tuple(item.message for item in report.strengths),
                    ratings={} if rating is None else {c.value: s for c, s in rating.scores.items()},
                )
            )
    return PracticeHistory(tuple(records), tuple(answers))


def debrief_plan(
    debrief: InterviewDebrief,
    decks: Sequence[Deck],
    history: PracticeHistory,
    today: date,
    stories: Sequence[Story],
    store: Store | None = None,
) -> DebriefPlan:
    """The deck and the plan, each item ticked from the stored practice; and what links are gone."""
    plan = build_plan(debrief, decks, today)
    items = plan_with_progress(plan, debrief, history.records)
    gone = missing_links(debrief, decks, stories, store)
    return DebriefPlan(tuple(build_deck(debrief, decks)), tuple(items), tuple(gone))


def missing_links(
    debrief: InterviewDebrief, decks: Sequence[Deck], stories: Sequence[Story], store: Store | None = None
) -> list[str]:
    deck_ids = {deck.id for deck in decks}
    story_ids = {story.id for story in stories}
    gone: list[str] = []
    for number, item in enumerate(debrief.items, start=1):
        if item.deck_id and item.deck_id not in deck_ids:
            gone.append(
                f"Question {number} came from the deck \u201c{item.deck_id}\u201d, which is gone; its text is kept."
            )
        if item.story_id is not None and item.story_id not in story_ids:
            gone.append(f"The story linked to question {number} was deleted; the link is shown as gone.")
    built_from = debrief.follow_up.built_from_answer
    if store is not None and built_from is not None and not _answer_exists(store, built_from):
        gone.append("The practice answer the follow-up note was built from was deleted; the note's text is kept.")
    return gone


def _answer_exists(store: Store, answer_id: int) -> bool:
    try:
        store.get_answer(answer_id)
    except UnknownAnswerError:
        return False
    return True


def start_plan_practice(store: Store, debrief: InterviewDebrief, item: PlanItem) -> PracticeSession:
    """A session practising `item`: tagged with it, which is what ticks the item off."""
    assert debrief.id is not None, "a plan belongs to a saved debrief"
    mode = PracticeMode.MIRROR if item.key == "mirror" else PracticeMode.SOLO
    return PracticeSession.start(store, mode, deck_ids=(plan_tag(debrief.id, item.key),), title=item.title)


def asked(entry: DeckEntry) -> AskedQuestion:
    return AskedQuestion(entry.text, entry.target, entry.question_id, entry.deck_id, entry.language)


def story_question(story: Story) -> AskedQuestion:
    """ "Practise this story": a solo answer against a 60-120 s target."""
    return AskedQuestion(f"{STORY_QUESTION_PREFIX}{story.title.strip()}", STORY_TARGET)


def start_story_practice(store: Store, story: Story) -> PracticeSession:
    return PracticeSession.start(
        store, PracticeMode.SOLO, deck_ids=(f"story-{story.id}",), title=f"Story: {story.title}"
    )


def best_attempt(store: Store, question_text: str) -> Answer | None:
    """The user's best analysed answer to the question: within its length, most evidence, fewest fillers."""
    analysed = [a for a in store.answers_to(question_text) if a.report is not None and a.words]
    if not analysed:
        return None

    def score(answer: Answer) -> tuple[bool, int, float]:
        report = answer.report
        assert report is not None
        ok = report.length.verdict is not None and report.length.verdict.value == LENGTH_OK
        return ok, len(report.evidence), -(report.metrics.fillers_per_min or 0.0)

    return max(analysed, key=score)


def draft_follow_up(
    store: Store,
    debrief: InterviewDebrief,
    *,
    tone: NoteTone,
    strengths: Sequence[str],
    interviewers: str = "",
) -> tuple[FollowUpNote, int | None]:
    """The note and the answer its sentences came from (None: the user's typed note, or none).

    The weakest answer is the first that went "blew it", else "shaky"; its words come from the
    best practice attempt, else from what the user typed about it.
    """
    weak = sorted(debrief.weak_items, key=lambda i: 0 if i.how is not None and i.how.value == "blew_it" else 1)
    question = weak[0] if weak else None
    attempt = best_attempt(store, question.text) if question else None
    report, source = (attempt.report, NoteSource.TRANSCRIPT) if attempt is not None else (None, NoteSource.USER)
    if report is None and question is not None and question.note.strip():
        typed = transcript_from_text(question.note)
        report = analyze_answer(typed, default_target(question.text))
    note = build_note(
        NoteInput(
            company=debrief.company,
            role=debrief.role,
            interviewers=interviewers,
            weak_question=question.text if question else "",
            best_attempt=report,
            attempt_source=source,
            strengths=tuple(strengths),
            tone=tone,
        )
    )
    return note, attempt.id if attempt is not None else None


def strength_choices(stories: Sequence[Story]) -> list[str]:
    """What the user may pick two strengths from: their stories' skills, then a short list."""
    found: list[str] = []
    for story in stories:
        for skill in story.skills:
            if skill.strip() and skill.strip().lower() not in {f.lower() for f in found}:
                found.append(skill.strip())
    for default in ("a calm approach under pressure", "clear communication", "ownership of results", "quick learning"):
        if default not in found:
            found.append(default)
    return found


@dataclass(frozen=True)
class AttemptComparison:
    question: str
    first: Answer
    latest: Answer
    changes: tuple[str, ...]


def compare_first_and_latest(store: Store, question_text: str, thresholds: Thresholds) -> AttemptComparison | None:
    """The first and latest analysed attempts at a question, across sessions; None with fewer than two."""
    analysed = [a for a in store.answers_to(question_text) if a.report is not None]
    if len(analysed) < 2:
        return None
    first, latest = analysed[0], analysed[-1]
    assert first.report is not None and latest.report is not None
    changes = [c.sentence for c in compare_attempts(first.report, latest.report, thresholds)]
    return AttemptComparison(
        question_text, first, latest, tuple(changes + structure_changes(first.report, latest.report))
    )


def questions_answered_more_than_once(store: Store, history: PracticeHistory | None = None) -> list[str]:
    """Questions with two or more analysed answers, most answered first: what Compare offers."""
    history = history or practice_history(store)
    counts: dict[str, int] = {}
    for record in history.answers:
        counts[record.question] = counts.get(record.question, 0) + 1
    return sorted((q for q, n in counts.items() if n >= 2), key=lambda q: -counts[q])


def progress(
    store: Store, decks: Sequence[Deck], today: date, history: PracticeHistory | None = None
) -> ProgressSummary:
    """The big picture: trends over all the stored practice, and the next thing from open plan items."""
    history = history or practice_history(store)
    stories = store.stories()
    open_items: list[str] = []
    for debrief in store.interview_debriefs():
        plan = debrief_plan(debrief, decks, history, today, stories)
        open_items += [item.title for item in plan.open_items]
    return summarise(history.answers, today, open_items)


def with_ticked(debrief: InterviewDebrief, key: str, ticked: bool) -> InterviewDebrief:
    keys = [k for k in debrief.ticked if k != key] + ([key] if ticked else [])
    return replace(debrief, ticked=tuple(keys))


@dataclass(frozen=True)
class PageData:
    """Everything the "After an interview" page shows, read in one go (in a worker)."""

    debriefs: tuple[InterviewDebrief, ...]
    stories: tuple[Story, ...]
    plan: DebriefPlan | None  # of the debrief being edited, once it is saved
    progress: ProgressSummary
    compare_questions: tuple[str, ...]
    strengths: tuple[str, ...]
    warnings: tuple[str, ...]  # the damaged rows these reads skipped, each once, for the page's notice


def load_page_data(store: Store, decks: Sequence[Deck], debrief_id: int | None, today: date) -> PageData:
    # The warnings of these reads are the page's alone: History, loading at the same time on
    # another thread, keeps its own (and the store's shared list is the command line's).
    with store.warnings_collected() as warnings:
        debriefs = store.interview_debriefs()
        stories = store.stories()
        history = practice_history(store)
        current = next((d for d in debriefs if d.id == debrief_id), None)
        plan = debrief_plan(current, decks, history, today, stories, store) if current is not None else None
        figures = progress(store, decks, today, history)
        compared = tuple(questions_answered_more_than_once(store, history))
    return PageData(
        tuple(debriefs),
        tuple(stories),
        plan,
        figures,
        compared,
        tuple(strength_choices(stories)),
        tuple(dict.fromkeys(warnings)),  # a session's answers are read more than once
    )
