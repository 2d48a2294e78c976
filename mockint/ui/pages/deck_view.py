"""The right side of the Decks page: one deck's details and questions, or why its file is broken."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mockint.core.decks import Deck, DeckError
from mockint.core.formatting import target_text
from mockint.ui.pages.question_detail import QuestionDetail
from mockint.ui.widgets.labels import named
from mockint.ui.widgets.layouts import top_level_items

QUESTION_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Question", "Category", "Difficulty", "Target")
CELL_PADDING = QSize(16, 12)  # the style sheet's item padding, both sides together


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's width (Qt's own hint assumes one line)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        width = self._view.columnWidth(index.column()) - CELL_PADDING.width()
        if width <= 0:
            return hint
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        flags = int(Qt.TextFlag.TextWordWrap)
        height = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), flags, text).height()
        return QSize(hint.width(), max(hint.height(), height + CELL_PADDING.height()))


class DeckView(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deck: Deck | None = None
        self.empty = named(QLabel("Choose a deck on the left to see its questions."), "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(self.empty)
        self.addWidget(self._build_deck_view())
        self.addWidget(self._build_problem_view())

    def _build_deck_view(self) -> QWidget:
        page = QWidget()
        self.title = named(QLabel(), "deckTitle")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.meta = named(QLabel(), "hint")
        self.meta.setWordWrap(True)
        self.questions = QTreeWidget()
        self.questions.setAccessibleName("Questions in this deck")
        self.questions.setToolTip("The deck's questions; choose one to see its follow-ups and good-answer note")
        self.questions.setHeaderLabels(COLUMNS)
        self.questions.setRootIsDecorated(False)
        self.questions.setAlternatingRowColors(True)
        # Question texts wrap onto more lines instead of being cut while there is room below.
        self.questions.setWordWrap(True)
        self.questions.setUniformRowHeights(False)
        self.questions.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.questions.setItemDelegateForColumn(0, WrappingDelegate(self.questions))
        self.questions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.questions.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.sectionResized.connect(lambda *_: self.questions.doItemsLayout())  # re-wrap at the new width
        self.questions.currentItemChanged.connect(self._question_changed)
        self.detail = QuestionDetail()

        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.questions)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(self.meta)
        layout.addSpacing(6)
        layout.addWidget(split, 1)
        return page

    def _build_problem_view(self) -> QWidget:
        page = QWidget()
        self.problem_title = named(QLabel(), "deckTitle")
        self.problem = named(QLabel(), "problemBox")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setAccessibleDescription("Why this deck could not be loaded")
        hint = named(QLabel("Fix the file in a text editor and choose Reload; the other decks work meanwhile."), "hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.problem_title)
        layout.addWidget(self.problem)
        layout.addWidget(hint)
        layout.addStretch(1)
        return page

    @property
    def deck(self) -> Deck | None:
        return self._deck

    def clear(self) -> None:
        self._deck = None
        self.setCurrentIndex(0)

    def show_deck(self, deck: Deck) -> None:
        self._deck = deck
        self.title.setText(deck.name)
        self.description.setText(deck.description)
        self.description.setVisible(bool(deck.description))
        count = len(deck.questions)
        self.meta.setText(
            f"{count} question{'s' if count != 1 else ''}  ·  language {deck.language}  ·  "
            f"answers of {target_text(deck.default_target)} unless a question says otherwise"
        )
        self.questions.clear()
        for question in deck.questions:
            target = deck.target_for(question)
            item = QTreeWidgetItem([question.text, question.category, question.difficulty.value, target_text(target)])
            item.setData(0, QUESTION_ROLE, question)
            item.setToolTip(0, question.text)
            self.questions.addTopLevelItem(item)
        self.detail.clear()
        self.setCurrentIndex(1)

    def show_problem(self, error: DeckError) -> None:
        self._deck = None
        self.problem_title.setText("This deck could not be loaded")
        self.problem.setText(error.user_message)
        self.setCurrentIndex(2)

    def question_texts(self) -> list[str]:
        return [item.text(0) for item in top_level_items(self.questions)]

    def select_question(self, row: int) -> None:
        item = self.questions.topLevelItem(row)
        if item is not None:
            self.questions.setCurrentItem(item)

    def _question_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        question = current.data(0, QUESTION_ROLE) if current is not None else None
        if question is None or self._deck is None:
            self.detail.clear()
            return
        self.detail.show_question(question, self._deck.target_for(question))
