"""Hearing an answer on the Review page: click a word, the timeline, a moment in the feedback.

The sound goes into the virtual speaker (the private PulseAudio null sink) and is heard back.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tests.test_ui_review_support import Listener, seed_history

WAIT_MS = 15000


def open_review(make_window, qtbot):
    window = make_window()
    window.show_page("review")
    page = window.page("review")
    qtbot.waitUntil(lambda: page.current_answer() is not None and page.answer_view.playback.has_source, timeout=WAIT_MS)
    return page


def word_index(report, text: str) -> int:
    return next(i for i, w in enumerate(report.words) if w.text == text)


def test_clicking_a_word_plays_the_answer_from_that_word(virtual_microphone, make_window, qtbot):
    seed_history()
    page = open_review(make_window, qtbot)
    view, bar = page.answer_view.transcript, page.answer_view.playback
    report = page.current_answer().report
    index = word_index(report, "rewrite")
    word = report.words[index]

    with Listener() as listener:
        with qtbot.waitSignal(bar.playing_changed, timeout=WAIT_MS, check_params_cb=bool):
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.word_rect(index).center())
        qtbot.waitUntil(lambda: bar.player.is_playing and bar.player.position_s > word.start + 0.2, timeout=WAIT_MS)
        assert bar.player.position_s >= word.start
        # The tone under each word reaches the speaker.
        qtbot.waitUntil(lambda: listener.loudest() > 0.05, timeout=WAIT_MS)
    assert bar.is_playing
    qtbot.waitUntil(lambda: view.playing_word is not None and view.playing_word >= index, timeout=WAIT_MS)
    assert bar.position_label.text().startswith("0:")
    bar.stop()
    assert not bar.player.is_playing and view.playing_word is None


def test_the_timeline_cursor_moves_while_playing_and_clicking_it_seeks(virtual_microphone, make_window, qtbot):
    seed_history()
    page = open_review(make_window, qtbot)
    timeline, bar = page.answer_view.timeline, page.answer_view.playback
    assert timeline.cursor_s is None

    # Stopped: a click moves the position without playing.
    x = round(timeline.x_of(6.0))
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x, 40))
    assert abs(timeline.cursor_s - 6.0) < 0.2 and abs(bar.position_s - 6.0) < 0.2
    assert not bar.is_playing

    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.player.is_playing, timeout=WAIT_MS)
    assert bar.player.position_s >= 5.8
    seen = [timeline.cursor_s]
    qtbot.waitUntil(lambda: seen.append(timeline.cursor_s) or timeline.cursor_s > seen[0] + 0.5, timeout=WAIT_MS)
    moving = [s for s in seen if s is not None]
    assert len(set(moving)) >= 3  # glides, not one jump
    assert moving == sorted(moving)

    # Pause keeps the place; play goes on from it.
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    assert not bar.is_playing
    paused_at = bar.position_s
    qtbot.waitUntil(lambda: not bar.player.is_playing, timeout=WAIT_MS)
    assert timeline.cursor_s == paused_at
    qtbot.keyClick(timeline, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bar.player.is_playing, timeout=WAIT_MS)
    assert bar.player.position_s >= paused_at - 0.05

    # Stop goes back to the start and hides the cursor.
    qtbot.mouseClick(bar.stop_button, Qt.MouseButton.LeftButton)
    assert timeline.cursor_s is None and bar.position_s == 0.0 and not bar.player.is_playing


def test_playing_to_the_end_resets_and_a_moment_in_the_feedback_plays_from_there(
    virtual_microphone, make_window, qtbot
):
    seed_history()
    page = open_review(make_window, qtbot)
    bar = page.answer_view.playback
    row = page.answer_view.feedback.rows()[1]  # "You stopped for 3.4 s at 0:11"
    assert "at 0:11" in row.item.message
    with qtbot.waitSignal(bar.playing_changed, timeout=WAIT_MS):
        row.message.linkActivated.emit("t:11")  # what QLabel emits when its link is clicked
    qtbot.waitUntil(lambda: bar.player.is_playing and bar.player.position_s >= 11.0, timeout=WAIT_MS)

    # Jump close to the end: playback finishes by itself and goes back to the start.
    duration = page.current_answer().duration_s
    with qtbot.waitSignal(bar.playing_changed, timeout=WAIT_MS, check_params_cb=lambda playing: not playing):
        bar.seek(duration - 0.4)
    assert bar.position_s == 0.0
    assert page.answer_view.timeline.cursor_s is None


def test_timeline_hover_names_the_mark_and_describes_itself(make_window, qtbot):
    seed_history()
    page = open_review(make_window, qtbot)
    timeline = page.answer_view.timeline
    timeline.resize(700, timeline.height())
    report = page.current_answer().report
    filler = report.fillers[2]  # "uh"
    assert timeline.hover_text(timeline.x_of(filler.start)).startswith("Filler “uh” at 0:0")
    long_pause = report.pauses[1]
    middle = (long_pause.start + long_pause.end) / 2
    assert timeline.hover_text(timeline.x_of(middle)).startswith("Long pause of 3.4 s")
    description = timeline.accessibleDescription()
    assert "4 fillers" in description and "target 20 to 40 seconds" in description and "3.4 s at 0:11" in description
    assert timeline.toolTip() == "" and timeline.focusPolicy() & Qt.FocusPolicy.TabFocus
