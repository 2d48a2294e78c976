"""Decks as CSV, one question a row, so a friend can write a deck in a spreadsheet.

Deck-level values (name, description, language, default target) sit in `deck_*` columns; the
export fills them on the first row only, and the import takes them from whichever row has
them. Lists (tags, follow-ups) share a cell, joined by " | ". Row numbers in errors count the
header as row 1, as a spreadsheet shows them. Cells that a spreadsheet would run as a formula
are written with the guard of core/csv_cells.py, which the import takes off again.
"""

from __future__ import annotations

import csv
import io
import re

from mockint.core.csv_cells import guard, restore
from mockint.core.decks import rules
from mockint.core.decks.model import CSV_LIST_SEPARATOR, DEFAULT_LANGUAGE, MAX_DECK_BYTES, Deck, Question
from mockint.core.decks.parse import too_big
from mockint.core.decks.toml import seconds
from mockint.core.errors import DeckError
from mockint.core.targets import GENERAL, TargetRange

QUESTION_COLUMNS = (
    "id",
    "text",
    "category",
    "difficulty",
    "tags",
    "target_min_s",
    "target_max_s",
    "follow_ups",
    "good_answer",
)
DECK_COLUMNS = ("deck_name", "deck_description", "deck_language", "deck_target_min_s", "deck_target_max_s")
COLUMNS = QUESTION_COLUMNS + DECK_COLUMNS
# Headings people are likely to type in a spreadsheet, mapped to the column they mean.
_ALIASES = {
    "question": "text",
    "followups": "follow_ups",
    "follow_up": "follow_ups",
    "tag": "tags",
    "good_answers": "good_answer",
}
DEFAULT_CATEGORY = "general"
DEFAULT_DIFFICULTY = "medium"


def deck_to_csv(deck: Deck) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    deck_cells = [
        deck.name,
        deck.description,
        deck.language,
        seconds(deck.default_target.min_s),
        seconds(deck.default_target.max_s),
    ]
    for number, question in enumerate(deck.questions):
        target = question.target_s
        cells = [
            question.id,
            question.text,
            question.category,
            question.difficulty.value,
            CSV_LIST_SEPARATOR.join(question.tags),
            seconds(target.min_s) if target else "",
            seconds(target.max_s) if target else "",
            CSV_LIST_SEPARATOR.join(question.follow_ups),
            question.good_answer,
            *(deck_cells if number == 0 else [""] * len(DECK_COLUMNS)),
        ]
        # Decks are shared: a question starting with "=" must stay text in a spreadsheet.
        writer.writerow([guard(cell) for cell in cells])
    return out.getvalue()


def _column_name(heading: str) -> str:
    name = re.sub(r"[\s\-]+", "_", heading.strip().lower())
    return _ALIASES.get(name, name)


def _split_list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split("|") if item.strip()]


def _number(owner: str, column: str, cell: str) -> float:
    try:
        return float(cell)
    except ValueError:
        raise rules.FieldFault(f"{owner} has {column} {rules.show(cell)}; it must be a number of seconds") from None


def _target(owner: str, key: str, low_column: str, high_column: str, row: dict[str, str]) -> TargetRange | None:
    low, high = row.get(low_column, ""), row.get(high_column, "")
    if not low and not high:
        return None
    if not low or not high:
        missing, given = (low_column, high_column) if not low else (high_column, low_column)
        raise rules.FieldFault(f"{owner} has {given} but no {missing}; fill both or neither")
    return rules.target_pair(owner, key, _number(owner, low_column, low), _number(owner, high_column, high))


class _CsvReader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.deck_values: dict[str, tuple[str, int]] = {}  # column -> (value, row it came from)

    def fail(self, sentence: str, row: int | None) -> DeckError:
        return DeckError(self.source, sentence, row)

    def header(self, cells: list[str], rows: list[list[str]]) -> list[str | None]:
        columns: list[str | None] = []
        for position, heading in enumerate(cells):
            if not heading.strip():
                if any(position < len(row) and row[position].strip() for row in rows):
                    raise self.fail(
                        f"column {position + 1} has cells but no heading; name it, such as 'good_answer'", 1
                    )
                columns.append(None)  # spreadsheets often export empty trailing columns
                continue
            name = _column_name(heading)
            if name not in COLUMNS:
                raise self.fail(
                    rules.unknown_key("the header row", heading.strip(), COLUMNS, noun="column").sentence, 1
                )
            if name in columns:
                raise self.fail(f"the header row has the column '{name}' twice; keep one", 1)
            columns.append(name)
        if "text" not in columns:
            raise self.fail(
                "the header row has no 'text' column; the first row must name the columns, such as id,text,category,difficulty",
                1,
            )
        return columns

    def remember_deck_values(self, row: dict[str, str], number: int) -> None:
        for column in DECK_COLUMNS:
            value = row.get(column, "")
            if not value:
                continue
            earlier = self.deck_values.get(column)
            if earlier is None:
                self.deck_values[column] = (value, number)
            elif earlier[0] != value:
                raise self.fail(
                    f"{column} is {rules.show(value)} here but {rules.show(earlier[0])} on row {earlier[1]}; give it once or the same everywhere",
                    number,
                )

    def question(self, row: dict[str, str], number: int, question_id: str) -> Question:
        owner = f"question '{question_id}'"
        try:
            return Question(
                question_id,
                rules.text(owner, "text", row.get("text", "")),
                rules.category(owner, row.get("category", "").lower() or DEFAULT_CATEGORY),
                rules.difficulty(owner, row.get("difficulty", "") or DEFAULT_DIFFICULTY),
                rules.tags(owner, _split_list(row.get("tags", ""))),
                _target(owner, "target", "target_min_s", "target_max_s", row),
                rules.follow_ups(owner, _split_list(row.get("follow_ups", ""))),
                rules.text(owner, "good_answer", row.get("good_answer", ""), allow_empty=True),
            )
        except rules.FieldFault as fault:
            raise self.fail(fault.sentence, number) from None

    def deck_value(self, column: str, default: str) -> tuple[str, int | None]:
        value, row = self.deck_values.get(column, (default, None))
        return value, row


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())[:6]
    return "-".join(words)[:40].strip("-")


def _read_rows(text: str, reader: _CsvReader) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise reader.fail(f"this is not a readable CSV file ({error})", None) from None


def deck_from_csv(text: str, source: str, deck_id: str, name: str | None = None) -> Deck:
    """The deck in CSV `text`; `name` (when given) wins over any deck_name column."""
    if len(text) > MAX_DECK_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_DECK_BYTES:
        raise too_big(source, len(text.encode("utf-8", "surrogatepass")))
    reader = _CsvReader(source)
    rows = _read_rows(text.removeprefix("\ufeff"), reader)
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise reader.fail("the first row must name the columns, such as id,text,category,difficulty", 1)
    columns = reader.header(rows[0], rows[1:])
    entries: list[tuple[int, dict[str, str]]] = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(columns) and any(cell.strip() for cell in cells[len(columns) :]):
            raise reader.fail(f"this row has {len(cells)} cells but the header names {len(columns)} columns", number)
        row = {
            column: restore(cell).strip() for column, cell in zip(columns, cells, strict=False) if column is not None
        }
        reader.remember_deck_values(row, number)
        entries.append((number, row))
    if not entries:
        raise reader.fail("the file has a header row but no questions under it", 1)
    questions = _questions(reader, entries)
    return _deck(reader, deck_id, name, questions)


def _questions(reader: _CsvReader, entries: list[tuple[int, dict[str, str]]]) -> tuple[Question, ...]:
    given = {row["id"] for _, row in entries if row.get("id")}
    seen: dict[str, int] = {}
    questions = []
    for number, row in entries:
        question_id = row.get("id", "")
        if question_id:
            question_id = _checked_id(reader, question_id, number)
            if question_id in seen:
                raise reader.fail(
                    f"question id '{question_id}' is used twice (first on row {seen[question_id]}); give each question its own id",
                    number,
                )
        else:
            # Friends writing a deck by hand may leave ids out; make readable ones that clash with nothing.
            base = _slug(row.get("text", "")) or f"q{number}"
            question_id, suffix = base, 2
            while question_id in given or question_id in seen:
                question_id, suffix = f"{base}-{suffix}", suffix + 1
        seen[question_id] = number
        questions.append(reader.question(row, number, question_id))
    return tuple(questions)


def _checked_id(reader: _CsvReader, value: str, number: int) -> str:
    try:
        return rules.question_id(f"row {number}", value)
    except rules.FieldFault as fault:
        raise reader.fail(fault.sentence, number) from None


def _deck(reader: _CsvReader, deck_id: str, name: str | None, questions: tuple[Question, ...]) -> Deck:
    fallback_name = deck_id.replace("-", " ").replace("_", " ").strip().capitalize() or "Imported deck"
    name_value, name_row = (name, None) if name is not None else reader.deck_value("deck_name", fallback_name)
    description, description_row = reader.deck_value("deck_description", "")
    language, language_row = reader.deck_value("deck_language", DEFAULT_LANGUAGE)
    owner = "the deck"
    target_row = reader.deck_values.get("deck_target_min_s", reader.deck_values.get("deck_target_max_s", ("", None)))[1]
    values = {column: value for column, (value, _) in reader.deck_values.items()}
    try:
        row_of_fault: int | None = name_row
        deck_name = rules.text(owner, "name", name_value, multiline=False)
        row_of_fault = description_row
        deck_description = rules.text(owner, "description", description, allow_empty=True)
        row_of_fault = language_row
        deck_language = rules.language(owner, language)
        row_of_fault = target_row
        default_target = _target(owner, "default target", "deck_target_min_s", "deck_target_max_s", values) or GENERAL
    except rules.FieldFault as fault:
        raise reader.fail(fault.sentence, row_of_fault) from None
    return Deck(deck_id, deck_name, deck_description, deck_language, default_target, questions, reader.source)
