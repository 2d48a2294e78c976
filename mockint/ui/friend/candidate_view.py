"""The candidate's window: calm, for a second screen. The question only if allowed, a discreet
timer, and whether it is recording; nothing else (no figures, no notes, no flags).

It goes full screen on the screen the user picks, and comes back to the main screen when that
screen disappears mid-session.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from mockint.core.formatting import clock
from mockint.ui.widgets.labels import text_label

WAITING = "Waiting for the next question"
RECORDING = "● Recording"
NOT_RECORDING = "Not recording"


class CandidateView(QWidget):
    def __init__(self, *, show_question: bool, candidate_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.show_question = show_question
        self.setWindowTitle(f"MockInt — {candidate_name}" if candidate_name else "MockInt — candidate")
        self.setAccessibleName("Candidate view")
        self.setObjectName("candidateView")
        self.greeting = text_label(f"Good luck, {candidate_name}" if candidate_name else "", name="hint")
        self.question = text_label(WAITING, name="candidateQuestion", role="Question", wrap=True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.question.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        self.question.setFont(font)
        self.state = text_label(NOT_RECORDING, name="candidateState", role="Recording state")
        self.timer = text_label("0:00", name="hint", role="Answer time")
        for label in (self.greeting, self.state, self.timer):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addWidget(self.greeting)
        layout.addStretch(1)
        layout.addWidget(self.question)
        layout.addStretch(1)
        layout.addWidget(self.state)
        layout.addWidget(self.timer)
        self.resize(800, 500)
        self._screen: QScreen | None = None
        QGuiApplication.instance().screenRemoved.connect(self._screen_removed)  # type: ignore[union-attr]

    def show_card(self, text: str, *, new_answer: bool = True) -> None:
        """The question being asked (or a calm line when the candidate only hears it)."""
        self.question.setText(text if self.show_question else "Listen to the interviewer")
        if new_answer:
            self.timer.setText("0:00")

    def set_recording(self, recording: bool) -> None:
        self.state.setText(RECORDING if recording else NOT_RECORDING)

    def set_elapsed(self, seconds: float) -> None:
        self.timer.setText(clock(seconds))

    def show_waiting(self) -> None:
        self.question.setText(WAITING)
        self.set_recording(False)

    def show_on(self, screen: QScreen | None, *, full_screen: bool) -> None:
        """Shows the view on `screen` (None: where it is), full screen or as a window to drag."""
        self._screen = screen
        if screen is not None:
            self.setScreen(screen)
            self.move(screen.availableGeometry().topLeft())
        if full_screen:
            self.showFullScreen()
        else:
            self.showNormal()
        self.raise_()

    def _screen_removed(self, screen: QScreen) -> None:
        if screen is not self._screen and self.screen() is not screen:
            return
        primary = QGuiApplication.primaryScreen()
        self._screen = primary
        if primary is not None:
            self.setScreen(primary)
            self.move(primary.availableGeometry().topLeft())
            if self.isFullScreen():
                self.showFullScreen()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        # The candidate closing their window must not end the session: the console goes on alone.
        event.accept()
