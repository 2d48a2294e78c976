"""Helpers for the Practice page tests: a Korean deck, settings, the page in a real window."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from mockint.paths import app_paths
from mockint.settings import Setting, Settings
from mockint.ui.main_window import MainWindow
from mockint.ui.pages.practice_page import PracticePage

DECK_ID = "ko-practice"
FIRST_QUESTION = "자기소개를 해 주세요"
FOLLOW_UP = "가장 자랑스러운 일은 무엇입니까"
SECOND_QUESTION = "왜 이 회사에 지원했습니까"
KOREAN_DECK = f"""
name = "Korean practice"
description = "Two short questions for the tests"
language = "ko"
default_target_s = [1, 30]

[[questions]]
id = "intro"
text = "{FIRST_QUESTION}"
category = "opener"
difficulty = "easy"
target_s = [20, 60]
follow_ups = ["{FOLLOW_UP}"]

[[questions]]
id = "why-us"
text = "{SECOND_QUESTION}"
category = "motivation"
difficulty = "easy"
target_s = [1, 30]
"""


def write_korean_deck() -> Path:
    folder = app_paths().user_decks_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{DECK_ID}.toml"
    path.write_text(KOREAN_DECK, encoding="utf-8")
    return path


def save_settings(values: dict[Setting, Any]) -> None:
    """Written before the window is made, as a returning user's settings would be."""
    settings = Settings(app_paths().settings_file)
    for key, value in values.items():
        settings.set(key, value)


def practice_settings(model: Path | None, **overrides: Any) -> dict[Setting, Any]:
    values: dict[Setting, Any] = {
        Setting.SELECTED_DECKS: [DECK_ID],
        Setting.QUESTION_COUNT: 2,
        Setting.SHUFFLE: False,
        Setting.THINK_TIME_S: 0,
        Setting.REPORT_AFTER_EACH: True,
        Setting.READ_ALOUD: False,
        Setting.LIVE_TRANSCRIPT: True,
        Setting.SILENCE_STOP_S: 0,
    }
    if model is not None:
        values[Setting.MODEL] = str(model)
    values.update({Setting[name.upper()]: value for name, value in overrides.items()})
    return values


def open_practice(
    make_window: Callable[..., MainWindow], qtbot, settings: dict[Setting, Any]
) -> tuple[MainWindow, PracticePage]:
    """A real main window on the Practice page, once Start is possible (model, store and decks ready)."""
    write_korean_deck()
    save_settings(settings)
    window = make_window()
    page = window.page("practice")
    assert isinstance(page, PracticePage)
    window.show_page("practice")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(page.setup.start_button.isEnabled, timeout=20000)
    return window, page


def start_with_keyboard(page: PracticePage, qtbot) -> None:
    page.setup.start_button.setFocus()
    qtbot.keyClick(page.setup.start_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def press(page: PracticePage, qtbot, key: Qt.Key) -> None:
    """A key pressed while the interview is on screen (the view has the focus, as after Start)."""
    qtbot.keyClick(page.interview, key)


def korean_speech(espeak: str, text: str, path: Path) -> Path:
    subprocess.run([espeak, "-v", "ko", "-w", str(path), text], check=True, timeout=60)
    return path


def play_while_recording(qtbot, microphone, wav: Path) -> None:
    """Plays `wav` into the virtual microphone without blocking the GUI (live signals keep flowing)."""
    player = threading.Thread(target=microphone.play_into_microphone, args=(wav,))
    player.start()
    qtbot.waitUntil(lambda: not player.is_alive(), timeout=30000)
    player.join()


@pytest.fixture(scope="module")
def spoken_answers(tmp_path_factory: pytest.TempPathFactory, espeak: str) -> list[Path]:
    folder = tmp_path_factory.mktemp("practice-speech")
    texts = ("안녕하세요 저는 개발자입니다", "팀과 함께 서비스를 만들었습니다", "좋은 회사라고 생각합니다")
    return [korean_speech(espeak, text, folder / f"answer-{i}.wav") for i, text in enumerate(texts)]
