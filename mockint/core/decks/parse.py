"""Reads a TOML deck into a `Deck`, reporting every fault with file, line and one sentence.

Nothing but `DeckError` leaves this module: a deck file is user input, and a broken one must
become a message, never a crash of the app or a traceback in the terminal.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from typing import Any

from mockint.core.decks import rules
from mockint.core.decks.lines import DeckLines
from mockint.core.decks.model import DEFAULT_LANGUAGE, MAX_DECK_BYTES, Deck, Question
from mockint.core.errors import DeckError
from mockint.core.targets import GENERAL

DECK_KEYS = ("name", "description", "language", "default_target_s", "questions")
QUESTION_KEYS = ("id", "text", "category", "difficulty", "tags", "target_s", "follow_ups", "good_answer")
_REQUIRED_QUESTION_KEYS = {
    "id": '"short-name"',
    "text": '"the question"',
    "category": '"general"',
    "difficulty": '"medium"',
}

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)\s*$")


def too_big(source: str, size: int) -> DeckError:
    return DeckError(
        source,
        f"the file is {size / 1_000_000:.1f} MB, and a deck must be under 1 MB; check it is the right file or split it",
    )


def decode_deck_bytes(data: bytes, source: str) -> str:
    """Bytes from a deck file as text; DeckError for files too big or not UTF-8."""
    if len(data) > MAX_DECK_BYTES:
        raise too_big(source, len(data))
    try:
        # utf-8-sig: editors on Windows and spreadsheet programs put a byte-order mark first.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DeckError(source, "the file is not UTF-8 text; save it again with UTF-8 encoding", line) from None


def _toml_fault(source: str, text: str, error: tomllib.TOMLDecodeError) -> DeckError:
    message = str(error)
    position = _TOML_POSITION.search(message)
    if position:
        reason = message[: position.start()]
        line: int | None = int(position.group(1))
        where = f" at column {position.group(2)}"
    else:
        at_end = _TOML_AT_END.search(message)
        reason = message[: at_end.start()] if at_end else message
        # The fault is wherever the file stops making sense: its last line with content.
        line, where = (text.rstrip().count("\n") + 1, " at the end of the file") if at_end else (None, "")
    reason = " ".join(reason.split()) or "unreadable"
    return DeckError(source, f"this is not valid TOML: {reason[0].lower()}{reason[1:]}{where}", line)


def _load_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _toml_fault(source, text, error) from None
    except RecursionError:
        raise DeckError(source, "the file nests brackets too deeply to be a deck") from None
    except ValueError:
        # Python refuses to convert integers of thousands of digits; no deck needs one.
        raise DeckError(source, "the file holds a number far too long to be a deck value") from None


class _Checker:
    """Collects every fault in one pass, so `mockint deck validate` can list them all."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self.lines = DeckLines(text)
        self.problems: list[DeckError] = []

    def fault(self, sentence: str, line: int | None) -> None:
        self.problems.append(DeckError(self.source, sentence, line))

    def field(self, rule: Callable[[], Any], line: Callable[[], int | None], default: Any = None) -> Any:
        try:
            return rule()
        except rules.FieldFault as fault:
            self.fault(fault.sentence, line())
            return default


def check_deck(text: str, source: str, deck_id: str) -> tuple[Deck | None, list[DeckError]]:
    """The deck and no problems, or None and every problem found (at least one)."""
    if len(text) > MAX_DECK_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_DECK_BYTES:
        return None, [too_big(source, len(text.encode("utf-8", "surrogatepass")))]
    text = text.removeprefix("\ufeff")
    try:
        data = _load_toml(text, source)
    except DeckError as error:
        return None, [error]
    check = _Checker(text, source)
    deck = _check_deck_fields(check, data, source, deck_id)
    if check.problems:
        # In file order, so the first problem raised is the first a reader meets.
        return None, sorted(check.problems, key=lambda problem: problem.line if problem.line is not None else 1 << 30)
    return deck, []


def parse_deck(text: str, source: str, deck_id: str) -> Deck:
    """The deck in `text` (TOML); DeckError naming `source`, the line, and the first fault."""
    deck, problems = check_deck(text, source, deck_id)
    if problems:
        raise problems[0]
    assert deck is not None
    return deck


def _check_deck_fields(check: _Checker, data: dict[str, Any], source: str, deck_id: str) -> Deck | None:
    owner = "the deck"
    top = check.lines.top_key
    for key in data:
        if key not in DECK_KEYS:
            check.fault(rules.unknown_key(owner, key, DECK_KEYS).sentence, top(key))
    if "name" not in data:
        check.fault('the deck has no name; add name = "..." at the top of the file', 1)
    name = check.field(lambda: rules.text(owner, "name", data.get("name", "-"), multiline=False), lambda: top("name"))
    description = check.field(
        lambda: rules.text(owner, "description", data.get("description", ""), allow_empty=True),
        lambda: top("description"),
    )
    language = check.field(
        lambda: rules.language(owner, data.get("language", DEFAULT_LANGUAGE)), lambda: top("language")
    )
    default_target = GENERAL
    if "default_target_s" in data:
        default_target = check.field(
            lambda: rules.target(owner, "default_target_s", data["default_target_s"]), lambda: top("default_target_s")
        )
    questions = _check_questions(check, data.get("questions"))
    if check.problems:
        return None
    return Deck(deck_id, name, description, language, default_target, questions, source)


def _check_questions(check: _Checker, raw: object) -> tuple[Question, ...]:
    if raw is None or raw == []:
        check.fault(
            "the deck has no questions; add at least one [[questions]] table with id, text, category and difficulty",
            check.lines.top_key("questions") or check.lines.last_content_line,
        )
        return ()
    if not isinstance(raw, list) or not all(isinstance(entry, dict) for entry in raw):
        shown = rules.describe(raw) if not isinstance(raw, list) else "a list of plain values"
        check.fault(
            f"the deck has questions as {shown}; write each question as a [[questions]] table",
            check.lines.top_key("questions"),
        )
        return ()
    first_index_of_id: dict[str, int] = {}
    questions = []
    for index, entry in enumerate(raw):
        question_id, question = _check_question(check, entry, index, len(raw))
        if question_id is None:
            continue
        if question_id in first_index_of_id:
            first = check.lines.question_key(first_index_of_id[question_id], len(raw), "id")
            earlier = f" (first at line {first})" if first is not None else ""
            check.fault(
                f"question id '{question_id}' is used twice{earlier}; give each question its own id",
                check.lines.question_key(index, len(raw), "id"),
            )
            continue
        first_index_of_id[question_id] = index
        if question is not None:
            questions.append(question)
    return tuple(questions)


def _check_question(
    check: _Checker, entry: dict[str, Any], index: int, count: int
) -> tuple[str | None, Question | None]:
    """The question's id (if valid) and the question (None after recording its faults)."""

    def at(key: str) -> Callable[[], int | None]:
        return lambda: check.lines.question_key(index, count, key)

    before = len(check.problems)
    owner = f"question {index + 1}"
    found_id = None
    if "id" in entry:
        found_id = check.field(lambda: rules.question_id(owner, entry["id"]), at("id"))
        owner = f"question '{found_id}'" if found_id else owner
    for key, example in _REQUIRED_QUESTION_KEYS.items():
        if key not in entry:
            check.fault(f"{owner} has no {key}; add {key} = {example}", check.lines.question(index, count))
    for key in entry:
        if key not in QUESTION_KEYS:
            check.fault(rules.unknown_key(owner, key, QUESTION_KEYS).sentence, at(key)())
    text = check.field(lambda: rules.text(owner, "text", entry.get("text", "-")), at("text"))
    category = check.field(lambda: rules.category(owner, entry.get("category", "-")), at("category"))
    difficulty = check.field(lambda: rules.difficulty(owner, entry.get("difficulty", "medium")), at("difficulty"))
    tags = check.field(lambda: rules.tags(owner, entry.get("tags", [])), at("tags"))
    target = None
    if "target_s" in entry:
        target = check.field(lambda: rules.target(owner, "target_s", entry["target_s"]), at("target_s"))
    follow_ups = check.field(lambda: rules.follow_ups(owner, entry.get("follow_ups", [])), at("follow_ups"))
    good_answer = check.field(
        lambda: rules.text(owner, "good_answer", entry.get("good_answer", ""), allow_empty=True), at("good_answer")
    )
    if len(check.problems) > before:
        return found_id, None
    return found_id, Question(entry["id"], text, category, difficulty, tags, target, follow_ups, good_answer)
