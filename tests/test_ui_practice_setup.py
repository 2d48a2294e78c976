"""The practice setup: decks, options remembered, and a Start button that says why it waits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mockint.settings import Setting, Settings
from mockint.ui.model_setup.setup_dialog import ModelSetupDialog
from mockint.ui.practice.setup_panel import NO_DECK_REASON, READY_TEXT
from tests.test_ui_practice_support import DECK_ID, open_practice, practice_settings, save_settings, write_korean_deck


def deck_rows(page) -> dict[str, str]:
    return dict(page.setup.deck_list.rows())


def test_decks_are_listed_with_their_question_counts_and_ticks_are_remembered(make_window, qtbot):
    write_korean_deck()
    window = make_window(load_in_background=False)
    page = window.page("practice")
    qtbot.waitUntil(lambda: page.setup.deck_list.count() > 0)
    rows = deck_rows(page)
    assert rows[DECK_ID] == "Korean practice  ·  2 questions"
    assert rows["warm-up"].startswith("Warm-up  ·  ") and rows["warm-up"].endswith(" questions")
    assert page.setup.selected_deck_ids() == ["warm-up"]  # first run: a deck is ticked, Start needs nothing more
    assert page.setup.reason.text() != NO_DECK_REASON

    # Space unticks and ticks the deck with the focus; the arrow keys move between decks.
    setup = page.setup
    boxes = setup.deck_list.boxes()
    boxes[0].setFocus()
    for _ in range(list(rows).index("warm-up")):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    warm_up = setup.deck_list.box("warm-up")
    assert QApplication.focusWidget() is warm_up
    qtbot.keyClick(warm_up, Qt.Key.Key_Space)
    assert setup.selected_deck_ids() == []
    assert page.setup.reason.text() == NO_DECK_REASON and not page.setup.start_button.isEnabled()
    assert page.setup.start_button.toolTip() == NO_DECK_REASON
    qtbot.keyClick(warm_up, Qt.Key.Key_Space)
    assert setup.selected_deck_ids() == ["warm-up"]
    setup.set_selected_decks(["warm-up", DECK_ID])
    window.context.settings.flush()  # the file is written in the background; wait for it
    assert Settings(window.context.paths.settings_file).get(Setting.SELECTED_DECKS) == [DECK_ID, "warm-up"]
    assert setup.reason.text() != NO_DECK_REASON  # now it waits for the speech model instead

    again = make_window(load_in_background=False).page("practice")
    qtbot.waitUntil(lambda: again.setup.deck_list.count() > 0)
    assert again.setup.selected_deck_ids() == [DECK_ID, "warm-up"]


def test_every_option_is_saved_as_it_changes(make_window, qtbot):
    window = make_window(load_in_background=False)
    setup = window.page("practice").setup
    assert not setup.live_transcript.isChecked()  # off unless the user wants it
    setup.count.setValue(3)
    setup.shuffle.setChecked(False)
    setup.think_time.setValue(0)
    setup.report_timing.setCurrentIndex(1)
    setup.read_aloud.setChecked(False)
    setup.live_transcript.setChecked(True)
    setup.silence_stop.setValue(0)
    window.context.settings.flush()  # the file is written in the background; wait for it
    saved = Settings(window.context.paths.settings_file)
    assert [
        saved.get(key)
        for key in (
            Setting.QUESTION_COUNT,
            Setting.SHUFFLE,
            Setting.THINK_TIME_S,
            Setting.REPORT_AFTER_EACH,
            Setting.READ_ALOUD,
            Setting.LIVE_TRANSCRIPT,
            Setting.SILENCE_STOP_S,
        )
    ] == [3, False, 0, False, False, True, 0]
    assert setup.think_time.text() == "None" and setup.silence_stop.text() == "Off"
    options = setup.options()
    assert (options.question_count, options.shuffle, options.report_after_each, options.silence_stop_s) == (
        3,
        False,
        False,
        0.0,
    )
    for control in (
        setup.deck_list,
        setup.count,
        setup.shuffle,
        setup.think_time,
        setup.report_timing,
        setup.read_aloud,
        setup.live_transcript,
        setup.silence_stop,
        setup.start_button,
    ):
        assert control.accessibleName() and control.toolTip()


def test_without_a_speech_model_start_waits_and_the_model_setup_is_offered(make_window, qtbot):
    write_korean_deck()
    save_settings(practice_settings(None))
    window = make_window()
    page = window.page("practice")
    window.show_page("practice")
    # The decks are read once the window is up, beside the model check: wait for both.
    qtbot.waitUntil(
        lambda: page.setup.model_setup_button.isVisible() and page.context.decks.value is not None, timeout=10000
    )
    assert not page.setup.start_button.isEnabled()
    assert "No speech model is installed" in page.setup.reason.text()

    with qtbot.waitSignal(page.model_setup_requested):
        qtbot.mouseClick(page.setup.model_setup_button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ModelSetupDialog) and w.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()


def test_with_the_model_loaded_start_is_ready(make_window, qtbot, korean_model_path: Path):
    window, page = open_practice(make_window, qtbot, practice_settings(korean_model_path))
    assert page.setup.reason.text() == READY_TEXT
    assert page.setup.start_button.objectName() == "primary"
    assert not page.setup.model_setup_button.isVisible()


def test_the_window_s_own_model_setup_is_reused_when_it_has_one(make_window, qtbot):
    from mockint.ui.model_setup.first_run import ModelSetupLauncher

    window = make_window(load_in_background=False)
    launcher = ModelSetupLauncher(window, window.context, open_automatically=False)
    page = window.page("practice")
    page.open_model_setup()
    assert launcher.dialog is not None and launcher.dialog.isVisible()
    assert page._model_dialog is None  # no second dialog of the page's own
    launcher.dialog.reject()
