"""The Settings page: thresholds and filler words persist; "Delete all my data" asks, then deletes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from mockint.core.analysis.lexicon import Lexicon
from mockint.paths import app_paths
from mockint.settings import Setting, Settings
from mockint.store.app_store import Store


@pytest.fixture
def settings_page(make_window):
    window = make_window(load_in_background=False, discover_pages=False)
    window.show_page("settings")
    return window.page("settings")


def test_sections_come_in_their_slots(settings_page):
    keys = settings_page.section_keys()
    assert keys.index("analysis") < keys.index("fillers") < keys.index("data")
    assert keys[-1] == "data"


def test_thresholds_persist_and_show_in_a_new_window(settings_page, make_window):
    analysis = settings_page.section("analysis")
    analysis.hesitation.setValue(1.5)
    analysis.long_pause.setValue(4.0)
    analysis.slow.setValue(110)
    analysis.fast.setValue(180)
    settings_page.context.settings.flush()  # the file is written in the background; wait for it
    saved = Settings()
    assert saved.get(Setting.HESITATION_PAUSE_S) == 1.5
    assert saved.get(Setting.LONG_PAUSE_S) == 4.0
    assert saved.get(Setting.PACE_SLOW_WPM) == 110
    assert saved.get(Setting.PACE_FAST_WPM) == 180

    again = make_window(load_in_background=False, discover_pages=False).page("settings").section("analysis")
    assert (again.hesitation.value(), again.long_pause.value(), again.slow.value(), again.fast.value()) == (
        1.5,
        4.0,
        110,
        180,
    )


def test_thresholds_stay_consistent(settings_page):
    analysis = settings_page.section("analysis")
    analysis.hesitation.setValue(5.0)  # above the 3 s long pause: the long pause follows
    settings_page.context.settings.flush()  # the file is written in the background; wait for it
    assert Settings().get(Setting.LONG_PAUSE_S) >= Settings().get(Setting.HESITATION_PAUSE_S) == 5.0
    analysis.slow.setValue(200)  # above the 170 fast pace: the fast pace follows
    settings_page.context.settings.flush()
    assert Settings().get(Setting.PACE_FAST_WPM) > Settings().get(Setting.PACE_SLOW_WPM) == 200
    analysis.restore_defaults()
    assert (analysis.hesitation.value(), analysis.long_pause.value()) == (1.0, 3.0)
    settings_page.context.settings.flush()
    assert Settings().get(Setting.PACE_SLOW_WPM) == 100


def test_the_builtin_english_fillers_are_listed(settings_page):
    fillers = settings_page.section("fillers")
    assert fillers.current_language == "en"
    assert set(fillers.counted_words()) == set(Lexicon.for_language("en").filler_phrases())
    assert {"um", "like", "you know"} <= set(fillers.counted_words())


def test_filler_edits_persist_and_reach_the_analysis(settings_page, qtbot, make_window):
    fillers = settings_page.section("fillers")
    like = next(
        fillers.words.item(r)
        for r in range(fillers.words.count())
        if fillers.words.item(r).data(Qt.ItemDataRole.UserRole) == "like"
    )
    fillers.words.setCurrentItem(like)
    fillers.words.setFocus()
    qtbot.keyClick(fillers.words, Qt.Key.Key_Space)  # untick with the keyboard
    qtbot.keyClicks(fillers.new_word, "You  See")
    qtbot.keyClick(fillers.new_word, Qt.Key.Key_Return)

    settings_page.context.settings.flush()  # the file is written in the background; wait for it
    settings = Settings()
    assert settings.get(Setting.REMOVED_FILLERS) == {"en": ["like"]}
    assert settings.get(Setting.CUSTOM_FILLERS) == {"en": ["you see"]}
    lexicon = Lexicon.from_settings_values(
        "en", settings.get(Setting.CUSTOM_FILLERS), settings.get(Setting.REMOVED_FILLERS)
    )
    assert "you see" in lexicon.filler_phrases() and "like" not in lexicon.filler_phrases()

    again = make_window(load_in_background=False, discover_pages=False).page("settings").section("fillers")
    assert "you see" in again.counted_words() and "like" not in again.counted_words()
    again.remove_word("you see")
    again.add_word("like")  # a built-in word comes back by adding it
    again.context.settings.flush()
    assert Settings().get(Setting.CUSTOM_FILLERS) == {}
    assert Settings().get(Setting.REMOVED_FILLERS) == {}


def _some_data() -> tuple[int, object]:
    paths = app_paths()
    with Store.open(paths) as store:
        session = store.create_session("solo", title="Monday mock")
        answer = store.add_answer(session.id, "Tell me about yourself")
        recording = store.recordings.path_for(answer)
        recording.write_bytes(b"RIFF")
    paths.user_decks_dir.mkdir(parents=True)
    (paths.user_decks_dir / "mine.toml").write_text('name = "Mine"\n', encoding="utf-8")
    return session.id, recording


def test_delete_all_data_asks_first_and_no_keeps_everything(settings_page, monkeypatch):
    _, recording = _some_data()
    asked: list[str] = []

    def answer_no(parent, title, text, *args):
        asked.append(title)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    settings_page.section("data").delete_button.click()
    assert asked == ["Delete all your data?"]
    assert recording.exists()
    assert (app_paths().user_decks_dir / "mine.toml").exists()


def test_delete_all_data_deletes_sessions_recordings_and_user_decks(settings_page, qtbot, monkeypatch):
    _, recording = _some_data()
    Settings().set(Setting.PACE_SLOW_WPM, 95)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    data = settings_page.section("data")
    with qtbot.waitSignal(settings_page.context.events.data_deleted, timeout=10000):
        data.delete_button.click()
    with Store.open(app_paths()) as store:
        assert store.list_sessions() == []
    assert not recording.exists()
    assert not (app_paths().user_decks_dir / "mine.toml").exists()
    assert Settings().get(Setting.PACE_SLOW_WPM) == 95  # settings are kept


def test_data_folders_are_shown_with_open_buttons(settings_page):
    data = settings_page.section("data")
    paths = app_paths()
    texts = {label.text() for label in data.findChildren(QLabel)}
    for folder in (paths.data_dir, paths.recordings_dir, paths.user_decks_dir, paths.models_dir, paths.log_dir):
        assert str(folder) in texts
    assert len(data.open_buttons) == 6
    assert all(button.accessibleName() and button.toolTip() for button in data.open_buttons)


def test_the_mirror_video_days_box_is_sized_like_the_other_spin_boxes(settings_page, qtbot):
    window = settings_page.window()
    window.resize(1200, 800)
    mirror = settings_page.section("mirror")
    analysis = settings_page.section("analysis")
    mirror.video_days.ensurePolished()
    qtbot.waitUntil(lambda: mirror.width() > 600)
    # Not stretched across the card: about as wide as it needs, like the analysis thresholds.
    assert mirror.video_days.width() <= mirror.video_days.sizeHint().width() + 8
    assert mirror.video_days.width() < analysis.hesitation.width() * 2
