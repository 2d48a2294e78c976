"""Findings beyond counts, each on its own: hedges, evidence, STAR cues, self-talk, repeats, unsure stretches."""

from __future__ import annotations

import pytest

from mockint.core.analysis.confidence import low_confidence_stretches
from mockint.core.analysis.detail import EvidenceKind, StarPart
from mockint.core.analysis.evidence import find_evidence
from mockint.core.analysis.hedges import find_hedges
from mockint.core.analysis.lexicon import Lexicon
from mockint.core.analysis.repeats import find_repeats
from mockint.core.analysis.self_talk import find_self_talk
from mockint.core.analysis.star import find_star_cues
from mockint.core.analysis.tokens import TokenView
from mockint.core.words import Word
from tests.test_analysis_support import timed

EN = Lexicon.for_language("en")


def view(sentence: str) -> TokenView:
    return TokenView.of(timed(sentence))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("i think we won", [("i think", 0)]),
        ("maybe i guess it was kind of late", [("maybe", 0), ("i guess", 1), ("kind of", 5)]),
        ("i'm not sure but hopefully a little bit", [("i'm not sure", 0), ("hopefully", 4), ("a little bit", 5)]),
        (
            "i feel like it worked probably perhaps sort of",
            [("i feel like", 0), ("probably", 5), ("perhaps", 6), ("sort of", 7)],
        ),
        ("what kind of role and this sort of thing", []),
        ("i think about it", []),
        ("a little time", []),
        ("", []),
    ],
)
def test_hedges(sentence: str, expected: list) -> None:
    assert [(h.text, h.index) for h in find_hedges(view(sentence), EN.hedges)] == expected


def test_hedge_times_span_the_phrase() -> None:
    words = timed("well i'm not sure")
    (hedge,) = find_hedges(TokenView.of(words), EN.hedges)
    assert (hedge.start, hedge.end) == (words[1].start, words[3].end)


def test_evidence_finds_figures_results_and_examples() -> None:
    hits = find_evidence(
        view("for example we reduced costs by thirty five percent and cut 12 hours in two hundred and fifty runs"),
        EN.evidence,
    )
    assert [(h.text, h.kind) for h in hits] == [
        ("for example", EvidenceKind.EXAMPLE),
        ("reduced", EvidenceKind.RESULT),
        ("thirty five percent", EvidenceKind.NUMBER),
        ("cut", EvidenceKind.RESULT),
        ("12", EvidenceKind.NUMBER),
        ("two hundred and fifty", EvidenceKind.NUMBER),
    ]


def test_no_evidence_in_a_vague_answer() -> None:
    assert find_evidence(view("i am a hard worker and one of the team players who likes people"), EN.evidence) == ()
    assert find_evidence(view(""), EN.evidence) == ()


def test_star_cues_for_each_part() -> None:
    sentence = (
        "at my last job the deadline was close and my role was to fix the build "
        "so i rewrote the scripts and we automated tests as a result releases took half the time"
    )
    star = find_star_cues(view(sentence), EN.star)
    assert [c.text for c in star.situation] == ["at my last job"]
    assert [c.text for c in star.task] == ["the deadline", "my role"]
    assert [c.text for c in star.action] == ["so i", "i rewrote", "we automated"]
    assert [c.text for c in star.result] == ["as a result"]
    assert star.complete and star.parts_present == tuple(StarPart)


def test_star_cues_ignore_states_and_feelings() -> None:
    star = find_star_cues(view("i was tired and i needed coffee and we wanted a break"), EN.star)
    assert star.action == () and not star.complete


def test_star_cues_are_empty_for_a_language_without_them() -> None:
    assert find_star_cues(view("so i built it"), Lexicon.for_language("xx").star).parts_present == ()


def test_self_deprecation() -> None:
    hits = find_self_talk(view("sorry i'm bad at this and i'm not an expert"), EN.self_talk)
    assert [(h.text, h.index) for h in hits] == [("sorry", 0), ("i'm bad at", 1), ("i'm not an expert", 6)]
    assert [h.text for h in find_self_talk(view("i'm sorry that was a bad answer"), EN.self_talk)] == [
        "i'm sorry",
        "that was a bad answer",
    ]


def test_sorry_about_others_is_not_self_deprecation() -> None:
    assert find_self_talk(view("i felt sorry for the new hire and i'm good at mentoring"), EN.self_talk) == ()


def test_repeats_are_runs_of_one_word() -> None:
    hits = find_repeats(view("i i think the the the plan worked"), set(), EN.deliberate_repeats)
    assert [(h.text, h.index, h.count) for h in hits] == [("i", 0, 2), ("the", 3, 3)]


def test_repeated_fillers_and_deliberate_doubles_are_not_repeats() -> None:
    texts = "um um it was very very hard and i knew that that was wrong [uh] [uh]"
    assert find_repeats(view(texts), {0, 1}, EN.deliberate_repeats) == ()


def test_low_confidence_stretches_are_runs_of_unsure_words() -> None:
    confs = [0.9, 0.5, 0.4, 0.55, 0.95, 0.3, 0.99, 0.2, 0.1]
    words = tuple(Word(f"w{i}", i, i + 0.5, c) for i, c in enumerate(confs))
    stretches = low_confidence_stretches(TokenView.of(words), 0.6)
    assert [(s.first, s.last, s.text, s.start, s.end) for s in stretches] == [
        (1, 3, "w1 w2 w3", 1, 3.5),
        (7, 8, "w7 w8", 7, 8.5),
    ]
    assert stretches[0].mean_conf == pytest.approx(0.483, abs=0.001)


def test_no_low_confidence_stretches_without_confidence() -> None:
    assert low_confidence_stretches(TokenView.of(timed("a b c")), 0.6) == ()
