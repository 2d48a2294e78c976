"""Setting up a solo mock interview: which decks, how many questions, and how the session runs.

Every choice is remembered in the settings as it is made. The Start button stays disabled,
with the reason shown beside it, until a deck is chosen and the speech model is ready.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mockint.app.practice_options import PracticeOptions
from mockint.settings import Setting
from mockint.ui.context import AppContext
from mockint.ui.practice.deck_checklist import DeckChecklist
from mockint.ui.widgets.labels import named

if TYPE_CHECKING:  # the decks' readers load with the decks, after the window is up
    from mockint.core.decks import Deck, DeckLoad

MAX_QUESTIONS = 50
MAX_THINK_S = 120
MAX_SILENCE_S = 60
NO_DECK_REASON = "Choose at least one deck to practise with."
EMPTY_DECKS_REASON = "The chosen decks have no questions yet."
LOADING_DECKS_REASON = "Reading the question decks…"
READY_TEXT = "Ready when you are."
SESSION_STEPS = (
    "The interviewer asks, you get a moment to think, then you answer out loud.\n\n"
    "Space  —  start or stop an answer (skips the think time)\n"
    "N  —  next question\n"
    "R  —  hear the question again\n"
    "Esc  —  end the session (what you recorded is kept)"
)


def _card(title: str, hint: str) -> tuple[QFrame, QVBoxLayout]:
    card = named(QFrame(), "card")
    card.setAccessibleName(title)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(20, 16, 20, 18)
    layout.setSpacing(6)
    layout.addWidget(named(QLabel(title), "sectionTitle"))
    hint_label = named(QLabel(hint), "sectionHint")
    hint_label.setWordWrap(True)
    layout.addWidget(hint_label)
    layout.addSpacing(6)
    return card, layout


class SetupPanel(QWidget):
    start_requested = Signal(object)  # the PracticeOptions to run with
    model_setup_requested = Signal()  # the user wants to download or choose a speech model

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._load: DeckLoad | None = None
        self._engine_reason: str | None = None
        options = PracticeOptions.from_settings(context.settings)

        decks_card, decks_layout = _card("Decks", "Tick the decks to draw questions from.")
        self.deck_list = DeckChecklist()
        self.deck_list.setAccessibleName("Decks to practise with")
        self.deck_list.setToolTip("Tick one or more decks (Space ticks the deck with the focus, arrows move)")
        self.deck_list.setMinimumWidth(260)
        self.deck_list.toggled.connect(self._deck_ticked)
        decks_layout.addWidget(self.deck_list, 1)

        form_card, form_layout = _card("How it runs", "Saved as you change it.")
        self.count = self._spin(
            1,
            MAX_QUESTIONS,
            options.question_count,
            "Number of questions",
            "How many questions the session asks (follow-ups come on top)",
        )
        self.shuffle = self._check(
            "Shuffle the questions", options.shuffle, "Ask in a random order; untick to go through the decks in order"
        )
        self.think_time = self._spin(
            0,
            MAX_THINK_S,
            int(options.think_time_s),
            "Think time",
            "Seconds to gather your thoughts before the answer starts (Space skips it)",
            suffix=" s",
            zero="None",
        )
        self.report_timing = QComboBox()
        self.report_timing.addItems(["After each answer", "At the end of the session"])
        self.report_timing.setCurrentIndex(0 if options.report_after_each else 1)
        self.report_timing.setMinimumWidth(200)
        self.report_timing.setAccessibleName("When to show the report")
        self.report_timing.setToolTip("See the feedback after every answer, or all together at the end")
        self.read_aloud = self._check(
            "Interviewer reads the questions aloud",
            options.read_aloud,
            "The question is spoken with the computer's voice, as in a real interview",
        )
        self.live_transcript = self._check(
            "Show the live transcript",
            options.live_transcript,
            "Show the words as they are recognised while you answer (some find it distracting)",
        )
        self.silence_stop = self._spin(
            0,
            MAX_SILENCE_S,
            int(options.silence_stop_s),
            "Stop after silence",
            "End the answer by itself after this many seconds of silence",
            suffix=" s",
            zero="Off",
        )
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("&Questions", self.count)
        form.addRow("", self.shuffle)
        form.addRow("&Think time", self.think_time)
        form.addRow("&Report", self.report_timing)
        form.addRow("", self.read_aloud)
        form.addRow("", self.live_transcript)
        form.addRow("Stop after &silence", self.silence_stop)
        form_layout.addLayout(form)
        form_layout.addStretch(1)
        form_layout.addWidget(named(QLabel("HOW A SESSION GOES"), "fieldLabel"))
        steps = named(QLabel(SESSION_STEPS), "hint")
        steps.setWordWrap(True)
        steps.setAccessibleDescription("How a session goes")
        form_layout.addWidget(steps)

        self.start_button = named(QPushButton("&Start practice"), "primary")
        self.start_button.setAccessibleName("Start practice")
        self.start_button.setToolTip("Begin the mock interview (Ctrl+Enter)")
        self.start_button.clicked.connect(self.request_start)
        self.model_setup_button = QPushButton("Set up speech &model…")
        self.model_setup_button.setAccessibleName("Set up the speech model")
        self.model_setup_button.setToolTip("Download a speech model, or install one you have")
        self.model_setup_button.clicked.connect(self.model_setup_requested)
        self.model_setup_button.hide()
        self.reason = named(QLabel(""), "hint")
        self.reason.setWordWrap(True)
        self.reason.setAccessibleDescription("Why practice cannot start yet")
        start_row = QHBoxLayout()
        start_row.setSpacing(12)
        start_row.addWidget(self.start_button)
        start_row.addWidget(self.model_setup_button)
        start_row.addWidget(self.reason, 1)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self, self.request_start)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        cards = QHBoxLayout()
        cards.setSpacing(16)
        cards.addWidget(decks_card, 5)
        cards.addWidget(form_card, 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addLayout(cards, 1)
        layout.addLayout(start_row)
        self._connect_settings()
        self._refresh()

    # ----- building

    def _spin(
        self, low: int, high: int, value: int, name: str, tooltip: str, *, suffix: str = "", zero: str = ""
    ) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(min(high, max(low, value)))
        spin.setSuffix(suffix)
        if zero:
            spin.setSpecialValueText(zero)
        spin.setAccessibleName(name)
        spin.setToolTip(tooltip)
        spin.setMinimumWidth(120)
        return spin

    def _check(self, text: str, checked: bool, tooltip: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setChecked(checked)
        box.setAccessibleName(text)
        box.setToolTip(tooltip)
        return box

    def _connect_settings(self) -> None:
        save = self.context.set_setting
        self.count.valueChanged.connect(lambda v: save(Setting.QUESTION_COUNT, v))
        self.shuffle.toggled.connect(lambda v: save(Setting.SHUFFLE, v))
        self.think_time.valueChanged.connect(lambda v: save(Setting.THINK_TIME_S, v))
        self.report_timing.currentIndexChanged.connect(lambda i: save(Setting.REPORT_AFTER_EACH, i == 0))
        self.read_aloud.toggled.connect(lambda v: save(Setting.READ_ALOUD, v))
        self.live_transcript.toggled.connect(lambda v: save(Setting.LIVE_TRANSCRIPT, v))
        self.silence_stop.valueChanged.connect(lambda v: save(Setting.SILENCE_STOP_S, v))

    # ----- decks

    def show_decks(self, load: DeckLoad) -> None:
        """Lists the decks, ticking the ones chosen last time."""
        self._load = load
        chosen = PracticeOptions.from_settings(self.context.settings).deck_ids
        self.deck_list.blockSignals(True)
        self.deck_list.set_decks(load.decks, chosen)
        self.deck_list.blockSignals(False)
        self._refresh()

    def selected_deck_ids(self) -> list[str]:
        return self.deck_list.checked_ids()

    def selected_decks(self) -> list[Deck]:
        if self._load is None:
            return []
        by_id = {deck.id: deck for deck in self._load.decks}
        return [by_id[deck_id] for deck_id in self.selected_deck_ids() if deck_id in by_id]

    def set_selected_decks(self, deck_ids: Sequence[str]) -> None:
        self.deck_list.set_checked(deck_ids)

    def _deck_ticked(self) -> None:
        self.context.set_setting(Setting.SELECTED_DECKS, self.selected_deck_ids())
        self._refresh()

    # ----- starting

    def set_engine_blocker(self, reason: str | None, *, offer_model_setup: bool = False) -> None:
        """Why the speech side cannot run yet (None when it can), and whether to offer the model setup."""
        self._engine_reason = reason
        self.model_setup_button.setVisible(offer_model_setup)
        self._refresh()

    def blocker(self) -> str | None:
        """Why Start is disabled, in the words shown beside it; None when practice can start."""
        if self._load is None:
            return LOADING_DECKS_REASON
        decks = self.selected_decks()
        if not decks:
            return NO_DECK_REASON
        if not any(deck.questions for deck in decks):
            return EMPTY_DECKS_REASON
        return self._engine_reason

    def _refresh(self) -> None:
        reason = self.blocker()
        self.start_button.setEnabled(reason is None)
        self.reason.setText(reason or READY_TEXT)
        self.start_button.setToolTip("Begin the mock interview (Ctrl+Enter)" if reason is None else reason)

    def options(self) -> PracticeOptions:
        return PracticeOptions(
            deck_ids=tuple(self.selected_deck_ids()),
            question_count=self.count.value(),
            shuffle=self.shuffle.isChecked(),
            think_time_s=float(self.think_time.value()),
            report_after_each=self.report_timing.currentIndex() == 0,
            read_aloud=self.read_aloud.isChecked(),
            live_transcript=self.live_transcript.isChecked(),
            silence_stop_s=float(self.silence_stop.value()),
        )

    def request_start(self) -> None:
        if self.blocker() is None:
            self.start_requested.emit(self.options())
