"""Broken deck files of every kind: always exactly one DeckError with the file name and a sentence.

Any other exception escaping (KeyError, RecursionError, UnicodeDecodeError...) fails these tests,
because in the app it would be a crash on start-up caused by one bad file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockint.core.decks import Deck, DeckError, deck_from_csv, load_deck, load_decks, parse_deck
from mockint.paths import shipped_decks_dir
from tests.conftest import DATA_DIR

GOOD = (DATA_DIR / "deck" / "good.toml").read_text(encoding="utf-8")
TRICKY = (shipped_decks_dir() / "tricky.toml").read_text(encoding="utf-8")
FUZZ = settings(max_examples=100, deadline=None)

# What each field must hold; any TOML value of another kind must be refused.
STRING_FIELDS = {"name", "description", "language", "id", "text", "category", "difficulty", "good_answer"}
LIST_FIELDS = {"tags", "follow_ups"}
TARGET_FIELDS = {"target_s", "default_target_s"}
LITERALS = [
    "42",
    "-1.5",
    "true",
    "nan",
    "inf",
    "1979-05-27",
    "07:32:00",
    "1979-05-27T07:32:00Z",
    '"x"',
    '""',
    '"hardest"',
    '"Two Words"',
    "[]",
    "[1, 2]",
    "[120, 60]",
    "[60, 120]",
    "[60, 120, 180]",
    '["a", 3]',
    '["a", "b"]',
    '[""]',
    "[[1, 2]]",
    "{ a = 1 }",
    "[{ a = 1 }]",
    "'''\nmulti\nline'''",
]


def _expect_deck_error_or_deck(call, source: str, text: str) -> DeckError | Deck:
    """Runs a parse; anything but a Deck or a well-formed DeckError fails the test."""
    try:
        return call()
    except DeckError as error:
        assert error.path == source
        assert Path(source).name in error.user_message
        assert error.problem.strip() and error.problem == error.problem.strip()
        assert "\n" not in error.user_message and "\r" not in error.user_message
        assert error.line is None or 1 <= error.line <= max(1, text.count("\n") + 1)
        return error


@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes_in_a_deck_file(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "random.toml"
    path.write_bytes(data)
    text = data.decode("utf-8", "replace")
    _expect_deck_error_or_deck(lambda: load_deck(path), str(path), text)


@FUZZ
@given(text=st.text(max_size=2000))
def test_random_text_as_toml_and_as_csv(text: str) -> None:
    _expect_deck_error_or_deck(lambda: parse_deck(text, "random.toml", "random"), "random.toml", text)
    _expect_deck_error_or_deck(lambda: deck_from_csv(text, "random.csv", "random"), "random.csv", text)


@FUZZ
@given(source=st.sampled_from([GOOD, TRICKY]), cut=st.floats(0, 1))
def test_valid_toml_truncated_at_any_point(source: str, cut: float) -> None:
    text = source[: int(len(source) * cut)]
    result = _expect_deck_error_or_deck(lambda: parse_deck(text, "cut.toml", "cut"), "cut.toml", text)
    if isinstance(result, Deck):
        # Only a cut between whole questions can still be a deck, and then a shorter one.
        assert 0 < len(result.questions) <= source.count("[[questions]]")


@FUZZ
@given(position=st.integers(0, len(GOOD) - 1), replacement=st.text(min_size=0, max_size=3))
def test_valid_toml_with_characters_replaced(position: int, replacement: str) -> None:
    text = GOOD[:position] + replacement + GOOD[position + 1 :]
    _expect_deck_error_or_deck(lambda: parse_deck(text, "edit.toml", "edit"), "edit.toml", text)


def _replace_value(text: str, key: str, literal: str) -> tuple[str, int]:
    """`text` with the first `key = ...` line's value swapped; and that line's number."""
    lines = text.split("\n")
    number = next(n for n, line in enumerate(lines) if line.startswith(f"{key} = "))
    lines[number] = f"{key} = {literal}"
    return "\n".join(lines), number + 1


def _right_kind(key: str, value: object) -> bool:
    if key in STRING_FIELDS:
        return isinstance(value, str)
    if key in LIST_FIELDS:
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    return isinstance(value, list) and len(value) == 2 and all(type(v) in (int, float) for v in value)


@FUZZ
@given(key=st.sampled_from(sorted(STRING_FIELDS | LIST_FIELDS | TARGET_FIELDS)), literal=st.sampled_from(LITERALS))
def test_wrong_types_for_each_field_are_reported_on_that_line(key: str, literal: str) -> None:
    text, line = _replace_value(GOOD, key, literal)
    result = _expect_deck_error_or_deck(lambda: parse_deck(text, "typed.toml", "typed"), "typed.toml", text)
    if not _right_kind(key, tomllib.loads(f"v = {literal}")["v"]):
        assert isinstance(result, DeckError), f"{key} = {literal} was accepted"
    if isinstance(result, DeckError):
        assert result.line == line, result.user_message
        assert key in result.problem or "question" in result.problem


@FUZZ
@given(key=st.sampled_from(["id", "text", "category", "difficulty"]))
def test_a_missing_required_key_is_reported_on_the_question_header(key: str) -> None:
    lines = GOOD.split("\n")
    header = next(n for n, line in enumerate(lines, start=1) if line == "[[questions]]")
    text = "\n".join(line for line in lines if not line.startswith(f"{key} = "))
    error = _expect_deck_error_or_deck(lambda: parse_deck(text, "missing.toml", "missing"), "missing.toml", text)
    assert isinstance(error, DeckError) and f"has no {key}" in error.problem and error.line == header


@FUZZ
@given(ids=st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), min_size=1, max_size=8))
def test_duplicate_ids_are_reported_at_the_first_repeat(ids: list[str]) -> None:
    blocks = "".join(
        f'\n[[questions]]\nid = "{qid}"\ntext = "Q?"\ncategory = "c"\ndifficulty = "easy"\n' for qid in ids
    )
    text = 'name = "Dupes"\n' + blocks
    result = _expect_deck_error_or_deck(lambda: parse_deck(text, "dupes.toml", "dupes"), "dupes.toml", text)
    repeat = next((i for i, qid in enumerate(ids) if qid in ids[:i]), None)
    if repeat is None:
        assert isinstance(result, Deck) and [q.id for q in result.questions] == ids
    else:
        first = ids.index(ids[repeat])
        assert isinstance(result, DeckError)
        assert result.line == 4 + 6 * repeat and f"first at line {4 + 6 * first}" in result.problem


def test_a_ten_megabyte_file_is_refused_quickly_and_the_others_still_load(tmp_path: Path) -> None:
    huge = tmp_path / "huge.toml"
    with huge.open("w", encoding="utf-8") as stream:
        stream.write('name = "Huge"\n')
        stream.write(("# " + "x" * 98 + "\n") * 100_000)
    assert huge.stat().st_size > 10_000_000
    (tmp_path / "fine.toml").write_text(GOOD, encoding="utf-8")

    error = _expect_deck_error_or_deck(lambda: load_deck(huge), str(huge), "")
    assert isinstance(error, DeckError) and "10.1 MB" in error.problem and error.line is None
    text_error = _expect_deck_error_or_deck(lambda: parse_deck(huge.read_text(), "huge.toml", "huge"), "huge.toml", "")
    assert isinstance(text_error, DeckError) and "MB" in text_error.problem

    loaded = load_decks(tmp_path)
    assert [deck.id for deck in loaded.decks] == ["fine"] and [e.path for e in loaded.errors] == [str(huge)]


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "[" * 5000,  # nests past Python's recursion limit inside tomllib
        "x = " + "9" * 5000,  # an integer Python refuses to convert
        'name = "a"\n' + "[[questions]]\n" * 3,  # empty question tables
        'name = "a"\nquestions = ["just text"]\n',
        'name = "a"\nquestions = [{ id = "a", text = "Q?", category = "c", difficulty = "easy" }, 3]\n',
        "\x00\x01\x02",
        'name = "\\ud800"',
    ],
)
def test_pathological_toml_gives_a_deck_error(text: str) -> None:
    error = _expect_deck_error_or_deck(lambda: parse_deck(text, "odd.toml", "odd"), "odd.toml", text)
    assert isinstance(error, DeckError)
