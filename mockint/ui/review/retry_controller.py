""" "Try again": records a new attempt at a reviewed question, linked to the first attempt.

Attempts belong to their question and to the session of its first attempt
(`mockint.app.practice.retry_request`): practising a question again is not a new session in
History, the charts or `mockint history`, and a session's figures count its first attempts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from mockint.app.answer import AnswerRequest, AskedQuestion
from mockint.app.practice import retry_request
from mockint.app.review import ReviewedAnswer
from mockint.settings import Setting
from mockint.ui.capture.answer_capture import AnswerCapture, CapturedAnswer
from mockint.ui.context import AppContext
from mockint.ui.workers import FunctionWorker

# Silence as long as the whole recording means nothing was said yet: thinking, not finished.
SPOKE_MARGIN_S = 0.5


class RetryController(QObject):
    preparing = Signal()  # the microphone is being opened
    recording = Signal()  # audio flows: the answer timer runs
    level = Signal(float)  # 0..1
    elapsed = Signal(float)  # seconds
    finishing = Signal()  # stopped; recognising and saving
    finished = Signal(object, object)  # (CapturedAnswer, the ReviewedAnswer it is a retry of)
    failed = Signal(object)  # a UserFacingError for the user
    ended = Signal()  # the attempt is over, saved or not

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._capture: AnswerCapture | None = None
        self._base: ReviewedAnswer | None = None
        self._active = False
        self._elapsed_s = 0.0

    @property
    def is_active(self) -> bool:
        return self._active

    def start(self, base: ReviewedAnswer) -> None:
        """Begins recording a new attempt at `base`'s question (returns at once)."""
        if self._active:
            return
        self._active, self._base, self._elapsed_s = True, base, 0.0
        self.preparing.emit()
        store = self._context.store.value
        if store is None:
            self._fail(self._context.store.error or RuntimeError("the store is not open"))
            return
        answer = base.answer
        question = AskedQuestion(answer.question_text, base.target, answer.question_id, answer.deck_id)
        self._context.workers.start(
            FunctionWorker(retry_request, store, answer, question),
            on_finished=self._record,
            on_failed=self._fail,
        )

    def _record(self, request: AnswerRequest) -> None:
        if not self._active:
            return  # aborted while the first attempt was being looked up
        if self._capture is not None:
            self._capture.deleteLater()  # the previous attempt's, long finished
        capture = AnswerCapture(self._context, request, self)
        self._capture = capture
        capture.started.connect(self.recording)
        capture.level.connect(self.level)
        capture.elapsed.connect(self._elapsed)
        capture.silence.connect(self._silence)
        capture.finished.connect(self._finished)
        capture.failed.connect(self._fail)
        capture.start()

    def _elapsed(self, seconds: float) -> None:
        self._elapsed_s = seconds
        self.elapsed.emit(seconds)

    def _silence(self, seconds: float) -> None:
        """Stops after the user's usual stretch of silence (Settings), once they have said something."""
        limit = float(self._context.settings.get(Setting.SILENCE_STOP_S) or 0)
        spoke = seconds < self._elapsed_s - SPOKE_MARGIN_S
        if limit > 0 and spoke and seconds >= limit:
            self.stop()

    def stop(self) -> None:
        """Stops recording; finished(...) follows once the attempt is analysed and saved.

        Ignored in the attempt's first second (MIN_ANSWER_S): a second press of the key that started it.
        """
        if self._capture is not None and self._capture.is_recording and self._capture.stop():
            self.finishing.emit()

    def abort(self) -> None:
        """The window is closing: keep what was recorded, wait for nothing."""
        if self._capture is not None:
            self._capture.abort()
        self._active = False

    def _finished(self, captured: CapturedAnswer) -> None:
        self._active = False
        self.finished.emit(captured, self._base)
        self.ended.emit()

    def _fail(self, error: Any) -> None:
        was_active = self._active
        self._active = False
        self.failed.emit(error)
        if was_active:
            self.ended.emit()
