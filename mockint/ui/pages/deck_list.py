"""The list of decks on the Decks page: shipped, the user's own, and files that did not load."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from mockint.app.deck_files import DeckFolders
from mockint.core.decks import Deck, DeckError, DeckLoad
from mockint.ui.icons import themed_icon
from mockint.ui.theme import Theme
from mockint.ui.widgets.layouts import child_items, top_level_items

ENTRY_ROLE = Qt.ItemDataRole.UserRole  # ("deck", Deck) or ("problem", DeckError)


def question_count(deck: Deck) -> str:
    count = len(deck.questions)
    return f"{count} question" if count == 1 else f"{count} questions"


class DeckList(QTreeWidget):
    deck_selected = Signal(object)  # the Deck now selected
    problem_selected = Signal(object)  # the DeckError of the broken file now selected
    nothing_selected = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setAccessibleName("Decks")
        self.setToolTip("Choose a deck to see its questions")
        self.currentItemChanged.connect(self._current_changed)

    def preferred_width(self) -> int:
        """Wide enough for every deck name and its count, uncut."""
        metrics = self.fontMetrics()
        widest = [0, 0]
        for item in self._entries():
            for column in (0, 1):
                widest[column] = max(widest[column], metrics.horizontalAdvance(item.text(column)))
        frame = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        return widest[0] + widest[1] + 40 + frame  # 40: the cells' padding and the gap between them

    def show_load(self, load: DeckLoad, folders: DeckFolders) -> None:
        keep = self.current_deck_id()
        self.clear()
        shipped = [deck for deck in load.decks if folders.is_shipped(deck)]
        yours = [deck for deck in load.decks if not folders.is_shipped(deck)]
        self._group("Comes with MockInt", [self._deck_item(deck) for deck in shipped])
        self._group("Yours", [self._deck_item(deck) for deck in yours], empty="None yet: import a CSV file")
        if load.errors:
            self._group("Could not be loaded", [self._problem_item(error) for error in load.errors])
        if not (keep and self.select_deck(keep)):
            self.setCurrentItem(None)  # type: ignore[call-overload]  # the stubs miss None: "no current item"
            self.nothing_selected.emit()

    def _group(self, title: str, children: list[QTreeWidgetItem], empty: str = "") -> None:
        group = QTreeWidgetItem([title.upper(), ""])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = group.font(0)
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF() - 1.5, 7.0))
        group.setFont(0, font)
        group.setForeground(0, self.palette().placeholderText())
        self.addTopLevelItem(group)
        if not children and empty:
            placeholder = QTreeWidgetItem([empty, ""])
            placeholder.setFlags(Qt.ItemFlag.ItemIsEnabled)
            placeholder.setForeground(0, self.palette().placeholderText())
            children = [placeholder]
        group.addChildren(children)
        group.setExpanded(True)
        group.setFirstColumnSpanned(True)

    def _deck_item(self, deck: Deck) -> QTreeWidgetItem:
        item = QTreeWidgetItem([deck.name, question_count(deck)])
        item.setData(0, ENTRY_ROLE, ("deck", deck))
        item.setToolTip(0, deck.description or deck.name)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setForeground(1, self.palette().placeholderText())
        return item

    def _problem_item(self, error: DeckError) -> QTreeWidgetItem:
        item = QTreeWidgetItem([Path(error.path).name, "not loaded"])
        item.setData(0, ENTRY_ROLE, ("problem", error))
        item.setIcon(0, themed_icon("warning", self._theme, role="warning"))
        item.setToolTip(0, error.user_message)
        item.setForeground(1, self.palette().placeholderText())
        return item

    def _entries(self) -> list[QTreeWidgetItem]:
        return [child for group in top_level_items(self) for child in child_items(group) if child.data(0, ENTRY_ROLE)]

    def decks(self) -> list[Deck]:
        return [item.data(0, ENTRY_ROLE)[1] for item in self._entries() if item.data(0, ENTRY_ROLE)[0] == "deck"]

    def problems(self) -> list[DeckError]:
        return [item.data(0, ENTRY_ROLE)[1] for item in self._entries() if item.data(0, ENTRY_ROLE)[0] == "problem"]

    def rows(self) -> list[tuple[str, str]]:
        """What the list shows, entry by entry: (name, count or "not loaded")."""
        return [(item.text(0), item.text(1)) for item in self._entries()]

    def select_deck(self, deck_id: str) -> bool:
        for item in self._entries():
            kind, value = item.data(0, ENTRY_ROLE)
            if kind == "deck" and value.id == deck_id:
                self.setCurrentItem(item)
                return True
        return False

    def select_problem(self, file_name: str) -> bool:
        for item in self._entries():
            kind, value = item.data(0, ENTRY_ROLE)
            if kind == "problem" and Path(value.path).name == file_name:
                self.setCurrentItem(item)
                return True
        return False

    def current_deck(self) -> Deck | None:
        item = self.currentItem()
        entry = item.data(0, ENTRY_ROLE) if item is not None else None
        return entry[1] if entry and entry[0] == "deck" else None

    def current_deck_id(self) -> str | None:
        deck = self.current_deck()
        return deck.id if deck else None

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        entry = current.data(0, ENTRY_ROLE) if current is not None else None
        if not entry:
            self.nothing_selected.emit()
        elif entry[0] == "deck":
            self.deck_selected.emit(entry[1])
        else:
            self.problem_selected.emit(entry[1])
