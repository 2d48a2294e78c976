"""Loads deck files from the folders it is given; one broken deck never stops the others."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from mockint.core.decks.model import MAX_DECK_BYTES, Deck
from mockint.core.decks.parse import check_deck, decode_deck_bytes, parse_deck, too_big
from mockint.core.errors import DeckError

DECK_SUFFIX = ".toml"


@dataclass
class DeckLoad:
    decks: list[Deck] = field(default_factory=list)  # sorted by name
    errors: list[DeckError] = field(default_factory=list)  # one per broken file, in folder order

    def find(self, id_or_name: str) -> Deck | None:
        """The deck with this id, else this name; case does not matter."""
        wanted = id_or_name.strip().casefold()
        by_id = next((deck for deck in self.decks if deck.id.casefold() == wanted), None)
        return by_id or next((deck for deck in self.decks if deck.name.casefold() == wanted), None)

    def error_for(self, deck_id: str) -> DeckError | None:
        """Why the deck file with this id (its file name) did not load, if it did not."""
        wanted = deck_id.strip().casefold()
        return next((e for e in self.errors if Path(e.path).stem.casefold() == wanted), None)


def _read_problem(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "there is no such file"
    if isinstance(error, IsADirectoryError):
        return "this is a folder, not a deck file"
    if isinstance(error, PermissionError):
        return "MockInt has no permission to read this file"
    reason = (error.strerror or type(error).__name__).lower()
    return f"the file cannot be read ({reason})"


def read_deck_file(path: str | os.PathLike[str]) -> str:
    """The text of a deck file (TOML or CSV); DeckError if it is missing, huge or not UTF-8."""
    source = str(path)
    try:
        with open(path, "rb") as stream:
            # Read one byte past the limit: enough to refuse a huge file without loading it.
            data = stream.read(MAX_DECK_BYTES + 1)
            if len(data) > MAX_DECK_BYTES:
                try:
                    size = os.fstat(stream.fileno()).st_size
                except OSError:
                    size = len(data)
                raise too_big(source, max(size, len(data)))
    except OSError as error:
        raise DeckError(source, _read_problem(error)) from None
    return decode_deck_bytes(data, source)


def load_deck(path: str | os.PathLike[str]) -> Deck:
    """The deck in a TOML file; its id is the file name without `.toml`."""
    return parse_deck(read_deck_file(path), str(path), Path(path).stem)


def check_deck_file(path: str | os.PathLike[str]) -> tuple[Deck | None, list[DeckError]]:
    """Every problem in a TOML deck file (for `mockint deck validate`), or the deck."""
    try:
        text = read_deck_file(path)
    except DeckError as error:
        return None, [error]
    return check_deck(text, str(path), Path(path).stem)


def deck_files(folder: Path) -> list[Path]:
    """The deck files in a folder, by name; editor temporaries (dot files) left out."""
    return sorted(p for p in folder.glob(f"*{DECK_SUFFIX}") if not p.name.startswith("."))


def load_decks(*folders: str | os.PathLike[str]) -> DeckLoad:
    """Every deck in the folders; a folder that does not exist is skipped (no user decks yet).

    Ids must be unique across folders: a later file with an id already loaded is reported as
    an error rather than silently replacing a deck the user may be relying on.
    """
    result = DeckLoad()
    loaded: dict[str, Deck] = {}
    for folder in map(Path, folders):
        try:
            if not folder.is_dir():
                continue
            paths = deck_files(folder)
        except OSError as error:
            result.errors.append(
                DeckError(
                    str(folder), f"the deck folder cannot be read ({(error.strerror or type(error).__name__).lower()})"
                )
            )
            continue
        for path in paths:
            try:
                deck = load_deck(path)
            except DeckError as error:
                result.errors.append(error)
                continue
            clash = loaded.get(deck.id.casefold())
            if clash is not None:
                result.errors.append(
                    DeckError(str(path), f"the deck id '{deck.id}' is already used by {clash.source}; rename this file")
                )
                continue
            loaded[deck.id.casefold()] = deck
    result.decks = sorted(loaded.values(), key=lambda deck: (deck.name.casefold(), deck.id))
    return result
