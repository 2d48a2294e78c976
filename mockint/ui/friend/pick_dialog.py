"""Pick another question: a searchable list of every question in the session's decks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from mockint.core.interview_plan import PlannedQuestion
from mockint.ui.widgets.labels import text_label

KEY_ROLE = Qt.ItemDataRole.UserRole


class PickQuestionDialog(QDialog):
    picked = Signal(str, str)  # deck id, question id

    def __init__(self, search: Callable[[str], list[PlannedQuestion]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Pick another question")
        self.setAccessibleName("Pick another question")
        self._search = search
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Type words of the question, its category or tags")
        self.filter.setAccessibleName("Search questions")
        self.filter.textChanged.connect(self._refill)
        self.results = QListWidget()
        self.results.setAccessibleName("Questions found")
        self.results.itemActivated.connect(lambda _item: self.accept())
        self.count = text_label("", name="hint", role="Questions found")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Ask this question")
        ok.setAccessibleName("Ask this question")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.filter.returnPressed.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(640, 480)
        self._refill("")

    def _refill(self, text: str) -> None:
        self.results.clear()
        found = self._search(text)
        for planned in found:
            question = planned.question
            item = QListWidgetItem(f"{question.text}  ·  {question.category}, {question.difficulty.value}")
            item.setData(KEY_ROLE, (planned.deck_id, question.id))
            self.results.addItem(item)
        self.count.setText(f"{len(found)} question{'s' if len(found) != 1 else ''}")
        if found:
            self.results.setCurrentRow(0)

    def accept(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        deck_id, question_id = item.data(KEY_ROLE)
        super().accept()
        self.picked.emit(deck_id, question_id)
