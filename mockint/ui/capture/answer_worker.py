"""The background side of one answer: create its row, record it, then analyse and save it.

The worker lives for the whole answer: it opens the microphone (blocking until sound flows),
sleeps until the GUI says stop (or a fault or the app closing wakes it), then finishes the
pipeline, analyses the transcript and writes the report. None of that touches the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import UTC, datetime

from mockint.analysis_options import analysis_options
from mockint.core.analysis import analyze_answer
from mockint.core.errors import UserFacingError
from mockint.core.targets import TargetRange
from mockint.settings import Settings
from mockint.speech.answer_pipeline import AnswerPipeline, PipelineResult
from mockint.speech.devices import find_input_device
from mockint.app.answer_result import AnswerNotAnalysedError, CapturedAnswer
from mockint.ui.workers import Worker

log = logging.getLogger(__name__)

# Closing the app while answering: how long the words may still take before only the audio is
# saved. Recognition keeps pace with speech, so this is normally far more than needed, and it
# keeps the WorkerPool's shutdown wait short.
ABORT_RECOGNITION_WAIT_S = 1.5


@dataclass(frozen=True)
class AnswerRequest:
    session_id: int
    question_text: str
    target: TargetRange
    question_id: str | None
    deck_id: str | None
    attempt_of: int | None
    input_device: str | None  # Setting.INPUT_DEVICE: a device name, None for the default
    language: str


@dataclass(frozen=True)
class CaptureOutcome:
    answer: CapturedAnswer | None  # None when there is no report (no model, or the app closed first)
    errors: tuple[UserFacingError, ...] = ()  # each emitted as failed, after finished


class CaptureControl:
    """What the GUI thread (and the recorder's fault callback) tell the worker; any thread."""

    def __init__(self) -> None:
        self._wake = threading.Event()
        self.stop_requested = False
        self.aborted = False

    def stop(self) -> None:
        self.stop_requested = True
        self._wake.set()

    def abort(self) -> None:
        self.aborted = True
        self._wake.set()

    def fault(self, _error: UserFacingError) -> None:
        self._wake.set()

    def wait(self) -> None:
        self._wake.wait()


class AnswerWorker(Worker):
    """progress(answer_id) once audio flows; finished(CaptureOutcome | None); failed(error) before
    anything was recorded (no microphone, storage). Cancelling (the pool shutting down) aborts:
    what was recorded is still saved, within about ABORT_RECOGNITION_WAIT_S."""

    def __init__(
        self, request: AnswerRequest, store, settings: Settings, pipeline: AnswerPipeline, control: CaptureControl
    ) -> None:
        super().__init__()
        self._request = request
        self._store = store
        self._settings = settings
        self._pipeline = pipeline
        self._control = control

    def cancel(self) -> None:
        super().cancel()
        self._control.abort()

    def work(self) -> CaptureOutcome | None:
        request, store, control = self._request, self._store, self._control
        # Everything that can fail before recording does so first: no empty row, no open microphone.
        device = find_input_device(request.input_device)
        lexicon, thresholds = analysis_options(self._settings, request.language)
        if control.aborted:
            return None
        answer_id = store.add_answer(
            request.session_id,
            request.question_text,
            question_id=request.question_id,
            deck_id=request.deck_id,
            attempt_of=request.attempt_of,
            started_at=datetime.now(UTC),
        )
        try:
            self._pipeline.start(device, store.recordings.path_for(answer_id))
        except BaseException:
            _forget_answer(store, answer_id)
            raise
        self.progress.emit(answer_id)
        control.wait()
        result = self._pipeline.finish(give_up_after_s=ABORT_RECOGNITION_WAIT_S if control.aborted else None)
        return self._save(answer_id, result, lexicon, thresholds)

    def _save(self, answer_id: int, result: PipelineResult, lexicon, thresholds) -> CaptureOutcome:
        store, recording = self._store, result.recording
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
        report = analyze_answer(result.transcript, self._request.target, lexicon=lexicon, thresholds=thresholds)
        stored = {**report.to_dict(), "detail": report.detail_dict()}
        store.update_answer_report(answer_id, stored, words=result.transcript.words, duration_s=duration)
        answer = CapturedAnswer(answer_id, report, result.transcript, recording.path, duration, recording.error)
        return CaptureOutcome(answer, fault)


def _forget_answer(store, answer_id: int) -> None:
    """Removes the row of an answer whose recording never started (nothing to keep)."""
    try:
        store.delete_answer(answer_id)
    except UserFacingError:
        log.warning("could not remove the empty answer %d", answer_id, exc_info=True)
