"""The big picture: what improved and went well first, then the streak and the next thing; and
first-versus-latest attempts of a question across sessions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QListWidget, QVBoxLayout, QWidget

from mockint.app.after_interview import AttemptComparison
from mockint.core.debrief.progress import ProgressSummary
from mockint.core.formatting import clock
from mockint.core.session import Answer
from mockint.ui.after_interview.widgets import heading, named
from mockint.ui.widgets.labels import text_label


class ProgressView(QWidget):
    compare_requested = Signal(str)  # question text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = named(
            QListWidget(), "The big picture", "Trends, what went well, the streak, what to practise next"
        )
        self.question = named(QComboBox(), "Question to compare", "Questions answered more than once")
        self.question.activated.connect(lambda _i: self._compare())
        self.first = text_label("", role="First attempt", wrap=True, selectable=True)
        self.latest = text_label("", role="Latest attempt", wrap=True, selectable=True)
        self.changes = named(QListWidget(), "What changed")
        self.changes.setMaximumHeight(130)
        for lines in (self.summary, self.changes):
            lines.setWordWrap(True)  # a long line wraps instead of hiding its end past a scroll bar
            lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        grid = QGridLayout()
        grid.addWidget(text_label("First attempt", role="Heading"), 0, 0)
        grid.addWidget(text_label("Latest attempt", role="Heading"), 0, 1)
        grid.addWidget(self.first, 1, 0)
        grid.addWidget(self.latest, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary, 1)
        layout.addWidget(heading("Compare attempts"))
        layout.addWidget(self.question)
        layout.addLayout(grid)
        layout.addWidget(self.changes)

    def show_summary(self, summary: ProgressSummary, questions: Sequence[str]) -> None:
        self.summary.clear()
        self.summary.addItems(summary.lines())
        current = self.question.currentText()
        self.question.clear()
        self.question.addItems(list(questions))
        if current in questions:
            self.question.setCurrentText(current)
        self.question.setEnabled(bool(questions))
        if not questions:
            self.first.setText("Answer a question twice (in any sessions) to compare the attempts.")
            self.latest.clear()
            self.changes.clear()
        else:
            self._compare()

    def summary_lines(self) -> list[str]:
        return [self.summary.item(i).text() for i in range(self.summary.count())]

    def show_comparison(self, comparison: AttemptComparison | None) -> None:
        self.changes.clear()
        if comparison is None:
            self.first.setText("Only one analysed attempt so far.")
            self.latest.clear()
            return
        self.first.setText(_attempt(comparison.first))
        self.latest.setText(_attempt(comparison.latest))
        self.changes.addItems(list(comparison.changes))

    def _compare(self) -> None:
        if self.question.currentText():
            self.compare_requested.emit(self.question.currentText())


def _attempt(answer: Answer) -> str:
    report = answer.report
    when = (answer.started_at or answer.created_at).astimezone().strftime("%d %b %Y")
    if report is None:
        return when
    fillers = report.metrics.fillers_per_min
    figures = f"{clock(report.metrics.duration_s)}, {report.metrics.word_count} words"
    if fillers is not None:
        figures += f", {fillers:.1f} fillers a minute"
    text = answer.transcript_text
    shown = text[:280] + ("\u2026" if len(text) > 280 else "")
    return f"{when}: {figures}\n\u201c{shown}\u201d"
