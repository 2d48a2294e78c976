"""Where a solo session stands (Phase), and the plain pieces the flow hands around."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the outcome's module brings the analysis: the Practice page's first frame does not need it
    from mockint.app.outcome import AnswerOutcome


class Phase(StrEnum):
    IDLE = "idle"  # no session
    STARTING = "starting"  # creating the session row
    READING = "reading"  # the interviewer reads the question aloud
    THINKING = "thinking"  # think time before the answer
    PREPARING = "preparing"  # the microphone is being opened
    RECORDING = "recording"
    SAVING = "saving"  # the answer was stopped; its report is on its way
    REPORT = "report"  # the short report after an answer is shown
    PROBLEM = "problem"  # the answer could not be recorded; try again, skip or end
    ENDING = "ending"  # closing the session row
    DONE = "done"  # the summary is shown


class AfterSave(StrEnum):
    CONTINUE = "continue"  # the usual: report (if wanted), then the next step (maybe a follow-up)
    NEXT_QUESTION = "next_question"  # N while answering: straight on, no follow-up, no report
    END = "end"  # Esc while answering: the session ends once the answer is saved


@dataclass(frozen=True)
class SessionResult:
    session_id: int | None
    outcomes: tuple[AnswerOutcome, ...]
