"""One spoken answer, from microphone to stored report: the same code for every practice mode.

`AnswerTake` creates the answer's row, records it (through `speech.AnswerPipeline`), waits until
it is told to stop (or a fault or a cancel wakes it), then recognises, analyses and stores it.
It does not know who asked the question (the app, a friend, the mirror): a mode builds an
`AnswerRequest` and shows the live figures and the result in its own view.

Threads: `run()` blocks (a GUI worker, or the CLI's main thread, calls it); `stop()`, the cancel
token and the live figures (`level`, `elapsed_s`, `silence_s`, `live_text`) are safe from any
thread and return at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mockint.analysis_options import analysis_options
from mockint.app.answer_result import AnswerNotAnalysedError, CapturedAnswer, CaptureOutcome
from mockint.core.analysis import AnswerReport, Lexicon, Thresholds, analyze_answer
from mockint.core.cancel import CancelToken
from mockint.core.errors import UserFacingError
from mockint.core.interview_plan import Step
from mockint.core.targets import TargetRange
from mockint.core.words import Transcript
from mockint.settings import Settings
from mockint.speech.devices import find_input_device
from mockint.speech.thread_priority import lower_this_thread_priority
from mockint.store import Store

if TYPE_CHECKING:  # the pipeline brings numpy (~0.2 s): imported when an answer starts, not with the window
    from mockint.speech.answer_pipeline import AnswerPipeline, PipelineResult

log = logging.getLogger(__name__)

# Closing the app while answering: how long the words may still take before only the audio is
# saved. Recognition keeps pace with speech, so this is normally far more than needed, and it
# keeps the GUI's shutdown wait short.
ABORT_RECOGNITION_WAIT_S = 1.5

# A stop this soon after the microphone opened is an accident (Space pressed again as the think
# time ran out), not the end of an answer: it is ignored unless the stop says it is meant.
MIN_ANSWER_S = 1.0


@dataclass(frozen=True)
class AskedQuestion:
    """What was asked, by whoever asked it: the text, its target length, where it came from."""

    text: str
    target: TargetRange
    question_id: str | None = None
    deck_id: str | None = None
    language: str = "en"  # the deck's language: which filler words count

    @classmethod
    def of_step(cls, step: Step) -> AskedQuestion:
        return cls(step.text, step.target, step.question_id, step.deck_id, step.language)


@dataclass(frozen=True)
class AnswerRequest:
    """One answer to record: into which session, to what question, and as a retry of which answer."""

    session_id: int
    question: AskedQuestion
    attempt_of: int | None = None  # any earlier attempt at the same question; the store links the first
    input_device: str | None = None  # Setting.INPUT_DEVICE: a device name, None for the default


class AnswerTake:
    """Records, analyses and stores one answer; see the module's docstring for the threads."""

    def __init__(
        self,
        request: AnswerRequest,
        settings: Settings,
        *,
        pipeline: AnswerPipeline | None = None,
        cancel: CancelToken | None = None,
    ) -> None:
        """`pipeline` for a model handed over before the store is open, or test options."""
        self.request = request
        self._settings = settings
        self.cancel = cancel if cancel is not None else CancelToken()
        self._wake = threading.Event()
        self._stop_requested = False
        if pipeline is None:
            from mockint.speech.answer_pipeline import AnswerPipeline

            pipeline = AnswerPipeline(on_fault=self.fault)
        self.pipeline = pipeline
        self.cancel.on_cancel(self._wake.set)

    # -- any thread

    @property
    def level(self) -> float:
        return self.pipeline.level

    @property
    def elapsed_s(self) -> float:
        return self.pipeline.elapsed_s

    @property
    def silence_s(self) -> float:
        return self.pipeline.silence_s

    @property
    def live_text(self) -> str:
        return self.pipeline.live_text

    @property
    def stopping(self) -> bool:
        return self._stop_requested or self.cancel.cancelled

    def stop(self, *, even_if_early: bool = False) -> bool:
        """Ends the answer; False (and nothing happens) for a stop within MIN_ANSWER_S of the start.

        `even_if_early` for stops the user meant whatever the clock says (next question, end).
        """
        if not even_if_early and not self.stopping and self.pipeline.elapsed_s < MIN_ANSWER_S:
            return False
        self._stop_requested = True
        self._wake.set()
        return True

    def fault(self, _error: UserFacingError) -> None:
        """The recorder lost the device or the disk: finish with what was captured."""
        self._wake.set()

    # -- the worker's thread (blocking)

    def run(self, store: Store, on_recording: Callable[[int], None] | None = None) -> CaptureOutcome | None:
        """Records into `store` until stopped; None when cancelled before anything was recorded.

        `on_recording(answer_id)` is called once audio flows. Failures before recording (no
        microphone, storage) raise, and leave no answer row behind.
        """
        request = self.request
        # Everything that can fail before recording does so first: no empty row, no open microphone.
        device = find_input_device(request.input_device)
        lexicon, thresholds = analysis_options(self._settings, request.question.language)
        if self.cancel.cancelled:
            return None
        question = request.question
        answer_id = store.add_answer(
            request.session_id,
            question.text,
            question_id=question.question_id,
            deck_id=question.deck_id,
            attempt_of=request.attempt_of,
            started_at=datetime.now(UTC),
        )
        try:
            self.pipeline.start(device, store.recordings.path_for(answer_id))
        except BaseException:
            _forget_answer(store, answer_id)
            raise
        if on_recording is not None:
            on_recording(answer_id)
        self._wake.wait()
        aborted = self.cancel.cancelled
        # From here on this thread finishes, analyses and saves: work that must yield to the
        # window. (Not before: the recorder's and PortAudio's threads, started above, inherit it.)
        lower_this_thread_priority()
        result = self.pipeline.finish(give_up_after_s=ABORT_RECOGNITION_WAIT_S if aborted else None)
        return self._save(store, answer_id, result, lexicon, thresholds)

    def _save(
        self, store: Store, answer_id: int, result: PipelineResult, lexicon: Lexicon, thresholds: Thresholds
    ) -> CaptureOutcome:
        recording = result.recording
        duration = round(recording.duration_s, 3)
        # The audio first: whatever happens next, the answer keeps its recording.
        store.set_answer_audio(answer_id, recording.path, duration)
        fault = (recording.error,) if recording.error is not None else ()
        if result.transcript is None:
            if result.abandoned:
                return CaptureOutcome(None, fault)
            return CaptureOutcome(
                None, (*fault, AnswerNotAnalysedError(answer_id, recording.path, result.recognition_error))
            )
        report = analyse_and_store(
            store, answer_id, result.transcript, self.request.question.target, lexicon, thresholds, duration
        )
        answer = CapturedAnswer(answer_id, report, result.transcript, recording.path, duration, recording.error)
        return CaptureOutcome(answer, fault)


def analyse_and_store(
    store: Store,
    answer_id: int,
    transcript: Transcript,
    target: TargetRange,
    lexicon: Lexicon,
    thresholds: Thresholds,
    recording_s: float | None = None,
) -> AnswerReport:
    """Analyses a transcript and stores the typed report with the answer: live, recovered or re-run."""
    report = analyze_answer(transcript, target, lexicon=lexicon, thresholds=thresholds)
    store.update_answer_report(answer_id, report, duration_s=recording_s)
    return report


def _forget_answer(store: Store, answer_id: int) -> None:
    """Removes the row of an answer whose recording never started (nothing to keep)."""
    try:
        store.delete_answer(answer_id)
    except UserFacingError:
        log.warning("could not remove the empty answer %d", answer_id, exc_info=True)


def recording_of(store: Store, audio_path: str | None) -> Path | None:
    """An answer's recording on disk, or None when it has none (or it is gone)."""
    if not audio_path:
        return None
    path = store.recordings.resolve(audio_path)
    return path if path is not None and path.is_file() else None
