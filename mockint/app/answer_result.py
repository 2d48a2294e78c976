"""What recording an answer hands back, and the errors it can end with beyond the speech layer's."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mockint.core.analysis import AnswerReport
from mockint.core.errors import NoModelError, UserFacingError
from mockint.core.words import Transcript
from mockint.speech.errors import AudioError


@dataclass(frozen=True)
class CapturedAnswer:
    """A recorded, analysed and saved answer."""

    answer_id: int
    report: AnswerReport
    transcript: Transcript  # every word with times from the start of the recording, hesitations included
    audio_path: Path  # the saved WAV in the recordings folder
    duration_s: float
    interrupted_by: UserFacingError | None = None  # a fault that ended the answer early (also sent as failed)


@dataclass(frozen=True)
class CaptureOutcome:
    """How an answer ended: the saved, analysed answer (None without a report), and what went wrong."""

    answer: CapturedAnswer | None  # None when there is no report (no model, or the app closed first)
    errors: tuple[UserFacingError, ...] = ()  # faults and "not analysed", for the user after the answer


class AnswerNotAnalysedError(NoModelError):
    """The answer was recorded and saved, but no speech model could turn it into words."""

    def __init__(self, answer_id: int, audio_path: Path, cause: BaseException | None) -> None:
        why = cause.user_message if isinstance(cause, UserFacingError) else "no speech model could be loaded."
        super().__init__(f"Your answer is recorded and saved, but it can't be analysed without a speech model. {why}")
        self.answer_id = answer_id
        self.audio_path = audio_path
        self.cause = cause


class UnexpectedCaptureError(AudioError):
    """Something the code did not foresee broke the capture; what was recorded is kept."""

    MESSAGE = (
        "Your answer could not be recorded because of an unexpected problem. "
        "Anything recorded so far is saved; please try again."
    )

    def __init__(self) -> None:
        super().__init__(self.MESSAGE)


def user_facing(error: BaseException) -> UserFacingError:
    """The error as the user may see it: typed errors as they are, anything else as a plain apology."""
    if isinstance(error, UserFacingError):
        return error
    wrapped = UnexpectedCaptureError()
    wrapped.__cause__ = error
    return wrapped
