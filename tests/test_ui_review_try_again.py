""" "Try again" on the Review page, end to end: real Korean speech into the virtual microphone, the
real Korean model, a real Store; the new attempt is then compared with the first."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from mockint.paths import app_paths
from mockint.settings import Setting, Settings
from mockint.store import Store
from tests.test_ui_review_support import seed_history

WAIT_MS = 20000


@pytest.fixture(scope="module")
def spoken_retry(tmp_path_factory: pytest.TempPathFactory, espeak: str) -> Path:
    path = tmp_path_factory.mktemp("review-speech") / "retry.wav"
    subprocess.run(
        [espeak, "-v", "ko", "-w", str(path), "팀과 함께 서비스를 만들었습니다 그리고 결과가 좋았습니다"],
        check=True,
        timeout=60,
    )
    return path


def test_try_again_records_a_new_attempt_and_shows_both_side_by_side(
    virtual_microphone, korean_model_path: Path, spoken_retry: Path, make_window, qtbot
):
    seeded = seed_history()
    settings = Settings(app_paths().settings_file)
    settings.set(Setting.MODEL, str(korean_model_path))
    settings.set(Setting.SILENCE_STOP_S, 0)  # Space ends the answer here
    window = make_window()
    window.show_page("review")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.page("review")
    qtbot.waitUntil(lambda: page.current_answer() is not None, timeout=WAIT_MS)
    sessions_before = page.session_picker.count()
    base = page.current_answer()
    assert base.id == seeded.answer_ids[0] and base.attempt_count == 1

    levels: list[float] = []
    page.retry.level.connect(levels.append)
    with qtbot.waitSignal(page.retry.recording, timeout=WAIT_MS):
        qtbot.mouseClick(page.try_again_button, Qt.MouseButton.LeftButton)
    assert page.retry_panel.isVisible() and not page.try_again_button.isEnabled()
    assert "Recording attempt 2" in page.retry_panel.title.text()
    assert "target 20–40 s" in page.retry_panel.elapsed_text

    speaker = threading.Thread(target=virtual_microphone.play_into_microphone, args=(spoken_retry,))
    speaker.start()
    qtbot.waitUntil(lambda: not speaker.is_alive(), timeout=30000)
    speaker.join()
    assert max(levels) > 0.05  # the meter moved with the speech
    assert not page.retry_panel.elapsed_text.startswith("0:00")

    page.answer_list.setFocus()
    with qtbot.waitSignal(page.attempt_saved, timeout=60000) as saved:
        qtbot.keyClick(page.answer_list, Qt.Key.Key_Space)
    captured = saved.args[0]
    assert captured.report.words, "the Korean model heard the retry"

    qtbot.waitUntil(
        lambda: (
            page.tabs.currentWidget() is page.compare_tab
            and page.compare.shown[1] is not None
            and page.compare.shown[1].id == captured.answer_id
        ),
        timeout=WAIT_MS,
    )
    before, after = page.compare.shown
    assert before.id == base.id
    assert after.answer.attempt_of == base.id and after.attempt_number == 2
    assert after.audio is not None and after.audio.is_file()
    assert page.compare.right.figures.figures()["words"].value == str(after.report.metrics.word_count)
    assert page.compare.left.figures.figures()["words"].value == "34"
    assert page.compare.changes.lines()  # what changed, in words
    assert page.tabs.tabText(1) == "Compare attempts (2)"
    assert not page.retry_panel.isVisible() and page.try_again_button.isEnabled()
    # The attempt belongs to its question's first session: no new session in History or the charts.
    assert page.session_picker.current_session_id() == seeded.session_id
    assert after.answer.session_id == seeded.session_id
    assert page.session_picker.count() == sessions_before
    with Store.open(app_paths()) as store:
        overviews = store.list_sessions()
        assert len(overviews) == sessions_before
        assert len(store.trends()) == len([o for o in overviews if o.summary.answer_count])
        reviewed = next(o for o in overviews if o.session.id == seeded.session_id)
        # The session's figures are those of the interview the user ran: first attempts only.
        assert reviewed.summary.answer_count == len(seeded.answer_ids)
