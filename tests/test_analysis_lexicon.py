"""Lexicons: per-language word lists with the user's own filler list applied."""

from __future__ import annotations

from mockint.core.analysis import Lexicon, analyze_answer
from mockint.core.targets import GENERAL
from tests.test_analysis_support import untimed


def test_english_is_built_in_and_cached() -> None:
    assert "en" in Lexicon.supported_languages()
    english = Lexicon.for_language("en")
    assert english.known and english.language == "en"
    assert Lexicon.for_language("EN-us") is english
    assert Lexicon.for_language("en", added_fillers=["anyway"]) is Lexicon.for_language(
        "en_GB", added_fillers=("Anyway ",)
    )


def test_filler_list_for_the_settings_screen() -> None:
    phrases = Lexicon.for_language("en").filler_phrases()
    for expected in (
        "um",
        "uh",
        "like",
        "you know",
        "i mean",
        "so",
        "well",
        "okay so",
        "right",
        "basically",
        "totally",
    ):
        assert expected in phrases
    assert not any(p.startswith("[") for p in phrases)
    edited = Lexicon.for_language("en", added_fillers=("you see",), removed_fillers=("like", "um")).filler_phrases()
    assert "you see" in edited and "like" not in edited and "um" not in edited


def test_unknown_language_counts_only_the_users_fillers() -> None:
    swahili = Lexicon.for_language("sw", added_fillers=("eee", "yaani"))
    assert not swahili.known
    report = analyze_answer(untimed("eee mimi yaani um ni msanidi"), GENERAL, lexicon=swahili)
    assert [(f.text, f.index) for f in report.fillers] == [("eee", 0), ("yaani", 2)]
    assert report.hedges == () and report.evidence == ()


def test_from_settings_values_reads_the_language_entry_and_ignores_junk() -> None:
    lexicon = Lexicon.from_settings_values("en", {"en": ["anyway", 5, None], "ko": ["음"]}, {"en": ["like"]})
    report = analyze_answer(untimed("anyway it took like ten minutes 음"), GENERAL, lexicon=lexicon)
    assert [f.text for f in report.fillers] == ["anyway"]
    assert Lexicon.from_settings_values("en", None, "like") is Lexicon.for_language("en")
    assert Lexicon.from_settings_values("en", {"en": "anyway"}, {}) is Lexicon.for_language("en")


def test_empty_and_blank_entries_are_ignored_and_a_bare_word_is_one_entry() -> None:
    assert Lexicon.for_language("en", added_fillers=("", "   "), removed_fillers=("",)) is Lexicon.for_language("en")
    assert Lexicon.for_language("en", added_fillers="anyway") is Lexicon.for_language("en", added_fillers=["anyway"])
