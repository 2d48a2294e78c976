"""What a question deck is: the frozen data every mode (solo, mirror, friend, debrief) reads.

Decks are built only by the parsers in `deck_parse` and `deck_csv`, which enforce the rules
below; the dataclasses themselves stay plain so they are cheap to build and compare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from mockint.core.targets import TargetRange

# Deck files are hand-written text; anything larger is a mistake (or a hostile file), and
# refusing it before parsing keeps a bad file from stalling the app.
MAX_DECK_BYTES = 1_000_000

# A target longer than this is a typo (minutes for seconds) rather than an interview answer.
MAX_TARGET_S = 1800.0

MAX_FOLLOW_UPS = 3

# Lists (tags, follow-ups) share one spreadsheet cell in CSV, joined by this.
CSV_LIST_SEPARATOR = " | "

DEFAULT_LANGUAGE = "en"


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    category: str
    difficulty: Difficulty
    tags: tuple[str, ...] = ()
    target_s: TargetRange | None = None
    follow_ups: tuple[str, ...] = ()
    good_answer: str = ""


@dataclass(frozen=True, slots=True)
class Deck:
    id: str
    name: str
    description: str
    language: str
    default_target: TargetRange
    questions: tuple[Question, ...]
    # Where the deck came from (a file path, or a label such as "<csv>"); it says nothing about
    # the content, so two decks read from different files with the same content compare equal.
    source: str = field(default="", compare=False)

    def target_for(self, question: Question) -> TargetRange:
        """The question's own target, or the deck's default when it has none."""
        return question.target_s if question.target_s is not None else self.default_target

    def question(self, question_id: str) -> Question:
        """The question with this id; KeyError when the deck has none (e.g. it was edited since)."""
        for candidate in self.questions:
            if candidate.id == question_id:
                return candidate
        raise KeyError(question_id)

    def has_question(self, question_id: str) -> bool:
        return any(candidate.id == question_id for candidate in self.questions)


def deck_id_from(text: str) -> str:
    """A file-name-safe deck id from a name or file name ("Friend's deck (v2)" -> "friend-s-deck-v2")."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:60].strip("-")
