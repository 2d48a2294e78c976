"""Starting a friend session: decks, how many questions (or "the interviewer picks as we go"),
the candidate's name, whether the candidate sees the question, and where the candidate view goes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mockint.app.friend_session import FriendSetup
from mockint.core.decks import Deck
from mockint.ui.widgets.labels import text_label

DECK_ROLE = Qt.ItemDataRole.UserRole
DEFAULT_COUNT = 5


class FriendSetupPanel(QWidget):
    start_requested = Signal(object)  # FriendSetup
    settings_requested = Signal()  # "Open Settings" after "no microphone"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = text_label(
            "A friend plays the interviewer: they read the questions from a deck, MockInt records, "
            "transcribes and analyses the answers, and the friend flags moments and rates each answer.",
            wrap=True,
        )
        self.decks = QListWidget()
        self.decks.setAccessibleName("Decks to ask from")
        self.decks.setAccessibleDescription("Tick the decks the interviewer asks from; Space ticks the chosen one")
        self.decks.itemChanged.connect(lambda _item: self._update_start())
        self.count = QSpinBox()
        self.count.setRange(1, 50)
        self.count.setValue(DEFAULT_COUNT)
        self.count.setAccessibleName("Number of questions")
        self.count.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no wheel changes while scrolling past it
        self.picks = QCheckBox("The interviewer picks as we go")
        self.picks.setAccessibleName("The interviewer picks as we go")
        self.picks.setToolTip("No fixed list: the interviewer chooses each question from the decks")
        self.picks.toggled.connect(lambda on: self.count.setEnabled(not on))
        self.candidate = QLineEdit()
        self.candidate.setPlaceholderText("Optional")
        self.candidate.setAccessibleName("Candidate's name")
        self.sees_question = QCheckBox("The candidate sees the question text")
        self.sees_question.setAccessibleName("The candidate sees the question text")
        self.sees_question.setToolTip("Off, as in a real interview: the candidate hears the question only")
        self.live_transcript = QCheckBox("Live transcript for the interviewer")
        self.live_transcript.setAccessibleName("Live transcript for the interviewer")
        self.screen_choice = QComboBox()
        self.screen_choice.setAccessibleName("Screen for the candidate view")
        self.screen_choice.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.full_screen = QCheckBox("Full screen")
        self.full_screen.setAccessibleName("Candidate view full screen")
        self.start_button = QPushButton("Start friend session")
        self.start_button.setAccessibleName("Start friend session")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)
        self.problem = text_label("", name="hint", role="Why the session cannot start", wrap=True)
        self.settings_button = QPushButton("Open Settings")
        self.settings_button.setAccessibleName("Open Settings")
        self.settings_button.setToolTip("Choose or check the microphone in Settings")
        self.settings_button.clicked.connect(self.settings_requested.emit)
        self.settings_button.hide()

        count_row = QHBoxLayout()
        count_row.addWidget(self.count)
        count_row.addWidget(self.picks)
        count_row.addStretch(1)
        screen_row = QHBoxLayout()
        screen_row.addWidget(self.screen_choice, 1)
        screen_row.addWidget(self.full_screen)
        form = QFormLayout()
        for text, field in (("&Questions:", count_row), ("&Candidate:", self.candidate)):
            label = text_label(text)
            label.setBuddy(self.count if field is count_row else self.candidate)
            form.addRow(label, field)
        form.addRow("", self.sees_question)
        form.addRow("", self.live_transcript)
        screen_label = text_label("Candidate &view on:")
        screen_label.setBuddy(self.screen_choice)
        form.addRow(screen_label, screen_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.settings_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(text_label("Decks", name="sectionTitle"))
        layout.addWidget(self.decks, 1)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.fill_screens()
        self._update_start()

    def show_decks(self, decks: Sequence[Deck], ticked: Sequence[str] = ()) -> None:
        kept = set(self.chosen_deck_ids()) or set(ticked)
        self.decks.blockSignals(True)
        self.decks.clear()
        for deck in decks:
            item = QListWidgetItem(f"{deck.name} ({len(deck.questions)} questions)")
            item.setData(DECK_ROLE, deck.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if deck.id in kept else Qt.CheckState.Unchecked)
            self.decks.addItem(item)
        if self.decks.count() and not kept:
            self.decks.item(0).setCheckState(Qt.CheckState.Checked)  # Start works at once
        self.decks.blockSignals(False)
        self._update_start()

    def fill_screens(self) -> None:
        self.screen_choice.clear()
        screens = QGuiApplication.screens()
        for index, screen in enumerate(screens):
            self.screen_choice.addItem(f"Screen {index + 1}: {screen.name()}", index)
        if len(screens) > 1:
            self.screen_choice.setCurrentIndex(1)

    def chosen_deck_ids(self) -> list[str]:
        items = (self.decks.item(row) for row in range(self.decks.count()))
        return [item.data(DECK_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked]

    def tick(self, deck_id: str, ticked: bool = True) -> None:
        for row in range(self.decks.count()):
            item = self.decks.item(row)
            if item.data(DECK_ROLE) == deck_id:
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def setup(self) -> FriendSetup:
        return FriendSetup(
            deck_ids=tuple(self.chosen_deck_ids()),
            question_count=None if self.picks.isChecked() else self.count.value(),
            candidate_name=" ".join(self.candidate.text().split()),
            candidate_sees_question=self.sees_question.isChecked(),
            live_transcript=self.live_transcript.isChecked(),
        )

    def show_problem(self, message: str, *, offer_settings: bool = False) -> None:
        self.problem.setText(message)
        self.settings_button.setVisible(offer_settings)

    def _update_start(self) -> None:
        self.start_button.setEnabled(bool(self.chosen_deck_ids()))

    def _start(self) -> None:
        self.show_problem("")
        self.start_requested.emit(self.setup())
