"""What a debrief of a real interview holds, and the stories a candidate keeps ready.

Plain frozen data. `problems()` on each says, in sentences for the user, what keeps it from being
saved (an empty debrief, a question with no text, a story with only a title); nothing broken is
ever stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class InterviewFormat(StrEnum):
    PHONE = "phone"
    VIDEO = "video"
    IN_PERSON = "in_person"
    PANEL = "panel"

    @property
    def label(self) -> str:
        return {"phone": "Phone", "video": "Video", "in_person": "In person", "panel": "Panel"}[self.value]


class InterviewerManner(StrEnum):
    WARM = "warm"
    NEUTRAL = "neutral"
    COLD = "cold"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class HowItWent(StrEnum):
    FINE = "fine"
    SHAKY = "shaky"
    BLEW_IT = "blew_it"

    @property
    def label(self) -> str:
        return {"fine": "Fine", "shaky": "Shaky", "blew_it": "Blew it"}[self.value]

    @property
    def is_weak(self) -> bool:
        return self is not HowItWent.FINE


class Cause(StrEnum):
    """What went wrong with an answer: the usual reasons an interview goes badly."""

    UNEXPECTED = "unexpected"
    WENT_BLANK = "went_blank"
    NO_EXAMPLE = "no_example"
    RAMBLED = "rambled"
    NERVES = "nerves"
    COLD_INTERVIEWER = "cold_interviewer"
    DISTRACTIONS = "distractions"
    OUT_OF_TOUCH = "out_of_touch"

    @property
    def label(self) -> str:
        return _CAUSE_LABELS[self]


_CAUSE_LABELS = {
    Cause.UNEXPECTED: "A tricky or unexpected question",
    Cause.WENT_BLANK: "Went blank",
    Cause.NO_EXAMPLE: "No example ready",
    Cause.RAMBLED: "Rambled",
    Cause.NERVES: "Nerves",
    Cause.COLD_INTERVIEWER: "A cold interviewer",
    Cause.DISTRACTIONS: "Distractions",
    Cause.OUT_OF_TOUCH: "Out of touch after a break",
}


class NoteTone(StrEnum):
    BRIEF = "brief"
    WARM = "warm"


@dataclass(frozen=True, slots=True)
class DebriefItem:
    """One question asked in the interview, how it went and why.

    `question_id`/`deck_id` when it was picked from a deck; `story_id` when a story answers it.
    """

    text: str
    how: HowItWent | None = None
    causes: tuple[Cause, ...] = ()
    note: str = ""
    question_id: str | None = None
    deck_id: str | None = None
    story_id: int | None = None

    @property
    def is_weak(self) -> bool:
        return self.how is not None and self.how.is_weak


@dataclass(frozen=True, slots=True)
class FollowUpDraft:
    """The follow-up note as the user last left it, saved with the debrief."""

    text: str = ""
    tone: NoteTone = NoteTone.BRIEF
    strengths: tuple[str, ...] = ()
    built_from_answer: int | None = None  # the practice attempt its answer sentences came from


@dataclass(frozen=True, slots=True)
class InterviewDebrief:
    """Notes on one real interview; `id` is None until saved."""

    company: str = ""
    role: str = ""
    happened_on: date | None = None
    format: InterviewFormat | None = None
    manner: InterviewerManner | None = None
    items: tuple[DebriefItem, ...] = ()
    note: str = ""
    next_interview_on: date | None = None
    ticked: tuple[str, ...] = ()  # plan items ticked by hand (the read-up ones): their keys
    follow_up: FollowUpDraft = field(default_factory=FollowUpDraft)
    id: int | None = None
    created_at: datetime | None = None

    @property
    def weak_items(self) -> tuple[DebriefItem, ...]:
        return tuple(item for item in self.items if item.is_weak)

    @property
    def title(self) -> str:
        """How lists name it: "Acme, Backend engineer (2026-11-28)"."""
        who = ", ".join(part for part in (self.company.strip(), self.role.strip()) if part) or "An interview"
        return f"{who} ({self.happened_on.isoformat()})" if self.happened_on else who

    def problems(self, today: date) -> list[str]:
        """Why this debrief cannot be saved as it is; empty when it can."""
        found: list[str] = []
        if not (self.company.strip() or self.role.strip() or self.items or self.note.strip()):
            found.append("Add the company, the role or a question asked before it can be saved.")
        for number, item in enumerate(self.items, start=1):
            if not item.text.strip():
                found.append(f"Question {number} has no text: type the question or remove it.")
        if self.next_interview_on is not None and self.next_interview_on < today:
            found.append(
                f"The next interview date {self.next_interview_on.isoformat()} is in the past: "
                "give a date from today on, or clear it."
            )
        return found


STAR_FIELDS = ("situation", "task", "action", "result")


@dataclass(frozen=True, slots=True)
class Story:
    """An example the candidate keeps ready, in STAR parts, with the skills it shows."""

    title: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    skills: tuple[str, ...] = ()
    id: int | None = None

    def problems(self) -> list[str]:
        found: list[str] = []
        if not self.title.strip():
            found.append("Give the story a title.")
        missing = [name for name in ("situation", "action", "result") if not getattr(self, name).strip()]
        if missing:
            found.append(f"Add the {_joined(missing)}: a story needs more than its title.")
        return found

    def notes(self) -> str:
        """What the candidate sees while thinking: each STAR part on its own line."""
        lines = [
            f"{name.capitalize()}: {getattr(self, name).strip()}" for name in STAR_FIELDS if getattr(self, name).strip()
        ]
        if self.skills:
            lines.append("Shows: " + ", ".join(self.skills))
        return "\n".join(lines)


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
