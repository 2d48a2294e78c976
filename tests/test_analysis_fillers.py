"""Filler detection, rule by rule (DESIGN.md, "Analysis policy"): positive, negative and edge cases."""

from __future__ import annotations

import pytest

from mockint.core.analysis.filler_model import english_model
from mockint.core.analysis.fillers import find_fillers
from mockint.core.analysis.findings import FillerKind
from mockint.core.analysis.lexicon import Lexicon
from mockint.core.analysis.tokens import TokenView
from mockint.core.transcript_parse import transcript_from_text
from mockint.core.words import Word
from tests.test_analysis_support import timed

ENGLISH = Lexicon.for_language("en")


def fillers(sentence: str, lexicon: Lexicon = ENGLISH) -> list[tuple[str, int]]:
    return [(f.text, f.index) for f in find_fillers(TokenView.of(timed(sentence)), lexicon, 1.0)]


@pytest.mark.parametrize("word", ["um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "hmm", "mm"])
def test_filled_pauses_always_count(word: str) -> None:
    hits = find_fillers(TokenView.of(timed(f"we {word} shipped it")), ENGLISH, 1.0)
    assert [(h.text, h.index, h.kind) for h in hits] == [(word, 1, FillerKind.FILLED_PAUSE)]


@pytest.mark.parametrize("marker", ["[uh]", "[um]", "[hesitation]"])
def test_bracketed_markers_count_as_filled_pauses(marker: str) -> None:
    hits = find_fillers(TokenView.of(timed(f"i {marker} led the team")), ENGLISH, 1.0)
    assert [(h.text, h.index, h.kind) for h in hits] == [(marker, 1, FillerKind.FILLED_PAUSE)]


def test_other_bracketed_markers_and_lookalike_words_do_not_count() -> None:
    assert fillers("[unk] [noise] umbrella error hummed human") == []


def test_filler_carries_the_times_of_its_first_and_last_word() -> None:
    words = timed("the client was you know upset")
    (hit,) = find_fillers(TokenView.of(words), ENGLISH, 1.0)
    assert (hit.text, hit.index, hit.kind) == ("you know", 3, FillerKind.DISCOURSE)
    assert (hit.start, hit.end) == (words[3].start, words[4].end)


def test_fillers_without_times_have_no_times() -> None:
    (hit,) = find_fillers(TokenView.of((Word("um"), Word("yes"))), ENGLISH, 1.0)
    assert (hit.start, hit.end) == (None, None)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("it took like ten minutes", [("like", 2)]),
        ("and like the server just died", [("like", 1)]),
        ("like i had no idea", [("like", 0)]),
        ("the build was like really slow", [("like", 3)]),
        ("it was like a week late", [("like", 2)]),
        ("the tests / like never passed", [("like", 2)]),
        ("we'd like to improve it", []),
        ("i like testing", []),
        ("i really like testing", []),
        ("sounds like a plan", []),
        ("something like that", []),
        ("it was like a puzzle", []),
        ("tools like jenkins", []),
        ("i wonder what the job is like", []),
        ("i like it", []),
    ],
)
def test_like_counts_as_a_pause_or_approximator_not_as_a_verb_or_comparison(sentence: str, expected: list) -> None:
    assert fillers(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("the client was you know upset", [("you know", 3)]),
        ("it was hard you know", [("you know", 3)]),
        ("you know it was my fault", [("you know", 0)]),
        ("and you know the deadline slipped", [("you know", 1)]),
        ("do you know the answer", []),
        ("you know how it is", []),
        ("as you know we grew", []),
        ("you know it when you see it", []),
        ("you know what i did", []),
    ],
)
def test_you_know_counts_as_a_pause_not_as_a_question_or_verb(sentence: str, expected: list) -> None:
    assert fillers(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("it was i mean it was fine", [("i mean", 2)]),
        ("i mean we could do better", [("i mean", 0)]),
        ("it took i mean two months", [("i mean", 2)]),
        ("that is what i mean", []),
        ("i mean it", []),
        ("i mean it seriously", []),
        ("i mean to finish", []),
    ],
)
def test_i_mean_counts_as_a_self_repair_not_as_a_verb(sentence: str, expected: list) -> None:
    assert fillers(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("so um where was i", [("so", 0), ("um", 1)]),
        ("so / where do i begin", [("so", 0)]),
        ("uh so basically we rewrote it", [("uh", 0), ("so", 1), ("basically", 2)]),
        ("so how do i put this", [("so", 0)]),
        ("well i think so", [("well", 0)]),
        ("we tried / well almost", [("well", 2)]),
        ("okay so the background", [("okay so", 0)]),
        ("it failed / okay so we retried", [("okay so", 2)]),
        ("we cached it so that pages load", []),
        ("it took so much time", []),
        ("so far so good", []),
        ("the tests failed so we fixed them", []),
        ("we did well", []),
        ("python as well as java", []),
        ("a well known problem", []),
        ("well known problems first", []),
        ("we did / well overall", []),
        ("it was okay so we kept it", []),
        # A "so" that opens a clause is a conjunction, even after a pause or at the start: people
        # annotating real speech (Switchboard) mark almost none of these as fillers.
        ("so i joined in may", []),
        ("um so we started", [("um", 0)]),
        ("we checked / so we rolled back", []),
        ("so that was the project", []),
    ],
)
def test_so_well_okay_so_count_when_they_lead_nowhere(sentence: str, expected: list) -> None:
    assert fillers(sentence) == expected


def test_grammar_vetoes_what_the_model_might_count() -> None:
    """Where grammar rules a filler out, the learned model is not asked at all."""
    for sentence in ("i really like testing", "do you know the answer", "that is what i mean", "as well as java"):
        assert fillers(sentence) == [], sentence


def test_the_shipped_model_is_small_and_read_once() -> None:
    model = english_model()
    assert model is not None and model is english_model()
    assert set(model.weights) >= {"like", "you_know", "i_mean", "well", "so", "right", "okay", "actually"}
    assert sum(len(table) for table in model.weights.values()) < 5000


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("we lost the data right and then", [("right", 4)]),
        ("it was a legacy system right", [("right", 5)]),
        ("the api was slow right we measured it", [("right", 4)]),
        ("we made the right call", []),
        ("i started right away", []),
        ("right now i lead a team", []),
        ("you're right", []),
        ("we got it right", []),
    ],
)
def test_right_counts_as_a_tag_not_as_an_adjective_or_adverb(sentence: str, expected: list) -> None:
    assert fillers(sentence) == expected


@pytest.mark.parametrize("word", ["basically", "literally", "totally"])
def test_intensifiers_always_count(word: str) -> None:
    assert fillers(f"it was {word} fine") == [(word, 2)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("actually i disagree", [("actually", 0)]),
        ("and actually we never needed it", [("actually", 1)]),
        ("it was actually fine", []),
        ("we actually shipped on time", []),
    ],
)
def test_actually_counts_opening_a_clause_not_inside_one(sentence: str, expected: list) -> None:
    assert fillers(sentence) == expected


def typed(text: str) -> list[tuple[str, int]]:
    words = transcript_from_text(text).words
    return [(f.text, f.index) for f in find_fillers(TokenView.of(words), ENGLISH, 1.0)]


@pytest.mark.parametrize(
    "fenced, plain, expected",
    [
        ("We used tools, like, Jenkins.", "We used tools like Jenkins.", [("like", 3)]),
        ("As, you know, we grew.", "As you know, we grew.", [("you know", 1)]),
        ("It was, like, a puzzle.", "It was like a puzzle.", [("like", 2)]),
        ("The clients, like, loved it.", "The clients like the design.", [("like", 2)]),
    ],
)
def test_typed_commas_or_dashes_around_a_filler_are_evidence_for_it(fenced: str, plain: str, expected: list) -> None:
    assert typed(fenced) == expected
    assert typed(plain) == []
    assert typed(fenced.replace(", ", " - ", 1).replace(", ", " - ", 1)) == expected


def test_a_typed_comma_after_a_word_alone_does_not_make_it_a_filler() -> None:
    assert typed("We did well, I think.") == []
    assert typed("Well, I think so.") == [("well", 0)]


def test_a_filler_chain_counts_every_filler_once() -> None:
    assert fillers("so um like basically we you know rebuilt it") == [
        ("so", 0),
        ("um", 1),
        ("like", 2),
        ("basically", 3),
        ("you know", 5),
    ]


def test_all_filler_answer_counts_every_word() -> None:
    assert fillers("um uh um") == [("um", 0), ("uh", 1), ("um", 2)]


def test_empty_and_single_word_answers() -> None:
    assert fillers("") == []
    assert fillers("like") == [("like", 0)]
    assert fillers("you") == []


def test_user_added_fillers_count_everywhere_including_phrases() -> None:
    lexicon = Lexicon.for_language("en", added_fillers=("Anyway", "you see", "  sort   of "))
    assert fillers("anyway you see we sort of won", lexicon) == [("anyway", 0), ("you see", 1), ("sort of", 4)]


def test_user_removed_fillers_stop_counting_in_every_context() -> None:
    lexicon = Lexicon.for_language("en", removed_fillers=("like", "um", "you know"))
    assert fillers("um it took like ten minutes you know", lexicon) == []
    assert fillers("[um] uh", lexicon) == [("uh", 1)]


def test_removing_a_bracketed_form_keeps_the_plain_word() -> None:
    lexicon = Lexicon.for_language("en", removed_fillers=("[hesitation]",))
    assert fillers("[hesitation] um", lexicon) == [("um", 1)]
