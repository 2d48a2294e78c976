"""Deleting one answer from Review, after the user confirms: an accident (a stop pressed by
mistake, a cough) then no longer counts in their figures, History or the charts.

The store deletes the answer and its recordings in a worker; its retries stay linked to each
other (the earliest becomes the first attempt).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from mockint.app.review import ReviewedAnswer
from mockint.core.formatting import clock
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import show_error
from mockint.ui.workers import FunctionWorker


def delete_question(answer: ReviewedAnswer) -> str:
    attempt = f" (attempt {answer.attempt_number} of {answer.attempt_count})" if answer.attempt_count > 1 else ""
    return (
        f"“{answer.answer.question_text}”{attempt}, {clock(answer.duration_s)} long.\n\n"
        "Its recording, transcript and figures are deleted, and the session's figures, History and "
        "the charts no longer count it. This cannot be undone."
    )


class AnswerDeletion(QObject):
    deleted = Signal(int)  # the id of the answer that is gone

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self.confirmation: QMessageBox | None = None  # the open question, if any

    def ask(self, answer: ReviewedAnswer) -> QMessageBox:
        """Opens the confirmation (window-modal, not blocking); "Delete answer" there deletes it."""
        box = QMessageBox(
            QMessageBox.Icon.Question, "Delete this answer?", delete_question(answer), parent=self._parent
        )
        delete = box.addButton("Delete answer", QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("danger")
        keep = box.addButton("Keep it", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter keeps it: deleting takes a deliberate choice
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        answer_id = answer.id
        box.buttonClicked.connect(lambda button: self.delete(answer_id) if button is delete else None)
        self.confirmation = box
        box.open()
        return box

    def delete(self, answer_id: int) -> None:
        store = self._context.store.value
        if store is None:
            return
        self._context.workers.start(
            FunctionWorker(store.delete_answer, answer_id),
            on_finished=lambda _none: self._deleted(answer_id),
            on_failed=lambda error: show_error(self._parent, error, "Delete answer"),
        )

    def _deleted(self, answer_id: int) -> None:
        self._context.events.status_message.emit("The answer and its recording were deleted.")
        self.deleted.emit(answer_id)
        self._context.events.sessions_changed.emit()  # Review, History and the charts reload without it
