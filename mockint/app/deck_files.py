"""Deck files the Decks page reads and writes (plain Python, run inside workers)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mockint.app.export_target import check_export_target, write_export_text
from mockint.atomic_file import write_text_atomically
from mockint.core.decks import (
    Deck,
    DeckLoad,
    deck_from_csv,
    deck_id_from,
    deck_to_csv,
    deck_to_toml,
    load_deck,
    load_decks,
    read_deck_file,
)
from mockint.core.errors import BadInputError
from mockint.paths import AppPaths, app_paths, shipped_decks_dir
from mockint.store.errors import from_os_error


@dataclass(frozen=True)
class DeckFolders:
    shipped: Path
    user: Path

    @classmethod
    def of(cls, paths: AppPaths) -> DeckFolders:
        return cls(shipped_decks_dir(), paths.user_decks_dir)

    def is_shipped(self, deck: Deck) -> bool:
        return Path(deck.source).parent.resolve() == self.shipped.resolve()

    def load(self) -> DeckLoad:
        return load_decks(self.shipped, self.user)


def _free_id(base: str, folders: DeckFolders) -> str:
    """`base`, or `base-2`, `base-3`...: an id no shipped or user deck file has."""

    def taken(candidate: str) -> bool:
        return any((folder / f"{candidate}.toml").exists() for folder in (folders.shipped, folders.user))

    candidate, number = base, 2
    while taken(candidate):
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def import_csv(csv_path: Path, folders: DeckFolders) -> Deck:
    """Turns a CSV file into one of the user's decks; DeckError names the row that is wrong."""
    base = deck_id_from(csv_path.stem)
    if not base:
        raise BadInputError(
            f"{csv_path.name}: rename the file so its name has letters or digits; the deck is named after it"
        )
    text = read_deck_file(csv_path)
    deck_id = _free_id(base, folders)
    deck = deck_from_csv(text, str(csv_path), deck_id)
    target = folders.user / f"{deck_id}.toml"
    try:
        folders.user.mkdir(parents=True, exist_ok=True)
        write_text_atomically(target, deck_to_toml(deck), newline="\n")
    except OSError as error:
        raise from_os_error(error, target, "save the imported deck") from None
    return load_deck(target)


def export_csv(deck: Deck, target: Path, paths: AppPaths | None = None) -> Path:
    """Writes the deck as CSV where export_target allows (never inside MockInt's own folders);
    the save dialog has already asked before replacing a file."""
    checked = check_export_target(target, paths or app_paths(), force=True)
    # utf-8-sig: spreadsheet programs read UTF-8 CSV correctly only with the byte-order mark.
    write_export_text(checked, deck_to_csv(deck), encoding="utf-8-sig")
    return target


def delete_user_decks(folder: Path) -> int:
    """Removes every deck file the user imported or made; returns how many."""
    if not folder.is_dir():
        return 0
    removed = 0
    for path in folder.iterdir():
        if path.is_file() and path.suffix in (".toml", ".tmp"):
            try:
                path.unlink()
            except OSError as error:
                raise from_os_error(error, path, "delete") from None
            removed += 1
    return removed
