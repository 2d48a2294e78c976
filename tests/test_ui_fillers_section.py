"""Settings, Filler words: every language's list can be edited, and the analysis language chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mockint.analysis_options import analysis_options
from mockint.core.analysis import Lexicon
from mockint.settings import Setting, Settings


@pytest.fixture
def fillers(make_window):
    window = make_window(load_in_background=False, discover_pages=False)
    window.show_page("settings")
    return window.page("settings").section("fillers")


def _choose(combo, code: str, qtbot) -> None:
    combo.setFocus()
    target = combo.findData(code)
    assert target >= 0, code
    while combo.currentIndex() != target:  # with the keyboard, as a person without a mouse would
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def test_every_supported_language_is_offered_by_name(fillers) -> None:
    offered = {fillers.language.itemData(i): fillers.language.itemText(i) for i in range(fillers.language.count())}
    assert set(Lexicon.supported_languages()) <= set(offered)
    assert offered["ko"] == "Korean (ko)" and offered["de"] == "German (de)"
    assert fillers.language.accessibleName() and fillers.analysis_language.accessibleName()


def test_a_korean_list_can_be_edited_and_reaches_the_analysis(fillers, qtbot) -> None:
    _choose(fillers.language, "ko", qtbot)
    assert "음" in fillers.counted_words()
    fillers.new_word.setText("그니까")  # typed through an input method: QTest can only type ASCII
    qtbot.keyClick(fillers.new_word, Qt.Key.Key_Return)
    fillers.remove_word("막")
    fillers.context.settings.flush()  # the file is written in the background; wait for it
    saved = Settings()
    assert saved.get(Setting.CUSTOM_FILLERS) == {"ko": ["그니까"]}
    assert saved.get(Setting.REMOVED_FILLERS) == {"ko": ["막"]}
    korean = Lexicon.from_settings_values("ko", saved.get(Setting.CUSTOM_FILLERS), saved.get(Setting.REMOVED_FILLERS))
    assert "그니까" in korean.filler_phrases() and "막" not in korean.filler_phrases()


def test_choosing_the_analysis_language_overrides_the_model_and_automatic_follows_it(fillers, qtbot) -> None:
    assert fillers.analysis_language.currentData() == ""  # automatic by default
    _choose(fillers.analysis_language, "ko", qtbot)
    fillers.context.settings.flush()  # the file is written in the background; wait for it
    assert Settings().get(Setting.ANALYSIS_LANGUAGE) == "ko"
    assert fillers.current_language == "ko"  # the list now in use is the one shown
    assert analysis_options(Settings(), environ={})[0].language == "ko"
    _choose(fillers.analysis_language, "", qtbot)
    fillers.context.settings.flush()
    assert Settings().get(Setting.ANALYSIS_LANGUAGE) is None
    assert analysis_options(Settings(), environ={})[0].language == "en"  # the default model is English


def test_a_language_without_built_in_lists_can_be_given_one(make_window) -> None:
    Settings().set(Setting.ANALYSIS_LANGUAGE, "sw")  # say, a Swahili model of the user's own
    window = make_window(load_in_background=False, discover_pages=False)
    fillers = window.page("settings").section("fillers")
    assert fillers.current_language == "sw" and fillers.counted_words() == []
    assert fillers.add_word("yaani")
    fillers.context.settings.flush()  # the file is written in the background; wait for it
    lexicon, _ = analysis_options(Settings(), environ={})
    assert lexicon.language == "sw" and lexicon.filler_phrases() == ("yaani",)
