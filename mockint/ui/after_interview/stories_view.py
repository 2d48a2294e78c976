"""The story bank: the examples to have ready, in STAR parts, and "practise this story"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mockint.core.debrief.model import Story
from mockint.ui.after_interview.widgets import button, message, named, show_message


class StoriesView(QWidget):
    save_requested = Signal(object)  # Story
    delete_requested = Signal(int)  # story id
    practise_requested = Signal(object)  # Story

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current: Story | None = None
        self.list = named(QListWidget(), "Stories")
        self.list.currentItemChanged.connect(self._picked)
        self.new = button("New story")
        self.new.clicked.connect(lambda: self.edit(None))
        self.title = named(QLineEdit(), "Story title")
        self.title.setPlaceholderText("A short name: \u201cThe billing outage\u201d")
        self.parts: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.addRow("Title", self.title)
        hints = {
            "situation": "Where and when; what was at stake",
            "task": "What you had to do",
            "action": "What you did, step by step (I, not we)",
            "result": "How it ended, with numbers where you can",
        }
        for part, hint in hints.items():
            box = named(QPlainTextEdit(), part.capitalize(), hint)
            box.setPlaceholderText(hint)
            box.setMaximumHeight(64)
            self.parts[part] = box
            form.addRow(part.capitalize(), box)
        self.skills = named(QLineEdit(), "Skills it shows", "Separated by commas")
        self.skills.setPlaceholderText("leadership, calm under pressure")
        form.addRow("Skills", self.skills)
        self.problem = message("Problem")
        self.save = button("Save story")
        self.save.clicked.connect(self._save)
        self.delete = button("Delete story")
        self.delete.clicked.connect(self._delete)
        self.practise = button("Practise this story", "A solo answer with your notes shown while you think, 60-120 s")
        self.practise.clicked.connect(self._practise)
        buttons = QHBoxLayout()
        for widget in (self.save, self.practise, self.delete):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.problem)
        right.addLayout(buttons)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        self.edit(None)

    def show_stories(self, stories: Sequence[Story], select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for story in stories:
            entry = QListWidgetItem(story.title)
            entry.setData(Qt.ItemDataRole.UserRole, story)
            self.list.addItem(entry)
            if story.id == select:
                self.list.setCurrentItem(entry)
        self.list.blockSignals(False)
        chosen = next((s for s in stories if s.id == select), None)
        if chosen is not None:
            self.edit(chosen)

    def story(self) -> Story:
        skills = tuple(s.strip() for s in self.skills.text().split(",") if s.strip())
        text = {part: box.toPlainText().strip() for part, box in self.parts.items()}
        return Story(
            self.title.text().strip(),
            text["situation"],
            text["task"],
            text["action"],
            text["result"],
            skills=skills,
            id=self._current.id if self._current else None,
        )

    def edit(self, story: Story | None) -> None:
        self._current = story
        self.title.setText(story.title if story else "")
        for part, box in self.parts.items():
            box.setPlainText(getattr(story, part) if story else "")
        self.skills.setText(", ".join(story.skills) if story else "")
        self.delete.setEnabled(story is not None)
        self.practise.setEnabled(story is not None)
        show_message(self.problem, "")

    def show_problem(self, text: str) -> None:
        show_message(self.problem, text)

    def _picked(self, entry: QListWidgetItem | None, _previous: object = None) -> None:
        if entry is not None:
            self.edit(entry.data(Qt.ItemDataRole.UserRole))

    def _save(self) -> None:
        story = self.story()
        problems = story.problems()
        if problems:
            show_message(self.problem, " ".join(problems))  # nothing is saved broken
            return
        show_message(self.problem, "")
        self.save_requested.emit(story)

    def _delete(self) -> None:
        if self._current is not None and self._current.id is not None:
            self.delete_requested.emit(self._current.id)

    def _practise(self) -> None:
        if self._current is not None:
            self.practise_requested.emit(self._current)
