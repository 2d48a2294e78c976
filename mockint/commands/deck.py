"""`mockint deck list | show | validate | import | export`: question decks from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mockint.app.export_target import TargetKind, check_export_target, write_export_text
from mockint.atomic_file import write_text_atomically
from mockint.core.decks import (
    Deck,
    DeckError,
    DeckLoad,
    check_deck_file,
    deck_from_csv,
    deck_id_from,
    deck_to_csv,
    deck_to_toml,
    load_decks,
    read_deck_file,
)
from mockint.core.errors import BadInputError, StorageError
from mockint.paths import app_paths, shipped_decks_dir

HELP_ORDER = 20
# A badly broken file can hold thousands of faults; the first ones are what the user fixes first.
MAX_PROBLEMS_SHOWN = 50


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("deck", help="list, show, check, import and export question decks")
    verbs = parser.add_subparsers(dest="deck_command", metavar="VERB", required=True, parser_class=type(parser))

    listing = verbs.add_parser("list", help="the decks you have (shipped and your own)")
    listing.set_defaults(func=run_list)

    show = verbs.add_parser("show", help="the questions in a deck")
    show.add_argument("deck", metavar="DECK", help="deck id or name (see `mockint deck list`)")
    show.set_defaults(func=run_show)

    validate = verbs.add_parser("validate", help="check deck files (TOML or CSV) and report every problem")
    validate.add_argument("files", metavar="FILE", nargs="+", type=Path)
    validate.set_defaults(func=run_validate)

    importing = verbs.add_parser("import", help="turn a CSV file (one question a row) into one of your decks")
    importing.add_argument("csv", metavar="CSV", type=Path)
    importing.add_argument("--name", help="the deck's name (also gives its id); default: from the file")
    importing.add_argument("--force", action="store_true", help="replace your deck of the same id")
    importing.set_defaults(func=run_import)

    export = verbs.add_parser("export", help="write a deck as CSV, to edit in a spreadsheet")
    export.add_argument("deck", metavar="DECK", help="deck id or name")
    export.add_argument("--csv", metavar="FILE", required=True, help="where to write; - for standard output")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.set_defaults(func=run_export)


def _questions(count: int) -> str:
    return f"{count} question" if count == 1 else f"{count} questions"


def _all_decks() -> DeckLoad:
    return load_decks(shipped_decks_dir(), app_paths().user_decks_dir)


def _find(decks: DeckLoad, wanted: str) -> Deck:
    deck = decks.find(wanted)
    if deck is not None:
        return deck
    broken = decks.error_for(wanted)
    if broken is not None:
        raise broken
    raise BadInputError(f"there is no deck called '{wanted}'; `mockint deck list` shows the decks you have")


def run_list(args: argparse.Namespace) -> int:
    decks = _all_decks()
    if not decks.decks and not decks.errors:
        print("no decks found; `mockint deck import CSV` makes one from a spreadsheet")
    width = max((len(deck.id) for deck in decks.decks), default=0)
    for deck in decks.decks:
        print(f"{deck.id:<{width}}  {deck.name}  ({_questions(len(deck.questions))}, {deck.language})")
    for error in decks.errors:
        print(f"broken: {error.user_message}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    deck = _find(_all_decks(), args.deck)
    print(
        f"{deck.name} [{deck.id}] ({_questions(len(deck.questions))}, {deck.language}, default target {deck.default_target})"
    )
    if deck.description:
        print(deck.description)
    print()
    width = max(len(question.id) for question in deck.questions)
    for question in deck.questions:
        target = f"{deck.target_for(question)}"
        text = " ".join(question.text.split())  # one question, one line, even if written over several
        print(f"{question.id:<{width}}  {question.difficulty.value:<6}  {target:>10}  {text}")
    return 0


def _check_file(path: Path) -> tuple[Deck | None, list[DeckError]]:
    if path.suffix.lower() != ".csv":
        return check_deck_file(path)
    try:
        return deck_from_csv(read_deck_file(path), str(path), path.stem), []
    except DeckError as error:
        return None, [error]


def run_validate(args: argparse.Namespace) -> int:
    broken = 0
    for path in args.files:
        deck, problems = _check_file(path)
        for problem in problems[:MAX_PROBLEMS_SHOWN]:
            print(problem.user_message)
        if len(problems) > MAX_PROBLEMS_SHOWN:
            print(f"{path}: {len(problems) - MAX_PROBLEMS_SHOWN} more problems not shown; fix the ones above first")
        if deck is not None:
            print(f"ok: {path} ({_questions(len(deck.questions))})")
        broken += bool(problems)
    if broken:
        verb = "has" if broken == 1 else "have"
        raise BadInputError(f"{broken} of {len(args.files)} deck files {verb} problems (listed above)")
    return 0


def run_import(args: argparse.Namespace) -> int:
    deck_id = deck_id_from(args.name if args.name is not None else args.csv.stem)
    if not deck_id:
        raise BadInputError("the deck needs a name with letters or digits in it; give one with --name")
    deck = deck_from_csv(read_deck_file(args.csv), str(args.csv), deck_id, name=args.name)
    if (shipped_decks_dir() / f"{deck_id}.toml").exists():
        raise BadInputError(
            f"a deck that comes with MockInt already has the id '{deck_id}'; choose another name with --name"
        )
    folder = app_paths().user_decks_dir
    target = folder / f"{deck_id}.toml"
    if target.exists() and not args.force:
        raise BadInputError(
            f"you already have a deck '{deck_id}' ({target}); add --force to replace it, or choose another --name"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_text_atomically(target, deck_to_toml(deck), newline="\n")
    except OSError as error:
        raise StorageError(f"could not save the deck to {target} ({error.strerror or type(error).__name__})") from None
    print(f"imported {_questions(len(deck.questions))} as deck '{deck_id}' ({deck.name}) into {target}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    deck = _find(_all_decks(), args.deck)
    # The same rules as `mockint export`: not into MockInt's folders, a file replaced only with
    # --force, a pipe or terminal written as a stream.
    target = check_export_target(args.csv, app_paths(), force=args.force)
    text = deck_to_csv(deck)
    if target.is_stdout:
        sys.stdout.write(text)
        return 0
    # utf-8-sig: spreadsheet programs read UTF-8 CSV correctly only with the byte-order mark.
    write_export_text(target, text, encoding="utf-8-sig")
    if target.kind is TargetKind.FILE:  # a stream gets the CSV alone, nothing mixed into it
        print(f"exported {_questions(len(deck.questions))} from '{deck.id}' to {target.path}")
    return 0
