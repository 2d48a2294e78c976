"""The Decks page's editing buttons: new deck, edit, duplicate (a shipped deck to edit it), delete."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from mockint.app.deck_editing import copy_name, delete_user_deck, draft_to_edit
from mockint.app.deck_files import DeckFolders
from mockint.core.decks import Deck
from mockint.core.decks.draft import DeckDraft
from mockint.ui.context import AppContext
from mockint.ui.decks_editor.editor_dialog import DeckEditor
from mockint.ui.error_dialog import show_error
from mockint.ui.workers import FunctionWorker


class DeckEditingActions(QObject):
    changed = Signal(str)  # the id of the deck saved (to select after the reload), or "" after a delete

    def __init__(
        self,
        page: QWidget,
        context: AppContext,
        folders: DeckFolders,
        current_deck: Callable[[], Deck | None],
    ) -> None:
        super().__init__(page)
        self.page = page
        self.context = context
        self.folders = folders
        self.current_deck = current_deck
        self.editor: DeckEditor | None = None
        self.confirmation: QMessageBox | None = None
        self.new_button = self._button("&New deck…", "Make a deck of your own, question by question", self.new_deck)
        self.edit_button = self._button(
            "E&dit…", "Edit the chosen deck; a deck MockInt ships is copied first", self.edit_deck
        )
        self.duplicate_button = self._button(
            "D&uplicate…", "Make an editable copy of the chosen deck", self.duplicate_deck
        )
        self.delete_button = self._button("De&lete…", "Delete the chosen deck of your own", self.ask_to_delete)
        self.deck_chosen(None)

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.new_button, self.edit_button, self.duplicate_button, self.delete_button)

    def _button(self, text: str, tooltip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tooltip)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        return button

    def deck_chosen(self, deck: Deck | None) -> None:
        own = deck is not None and not self.folders.is_shipped(deck)
        self.edit_button.setEnabled(deck is not None)
        self.edit_button.setText("E&dit…" if deck is None or own else "E&dit a copy…")
        self.edit_button.setAccessibleName("Edit" if deck is None or own else "Edit a copy")
        self.duplicate_button.setEnabled(deck is not None)
        self.delete_button.setEnabled(own)

    # ----- opening the editor

    def new_deck(self) -> DeckEditor:
        draft = DeckDraft(name="My deck")
        draft.add_question()
        return self._open(draft, None)

    def edit_deck(self) -> DeckEditor | None:
        deck = self.current_deck()
        if deck is None:
            return None
        draft, deck_id = draft_to_edit(deck, self.folders)
        return self._open(draft, deck_id)

    def duplicate_deck(self) -> DeckEditor | None:
        deck = self.current_deck()
        if deck is None:
            return None
        return self._open(DeckDraft.of(deck, name=copy_name(deck)), None)

    def _open(self, draft: DeckDraft, deck_id: str | None) -> DeckEditor:
        editor = DeckEditor(draft, self.folders, self.context.workers, deck_id, parent=self.page)
        editor.saved.connect(self._saved)
        self.editor = editor
        editor.open()  # window-modal, and the event loop keeps running
        return editor

    def _saved(self, deck: Deck) -> None:
        self.context.events.status_message.emit(f"Saved “{deck.name}” in your decks")
        self.changed.emit(deck.id)
        self.context.events.decks_changed.emit()

    # ----- deleting

    def ask_to_delete(self) -> QMessageBox | None:
        """Asks first (window-modal, not blocking); Delete there removes the deck file."""
        deck = self.current_deck()
        if deck is None or self.folders.is_shipped(deck):
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Delete this deck?",
            f"“{deck.name}” and its {len(deck.questions)} questions will be deleted. Answers you gave stay in History.",
            parent=self.page,
        )
        delete = box.addButton("Delete deck", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Keep it", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        delete.clicked.connect(lambda: self._delete(deck))
        self.confirmation = box
        box.open()
        return box

    def _delete(self, deck: Deck) -> None:
        self.context.workers.start(
            FunctionWorker(delete_user_deck, deck, self.folders),
            on_finished=lambda _path: self._deleted(deck),
            on_failed=self._delete_failed,
        )

    def _delete_failed(self, error: BaseException) -> None:
        show_error(self.page, error, "Delete a deck")

    def _deleted(self, deck: Deck) -> None:
        self.context.events.status_message.emit(f"Deleted “{deck.name}”")
        self.changed.emit("")
        self.context.events.decks_changed.emit()
