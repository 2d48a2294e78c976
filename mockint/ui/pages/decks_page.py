"""The Decks page: browse every deck and its questions, import a CSV, export one as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from mockint.app import deck_files
from mockint.app.deck_files import DeckFolders
from mockint.core.decks import Deck, DeckError, DeckLoad
from mockint.ui.background import ResourceState
from mockint.ui.context import AppContext
from mockint.ui.decks_editor.deck_actions import DeckEditingActions
from mockint.ui.error_dialog import show_error
from mockint.ui.icons import themed_icon
from mockint.ui.pages.deck_list import DeckList, question_count
from mockint.ui.pages.deck_view import DeckView
from mockint.ui.widgets.page_header import PageHeader
from mockint.ui.workers import FunctionWorker

PAGE_KEY = "decks"


def create_page(context: AppContext) -> QWidget:
    return DecksPage(context)


class DecksPage(QWidget):
    loaded = Signal(object)  # the DeckLoad now shown
    imported = Signal(object)  # the Deck made from a CSV file
    exported = Signal(object)  # the Path written

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.folders = DeckFolders.of(context.paths)
        self._select_after_load: str | None = None
        self._list_fitted = False
        self.last_load: DeckLoad | None = None

        header = PageHeader(
            "Decks", "Questions to practise with. Import a spreadsheet (CSV) a friend wrote, or export a deck to edit."
        )
        self.import_button = self._button(
            "&Import CSV…",
            "import",
            "Make a deck of your own from a CSV file, one question a row",
            self.choose_csv_to_import,
        )
        self.export_button = self._button(
            "&Export CSV…",
            "export",
            "Save the chosen deck as a CSV file to edit in a spreadsheet",
            self.choose_export_target,
        )
        self.reload_button = self._button("&Reload", "reload", "Read the deck files again (F5)", self.reload)
        self.editing = DeckEditingActions(self, context, self.folders, lambda: self.deck_list.current_deck())
        self.editing.changed.connect(self._deck_saved_or_deleted)
        for button in (self.import_button, self.export_button, self.reload_button):
            header.add_action(button)
        # Making and changing decks has its own row, so the header keeps room for its words.
        editing_row = QHBoxLayout()
        editing_row.setSpacing(8)
        for button in self.editing.buttons:
            editing_row.addWidget(button)
        editing_row.addStretch(1)
        self.export_button.setEnabled(False)
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.deck_list = DeckList(context.theme)
        self.deck_view = DeckView()
        self.deck_list.deck_selected.connect(self._deck_selected)
        self.deck_list.problem_selected.connect(self._problem_selected)
        self.deck_list.nothing_selected.connect(self._nothing_selected)
        split = self.split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.deck_list)
        split.addWidget(self.deck_view)
        split.setStretchFactor(0, 0)  # the deck list keeps the width its names need; the questions take the rest
        split.setStretchFactor(1, 1)
        split.setSizes([360, 700])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(16)
        layout.addWidget(header)
        layout.addLayout(editing_row)
        layout.addWidget(split, 1)
        self.setTabOrder(self.reload_button, self.deck_list)
        self.setTabOrder(self.deck_list, self.deck_view.questions)

        context.decks.loading.connect(self._loading)
        context.decks.ready.connect(self._loaded)
        context.decks.unavailable.connect(self._load_failed)
        context.events.theme_changed.connect(self._retint)
        if context.decks.state is ResourceState.READY and context.decks.value is not None:
            self._loaded(context.decks.value)
        context.decks.load_once()

    def _fit_deck_list(self) -> None:
        """The deck list as wide as its names need (at most 45% of the page): names are not cut
        while the questions' side has room to spare."""
        total = sum(self.split.sizes()) or self.split.width()
        if total <= 0:
            return
        wanted = min(self.deck_list.preferred_width(), total * 9 // 20)
        self.split.setSizes([wanted, total - wanted])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if not self._list_fitted and self.split.width() > 0 and self.deck_list.topLevelItemCount():
            self._list_fitted = True  # once: after that the user's own splitter position stands
            self._fit_deck_list()

    def _button(self, text: str, icon: str, tooltip: str, slot: object) -> QPushButton:
        button = QPushButton(themed_icon(icon, self.context.theme, role="text"), text)
        button.setIconSize(QSize(16, 16))
        button.setToolTip(tooltip)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setProperty("icon_name", icon)
        button.clicked.connect(slot)
        return button

    def _retint(self, theme: object) -> None:
        for button in (self.import_button, self.export_button, self.reload_button):
            button.setIcon(themed_icon(button.property("icon_name"), self.context.theme, role="text"))

    # ----- loading

    def reload(self) -> None:
        """Reads every deck file again, in the background (for every page that shows decks)."""
        self.context.decks.load()

    def _loading(self) -> None:
        self.reload_button.setEnabled(False)

    def _loaded(self, load: DeckLoad) -> None:
        self.last_load = load
        self.reload_button.setEnabled(True)
        self.deck_list.show_load(load, self.folders)
        self._fit_deck_list()
        if self._select_after_load:
            self.deck_list.select_deck(self._select_after_load)
            self._select_after_load = None
        self.loaded.emit(load)

    def _load_failed(self, error: BaseException) -> None:
        self.reload_button.setEnabled(True)
        show_error(self, error)

    def _deck_selected(self, deck: Deck) -> None:
        self.export_button.setEnabled(True)
        self.editing.deck_chosen(deck)
        self.deck_view.show_deck(deck)

    def _problem_selected(self, error: object) -> None:
        self.export_button.setEnabled(False)
        self.editing.deck_chosen(None)
        if isinstance(error, DeckError):
            self.deck_view.show_problem(error)

    def _nothing_selected(self) -> None:
        self.export_button.setEnabled(False)
        self.editing.deck_chosen(None)
        self.deck_view.clear()

    def _deck_saved_or_deleted(self, deck_id: str) -> None:
        self._select_after_load = deck_id or None

    # ----- import and export

    def choose_csv_to_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a deck from CSV", str(Path.home()), "CSV files (*.csv);;All files (*)"
        )
        if path:
            self.import_csv(Path(path))

    def import_csv(self, path: Path) -> None:
        """Turns `path` into one of the user's decks (in the background), then shows it."""
        self.import_button.setEnabled(False)
        self.context.workers.start(
            FunctionWorker(deck_files.import_csv, Path(path), self.folders),
            on_finished=self._import_done,
            on_failed=self._import_failed,
        )

    def _import_done(self, deck: Deck) -> None:
        self.import_button.setEnabled(True)
        self._select_after_load = deck.id
        self.context.events.status_message.emit(f"Imported “{deck.name}”: {question_count(deck)}")
        self.imported.emit(deck)
        self.context.events.decks_changed.emit()

    def _import_failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        show_error(self, error, "Import a deck")

    def choose_export_target(self) -> None:
        deck = self.deck_list.current_deck()
        if deck is None:
            return
        suggested = str(Path.home() / f"{deck.id}.csv")
        path, _ = QFileDialog.getSaveFileName(self, f"Export “{deck.name}” as CSV", suggested, "CSV files (*.csv)")
        if path:
            self.export_csv(Path(path), deck)

    def export_csv(self, path: Path, deck: Deck | None = None) -> None:
        """Writes `deck` (default: the one chosen in the list) to `path` as CSV, in the background."""
        deck = deck or self.deck_list.current_deck()
        if deck is None:
            return
        self.context.workers.start(
            FunctionWorker(deck_files.export_csv, deck, Path(path)),
            on_finished=self._export_done,
            on_failed=lambda error: show_error(self, error, "Export a deck"),
        )

    def _export_done(self, path: Path) -> None:
        self.context.events.status_message.emit(f"Exported to {path}")
        self.exported.emit(path)
