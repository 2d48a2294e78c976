"""A deck being edited: every field as the person typed it, checked by the deck file's own rules.

The editor never validates on its own. It writes the draft as the TOML file it would save and
runs `check_deck` on it (what `mockint deck validate` runs), so the messages are the same word
for word; each message's line is mapped back to the field that produced it. A draft with a
problem has no TOML to save (`saved_text` raises), so a broken deck is never written.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from mockint.core.decks.model import DEFAULT_LANGUAGE, Deck, Difficulty, Question
from mockint.core.decks.parse import check_deck
from mockint.core.decks.toml import seconds, toml_string
from mockint.core.errors import DeckError
from mockint.core.targets import GENERAL, TargetRange

# The fields of a question in the order the editor shows them (and the file holds them).
QUESTION_FIELDS = ("id", "text", "category", "difficulty", "tags", "target_s", "follow_ups", "good_answer")
DECK_FIELDS = ("name", "description", "language", "default_target_s")


@dataclass(frozen=True, slots=True)
class FieldRef:
    """Where a problem is: a deck field (`question` None) or a field of the question at that index."""

    question: int | None
    key: str | None  # None: the question (or deck) as a whole


@dataclass(frozen=True, slots=True)
class DraftProblem:
    where: FieldRef
    message: str  # the sentence `mockint deck validate` prints, without file and line

    def __str__(self) -> str:
        if self.where.question is None:
            return self.message
        return f"question {self.where.question + 1}: {self.message}"


@dataclass(slots=True)
class QuestionDraft:
    """One question as typed: tags comma-separated, follow-ups one a line, target as two numbers
    (both empty: the deck's default)."""

    id: str = ""
    text: str = ""
    category: str = "general"
    difficulty: str = Difficulty.MEDIUM.value
    tags: str = ""
    target_min: str = ""
    target_max: str = ""
    follow_ups: str = ""
    good_answer: str = ""

    @classmethod
    def of(cls, question: Question) -> QuestionDraft:
        target = question.target_s
        return cls(
            id=question.id,
            text=question.text,
            category=question.category,
            difficulty=question.difficulty.value,
            tags=", ".join(question.tags),
            target_min="" if target is None else seconds(target.min_s),
            target_max="" if target is None else seconds(target.max_s),
            follow_ups="\n".join(question.follow_ups),
            good_answer=question.good_answer,
        )


@dataclass(slots=True)
class DeckDraft:
    name: str = ""
    description: str = ""
    language: str = DEFAULT_LANGUAGE
    target_min: str = seconds(GENERAL.min_s)
    target_max: str = seconds(GENERAL.max_s)
    questions: list[QuestionDraft] = field(default_factory=list)

    @classmethod
    def of(cls, deck: Deck, *, name: str | None = None) -> DeckDraft:
        return cls(
            name=deck.name if name is None else name,
            description=deck.description,
            language=deck.language,
            target_min=seconds(deck.default_target.min_s),
            target_max=seconds(deck.default_target.max_s),
            questions=[QuestionDraft.of(q) for q in deck.questions],
        )

    # ----- editing the list of questions

    def add_question(self, at: int | None = None) -> int:
        """Adds an empty question with an id no other has (after `at`, else at the end); its index."""
        taken = {q.id for q in self.questions}
        number = len(self.questions) + 1
        while f"question-{number}" in taken:
            number += 1
        position = len(self.questions) if at is None else max(0, min(at + 1, len(self.questions)))
        self.questions.insert(position, QuestionDraft(id=f"question-{number}"))
        return position

    def remove_question(self, index: int) -> None:
        del self.questions[index]

    def move_question(self, index: int, to: int) -> int:
        """Moves a question to position `to` (clamped); returns where it landed."""
        to = max(0, min(to, len(self.questions) - 1))
        self.questions.insert(to, self.questions.pop(index))
        return to

    def copy(self) -> DeckDraft:
        return replace(self, questions=[replace(q) for q in self.questions])

    # ----- checking and saving

    def check(self, deck_id: str = "draft", source: str = "draft") -> tuple[Deck | None, list[DraftProblem]]:
        """The deck this draft makes and no problems, or None and every problem, each at its field."""
        text, where_by_line = self._toml()
        deck, errors = check_deck(text, source, deck_id)
        return deck, [_problem(error, where_by_line) for error in errors]

    def text(self) -> str:
        """The TOML file this draft makes, valid or not (what the checks read)."""
        return self._toml()[0]

    def problems(self) -> list[DraftProblem]:
        return self.check()[1]

    def saved_text(self, deck_id: str, source: str) -> str:
        """The TOML to save; DeckError (the first problem, at its line) when the draft is not valid."""
        text, _ = self._toml()
        deck, errors = check_deck(text, source, deck_id)
        if errors:
            raise errors[0]
        return text

    def _toml(self) -> tuple[str, dict[int, FieldRef]]:
        lines: list[str] = []
        where: dict[int, FieldRef] = {}

        def put(ref: FieldRef, line: str) -> None:
            lines.append(line)
            where[len(lines)] = ref

        put(FieldRef(None, "name"), f"name = {toml_string(self.name)}")
        put(FieldRef(None, "description"), f"description = {toml_string(self.description)}")
        put(FieldRef(None, "language"), f"language = {toml_string(self.language.strip())}")
        put(FieldRef(None, "default_target_s"), f"default_target_s = {_pair(self.target_min, self.target_max)}")
        if not self.questions:
            put(FieldRef(None, None), "questions = []")
        for index, question in enumerate(self.questions):
            lines.append("")
            put(FieldRef(index, None), "[[questions]]")
            put(FieldRef(index, "id"), f"id = {toml_string(question.id.strip())}")
            put(FieldRef(index, "text"), f"text = {toml_string(question.text)}")
            put(FieldRef(index, "category"), f"category = {toml_string(question.category.strip())}")
            put(FieldRef(index, "difficulty"), f"difficulty = {toml_string(question.difficulty)}")
            put(FieldRef(index, "tags"), f"tags = {_list(_split(question.tags.split(',')))}")
            if question.target_min.strip() or question.target_max.strip():
                put(FieldRef(index, "target_s"), f"target_s = {_pair(question.target_min, question.target_max)}")
            follow_ups = _split(question.follow_ups.splitlines())
            if follow_ups:
                put(FieldRef(index, "follow_ups"), f"follow_ups = {_list(follow_ups)}")
            put(FieldRef(index, "good_answer"), f"good_answer = {toml_string(question.good_answer)}")
        return "\n".join(lines) + "\n", where


def default_target_of(draft: DeckDraft) -> TargetRange | None:
    """The draft's default target when it is valid (for showing "deck default" hints)."""
    try:
        return TargetRange(float(draft.target_min), float(draft.target_max))
    except ValueError:
        return None


def _problem(error: DeckError, where_by_line: dict[int, FieldRef]) -> DraftProblem:
    ref = where_by_line.get(error.line) if error.line is not None else None
    return DraftProblem(ref or FieldRef(None, None), error.problem)


def _split(items: Iterable[str]) -> list[str]:
    return [item.strip() for item in items if item.strip()]


def _list(values: list[str]) -> str:
    return "[" + ", ".join(toml_string(v) for v in values) + "]"


def _pair(low: str, high: str) -> str:
    """Two numbers as TOML; text that is not a number stays text so the deck's rule names it."""
    return "[" + ", ".join(_number(v) for v in (low, high) if v.strip()) + "]"


def _number(typed: str) -> str:
    try:
        value = float(typed.strip())
    except ValueError:
        return toml_string(typed.strip())
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return seconds(value)
