"""Decks to and from CSV (a friend's spreadsheet) and to TOML: nothing lost, faults named by row."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockint.core.decks import (
    CSV_COLUMNS,
    Deck,
    DeckError,
    Difficulty,
    Question,
    deck_from_csv,
    deck_to_csv,
    deck_to_toml,
    load_deck,
    parse_deck,
)
from mockint.core.targets import TargetRange
from tests.conftest import DATA_DIR

DECKS = DATA_DIR / "deck"

# Values the validators accept as they are: no control characters (tabs and, where allowed,
# newlines aside), nothing strip() would remove, no '|' inside list items.
_CHARS = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="|")


def _texts(*, multiline: bool, min_size: int = 1, max_size: int = 40) -> st.SearchStrategy[str]:
    extra = st.sampled_from("\n\t\"'\\,;=#[]{}") if multiline else st.sampled_from("\t\"'\\,;=#[]{}")
    raw = st.text(_CHARS | extra, min_size=min_size, max_size=max_size)
    return raw.filter(lambda s: s == s.strip() and len(s) >= min_size)


_seconds = st.one_of(st.integers(0, 1800).map(float), st.floats(0, 1800, allow_nan=False, allow_infinity=False))


@st.composite
def _targets(draw: st.DrawFn) -> TargetRange:
    low, high = sorted((draw(_seconds), draw(_seconds)))
    return TargetRange(low, high if high > 0 else 1.0)


_questions = st.builds(
    Question,
    id=st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True),
    text=_texts(multiline=True),
    category=st.from_regex(r"[a-z][a-z0-9_-]{0,12}", fullmatch=True),
    difficulty=st.sampled_from(Difficulty),
    tags=st.lists(_texts(multiline=False, max_size=12), max_size=4).map(tuple),
    target_s=st.none() | _targets(),
    follow_ups=st.lists(_texts(multiline=True), max_size=3).map(tuple),
    good_answer=_texts(multiline=True, min_size=0),
)

_decks = st.builds(
    Deck,
    id=st.just("generated"),
    name=_texts(multiline=False),
    description=_texts(multiline=True, min_size=0),
    language=st.from_regex(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", fullmatch=True),
    default_target=_targets(),
    questions=st.lists(_questions, min_size=1, max_size=6, unique_by=lambda q: q.id).map(tuple),
    source=st.just("<generated>"),
)


@settings(max_examples=100, deadline=None)
@given(deck=_decks)
def test_csv_and_toml_round_trips_keep_every_field(deck: Deck) -> None:
    from_csv = deck_from_csv(deck_to_csv(deck), "generated.csv", deck.id)
    assert from_csv == deck
    assert parse_deck(deck_to_toml(from_csv), "generated.toml", deck.id) == deck


def test_a_friends_spreadsheet_with_loose_headings_and_blanks_imports() -> None:
    deck = deck_from_csv((DECKS / "friend.csv").read_text(encoding="utf-8"), "friend.csv", "friend")
    assert (deck.name, deck.language, deck.default_target) == ("Friend's deck", "en", TargetRange(30, 120))
    assert deck.description == "Questions my friend Sam wrote, in a spreadsheet."
    assert [q.id for q in deck.questions] == [
        "tell-me-about-yourself",
        "tell-me-about-yourself-2",
        "why-us",
        "what-is-your-greatest-weakness",
    ]
    first = deck.questions[0]
    assert first.category == "introduction"  # "Introduction" in the sheet
    assert first.tags == ("story", "first-impression")
    assert first.follow_ups == ("What are you looking for next?", "Why now?")
    assert first.target_s == TargetRange(60, 90)
    assert deck.questions[2].text == "Why do you want to work here,\nrather than anywhere else?"
    assert deck.questions[2].difficulty is Difficulty.MEDIUM  # left blank
    assert deck.questions[3].difficulty is Difficulty.HARD  # "HARD"
    assert deck.target_for(deck.questions[1]) == TargetRange(30, 120)


def test_name_argument_wins_and_a_minimal_sheet_gets_defaults() -> None:
    deck = deck_from_csv("text\nWhy this job?\n", "mine.csv", "my-practice", name="Monday practice")
    assert deck.name == "Monday practice" and deck.id == "my-practice"
    only = deck.questions[0]
    assert (only.id, only.category, only.difficulty, only.tags, only.target_s) == (
        "why-this-job",
        "general",
        Difficulty.MEDIUM,
        (),
        None,
    )
    assert deck_from_csv("text\nWhy?\n", "x.csv", "my-practice").name == "My practice"
    korean = deck_from_csv("text,deck_language\n자기소개를 해 주세요.,ko\n", "ko.csv", "ko")
    assert korean.questions[0].id == "q2" and korean.language == "ko"


def test_export_puts_deck_values_on_the_first_row_only() -> None:
    deck = load_deck(DECKS / "good.toml")
    rows = list(csv.reader(io.StringIO(deck_to_csv(deck), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 1 + len(deck.questions)
    named = [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]
    assert named[0]["deck_name"] == "Test deck" and named[0]["deck_target_min_s"] == "60"
    assert named[1]["deck_name"] == "" and named[2]["target_min_s"] == ""
    assert named[0]["follow_ups"] == "How do you know it is improving?" and named[1]["tags"] == "star | failure"


def test_an_imported_csv_saved_as_toml_reads_back_identical(tmp_path) -> None:
    deck = deck_from_csv((DECKS / "friend.csv").read_text(encoding="utf-8"), "friend.csv", "friend")
    saved = tmp_path / "friend.toml"
    saved.write_text(deck_to_toml(deck), encoding="utf-8")
    assert load_deck(saved) == deck


HEADER = "id,text,category,difficulty,target_min_s,target_max_s,follow_ups,deck_name\n"


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("", 1, "first row must name the columns"),
        ("id,text,notes\n", 1, "unknown column 'notes'"),
        ("id,txt\n", 1, "did you mean 'text'?"),
        ("id,category\na,b\n", 1, "no 'text' column"),
        ("text,text\n", 1, "'text' twice"),
        ("text,,category\nWhy?,oops,c\n", 1, "column 2 has cells but no heading"),
        (HEADER, 1, "no questions"),
        (HEADER + "a,Why?,c,easy\nb,How?,c,hardest\n", 3, "difficulty 'hardest'; use easy, medium or hard"),
        (HEADER + "a,Why?,c,easy,60\n", 2, "target_min_s but no target_max_s"),
        (HEADER + "a,Why?,c,easy,sixty,90\n", 2, "target_min_s 'sixty'"),
        (HEADER + "a,Why?,c,easy,90,60\n", 2, "minimum must not be above"),
        (HEADER + "a,Why?,c,easy,,,one|two|three|four\n", 2, "at most 3"),
        (HEADER + "a,Why?\n\na,How?\n", 4, "'a' is used twice (first on row 2)"),
        (HEADER + "Bad Id,Why?\n", 2, "id 'Bad Id'"),
        (HEADER + "a,,c\n", 2, "empty text"),
        (HEADER + "a,Why?,two words\n", 2, "one lowercase word"),
        (HEADER + "a,Why?,,,,,,One\nb,How?,,,,,,Two\n", 3, "deck_name is 'Two' here but 'One' on row 2"),
        (HEADER + "a,Why?,c,easy,,,,,surplus\n", 2, "9 cells but the header names 8 columns"),
        ("text,deck_language\nWhy?,English\n", 2, "language 'English'"),
    ],
)
def test_bad_csv_names_the_row_and_the_fault(text: str, line: int, expected: str) -> None:
    with pytest.raises(DeckError) as caught:
        deck_from_csv(text, "sheet.csv", "sheet")
    error = caught.value
    assert expected in error.problem, error.user_message
    assert error.line == line and error.user_message.startswith(f"sheet.csv, line {line}: ")
    assert "\n" not in error.user_message


def test_a_huge_csv_is_refused() -> None:
    with pytest.raises(DeckError, match="1 MB"):
        deck_from_csv("text\n" + "Why?\n" * 300_000, "big.csv", "big")


FORMULAS = ('=HYPERLINK("http://evil.example","click")', "=cmd|' /C calc'!A0", "@SUM(A1:A9)", "+1+1", "-2+3")


def test_exported_deck_cells_never_start_a_formula_and_import_back_exactly() -> None:
    """Deck CSV export used to write these raw: a spreadsheet opening it would run them."""
    questions = tuple(
        Question(f"q{n}", text, "general", Difficulty.MEDIUM, (), None, (text.replace("|", "/"), "'" + text[:3]), text)
        for n, text in enumerate(FORMULAS)
    )
    deck = Deck("hostile", FORMULAS[0], FORMULAS[1], "en", TargetRange(30, 90), questions, "<test>")
    exported = deck_to_csv(deck)
    for row in csv.reader(io.StringIO(exported, newline="")):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert deck_from_csv(exported, "<test>", "hostile") == deck


@given(st.text())
def test_the_guard_is_undone_exactly(text: str) -> None:
    from mockint.core.csv_cells import FORMULA_STARTS, guard, restore

    assert restore(guard(text)) == text
    assert not guard(text).startswith(FORMULA_STARTS)
