"""The follow-up note: choose the tone and two strengths, draft it, edit it, copy it.

The draft comes from app/after_interview.py (templates and the user's own words only); the
text the user edits is saved with the debrief.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mockint.core.debrief.model import FollowUpDraft, NoteTone
from mockint.core.debrief.note import MAX_WORDS, count_words
from mockint.ui.after_interview.widgets import button, message, named, show_message
from mockint.ui.widgets.labels import text_label


class NoteView(QWidget):
    draft_requested = Signal()
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.tone = named(QComboBox(), "Tone")
        self.tone.addItem("Brief", NoteTone.BRIEF.value)  # Qt hands a StrEnum back as a plain str
        self.tone.addItem("Warm", NoteTone.WARM.value)
        self.interviewers = named(QLineEdit(), "Interviewers' names", "Who the note is to; the hiring team when empty")
        self.interviewers.setPlaceholderText("Sam and Priya (optional)")
        self.strengths = named(QListWidget(), "Strengths to restate", "Tick two")
        self.strengths.setMaximumHeight(110)
        self.draft = button("Draft the note", "Builds it from templates and your own practice answer")
        self.draft.clicked.connect(self.draft_requested)
        self.text = named(QPlainTextEdit(), "Follow-up note", "Edit freely; saved with the debrief")
        self.words = text_label("0 words", role="Word count")
        self.copy = button("Copy to clipboard")
        self.copy.clicked.connect(self.copy_to_clipboard)
        self.problem = message("Note")
        form = QFormLayout()
        form.addRow("Tone", self.tone)
        form.addRow("To", self.interviewers)
        form.addRow("Strengths", self.strengths)
        bottom = QHBoxLayout()
        bottom.addWidget(self.words)
        bottom.addStretch(1)
        bottom.addWidget(self.copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.draft, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.problem)
        layout.addWidget(self.text, 1)
        layout.addLayout(bottom)
        self.text.textChanged.connect(self._text_changed)
        self.tone.currentIndexChanged.connect(self._changed)
        self.strengths.itemChanged.connect(self._changed)

    def show_choices(self, choices: Sequence[str], picked: Sequence[str]) -> None:
        self._loading = True
        self.strengths.clear()
        for choice in choices:
            entry = QListWidgetItem(choice)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if choice in picked else Qt.CheckState.Unchecked)
            self.strengths.addItem(entry)
        self._loading = False

    def load(self, draft: FollowUpDraft) -> None:
        self._loading = True
        self.tone.setCurrentIndex(self.tone.findData(draft.tone.value))
        self.text.setPlainText(draft.text)
        self._loading = False
        self._count()

    def picked_strengths(self) -> tuple[str, ...]:
        return tuple(
            self.strengths.item(i).text()
            for i in range(self.strengths.count())
            if self.strengths.item(i).checkState() == Qt.CheckState.Checked
        )

    def draft_value(self, built_from: int | None) -> FollowUpDraft:
        return FollowUpDraft(self.text.toPlainText(), self.chosen_tone(), self.picked_strengths(), built_from)

    def chosen_tone(self) -> NoteTone:
        return NoteTone(self.tone.currentData() or NoteTone.BRIEF.value)

    def set_text(self, text: str) -> None:
        self.text.setPlainText(text)

    def show_problem(self, text: str) -> None:
        show_message(self.problem, text)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        show_message(self.problem, "Copied. Nothing is sent anywhere: paste it into your email.")

    def _count(self) -> None:
        count = count_words(self.text.toPlainText())
        over = f", over the {MAX_WORDS + 1}-word limit: shorten it" if count > MAX_WORDS else ""
        self.words.setText(f"{count} words{over}")

    def _text_changed(self) -> None:
        self._count()
        self._changed()

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()
