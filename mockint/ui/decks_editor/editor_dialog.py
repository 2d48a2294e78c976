"""The deck editor: a deck's fields and its questions, checked as you type, saved only when valid.

The checking is `DeckDraft.check` (the rules of `mockint deck validate`, word for word); saving
runs in a worker through `mockint.app.deck_editing`, so the window never waits on the disk.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mockint.app.deck_editing import save_user_deck
from mockint.app.deck_files import DeckFolders
from mockint.core.decks import Deck
from mockint.core.decks.draft import DeckDraft, DraftProblem
from mockint.ui.decks_editor.question_form import QuestionForm
from mockint.ui.error_dialog import show_error
from mockint.ui.workers import FunctionWorker, WorkerPool

DECK_FIELD_HELP = {
    "name": ("&Name", "The deck's name as the lists show it"),
    "description": ("&Description", "One or two sentences on what the deck is for"),
    "language": ("&Language", "Language code of the questions, such as en or ko"),
}


class DeckEditor(QDialog):
    saved = Signal(object)  # the Deck as saved and read back

    def __init__(
        self,
        draft: DeckDraft,
        folders: DeckFolders,
        workers: WorkerPool,
        deck_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.draft = draft
        self.folders = folders
        self.workers = workers
        self.deck_id = deck_id
        self.problems: list[DraftProblem] = []
        self.setWindowTitle("Edit deck" if deck_id else "New deck")
        self.setAccessibleName(self.windowTitle())
        self.resize(980, 680)

        self.name_edit = QLineEdit(draft.name)
        self.description_edit = QLineEdit(draft.description)
        self.description_edit.setCursorPosition(0)  # a long description shows its start, not its end
        self.language_edit = QLineEdit(draft.language)
        self.default_min = QLineEdit(draft.target_min)
        self.default_max = QLineEdit(draft.target_max)
        deck_form = QFormLayout()
        self.deck_fields: dict[str, QWidget] = {
            "name": self.name_edit,
            "description": self.description_edit,
            "language": self.language_edit,
        }
        for key, widget in self.deck_fields.items():
            label_text, help_text = DECK_FIELD_HELP[key]
            label = QLabel(label_text)
            label.setBuddy(widget)
            widget.setAccessibleName(label_text.replace("&", ""))
            widget.setAccessibleDescription(help_text)
            widget.setToolTip(help_text)
            deck_form.addRow(label, widget)
        target_row = QHBoxLayout()
        for edit, name in ((self.default_min, "Default target from (s)"), (self.default_max, "Default target to (s)")):
            edit.setAccessibleName(name)
            edit.setAccessibleDescription("How long answers should run when a question has no target of its own")
            edit.setMaximumWidth(90)
        target_row.addWidget(self.default_min)
        target_row.addWidget(QLabel("to"))
        target_row.addWidget(self.default_max)
        target_row.addStretch(1)
        default_label = QLabel("Default &target (s)")
        default_label.setBuddy(self.default_min)
        deck_form.addRow(default_label, target_row)
        self.deck_fields["default_target_s"] = self.default_min
        for line in (self.name_edit, self.description_edit, self.language_edit, self.default_min, self.default_max):
            line.textEdited.connect(self._deck_edited)

        self.question_list = QListWidget()
        self.question_list.setAccessibleName("Questions")
        self.question_list.setAccessibleDescription("The deck's questions in order; Alt+Up and Alt+Down move one")
        self.question_list.currentRowChanged.connect(self._question_chosen)
        # A long question wraps onto a second line rather than hiding behind a sideways scroll bar.
        self.question_list.setWordWrap(True)
        self.question_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.question_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_button = self._button("&Add question", "Add a question after the chosen one", self.add_question)
        self.delete_button = self._button("Re&move question", "Remove the chosen question", self.remove_question)
        self.up_button = self._button(
            "Move &up", "Move the chosen question up (Alt+Up)", lambda: self.move_question(-1)
        )
        self.down_button = self._button(
            "Move do&wn", "Move the chosen question down (Alt+Down)", lambda: self.move_question(1)
        )
        self.question_list.installEventFilter(self)  # Alt+Up / Alt+Down move the chosen question
        list_buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            list_buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("Questions"))
        left_layout.addWidget(self.question_list, 1)
        left_layout.addLayout(list_buttons)

        self.form = QuestionForm()
        self.form.edited.connect(self._question_edited)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(self.form)
        split.setSizes([360, 600])

        self.status = QLabel()  # every problem, or "ready to save"
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save deck")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(deck_form)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._fill_list()
        self.question_list.setCurrentRow(0 if draft.questions else -1)
        self._revalidate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.question_list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
            if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in steps:
                self.move_question(steps[Qt.Key(event.key())])
                return True
        return super().eventFilter(watched, event)

    def _button(self, text: str, tooltip: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tooltip)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        return button

    # ----- the list of questions

    def _fill_list(self) -> None:
        self.question_list.blockSignals(True)
        self.question_list.clear()
        for question in self.draft.questions:
            self.question_list.addItem(QListWidgetItem(self._item_text(question.text, question.id)))
        self.question_list.blockSignals(False)

    @staticmethod
    def _item_text(text: str, question_id: str) -> str:
        first_line = " ".join(text.split()) or f"(no text yet: {question_id})"
        return first_line

    def current_index(self) -> int | None:
        row = self.question_list.currentRow()
        return row if 0 <= row < len(self.draft.questions) else None

    def add_question(self) -> None:
        index = self.draft.add_question(self.current_index())
        self._fill_list()
        self.question_list.setCurrentRow(index)
        self.form.text_edit.setFocus()
        self._revalidate()

    def remove_question(self) -> None:
        index = self.current_index()
        if index is None:
            return
        self.draft.remove_question(index)
        self._fill_list()
        self.question_list.setCurrentRow(min(index, len(self.draft.questions) - 1))
        self._question_chosen(self.question_list.currentRow())
        self._revalidate()

    def move_question(self, step: int) -> None:
        index = self.current_index()
        if index is None:
            return
        landed = self.draft.move_question(index, index + step)
        self._fill_list()
        self.question_list.setCurrentRow(landed)
        self._revalidate()

    def _question_chosen(self, row: int) -> None:
        has_question = 0 <= row < len(self.draft.questions)
        self.form.setEnabled(has_question)
        for button in (self.delete_button, self.up_button, self.down_button):
            button.setEnabled(has_question)
        if has_question:
            self.form.load(self.draft.questions[row])
        self._show_field_problems()

    # ----- editing and checking

    def _deck_edited(self) -> None:
        self.draft.name = self.name_edit.text()
        self.draft.description = self.description_edit.text()
        self.draft.language = self.language_edit.text()
        self.draft.target_min = self.default_min.text()
        self.draft.target_max = self.default_max.text()
        self._revalidate()

    def _question_edited(self) -> None:
        index = self.current_index()
        if index is None:
            return
        question = self.draft.questions[index]
        self.form.store_into(question)
        self.question_list.item(index).setText(self._item_text(question.text, question.id))
        self._revalidate()

    def _revalidate(self) -> None:
        _, self.problems = self.draft.check()
        self.save_button.setEnabled(not self.problems)
        if self.problems:
            shown = [f"⚠ {problem}" for problem in self.problems[:6]]
            more = len(self.problems) - len(shown)
            self.status.setText("\n".join(shown + ([f"and {more} more"] if more > 0 else [])))
        else:
            self.status.setText("No problems: the deck is ready to save.")
        for key, widget in self.deck_fields.items():
            message = next((p.message for p in self.problems if p.where.question is None and p.where.key == key), None)
            widget.setAccessibleDescription(f"Problem: {message}" if message else DECK_FIELD_HELP.get(key, ("", ""))[1])
            widget.setProperty("problem", message is not None)
        self._show_field_problems()

    def _show_field_problems(self) -> None:
        index = self.current_index()
        by_field: dict[str | None, str] = {}
        for problem in self.problems:
            if index is not None and problem.where.question == index:
                by_field.setdefault(problem.where.key, problem.message)
        self.form.show_problems(by_field)
        for row in range(self.question_list.count()):
            item = self.question_list.item(row)
            broken = any(p.where.question == row for p in self.problems)
            text = self._item_text(self.draft.questions[row].text, self.draft.questions[row].id)
            item.setText(f"⚠ {text}" if broken else text)

    # ----- saving

    def save(self) -> None:
        """Saves in the background when the draft is valid; the dialog closes once it is written."""
        if self.problems:
            return
        self.save_button.setEnabled(False)
        self.workers.start(
            FunctionWorker(save_user_deck, self.draft.copy(), self.folders, self.deck_id),
            on_finished=self._saved,
            on_failed=self._save_failed,
        )

    def _saved(self, deck: Deck) -> None:
        self.deck_id = deck.id
        self.saved.emit(deck)
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(not self.problems)
        show_error(self, error, "Save the deck")
