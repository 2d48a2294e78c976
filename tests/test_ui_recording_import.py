"""Settings' "Import a recording…": the button is named and reached by the keyboard; a bad file
or a missing speech model is a message and the app goes on; a good file becomes an analysed
answer (the real Korean model, eSpeak NG's Korean speech written as FLAC by soundfile)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from mockint.app.import_recording import IMPORTED_SESSION_TITLE
from mockint.paths import app_paths
from mockint.settings import Setting, Settings
from tests.recognition_speech import ESPEAK_RATE, speak
from tests.ui_fixtures import close_message_boxes, open_message_boxes

WAIT_MS = 60000


@pytest.fixture
def open_settings(make_window):
    def make():
        window = make_window(load_in_background=False, discover_pages=False)
        window.show_page("settings")
        return window, window.page("settings").section("data")

    return make


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The file dialog answers `path`; returns the titles it was opened with."""
    asked: list[str] = []

    def answer(_parent, title, _folder, file_filter):
        asked.append(title)
        assert "*.flac" in file_filter and "*.mp3" in file_filter and "*.opus" in file_filter
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    return asked


def _message_text() -> str:
    texts = [box.text() for box in open_message_boxes()]
    close_message_boxes()
    assert len(texts) == 1
    return texts[0]


def test_the_import_button_has_an_accessible_name_and_follows_the_folders_in_the_tab_order(open_settings):
    _, data = open_settings()
    button = data.import_button
    assert button.accessibleName() == "Import a recording"
    assert button.text().replace("&", "") == "Import a recording…" and button.toolTip()
    assert button.isVisible() and button.isEnabled()
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    reached = data.open_buttons[-1]
    for _ in range(100):  # the next widget Tab stops at
        reached = reached.nextInFocusChain()
        if reached.focusPolicy() & Qt.FocusPolicy.TabFocus and reached.isVisible() and reached.isEnabled():
            break
    assert reached is button, "Tab goes from the last 'Open folder' to the import"
    assert data.import_row.status.text() and not data.import_row.status.accessibleName()


def test_without_a_speech_model_the_import_says_so_and_stores_nothing(open_settings, qtbot, monkeypatch, tmp_path):
    flac = tmp_path / "answer.flac"
    soundfile.write(flac, np.zeros(ESPEAK_RATE, dtype=np.float32), ESPEAK_RATE)
    asked = _choose(monkeypatch, flac)
    window, data = open_settings()

    with qtbot.waitSignal(data.import_row.import_failed, timeout=WAIT_MS):
        data.import_button.click()

    assert asked == ["Import a recording"]
    assert "No speech model is installed yet" in _message_text()
    assert data.import_button.isEnabled() and "Nothing was imported" in data.import_row.status.text()
    qtbot.waitUntil(lambda: window.context.store.value is not None, timeout=WAIT_MS)
    assert window.context.store.value.list_sessions() == []


def test_a_bad_file_shows_a_message_and_a_good_one_then_becomes_an_analysed_answer(
    open_settings, qtbot, monkeypatch, tmp_path, korean_model_path, espeak
):
    Settings(app_paths().settings_file).set(Setting.MODEL, str(korean_model_path))
    notes = tmp_path / "notes.mp3"
    notes.write_text("What I want to say about my last project, and why it mattered.\n" * 4, encoding="utf-8")
    speech = speak("팀과 함께 서비스를 만들었습니다").astype(np.float32) / 32768
    flac = tmp_path / "my answer.flac"
    soundfile.write(flac, np.concatenate([np.zeros(ESPEAK_RATE // 2, dtype=np.float32), speech]), ESPEAK_RATE)
    window, data = open_settings()

    _choose(monkeypatch, notes)
    with qtbot.waitSignal(data.import_row.import_failed, timeout=WAIT_MS):
        data.import_button.click()
    message = _message_text()
    assert "notes.mp3 is a text file, not an audio file" in message and "\n" not in message
    store = window.context.store.value
    assert store is not None and store.list_sessions() == []
    assert data.import_button.isEnabled(), "the app keeps working"

    _choose(monkeypatch, flac)
    with qtbot.waitSignal(data.import_row.imported, timeout=WAIT_MS) as done:
        data.import_button.click()
    answer = store.get_answer(done.args[0].recording.answer_id)
    assert answer.report is not None and answer.report.words
    assert store.recordings.path_for(answer.id).is_file()
    assert [s.session.title for s in store.list_sessions()] == [IMPORTED_SESSION_TITLE]
    assert "Imported my answer.flac" in data.import_row.status.text()
    assert open_message_boxes() == []
