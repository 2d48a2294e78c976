"""Saving, duplicating and deleting the user's own decks (plain Python, run inside workers).

Shipped decks are read-only: they are edited by duplicating them into the user's decks folder.
Every save goes through the deck file's own check first (`DeckDraft.saved_text`), so a deck
edited into an invalid state is refused with the first problem and never written.
"""

from __future__ import annotations

from pathlib import Path

from mockint.app.deck_files import DeckFolders, _free_id
from mockint.atomic_file import write_text_atomically
from mockint.core.decks import Deck, deck_id_from, load_deck
from mockint.core.decks.draft import DeckDraft
from mockint.core.errors import BadInputError
from mockint.store.errors import from_os_error

NEW_DECK_ID = "my-deck"


def user_deck_path(deck_id: str, folders: DeckFolders) -> Path:
    return folders.user / f"{deck_id}.toml"


def new_deck_id(name: str, folders: DeckFolders) -> str:
    """An id for a new user deck, from its name, that no shipped or user deck file has."""
    return _free_id(deck_id_from(name) or NEW_DECK_ID, folders)


def copy_name(deck: Deck) -> str:
    return f"{deck.name} (my copy)"


def draft_to_edit(deck: Deck, folders: DeckFolders) -> tuple[DeckDraft, str | None]:
    """The draft for editing `deck` and the id it saves under: its own for a user deck, None
    (a new id on save) for a shipped one, which is duplicated rather than changed."""
    if folders.is_shipped(deck):
        return DeckDraft.of(deck, name=copy_name(deck)), None
    return DeckDraft.of(deck), deck.id


def save_user_deck(draft: DeckDraft, folders: DeckFolders, deck_id: str | None = None) -> Deck:
    """Writes the draft as `<deck_id>.toml` in the user's decks folder (a new id when None).

    DeckError (nothing written) when the draft breaks a deck rule; BadInputError for an id that
    is a shipped deck's.
    """
    deck_id = deck_id or new_deck_id(draft.name, folders)
    if (folders.shipped / f"{deck_id}.toml").exists():
        raise BadInputError(f"'{deck_id}' is a deck MockInt ships, which stays read-only; duplicate it to edit it")
    target = user_deck_path(deck_id, folders)
    text = draft.saved_text(deck_id, str(target))
    try:
        folders.user.mkdir(parents=True, exist_ok=True)
        write_text_atomically(target, text, newline="\n")
    except OSError as error:
        raise from_os_error(error, target, "save the deck") from None
    return load_deck(target)


def delete_user_deck(deck: Deck, folders: DeckFolders) -> Path:
    """Removes a deck the user made or imported; shipped decks cannot be deleted."""
    path = Path(deck.source)
    if folders.is_shipped(deck) or path.parent.resolve() != folders.user.resolve():
        raise BadInputError(f"“{deck.name}” is a deck MockInt ships; it cannot be deleted")
    try:
        path.unlink()
    except FileNotFoundError:
        pass  # already gone (deleted in another window): what the user wanted
    except OSError as error:
        raise from_os_error(error, path, "delete") from None
    return path
