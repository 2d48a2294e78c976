"""The thin worker around `mockint.app.answer.AnswerTake`: one answer on its own thread.

progress(answer_id) once audio flows; finished(CaptureOutcome | None); failed(error) before
anything was recorded (no microphone, storage). Cancelling (the pool shutting down) cancels the
take's token: what was recorded is still saved, within about ABORT_RECOGNITION_WAIT_S.
"""

from __future__ import annotations

from mockint.app.answer import AnswerTake
from mockint.app.answer_result import CaptureOutcome
from mockint.store import Store
from mockint.ui.workers import Worker


class AnswerWorker(Worker[CaptureOutcome | None]):
    def __init__(self, take: AnswerTake, store: Store) -> None:
        super().__init__(cancel=take.cancel)
        self._take = take
        self._store = store

    def work(self) -> CaptureOutcome | None:
        return self._take.run(self._store, on_recording=self.progress.emit)
