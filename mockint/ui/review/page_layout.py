"""How the Review page is laid out: sessions and answers on the left; the question, the
recording strip, and the "This answer" / "Compare attempts" tabs on the right; an empty state.

Behaviour lives in `mockint.ui.pages.review_page.ReviewPage`, which subclasses this.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mockint.settings import Setting
from mockint.ui.context import AppContext
from mockint.ui.review.answer_list import AnswerList
from mockint.ui.review.answer_view import AnswerView
from mockint.ui.review.attempts_compare import AttemptsCompare
from mockint.ui.review.retry_panel import RetryPanel
from mockint.ui.review.review_style import review_style
from mockint.ui.review.session_picker import SessionPicker
from mockint.ui.widgets.labels import named
from mockint.ui.widgets.page_header import PageHeader


class ReviewPageLayout(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._build()
        self.setStyleSheet(review_style(context.theme))

    def _build(self) -> None:
        c = self.context
        header = PageHeader("Review", "Hear an answer again, see what to fix, then try the question again.")
        self.session_picker = SessionPicker()
        self.answer_list = AnswerList(c.theme)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.setSpacing(6)
        left_column.addWidget(named(QLabel("SESSION"), "fieldLabel"))
        left_column.addWidget(self.session_picker)
        left_column.addSpacing(8)
        left_column.addWidget(named(QLabel("ANSWERS"), "fieldLabel"))
        left_column.addWidget(self.answer_list, 1)

        self.question = named(QLabel(), "reviewQuestion")
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = named(QLabel(), "reviewMeta")
        self.try_again_button = named(QPushButton("Try again"), "primary")
        self.try_again_button.setToolTip("Answer this question again; the new attempt is compared with this one")
        self.try_again_button.setAccessibleName("Try again")
        self.delete_answer_button = QPushButton("Delete answer")
        self.delete_answer_button.setToolTip(
            "Delete this answer and its recording, so it no longer counts in your figures"
        )
        self.delete_answer_button.setAccessibleName("Delete answer")
        titles = QVBoxLayout()
        titles.setSpacing(3)
        titles.addWidget(self.question)
        titles.addWidget(self.meta)
        question_row = QHBoxLayout()
        question_row.setSpacing(16)
        question_row.addLayout(titles, 1)
        question_row.addWidget(self.try_again_button, 0, Qt.AlignmentFlag.AlignTop)
        question_row.addWidget(self.delete_answer_button, 0, Qt.AlignmentFlag.AlignTop)
        self.retry_panel = RetryPanel(c.theme)
        self.retry_panel.hide()

        self.answer_view = AnswerView(c.workers, c.theme, c.settings.get(Setting.OUTPUT_DEVICE))
        self.compare = AttemptsCompare(c.theme)
        compare_scroll = QScrollArea()
        compare_scroll.setWidgetResizable(True)
        compare_scroll.setFrameShape(QFrame.Shape.NoFrame)
        compare_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        compare_holder = QWidget()
        holder_column = QVBoxLayout(compare_holder)
        holder_column.setContentsMargins(0, 14, 6, 8)
        holder_column.addWidget(self.compare)
        compare_scroll.setWidget(compare_holder)
        self.compare_tab = compare_scroll
        answer_holder = QWidget()
        answer_column = QVBoxLayout(answer_holder)
        answer_column.setContentsMargins(0, 14, 0, 0)
        answer_column.addWidget(self.answer_view)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(answer_holder, "This answer")
        self.tabs.addTab(compare_scroll, "Compare attempts")

        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.setSpacing(12)
        right_column.addLayout(question_row)
        right_column.addWidget(self.retry_panel)
        right_column.addWidget(self.tabs, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 7)
        split.setSizes([300, 780])

        self.empty_title = named(QLabel(), "emptyTitle")
        self.empty_text = named(QLabel(), "hint")
        self.empty_text.setWordWrap(True)
        empty = QWidget()
        empty_column = QVBoxLayout(empty)
        empty_column.addStretch(1)
        for label in (self.empty_title, self.empty_text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty_column.addWidget(label)
        empty_column.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(split)
        self.stack.addWidget(empty)
        self._content, self._empty = split, empty

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(16)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)

        self.stop_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self.stop_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.stop_shortcut.setEnabled(False)
