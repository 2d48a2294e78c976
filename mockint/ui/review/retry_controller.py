""" "Try again": records a new attempt at a reviewed question, linked to the first attempt.

New attempts go into one "Try again" session per visit to the Review page (created on the
first retry), so practising again shows up as today's practice in the history instead of
changing the figures of the session being reviewed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from mockint.core.session import PracticeMode
from mockint.settings import Setting
from mockint.ui.capture.answer_capture import AnswerCapture, CapturedAnswer
from mockint.ui.context import AppContext
from mockint.app.review import ReviewedAnswer
from mockint.ui.workers import FunctionWorker

RETRY_SESSION_TITLE = "Try again"
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
        self._session_id: int | None = None
        self._capture: AnswerCapture | None = None
        self._base: ReviewedAnswer | None = None
        self._active = False
        self._elapsed_s = 0.0

    @property
    def is_active(self) -> bool:
        return self._active

    @property
    def session_id(self) -> int | None:
        return self._session_id

    @property
    def capture(self) -> AnswerCapture | None:
        return self._capture

    def start(self, base: ReviewedAnswer) -> None:
        """Begins recording a new attempt at `base`'s question (returns at once)."""
        if self._active:
            return
        self._active, self._base, self._elapsed_s = True, base, 0.0
        self.preparing.emit()
        if self._session_id is not None:
            self._record(self._session_id)
            return
        store = self._context.store.value
        if store is None:
            self._fail(self._context.store.error or RuntimeError("the store is not open"))
            return
        deck_ids = [base.answer.deck_id] if base.answer.deck_id else []
        self._context.workers.start(
            FunctionWorker(store.create_session, PracticeMode.SOLO, title=RETRY_SESSION_TITLE, deck_ids=deck_ids),
            on_finished=lambda session: self._record(session.id),
            on_failed=self._fail,
        )

    def _record(self, session_id: int) -> None:
        self._session_id = session_id
        base = self._base
        answer = base.answer
        if self._capture is not None:
            self._capture.deleteLater()  # the previous attempt's, long finished
        capture = AnswerCapture(
            self._context, session_id=session_id, question_text=answer.question_text, target=base.target,
            question_id=answer.question_id, deck_id=answer.deck_id, attempt_of=base.root_id, parent=self,
        )  # fmt: skip
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
        """Stops recording; finished(...) follows once the attempt is analysed and saved."""
        if self._capture is not None and self._capture.is_recording:
            self._capture.stop()
            self.finishing.emit()

    def abort(self) -> None:
        """The window is closing: keep what was recorded, wait for nothing."""
        if self._capture is not None:
            self._capture.abort()
        self._active = False

    def _finished(self, captured: CapturedAnswer) -> None:
        self._active = False
        self._end_session()
        self.finished.emit(captured, self._base)
        self.ended.emit()

    def _fail(self, error: Any) -> None:
        was_active = self._active
        self._active = False
        self.failed.emit(error)
        if was_active:
            self.ended.emit()

    def _end_session(self) -> None:
        store = self._context.store.value
        if store is not None and self._session_id is not None:
            # The session's end moves with each attempt; it is over when the last one is.
            self._context.workers.start(FunctionWorker(store.end_session, self._session_id))
