"""The decks MockInt ships: all valid, enough of them, and every card usable by a friend or the app."""

from __future__ import annotations

from collections import Counter

import pytest

from mockint.core.decks import Deck, deck_from_csv, deck_to_csv, deck_to_toml, load_decks, parse_deck
from mockint.core.targets import TargetRange
from mockint.paths import shipped_decks_dir

EXPECTED_DECKS = {"warm-up", "openers", "behavioural", "tricky", "career-break", "career-change", "ask-the-interviewer"}
# Decks where the interviewer naturally probes further; warm-up small talk and the questions the
# candidate asks need follow-ups less often.
PROBING_DECKS = EXPECTED_DECKS - {"warm-up", "ask-the-interviewer"}


@pytest.fixture(scope="module")
def shipped() -> list[Deck]:
    loaded = load_decks(shipped_decks_dir())
    assert loaded.errors == [], [error.user_message for error in loaded.errors]
    return loaded.decks


def _by_id(decks: list[Deck]) -> dict[str, Deck]:
    return {deck.id: deck for deck in decks}


def test_every_shipped_deck_file_loads_and_the_totals_are_met(shipped: list[Deck]) -> None:
    files = sorted(path.stem for path in shipped_decks_dir().glob("*.toml"))
    assert sorted(deck.id for deck in shipped) == files
    assert EXPECTED_DECKS <= set(files)
    assert len(shipped) >= 7
    assert sum(len(deck.questions) for deck in shipped) >= 170


def test_every_question_has_a_target_a_good_answer_note_and_a_real_question(shipped: list[Deck]) -> None:
    for deck in shipped:
        assert deck.language == "en" and deck.description, deck.id
        for question in deck.questions:
            where = f"{deck.id}/{question.id}"
            assert question.target_s is not None, where
            assert question.good_answer and "\n" not in question.good_answer, where
            assert len(question.good_answer) <= 200, f"{where}: the note should be one line"
            assert question.text[-1] in "?.", where
            assert question.tags, where


def test_probing_decks_offer_follow_ups_on_most_questions(shipped: list[Deck]) -> None:
    for deck in (d for d in shipped if d.id in PROBING_DECKS):
        with_follow_ups = sum(1 for question in deck.questions if question.follow_ups)
        assert with_follow_ups >= len(deck.questions) * 0.6, deck.id
        assert all(len(question.follow_ups) <= 2 for question in deck.questions), deck.id


def test_decks_have_the_size_and_difficulty_a_practice_session_needs(shipped: list[Deck]) -> None:
    decks = _by_id(shipped)
    assert 8 <= len(decks["warm-up"].questions) <= 15
    assert all(q.difficulty == "easy" for q in decks["warm-up"].questions)
    assert len(decks["behavioural"].questions) >= 30
    assert len(decks["tricky"].questions) >= 25
    for deck_id in ("career-break", "career-change", "ask-the-interviewer", "openers"):
        assert len(decks[deck_id].questions) >= 15, deck_id
    for deck in shipped:
        used = Counter(question.difficulty.value for question in deck.questions)
        assert used["easy"] + used["medium"] + used["hard"] == len(deck.questions)


def _within(target: TargetRange, low: float, high: float) -> bool:
    return low <= target.min_s < target.max_s <= high


def test_targets_are_realistic_for_the_kind_of_question(shipped: list[Deck]) -> None:
    decks = _by_id(shipped)
    for question in decks["behavioural"].questions:
        assert _within(decks["behavioural"].target_for(question), 45, 150), question.id
    for question in decks["ask-the-interviewer"].questions:
        assert _within(decks["ask-the-interviewer"].target_for(question), 5, 30), question.id
    for question in decks["warm-up"].questions:
        assert _within(decks["warm-up"].target_for(question), 5, 60), question.id
    intro = decks["openers"].question("tell-me-about-yourself")
    assert decks["openers"].target_for(intro) == TargetRange(60, 90)
    for deck in shipped:
        for question in deck.questions:
            assert _within(deck.target_for(question), 5, 150), f"{deck.id}/{question.id}"


def test_no_question_is_copied_between_decks(shipped: list[Deck]) -> None:
    texts = Counter(question.text.casefold() for deck in shipped for question in deck.questions)
    assert [text for text, count in texts.items() if count > 1] == []


def test_shipped_decks_survive_csv_and_toml_round_trips(shipped: list[Deck]) -> None:
    for deck in shipped:
        assert deck_from_csv(deck_to_csv(deck), f"{deck.id}.csv", deck.id) == deck
        assert parse_deck(deck_to_toml(deck), f"{deck.id}.toml", deck.id) == deck
