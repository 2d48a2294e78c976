"""In the background: answers that have a recording but no report are recognised and analysed.

The answers are listed when the store opens (`app.reanalysis.answers_awaiting_analysis`: those
a crash interrupted, and those recorded while no model could be had); once both the store and
the speech model are ready, one worker works through them. Review and History then reload.
The window never waits for it; closing the app cancels it between files.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from mockint.settings import Settings
from mockint.ui.background import ResourceState
from mockint.ui.workers import Worker

if TYPE_CHECKING:  # the app's reanalysis brings in Vosk: imported when there is work for it
    from mockint.app.reanalysis import QuestionOf, RecordedAnalysis
    from mockint.speech.recognizer import SpeechModel
    from mockint.store import Store
    from mockint.ui.context import AppContext

log = logging.getLogger(__name__)


class RecordedAnalysisWorker(Worker["RecordedAnalysis"]):
    def __init__(
        self, store: Store, answer_ids: tuple[int, ...], model: SpeechModel, settings: Settings, question_of: QuestionOf
    ) -> None:
        super().__init__()
        self._call = (store, answer_ids, model, settings, question_of)

    def work(self) -> RecordedAnalysis:
        from mockint.app.reanalysis import analyse_recorded_answers

        store, answer_ids, model, settings, question_of = self._call
        return analyse_recorded_answers(
            store, answer_ids, model, settings, question_of=question_of, cancel=self.cancel_token
        )


class RecordedAnswersAnalysis(QObject):
    finished = Signal(object)  # the RecordedAnalysis: which answers have a report now

    def __init__(self, context: AppContext, waiting: list[int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._waiting = waiting  # filled by the store's opening, on its worker, before `ready`
        self._running = False
        context.store.ready.connect(self._try_start)
        context.model.ready.connect(self._try_start)

    def _try_start(self, _value: object = None) -> None:
        context = self._context
        store, model = context.store.value, context.model.value
        if self._running or not self._waiting or store is None or model is None:
            return
        ids, self._waiting[:] = tuple(self._waiting), []
        self._running = True
        from mockint.app.reanalysis import asked_in_decks

        decks = context.decks.value if context.decks.state is ResourceState.READY else None
        worker = RecordedAnalysisWorker(store, ids, model, context.settings, asked_in_decks(decks))
        context.workers.start(worker, on_finished=self._done, on_failed=self._failed)

    def _done(self, result: RecordedAnalysis) -> None:
        self._running = False
        if result.analysed:
            count = len(result.analysed)
            answers = "An answer" if count == 1 else f"{count} answers"
            self._context.events.status_message.emit(f"{answers} recorded earlier now analysed; see Review.")
            self._context.events.sessions_changed.emit()
        self.finished.emit(result)

    def _failed(self, error: BaseException) -> None:
        # Unforeseen (a file's trouble is in the result): the answers stay "not analysed" till next time.
        self._running = False
        log.error("analysing recorded answers failed", exc_info=(type(error), error, error.__traceback__))
