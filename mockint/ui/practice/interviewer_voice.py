"""The interviewer's voice for one session: reads each question aloud, or says once why it cannot.

A thin layer over QuestionReader for the session's needs: `done` only when a reading the
session waits for has ended (stopping on purpose is not "done"), and after the first failure
the session stops trying, so the user is told once and questions are simply shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from mockint.ui.context import AppContext
from mockint.ui.error_dialog import message_for


class InterviewerVoice(QObject):
    done = Signal()  # the question was read (or could not be): the session goes on
    unavailable = Signal(str)  # why questions are not read aloud (once a session)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.broken = False
        self._reader: Any = None
        self._waiting = False  # a read() is under way whose end moves the session on

    def reset(self) -> None:
        """A new session: try the voice again."""
        self.stop()
        self.broken = False

    def read(self, text: str) -> None:
        if self._reader is None:
            # Imported on first use: the text-to-speech side is not needed to show the page.
            from mockint.ui.question_reader import QuestionReader

            self._reader = QuestionReader(self.context, parent=self)
            self._reader.finished.connect(self._finished)
            self._reader.unavailable.connect(self._unavailable)
        self._waiting = True
        self._reader.read(text)

    def stop(self) -> None:
        # The reader says finished(False) when stopped; that must not move the session on.
        self._waiting = False
        if self._reader is not None:
            self._reader.stop()

    def _finished(self, _read_to_end: bool) -> None:
        if self._waiting:
            self._waiting = False
            self.done.emit()

    def _unavailable(self, error: BaseException) -> None:
        if not self.broken:
            self.broken = True
            self.unavailable.emit(message_for(error))
        self._finished(False)
