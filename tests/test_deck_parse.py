"""Reading TOML decks: the model, and broken files reported with file, line and one sentence."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mockint.core.decks import (
    MAX_DECK_BYTES,
    DeckError,
    Difficulty,
    check_deck,
    check_deck_file,
    load_deck,
    load_decks,
    parse_deck,
)
from mockint.core.targets import TargetRange
from tests.conftest import DATA_DIR

DECKS = DATA_DIR / "deck"
HEADER = 'name = "Deck"\n'


def _question(qid: str = "q", **fields: str) -> str:
    values = {"id": f'"{qid}"', "text": '"Why?"', "category": '"general"', "difficulty": '"easy"'} | fields
    return "\n[[questions]]\n" + "".join(f"{key} = {value}\n" for key, value in values.items() if value is not None)


def _fault(text: str, source: str = "deck.toml") -> DeckError:
    with pytest.raises(DeckError) as caught:
        parse_deck(text, source, "deck")
    error = caught.value
    assert error.path == source and error.problem and "\n" not in error.user_message
    return error


def test_a_good_deck_becomes_frozen_typed_data() -> None:
    deck = load_deck(DECKS / "good.toml")
    assert (deck.id, deck.name, deck.language) == ("good", "Test deck", "en")
    assert deck.source == str(DECKS / "good.toml")
    assert deck.default_target == TargetRange(60, 120)
    assert [q.id for q in deck.questions] == ["greatest-weakness", "tell-me-about-a-time", "start-date"]
    weakness = deck.question("greatest-weakness")
    assert weakness.difficulty is Difficulty.HARD and weakness.difficulty == "hard"
    assert weakness.tags == ("self-awareness",)
    assert weakness.follow_ups == ("How do you know it is improving?",)
    assert deck.target_for(weakness) == TargetRange(45, 90)
    plain = deck.question("start-date")
    assert (plain.tags, plain.follow_ups, plain.good_answer, plain.target_s) == ((), (), "", None)
    assert deck.target_for(plain) == TargetRange(60, 120)
    assert deck.has_question("start-date") and not deck.has_question("nope")
    with pytest.raises(KeyError):
        deck.question("nope")
    with pytest.raises(AttributeError):
        deck.name = "changed"  # type: ignore[misc]


def test_optional_deck_fields_take_sensible_defaults() -> None:
    deck = parse_deck(HEADER + _question(), "d.toml", "d")
    assert (deck.description, deck.language) == ("", "en")
    assert deck.default_target == TargetRange(30, 120)


def test_decks_in_other_languages_and_a_byte_order_mark_are_fine() -> None:
    deck = parse_deck("\ufeff" + (DECKS / "second.toml").read_text(encoding="utf-8"), "second.toml", "second")
    assert deck.language == "ko" and deck.questions[0].text == "자기소개를 해 주세요."


def test_a_toml_syntax_error_gives_tomls_line_and_column() -> None:
    error = _fault(HEADER + 'language = "en"\ndescription = "unclosed\n' + _question())
    assert error.line == 3
    assert "not valid TOML" in error.problem and "column" in error.problem


def test_a_file_that_stops_half_way_points_at_its_last_line() -> None:
    error = check_deck_file(DECKS / "broken-syntax.toml")[1][0]
    assert error.line == 4 and "end of the file" in error.problem
    assert error.user_message.startswith(f"{DECKS / 'broken-syntax.toml'}, line 4: ")


def test_a_wrong_difficulty_names_the_question_the_value_and_the_choices() -> None:
    text = HEADER + _question("a") + _question("greatest-weakness", difficulty='"hardest"')
    error = _fault(text)
    assert error.problem == "question 'greatest-weakness' has difficulty 'hardest'; use easy, medium or hard"
    assert error.line == text.split("\n").index('difficulty = "hardest"') + 1


def test_a_duplicate_id_points_at_the_second_one_and_names_the_first() -> None:
    text = HEADER + _question("same") + _question("other") + _question("same")
    error = _fault(text)
    # line 1 name, 3 [[questions]], 4 id; each question takes six lines
    assert error.line == 16 and "first at line 4" in error.problem and "'same'" in error.problem


def test_a_missing_key_points_at_the_question_header() -> None:
    error = _fault(HEADER + _question("a") + _question("b", text=None))
    assert error.line == 9  # the second [[questions]] header
    assert error.problem.startswith("question 'b' has no text")


def test_a_mistyped_key_suggests_the_right_one() -> None:
    error = _fault(HEADER + _question("a", follow_up='["Why?"]'))
    assert error.line == 8 and "did you mean 'follow_ups'?" in error.problem


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('tags = "one"', "tags as text"),
        ("target_s = [90, 45]", "minimum must not be above the maximum"),
        ("target_s = [60]", "two numbers of seconds"),
        ("target_s = [0, 0]", "above zero"),
        ("target_s = [60, 9000]", "at most"),
        ("target_s = [60, inf]", "not a real number"),
        ('follow_ups = ["a", "b", "c", "d"]', "at most 3"),
        ('follow_ups = ["a | b"]', "'|'"),
        ("good_answer = 3", "good_answer as a number"),
        ('category = "Two Words"', "one lowercase word"),
        ('id = "Not An Id"', "lowercase letters, digits and hyphens"),
        ('text = "   "', "empty text"),
        ('text = "a\\u0007b"', "control character"),
    ],
)
def test_each_field_fault_is_one_sentence_on_the_line_of_that_key(line: str, expected: str) -> None:
    key, value = line.split(" = ", 1)
    text = HEADER + _question("q", **{key: value})
    error = _fault(text)
    assert expected in error.problem
    assert error.line == text.split("\n").index(line) + 1


@pytest.mark.parametrize(
    ("text", "expected", "line"),
    [
        ('description = "no name"\n' + _question(), "has no name", 1),
        ('name = ""\n' + _question(), "empty name", 1),
        ('name = "Deck"\nlanguage = "English"\n' + _question(), "language 'English'", 2),
        ('name = "Deck"\ndefault_target_s = "60-120"\n' + _question(), "default_target_s as text", 2),
        ('name = "Deck"\nauthor = "me"\n' + _question(), "unknown key 'author'", 2),
        ('name = "Deck"\n', "no questions", 1),
        ('name = "Deck"\nquestions = []\n', "no questions", 2),
        ('name = "Deck"\nquestions = 3\n', "questions as a number", 2),
        ('name = "Deck"\n[questions]\nid = "a"\n', "questions as a table", 2),
    ],
)
def test_deck_level_faults(text: str, expected: str, line: int) -> None:
    error = _fault(text)
    assert expected in error.problem and error.line == line


def test_validation_lists_every_problem_in_file_order() -> None:
    deck, problems = check_deck_file(DECKS / "broken-fields.toml")
    assert deck is None
    assert [(p.line, p.problem.split(";")[0]) for p in problems] == [
        (8, "question 'first' has difficulty 'hardest'"),
        (15, "question 'second' has tags as text"),
        (16, "question 'second' has target_s 90-45"),
        (19, "question id 'first' is used twice (first at line 5)"),
    ]
    with pytest.raises(DeckError) as caught:
        load_deck(DECKS / "broken-fields.toml")
    assert caught.value.line == 8


def test_a_file_over_one_megabyte_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(HEADER.encode() + b"#" * MAX_DECK_BYTES)
    with pytest.raises(DeckError) as caught:
        load_deck(big)
    assert caught.value.line is None and "1 MB" in caught.value.problem and "big.toml" in caught.value.user_message
    deck, problems = check_deck("x" * (MAX_DECK_BYTES + 1), "t.toml", "t")
    assert deck is None and len(problems) == 1 and "1 MB" in problems[0].problem and problems[0].line is None


def test_text_that_is_not_utf8_gives_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'name = "Deck"\n\n[[questions]]\ntext = "Caf\xe9?"\n')
    with pytest.raises(DeckError) as caught:
        load_deck(latin)
    assert caught.value.line == 4 and "UTF-8" in caught.value.problem


def test_missing_files_and_folders_are_deck_errors_not_crashes(tmp_path: Path) -> None:
    with pytest.raises(DeckError, match="no such file"):
        load_deck(tmp_path / "nope.toml")
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    with pytest.raises(DeckError, match="folder"):
        load_deck(folder)


def test_one_broken_deck_does_not_stop_the_others(tmp_path: Path) -> None:
    shipped, user = tmp_path / "shipped", tmp_path / "user"
    shipped.mkdir()
    user.mkdir()
    for name in ("good.toml", "second.toml", "broken-syntax.toml"):
        shutil.copy(DECKS / name, shipped / name)
    shutil.copy(DECKS / "broken-fields.toml", user / "mine.toml")
    shutil.copy(DECKS / "good.toml", user / "extra.toml")
    shutil.copy(DECKS / "second.toml", user / "second.toml")  # same id as a shipped deck
    (user / "notes.txt").write_text("not a deck")
    (user / ".editor-temp.toml").write_text("garbage [")

    loaded = load_decks(shipped, user, tmp_path / "does-not-exist")

    assert [deck.id for deck in loaded.decks] == ["second", "extra", "good"]  # by name: Another, Test, Test
    assert [Path(error.path).name for error in loaded.errors] == ["broken-syntax.toml", "mine.toml", "second.toml"]
    assert "already used by" in loaded.errors[2].problem
    assert loaded.find("TEST DECK").id == "extra"  # two decks share the name: the first by id wins
    assert loaded.find("good").id == "good" and loaded.find("Another Deck").id == "second"
    assert loaded.find("nothing") is None
    assert loaded.error_for("broken-syntax") is loaded.errors[0]


def test_no_folders_at_all_is_an_empty_load(tmp_path: Path) -> None:
    loaded = load_decks(tmp_path / "none")
    assert (loaded.decks, loaded.errors) == ([], [])
