"""The interviewer's console: the card in large type, the deck's notes, the answer timer and level,
buttons and keys for every command, flags during the answer, then the report and the ratings.

Keys (when no text field has the focus): Space start/stop the answer, F follow-up, N next,
S skip, R repeat, P pick another, 1 strong moment, 2 unclear, 3 rambling, 4 a note.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mockint.app.answer_result import CapturedAnswer
from mockint.app.friend_session import FLAG_COMMANDS, FriendCommand, FriendPhase
from mockint.app.outcome import AnswerOutcome
from mockint.core.formatting import clock_tenths, target_text
from mockint.core.interview_plan import Step, StepKind
from mockint.core.session import FlaggedMoment
from mockint.ui.friend.friend_flow import FriendFlow
from mockint.ui.friend.pick_dialog import PickQuestionDialog
from mockint.ui.friend.rating_panel import RatingPanel
from mockint.ui.practice.answer_summary import AnswerSummary
from mockint.ui.practice.answer_timer_bar import AnswerTimerBar
from mockint.ui.practice.level_meter import LevelMeter
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import text_label

KEYS = {
    Qt.Key.Key_Space: FriendCommand.START_STOP,
    Qt.Key.Key_F: FriendCommand.FOLLOW_UP,
    Qt.Key.Key_N: FriendCommand.NEXT,
    Qt.Key.Key_S: FriendCommand.SKIP,
    Qt.Key.Key_R: FriendCommand.REPEAT,
    Qt.Key.Key_P: FriendCommand.PICK,
    Qt.Key.Key_1: FriendCommand.FLAG_STRONG,
    Qt.Key.Key_2: FriendCommand.FLAG_UNCLEAR,
    Qt.Key.Key_3: FriendCommand.FLAG_RAMBLING,
    Qt.Key.Key_4: FriendCommand.NOTE,
}

BUTTONS = (
    (FriendCommand.START_STOP, "Start answer", "Space", "Start or stop recording the candidate's answer"),
    (FriendCommand.FOLLOW_UP, "Ask follow-up", "F", "Ask the deck's next follow-up to this question"),
    (FriendCommand.NEXT, "Next", "N", "Go on to the next question"),
    (FriendCommand.SKIP, "Skip", "S", "Leave this question unanswered and go on"),
    (FriendCommand.REPEAT, "Repeat", "R", "Ask the same question again; the answer is another attempt"),
    (FriendCommand.PICK, "Pick another…", "P", "Choose a question from the session's decks"),
)
FLAG_BUTTONS = (
    (FriendCommand.FLAG_STRONG, "Strong moment", "1", "Mark this moment of the answer as strong"),
    (FriendCommand.FLAG_UNCLEAR, "Unclear", "2", "Mark this moment as unclear"),
    (FriendCommand.FLAG_RAMBLING, "Rambling", "3", "Mark this moment as rambling"),
    (FriendCommand.NOTE, "Note…", "4", "Pin a one-line note to this moment"),
)
PHASE_WORDS = {
    FriendPhase.ASKING: "Ask the question, then start the answer (Space).",
    FriendPhase.STARTING: "Opening the microphone…",
    FriendPhase.ANSWERING: "Recording the answer. Flag moments with 1, 2, 3; 4 pins a note.",
    FriendPhase.ANALYSING: "Answer stopped: recognising and analysing it…",
    FriendPhase.RATING: "Answer saved. Rate it if you like, then go on (N) or ask a follow-up (F).",
    FriendPhase.FINISHED: "The session has ended.",
}


class FriendConsole(QWidget):
    candidate_view_requested = Signal()
    end_requested = Signal()

    def __init__(self, flow: FriendFlow, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Interviewer console")
        self.position = text_label("", name="hint", role="Question number")
        self.card = text_label("", name="consoleQuestion", role="Question to ask", wrap=True, selectable=True)
        font = self.card.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.card.setFont(font)
        self.target = text_label("", name="hint", role="Target length")
        self.good_answer_title = text_label("What a good answer covers", name="fieldLabel")
        self.good_answer = text_label("", role="What a good answer covers", wrap=True, selectable=True)
        self.follow_ups_title = text_label("Follow-ups", name="fieldLabel")
        self.follow_ups = text_label("", role="Follow-ups from the deck", wrap=True, selectable=True)
        self.timer = AnswerTimerBar(theme)
        self.meter = LevelMeter(theme)
        self.meter.setAccessibleName("Microphone level")
        self.hearing = text_label("Microphone: silent", name="hint", role="Microphone")
        self.transcript_toggle = QCheckBox("Show the live transcript")
        self.transcript_toggle.setAccessibleName("Show the live transcript")
        self.transcript = text_label("", name="hint", role="Live transcript", wrap=True)
        self.transcript_toggle.toggled.connect(self.transcript.setVisible)
        self.transcript.hide()

        self.buttons: dict[FriendCommand, QPushButton] = {}
        commands = QGridLayout()
        for index, spec in enumerate(BUTTONS):
            commands.addWidget(self._button(*spec), index // 3, index % 3)
        flags = QHBoxLayout()
        for spec in FLAG_BUTTONS:
            flags.addWidget(self._button(*spec))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("Note for this moment; Enter keeps it")
        self.note_edit.setAccessibleName("Note for the flagged moment")
        self.note_edit.returnPressed.connect(self._note_done)
        self.note_edit.hide()
        self.flag_list = text_label("No flags yet.", name="hint", role="Flags in this answer", wrap=True)
        self.status = text_label("", role="Status", wrap=True)
        self.candidate_button = QPushButton("Candidate view…")
        self.candidate_button.setAccessibleName("Candidate view")
        self.candidate_button.setToolTip("Open the candidate's window, to drag to a second screen")
        self.candidate_button.clicked.connect(self.candidate_view_requested.emit)
        self.end_button = QPushButton("End session")
        self.end_button.setAccessibleName("End session")
        self.end_button.setToolTip("Stop here; every answer so far is saved")
        self.end_button.clicked.connect(lambda: self.flow.command(FriendCommand.END))

        self.summary = AnswerSummary(theme)
        self.rating = RatingPanel()
        self.rating.saved.connect(self._rating_saved)
        self.rating.skipped.connect(self._rating_skipped)
        after = QFrame()
        after_layout = QVBoxLayout(after)
        after_layout.addWidget(self.summary)
        after_layout.addWidget(self.rating)
        self.after_answer = after
        after.hide()

        top = QHBoxLayout()
        top.addWidget(self.position, 1)
        top.addWidget(self.candidate_button)
        top.addWidget(self.end_button)
        meter_row = QHBoxLayout()
        meter_row.addWidget(self.meter, 1)
        meter_row.addWidget(self.hearing)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        self.extras = QVBoxLayout()  # the page adds what goes beside the card (the phone console's box)
        layout.addLayout(self.extras)
        layout.addWidget(self.card)
        layout.addWidget(self.target)
        for widget in (self.good_answer_title, self.good_answer, self.follow_ups_title, self.follow_ups):
            layout.addWidget(widget)
        layout.addWidget(self.timer)
        layout.addLayout(meter_row)
        layout.addLayout(commands)
        layout.addLayout(flags)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.flag_list)
        layout.addWidget(self.status)
        layout.addWidget(self.transcript_toggle)
        layout.addWidget(self.transcript)
        layout.addWidget(after)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        flow.changed.connect(self.refresh)
        flow.status.connect(self.status.setText)
        flow.level.connect(self._level)
        flow.elapsed.connect(self.timer.set_elapsed)
        flow.partial.connect(self.transcript.setText)
        flow.flag_added.connect(self._flag_added)
        flow.note_opened.connect(self._open_note)
        flow.answer_started.connect(self._answer_started)
        flow.answer_saved.connect(self._answer_saved)
        flow.answer_failed.connect(self.status.setText)
        self.pick_dialog: PickQuestionDialog | None = None

    def _button(self, command: FriendCommand, text: str, key: str, tooltip: str) -> QPushButton:
        button = QPushButton(f"{text} ({key})")
        button.setAccessibleName(text.rstrip("…"))
        button.setAccessibleDescription(f"{tooltip}. Key: {key}")
        button.setToolTip(f"{tooltip} ({key})")
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the keys with the console
        button.clicked.connect(lambda: self.do(command))
        self.buttons[command] = button
        return button

    def set_live_transcript(self, shown: bool) -> None:
        self.transcript_toggle.setChecked(shown)
        self.transcript.setVisible(shown)

    # ----- commands

    def do(self, command: FriendCommand) -> None:
        if command is FriendCommand.PICK:
            self.open_pick()
            return
        self.flow.command(command)
        if not self.note_edit.isVisible():
            self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        command = KEYS.get(Qt.Key(event.key()))
        if command is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        event.accept()
        self.do(command)

    def open_pick(self) -> PickQuestionDialog | None:
        model = self.flow.model
        if model is None:
            return None
        if not model.allowed(FriendCommand.PICK):
            self.status.setText("Stop the answer first, then pick another question.")
            return None
        dialog = PickQuestionDialog(model.search, self)
        dialog.picked.connect(self.flow.pick)
        self.pick_dialog = dialog
        dialog.open()
        return dialog

    # ----- notes and flags

    def _open_note(self, flag: FlaggedMoment) -> None:
        self.note_edit.clear()
        self.note_edit.show()
        self.note_edit.setFocus()
        self.status.setText(f"Note pinned at {flag_time(flag)}: type it, then Enter.")

    def _note_done(self) -> None:
        self.flow.finish_note(self.note_edit.text())
        self.note_edit.hide()
        self.setFocus()

    def _flag_added(self, flag: FlaggedMoment) -> None:
        self.status.setText(f"Flagged {flag.title} at {flag_time(flag)}.")

    def _level(self, level: float) -> None:
        self.meter.set_level(level)
        self.hearing.setText("Microphone: hearing the candidate" if level > 0.05 else "Microphone: silent")

    # ----- the answer

    def _answer_started(self) -> None:
        self.timer.set_elapsed(0.0)
        self.transcript.clear()
        self.after_answer.hide()

    def _answer_saved(self, captured: CapturedAnswer) -> None:
        model = self.flow.model
        card = model.card if model is not None else None
        if card is not None:
            step = Step(
                card.number,
                card.total or card.number,
                StepKind.QUESTION if card.follow_up is None else StepKind.FOLLOW_UP,
                card.text,
                card.target,
                card.planned.deck_id,
                card.planned.question.id,
                card.planned.language,
            )
            self.summary.show_outcome(AnswerOutcome.from_captured(step, captured), card.planned.question)
        self.rating.show_rating(captured.answer_id)
        self.after_answer.show()
        self.meter.reset()

    def _rating_saved(self, rating: object) -> None:
        self.flow.save_rating(rating)  # type: ignore[arg-type]
        self.setFocus()

    def _rating_skipped(self) -> None:
        self.status.setText("Rating skipped; you can rate this answer later in Review.")
        self.setFocus()

    # ----- showing the state

    def refresh(self) -> None:
        model = self.flow.model
        if model is None:
            return
        card = model.card
        if card is None:
            self.position.setText("Session ended")
            self.card.setText("That was the last question. Every answer is saved in History.")
        else:
            of = f" of {card.total}" if card.total else " · you pick"
            self.position.setText(
                f"Question {card.number}{of}" + (" · follow-up" if card.follow_up is not None else "")
            )
            self.card.setText(card.text)
            self.target.setText(f"Target {target_text(card.target)}")
            self.timer.set_target(card.target)
        good = card.good_answer if card else ""
        follow_ups = card.follow_ups if card else ()
        self.good_answer.setText(good or "The deck has no notes for this question.")
        self.follow_ups.setText("\n".join(f"•  {text}" for text in follow_ups) or "None in the deck.")
        recording = model.phase in (FriendPhase.STARTING, FriendPhase.ANSWERING)
        if not recording:  # nothing is listening: a level left from an ended answer would mislead
            self.meter.reset()
            self.hearing.setText("Microphone: silent")
        start = self.buttons[FriendCommand.START_STOP]
        start.setText("Stop answer (Space)" if recording else "Start answer (Space)")
        start.setAccessibleName("Stop answer" if recording else "Start answer")
        for command, button in self.buttons.items():
            # Flags stay pressable outside an answer, so a press is answered with why it did nothing.
            is_flag = command in FLAG_COMMANDS
            button.setEnabled(model.phase is not FriendPhase.FINISHED if is_flag else model.allowed(command))
        self.end_button.setEnabled(model.phase is not FriendPhase.FINISHED)
        flags = self.flow.flags
        self.flag_list.setText(
            "Flags: " + "; ".join(f"{flag_time(f)} {f.title}" for f in flags) if flags else "No flags yet."
        )
        if model.phase is FriendPhase.ASKING:
            self.after_answer.hide()
        if not self.status.text() or model.phase is not FriendPhase.ANSWERING:
            self.status.setText(PHASE_WORDS[model.phase])


def flag_time(flag: FlaggedMoment) -> str:
    """`0:04.2`: flags are a finer thing than the timer, so they show tenths."""
    return clock_tenths(flag.at_s)
