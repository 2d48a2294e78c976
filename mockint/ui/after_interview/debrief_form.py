"""The debrief form: the interview's facts, and each question with how it went and why.

It never touches the store: `edited` fires on every change (the page saves it, debounced), and
`debrief()` reads the form back as an `InterviewDebrief`. A question can be typed or found in
the decks with a search that matches similar wording (core/debrief/similarity.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mockint.core.debrief.model import (
    Cause,
    DebriefItem,
    HowItWent,
    InterviewDebrief,
    InterviewerManner,
    InterviewFormat,
)
from mockint.core.debrief.similarity import similar
from mockint.core.decks import Deck, Question
from mockint.ui.after_interview.widgets import button, heading, named
from mockint.ui.widgets.labels import text_label

DATE_HINT = "YYYY-MM-DD"


def parse_day(text: str, what: str) -> tuple[date | None, str | None]:
    """The date typed, or why it is not one (None, None for an empty field)."""
    text = text.strip()
    if not text:
        return None, None
    try:
        return date.fromisoformat(text), None
    except ValueError:
        return None, f"The {what} \u201c{text}\u201d is not a date: type it as {DATE_HINT}."


E = TypeVar("E", bound=StrEnum)


def _choice(kind: type[E], value: object) -> E | None:
    """A combo box's data back as its enum (None for the "not chosen" entry)."""
    return kind(value) if isinstance(value, str) and value else None


class QuestionRow(QFrame):
    changed = Signal()
    remove_requested = Signal(object)  # this row

    def __init__(self, number: int, item: DebriefItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("debriefQuestion")
        self.question_id, self.deck_id, self.story_id = item.question_id, item.deck_id, item.story_id
        self.text = named(QLineEdit(item.text), f"Question {number}", "The question as it was asked")
        self.text.setPlaceholderText("The question as it was asked")
        self.how = named(QComboBox(), f"How question {number} went")
        self.how.addItem("How did it go?", None)
        for how in HowItWent:
            self.how.addItem(how.label, how.value)  # Qt hands a StrEnum back as a plain str
        self.how.setCurrentIndex(self.how.findData(item.how.value) if item.how else 0)
        self.causes: dict[Cause, QCheckBox] = {}
        grid = QGridLayout()
        for index, cause in enumerate(Cause):
            box = named(QCheckBox(cause.label), cause.label, f"What went wrong with question {number}")
            box.setChecked(cause in item.causes)
            box.toggled.connect(self.changed)
            self.causes[cause] = box
            grid.addWidget(box, index // 3, index % 3)  # three a row: fits beside the list of debriefs
        self.note = named(QLineEdit(item.note), f"Note on question {number}", "What you said, or what went wrong")
        self.note.setPlaceholderText("What you said, or what went wrong (your words)")
        self.remove = named(button("Remove"), f"Remove question {number}")
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        top = QHBoxLayout()
        top.addWidget(self.text, 1)
        top.addWidget(self.how)
        top.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.note)
        self.text.textChanged.connect(self.changed)
        self.note.textChanged.connect(self.changed)
        self.how.currentIndexChanged.connect(self.changed)

    def item(self) -> DebriefItem:
        return DebriefItem(
            text=self.text.text(),
            how=_choice(HowItWent, self.how.currentData()),
            causes=tuple(cause for cause, box in self.causes.items() if box.isChecked()),
            note=self.note.text(),
            question_id=self.question_id,
            deck_id=self.deck_id,
            story_id=self.story_id,
        )


class DebriefForm(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._base = InterviewDebrief()
        self._decks: list[Deck] = []
        self.company = named(QLineEdit(), "Company")
        self.role = named(QLineEdit(), "Role")
        self.happened_on = named(QLineEdit(), "Interview date", f"The day of the interview, {DATE_HINT}")
        self.happened_on.setPlaceholderText(DATE_HINT)
        self.next_on = named(
            QLineEdit(), "Next interview date", f"Optional: spreads the plan over the days left, {DATE_HINT}"
        )
        self.next_on.setPlaceholderText(f"{DATE_HINT} (optional)")
        self.format = named(QComboBox(), "Interview format")
        self.format.addItem("Format?", None)
        for fmt in InterviewFormat:
            self.format.addItem(fmt.label, fmt.value)
        self.manner = named(QComboBox(), "How the interviewers came across")
        self.manner.addItem("Interviewers?", None)
        for manner in InterviewerManner:
            self.manner.addItem(manner.label, manner.value)
        facts = QFormLayout()
        facts.addRow("Company", self.company)
        facts.addRow("Role", self.role)
        facts.addRow("Date", self.happened_on)
        facts.addRow("Format", self.format)
        facts.addRow("Interviewers", self.manner)
        facts.addRow("Next interview", self.next_on)

        self.rows: list[QuestionRow] = []
        self.questions_box = QVBoxLayout()
        self.add_question = button("Add a question", "Add a question you were asked, typed")
        self.add_question.clicked.connect(lambda: self._add_row(DebriefItem(""), focus=True))
        self.search = named(
            QLineEdit(), "Find a question in the decks", "Type some of its words; similar wording is found"
        )
        self.search.setPlaceholderText("Find a question in the decks (similar wording is found)")
        self.results = named(QListWidget(), "Questions like it")
        self.results.setMaximumHeight(90)
        self.results.itemActivated.connect(self._pick)
        self.pick = button("Add the picked question")
        self.pick.clicked.connect(lambda: self._pick(self.results.currentItem()))
        self.search.textChanged.connect(self._search)
        self.note = named(QPlainTextEdit(), "Notes on the interview")
        self.note.setPlaceholderText("Anything else: who you met, what they stressed, what to remember")
        self.note.setMaximumHeight(70)

        picker = QHBoxLayout()
        picker.addWidget(self.search, 1)
        picker.addWidget(self.pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(facts)
        layout.addWidget(heading("Questions asked"))
        layout.addLayout(self.questions_box)
        layout.addWidget(self.add_question, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(picker)
        layout.addWidget(self.results)
        layout.addWidget(text_label("Notes", role="Heading"))
        layout.addWidget(self.note)
        for line in (self.company, self.role, self.happened_on, self.next_on):
            line.textChanged.connect(self._changed)
        self.format.currentIndexChanged.connect(self._changed)
        self.manner.currentIndexChanged.connect(self._changed)
        self.note.textChanged.connect(self._changed)

    # ----- in and out

    def set_decks(self, decks: Sequence[Deck]) -> None:
        self._decks = list(decks)

    def load(self, debrief: InterviewDebrief) -> None:
        self._loading = True
        try:
            self._base = debrief
            self.company.setText(debrief.company)
            self.role.setText(debrief.role)
            self.happened_on.setText(debrief.happened_on.isoformat() if debrief.happened_on else "")
            self.next_on.setText(debrief.next_interview_on.isoformat() if debrief.next_interview_on else "")
            self.format.setCurrentIndex(self.format.findData(debrief.format.value) if debrief.format else 0)
            self.manner.setCurrentIndex(self.manner.findData(debrief.manner.value) if debrief.manner else 0)
            self.note.setPlainText(debrief.note)
            for row in self.rows:
                row.deleteLater()
            self.rows = []
            for item in debrief.items:
                self._add_row(item)
            self.search.clear()
        finally:
            self._loading = False

    def debrief(self) -> InterviewDebrief:
        return replace(
            self._base,
            company=self.company.text(),
            role=self.role.text(),
            happened_on=parse_day(self.happened_on.text(), "interview date")[0],
            next_interview_on=parse_day(self.next_on.text(), "next interview date")[0],
            format=_choice(InterviewFormat, self.format.currentData()),
            manner=_choice(InterviewerManner, self.manner.currentData()),
            items=tuple(row.item() for row in self.rows),
            note=self.note.toPlainText(),
        )

    def date_problems(self) -> list[str]:
        found = [
            parse_day(self.happened_on.text(), "interview date")[1],
            parse_day(self.next_on.text(), "next interview date")[1],
        ]
        return [p for p in found if p]

    def saved_as(self, debrief: InterviewDebrief) -> None:
        """The store gave it an id (and times); the form keeps what the user typed since."""
        self._base = replace(self._base, id=debrief.id, created_at=debrief.created_at)

    def set_base(self, debrief: InterviewDebrief) -> None:
        """Keeps fields the form does not show (ticks, the note) up to date."""
        self._base = replace(debrief)

    # ----- questions

    def _add_row(self, item: DebriefItem, *, focus: bool = False) -> QuestionRow:
        row = QuestionRow(len(self.rows) + 1, item)
        row.changed.connect(self._changed)
        row.remove_requested.connect(self._remove_row)
        self.rows.append(row)
        self.questions_box.addWidget(row)
        if focus:
            row.text.setFocus()
        self._changed()
        return row

    def _remove_row(self, row: QuestionRow) -> None:
        self.rows.remove(row)
        row.deleteLater()
        self._changed()

    def _search(self, text: str) -> None:
        self.results.clear()
        candidates = [((deck, q), q.text) for deck in self._decks for q in deck.questions]
        for match in similar(text, candidates, limit=5):
            deck, question = match.item
            entry = QListWidgetItem(f"{question.text}  ({deck.name})")
            entry.setData(Qt.ItemDataRole.UserRole, (deck.id, question))
            self.results.addItem(entry)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _pick(self, entry: QListWidgetItem | None) -> None:
        if entry is None:
            return
        deck_id, question = entry.data(Qt.ItemDataRole.UserRole)
        assert isinstance(question, Question)
        self._add_row(DebriefItem(question.text, question_id=question.id, deck_id=deck_id))
        self.search.clear()

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()
