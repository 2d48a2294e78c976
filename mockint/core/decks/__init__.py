"""Question decks: the one place other code imports them from.

The parts live in their own modules (model, TOML reading, loading folders, CSV, TOML writing);
this package gathers the public names so callers need not know the split.
"""

from mockint.core.decks.csv import COLUMNS as CSV_COLUMNS
from mockint.core.decks.csv import deck_from_csv, deck_to_csv
from mockint.core.decks.load import DeckLoad, check_deck_file, load_deck, load_decks, read_deck_file
from mockint.core.decks.model import MAX_DECK_BYTES, Deck, Difficulty, Question, deck_id_from
from mockint.core.decks.parse import check_deck, parse_deck
from mockint.core.decks.toml import deck_to_toml
from mockint.core.errors import DeckError

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
