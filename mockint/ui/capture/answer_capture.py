"""Recording one spoken answer from the Practice page: live meter and transcript, then the report.

AnswerCapture is the Qt face of `mockint.app.answer.AnswerTake`, the same for every practice
mode: the recording, recognition, analysis and saving run in an `AnswerWorker` on the context's
WorkerPool; the GUI thread only polls a few numbers on a 50 ms timer (level, elapsed, silence,
live text) and re-emits them, so no signal storm crosses threads and nothing here waits on
audio or disk.

Lifecycle: start() -> started -> level/elapsed/silence/partial while speaking -> stop() ->
finished(CapturedAnswer). A stop in the first second (MIN_ANSWER_S) is ignored unless meant. Faults mid-answer (device lost, disk full) end it early: what was
captured is analysed and saved, finished is emitted, then failed(error). Failures before any
audio (no microphone, storage) emit only failed, and leave no answer row behind.

Without a speech model: if the model is still loading, the answer is recorded and recognised
as soon as the model is ready (stop() then waits for it); if no model can be loaded, the audio
and the answer row are saved anyway and failed(AnswerNotAnalysedError) says why (it carries
answer_id and audio_path, so a report can be made once a model is installed).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from enum import Enum

import shiboken6
from PySide6.QtCore import QMetaObject, QObject, QTimer, Signal

from mockint.app.answer import AnswerRequest, AnswerTake, AskedQuestion
from mockint.app.answer_result import AnswerNotAnalysedError, CapturedAnswer, CaptureOutcome, user_facing
from mockint.core.errors import NoModelError, StorageError, UserFacingError
from mockint.core.targets import TargetRange
from mockint.settings import Setting
from mockint.speech.recognizer import SpeechModel
from mockint.store import Store
from mockint.ui.background import ResourceState
from mockint.ui.capture.answer_worker import AnswerWorker
from mockint.ui.context import AppContext

__all__ = ["AnswerCapture", "AnswerNotAnalysedError", "CapturedAnswer"]

log = logging.getLogger(__name__)

POLL_MS = 50  # level 20 times a second; elapsed and silence every other tick


class _Phase(Enum):
    IDLE = "idle"
    WAITING_FOR_STORE = "waiting_for_store"
    STARTING = "starting"  # the microphone is being opened
    RECORDING = "recording"
    FINISHING = "finishing"  # stopped; recognition, analysis and saving under way
    DONE = "done"


class AnswerCapture(QObject):
    started = Signal()  # audio is flowing; the answer timer starts now
    level = Signal(float)  # input level 0..1, about 20 per second
    elapsed = Signal(float)  # seconds since started, about 10 per second
    partial = Signal(str)  # live transcript text so far (committed words + current partial), when it changes
    silence = Signal(float)  # seconds of continuous silence so far, about 10 per second
    finished = Signal(object)  # CapturedAnswer: answer_id, report, transcript, audio_path, duration_s
    failed = Signal(object)  # a UserFacingError; what was recorded is kept

    def __init__(self, context: AppContext, request: AnswerRequest, parent: QObject | None = None) -> None:
        """`request.input_device` None means the device chosen in Settings."""
        super().__init__(parent)
        self._context = context
        if request.input_device is None:
            request = replace(request, input_device=context.settings.get(Setting.INPUT_DEVICE))
        self._request = request
        self._phase = _Phase.IDLE
        self._take = AnswerTake(request, context.settings)
        self._pipeline = self._take.pipeline
        self._worker: AnswerWorker | None = None
        self._answer_id: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._ticks = 0
        self._shown_text = ""
        self._store_links: list[QMetaObject.Connection] = []  # while waiting for the store to open
        self._model_links: list[QMetaObject.Connection] = []  # while waiting for the model to load
        # A page deleted mid-answer (without abort) must not leave the microphone open.
        self.destroyed.connect(self._take.cancel.cancel)

    @classmethod
    def for_question(
        cls,
        context: AppContext,
        *,
        session_id: int,
        question_text: str,
        target: TargetRange,
        question_id: str | None = None,
        deck_id: str | None = None,
        attempt_of: int | None = None,
        language: str = "en",  # the deck's language: which filler words count
        parent: QObject | None = None,
    ) -> AnswerCapture:
        question = AskedQuestion(question_text, target, question_id, deck_id, language)
        return cls(context, AnswerRequest(session_id, question, attempt_of), parent)

    @property
    def is_recording(self) -> bool:
        """True from start() until stop() or abort() (or a failure ends the answer)."""
        return self._phase in (_Phase.WAITING_FOR_STORE, _Phase.STARTING, _Phase.RECORDING) and not self._stopping

    @property
    def answer_id(self) -> int | None:
        """The saved answer's id, known once `started` was emitted."""
        return self._answer_id

    @property
    def request(self) -> AnswerRequest:
        return self._request

    @property
    def elapsed_s(self) -> float:
        """Seconds of audio recorded so far, read now: the answer's own clock (a friend's flags)."""
        return self._take.elapsed_s

    @property
    def _stopping(self) -> bool:
        return self._take.stopping

    @property
    def _aborted(self) -> bool:
        return self._take.cancel.cancelled

    def start(self) -> None:
        """Returns at once; `started` follows when the microphone delivers sound."""
        if self._phase is not _Phase.IDLE:
            raise RuntimeError("an AnswerCapture records one answer; make a new one for the next")
        self._phase = _Phase.WAITING_FOR_STORE
        self._hand_over_model()
        store = self._context.store
        if store.state is ResourceState.READY and store.value is not None:
            self._begin(store.value)
            return
        if store.state is ResourceState.UNAVAILABLE:
            # Signals never come from inside start(): the caller may still be setting up.
            error = store.error or StorageError("Your practice history could not be opened.")
            QTimer.singleShot(0, self, lambda: self._fail_before_start(error))
            return
        self._store_links = [store.ready.connect(self._begin), store.unavailable.connect(self._fail_before_start)]
        if store.state is ResourceState.IDLE:
            store.load()

    def stop(self, *, even_if_early: bool = False) -> bool:
        """Returns at once; finished(CapturedAnswer) follows once the answer is analysed and saved.

        False, and the answer goes on, for a stop within its first second (MIN_ANSWER_S, an
        accidental key press) unless `even_if_early` (the user moves on or ends the session).
        """
        if self._stopping or self._phase is _Phase.DONE:
            return True
        if not self._take.stop(even_if_early=even_if_early):
            return False
        self._end_live_updates()
        if self._phase is _Phase.RECORDING:
            self._phase = _Phase.FINISHING
        return True

    def abort(self) -> None:
        """The window is closing: stop and save what was recorded, without waiting here; no signals follow."""
        if self._phase is _Phase.DONE:
            return
        self._take.cancel.cancel()
        self._end_live_updates()
        self._disconnect_resources()
        self._stop_waiting_for_model()
        if self._phase in (_Phase.IDLE, _Phase.WAITING_FOR_STORE):
            self._phase = _Phase.DONE

    # -- resources

    def _hand_over_model(self) -> None:
        model = self._context.model
        if model.state is ResourceState.READY and model.value is not None:
            self._pipeline.provide_model(model.value)
        elif model.state is ResourceState.UNAVAILABLE:
            self._pipeline.model_unavailable(model.error or NoModelError("No speech model is installed."))
        else:
            # Still loading: record now, recognise once it is ready.
            self._model_links = [
                model.ready.connect(self._model_ready),
                model.unavailable.connect(self._model_unavailable),
            ]
            if model.state is ResourceState.IDLE:
                model.load()

    def _model_ready(self, value: SpeechModel) -> None:
        self._pipeline.provide_model(value)
        self._stop_waiting_for_model()

    def _model_unavailable(self, error: BaseException) -> None:
        self._pipeline.model_unavailable(error)
        self._stop_waiting_for_model()

    def _disconnect_resources(self) -> None:
        links, self._store_links = self._store_links, []
        for link in links:
            QObject.disconnect(link)

    # -- the worker

    def _begin(self, store: Store) -> None:
        self._disconnect_resources()
        if self._phase is not _Phase.WAITING_FOR_STORE or self._aborted:
            return
        self._phase = _Phase.STARTING
        self._worker = AnswerWorker(self._take, store)
        self._context.workers.start(
            self._worker,
            on_progress=self._recording_started,
            on_finished=self._worker_finished,
            on_failed=self._worker_failed,
        )

    def _recording_started(self, answer_id: int) -> None:
        if not self._alive():
            return
        self._answer_id = answer_id
        if self._stopping:
            self._phase = _Phase.FINISHING
            return
        self._phase = _Phase.RECORDING
        self.started.emit()
        self._ticks = 0
        self._timer.start()

    def _worker_finished(self, outcome: CaptureOutcome | None) -> None:
        if not self._alive():
            return
        self._phase = _Phase.DONE
        self._end_live_updates()
        if outcome is None or self._aborted:
            return
        if outcome.answer is not None:
            self.finished.emit(outcome.answer)
        for error in outcome.errors:
            self.failed.emit(error)

    def _worker_failed(self, error: BaseException) -> None:
        if not isinstance(error, UserFacingError):
            log.error("recording an answer failed", exc_info=(type(error), error, error.__traceback__))
        if not self._alive():
            return
        self._phase = _Phase.DONE
        self._end_live_updates()
        self._stop_waiting_for_model()
        if not self._aborted:
            self.failed.emit(user_facing(error))

    def _fail_before_start(self, error: BaseException) -> None:
        self._disconnect_resources()
        self._stop_waiting_for_model()
        if self._phase is _Phase.WAITING_FOR_STORE and not self._aborted:
            self._phase = _Phase.DONE
            self.failed.emit(user_facing(error))

    def _stop_waiting_for_model(self) -> None:
        links, self._model_links = self._model_links, []
        for link in links:
            QObject.disconnect(link)

    # -- live updates (GUI thread)

    def _poll(self) -> None:
        pipeline = self._pipeline
        self._ticks += 1
        self.level.emit(pipeline.level)
        if self._ticks % 2 == 0:
            self.elapsed.emit(pipeline.elapsed_s)
            self.silence.emit(pipeline.silence_s)
        text = pipeline.live_text
        if text != self._shown_text:
            self._shown_text = text
            self.partial.emit(text)

    def _end_live_updates(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.level.emit(0.0)

    def _alive(self) -> bool:
        # Callbacks may arrive after the page that owned this object was deleted.
        return shiboken6.isValid(self)
