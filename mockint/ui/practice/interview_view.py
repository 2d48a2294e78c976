"""The interview itself on screen: the question, think time, the answer's level and clock, the
live transcript, the short report, and the buttons that mirror the keys.

A view only: it shows the phase it is given (`show_phase`) and emits what the user asked for.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mockint.core.interview_plan import Step
from mockint.ui.practice.answer_summary import AnswerSummary
from mockint.ui.practice.answer_timer_bar import AnswerTimerBar
from mockint.ui.practice.countdown import Countdown
from mockint.ui.practice.level_meter import LevelMeter
from mockint.ui.practice.live_transcript import LiveTranscript
from mockint.ui.practice.question_card import QuestionCard
from mockint.ui.practice.session_state import Phase
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import named

STATUS = {
    Phase.STARTING: "Getting the session ready…",
    Phase.READING: "The interviewer is reading the question. Press Space to answer straight away.",
    Phase.THINKING: "Take a moment to think. The answer starts when the ring runs out, or press Space.",
    Phase.PREPARING: "Opening the microphone…",
    Phase.RECORDING: "Recording. Answer out loud, and press Space when you are done.",
    Phase.SAVING: "Saving your answer and working out the feedback…",
    Phase.REPORT: "",
    Phase.ENDING: "Finishing the session…",
}
PRIMARY = {
    Phase.STARTING: "Starting…",
    Phase.READING: "Answer now",
    Phase.THINKING: "Start answering",
    Phase.PREPARING: "Stop answer",
    Phase.RECORDING: "Stop answer",
    Phase.SAVING: "Saving…",
    Phase.PROBLEM: "Try again",
    Phase.ENDING: "Finishing…",
}
PROBLEM_HINT = "Press Space to try again, N to skip this question, or Esc to end the session."


class InterviewView(QWidget):
    space_pressed = Signal()  # start / stop the answer, skip think time, go on after a report
    next_pressed = Signal()  # N
    repeat_pressed = Signal()  # R
    end_pressed = Signal()  # Esc

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Mock interview")
        self.card = QuestionCard()
        self.countdown = Countdown(theme)
        self.countdown.setFixedSize(92, 92)
        self.status = named(QLabel(""), "pageSubtitle")
        self.status.setWordWrap(True)
        self.status.setAccessibleDescription("What is happening")
        status_row = QHBoxLayout()
        status_row.setSpacing(16)
        status_row.addWidget(self.countdown)
        status_row.addWidget(self.status, 1)

        self.recording = named(QFrame(), "card")
        self.recording.setAccessibleName("Your answer")
        self.recording_label = named(QLabel("● RECORDING"), "fieldLabel")
        self.level_meter = LevelMeter(theme)
        self.timer_bar = AnswerTimerBar(theme)
        top = QHBoxLayout()
        top.setSpacing(14)
        top.addWidget(self.recording_label)
        top.addWidget(self.level_meter, 1)
        box = QVBoxLayout(self.recording)
        box.setContentsMargins(20, 14, 20, 16)
        box.setSpacing(10)
        box.addLayout(top)
        box.addWidget(self.timer_bar)

        self.transcript = LiveTranscript()
        self.answer_summary = AnswerSummary(theme)
        self.problem = named(QLabel(""), "problemBox")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleDescription("Problem with the answer")

        self.primary = self._button(
            "", "primary", "Space", self.space_pressed, "Start or stop your answer, skip the think time, or go on"
        )
        self.repeat = self._button(
            "Hear it again", "", "R", self.repeat_pressed, "Read the question again and restart the think time"
        )
        self.next = self._button(
            "Next question", "", "N", self.next_pressed, "Move on to the next question (an answer in progress is kept)"
        )
        self.end = self._button(
            "End session", "", "Esc", self.end_pressed, "End the session; what you recorded is kept"
        )
        for button in (self.repeat, self.next, self.end):
            button.setText(f"{button.accessibleName()}  ({button.property('key')})")
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.primary)
        buttons.addWidget(self.repeat)
        buttons.addWidget(self.next)
        buttons.addStretch(1)
        buttons.addWidget(self.end)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.card)
        layout.addLayout(status_row)
        layout.addWidget(self.recording)
        layout.addWidget(self.transcript)
        layout.addWidget(self.answer_summary)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._keys = [
            self._key(key, signal)
            for key, signal in (
                (Qt.Key.Key_Space, self.space_pressed),
                (Qt.Key.Key_N, self.next_pressed),
                (Qt.Key.Key_R, self.repeat_pressed),
                (Qt.Key.Key_Escape, self.end_pressed),
            )
        ]
        self.live_transcript_wanted = False
        self._theme = theme
        self.show_phase(Phase.STARTING)

    def _button(self, text: str, name: str, key: str, signal: SignalInstance, tooltip: str = "") -> QPushButton:
        button = named(QPushButton(text), name) if name else QPushButton(text)
        button.setProperty("key", key)
        button.setToolTip(f"{tooltip} ({key})" if tooltip else f"({key})")
        button.setAccessibleName(text)
        button.clicked.connect(signal)
        return button

    def _key(self, key: Qt.Key, signal: SignalInstance) -> QShortcut:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.setAutoRepeat(False)  # a held Space must not stop an answer it just started
        shortcut.activated.connect(signal)
        return shortcut

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        for widget in (self.countdown, self.level_meter, self.timer_bar, self.answer_summary):
            widget.set_theme(theme)

    # ----- what the flow reports

    def show_step(self, step: Step) -> None:
        self.card.show_step(step)
        self.timer_bar.set_target(step.target)
        self.level_meter.reset()
        self.transcript.clear()

    def show_problem(self, text: str) -> None:
        """A problem to read whatever the phase (hidden again at the next phase)."""
        self.problem.setText(text)
        self.problem.show()

    def show_phase(self, phase: Phase, *, report_next: str = "Next question", problem: str = "") -> None:
        recording_shown = phase in (Phase.PREPARING, Phase.RECORDING, Phase.SAVING)
        self.recording.setVisible(recording_shown)
        live = phase is Phase.RECORDING
        self.recording_label.setText("● RECORDING" if live else "ANSWER")
        self.recording_label.setStyleSheet(f"color: {self._theme.color('danger')};" if live else "")
        self.transcript.setVisible(recording_shown and self.live_transcript_wanted)
        self.answer_summary.setVisible(phase is Phase.REPORT)
        self.problem.setVisible(phase is Phase.PROBLEM)
        self.problem.setText(f"{problem}\n\n{PROBLEM_HINT}" if problem else PROBLEM_HINT)
        if phase is not Phase.THINKING:
            self.countdown.stop()
        self.countdown.setVisible(phase is Phase.THINKING)
        self.status.setText(STATUS.get(phase, ""))
        self.status.setVisible(bool(self.status.text()))
        text = report_next if phase is Phase.REPORT else PRIMARY.get(phase, "Next question")
        self.primary.setText(f"{text}  (Space)")
        self.primary.setAccessibleName(text)
        self.primary.setEnabled(phase not in (Phase.STARTING, Phase.SAVING, Phase.ENDING, Phase.DONE, Phase.IDLE))
        before_answer = phase in (Phase.READING, Phase.THINKING, Phase.PROBLEM)
        self.repeat.setEnabled(before_answer)
        self.next.setEnabled(
            phase in (Phase.READING, Phase.THINKING, Phase.PROBLEM, Phase.PREPARING, Phase.RECORDING, Phase.REPORT)
        )
        self.end.setEnabled(phase not in (Phase.ENDING, Phase.DONE, Phase.IDLE))
