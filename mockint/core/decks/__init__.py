"""Question decks: the one place other code imports them from.

The parts live in their own modules (model, TOML reading, loading folders, CSV, TOML writing);
this package gathers the public names so callers need not know the split. Each name is imported
from its module when first asked for: the window's first frame needs the deck model (a page's
types) but not the TOML and CSV readers, which load with the decks, in the background.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mockint.core.decks.csv import COLUMNS as CSV_COLUMNS
    from mockint.core.decks.csv import deck_from_csv, deck_to_csv
    from mockint.core.decks.load import DeckLoad, check_deck_file, load_deck, load_decks, read_deck_file
    from mockint.core.decks.model import MAX_DECK_BYTES, Deck, Difficulty, Question, deck_id_from
    from mockint.core.decks.parse import check_deck, parse_deck
    from mockint.core.decks.toml import deck_to_toml
    from mockint.core.errors import DeckError

# public name -> (module, name there)
_WHERE: dict[str, tuple[str, str]] = {
    "CSV_COLUMNS": ("mockint.core.decks.csv", "COLUMNS"),
    "deck_from_csv": ("mockint.core.decks.csv", "deck_from_csv"),
    "deck_to_csv": ("mockint.core.decks.csv", "deck_to_csv"),
    "DeckLoad": ("mockint.core.decks.load", "DeckLoad"),
    "check_deck_file": ("mockint.core.decks.load", "check_deck_file"),
    "load_deck": ("mockint.core.decks.load", "load_deck"),
    "load_decks": ("mockint.core.decks.load", "load_decks"),
    "read_deck_file": ("mockint.core.decks.load", "read_deck_file"),
    "MAX_DECK_BYTES": ("mockint.core.decks.model", "MAX_DECK_BYTES"),
    "Deck": ("mockint.core.decks.model", "Deck"),
    "Difficulty": ("mockint.core.decks.model", "Difficulty"),
    "Question": ("mockint.core.decks.model", "Question"),
    "deck_id_from": ("mockint.core.decks.model", "deck_id_from"),
    "check_deck": ("mockint.core.decks.parse", "check_deck"),
    "parse_deck": ("mockint.core.decks.parse", "parse_deck"),
    "deck_to_toml": ("mockint.core.decks.toml", "deck_to_toml"),
    "DeckError": ("mockint.core.errors", "DeckError"),
}

__all__ = [
    "deck_id_from",
    "CSV_COLUMNS",
    "MAX_DECK_BYTES",
    "Deck",
    "DeckError",
    "DeckLoad",
    "Difficulty",
    "Question",
    "check_deck",
    "check_deck_file",
    "deck_from_csv",
    "deck_to_csv",
    "deck_to_toml",
    "load_deck",
    "load_decks",
    "parse_deck",
    "read_deck_file",
]


def __getattr__(name: str) -> object:
    try:
        module, attribute = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value  # asked once
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
