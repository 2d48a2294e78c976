"""The Mirror page end to end: speech into the virtual microphone, the real Korean model, generated
frames where the camera would be (or, for real, no camera: the voice mirror), the instant replay
with the video in step with the audio, and the cue log kept beside the answer (issue 12)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mockint.app.mirror import load_mirror_media
from mockint.core.mirror_cues import Cue, ShownCue
from mockint.core.session import PracticeMode
from mockint.ui.mirror.generated_frames import GeneratedFrames, seconds_of_shade
from mockint.ui.mirror.mirror_page import MirrorPage
from mockint.ui.mirror.video_feed import CameraProblem
from tests.test_answer_pipeline import play_in_background, spoken_answer
from tests.test_ui_answer_capture import context, ready_context  # noqa: F401 - fixtures, used by name


def _page(qtbot, context, *, frames: bool) -> MirrorPage:
    page = MirrorPage(context)
    qtbot.addWidget(page)
    if frames:
        page.frame_source = lambda video: GeneratedFrames(video.use_frame_input(), fps=30)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def _space(page: MirrorPage) -> None:
    """The Space key, as the user presses it on the page."""
    page.activateWindow()
    page.mirror.setFocus()
    QTest.keyClick(page.mirror, Qt.Key.Key_Space)


def _answer(qtbot, page: MirrorPage, microphone, wav, *, during=None):
    with qtbot.waitSignal(page.flow.answer_started, timeout=15000):
        _space(page)
    player = play_in_background(microphone, wav)
    if during is not None:
        during()
    qtbot.waitUntil(lambda: not player.is_alive(), timeout=30000)
    qtbot.waitUntil(lambda: page.flow.capture is not None and page.flow.capture.elapsed_s > 1.2, timeout=5000)
    with qtbot.waitSignal(page.flow.replay_ready, timeout=60000) as ready:
        _space(page)  # stop: the replay follows at once
    return ready.args[0]


def test_without_a_camera_the_page_is_a_voice_mirror_and_the_answer_replays(
    qtbot, ready_context, virtual_microphone, tmp_path
):
    page = _page(qtbot, ready_context, frames=False)
    assert page.mirror.voice_mode and page.mirror.note == CameraProblem.NONE_CONNECTED.value
    assert "Voice mirror" in page.mirror.accessibleDescription()
    _, wav = spoken_answer(tmp_path)
    levels = []
    page.flow.level.connect(levels.append)
    assert (page.start_button.text(), page.start_button.accessibleName()) == ("Start (Space)", "Start answering")
    during: list[tuple[str, str]] = []
    replay = _answer(
        qtbot,
        page,
        virtual_microphone,
        wav,
        during=lambda: during.append((page.start_button.text(), page.start_button.accessibleName())),
    )
    assert during == [("Stop (Space)", "Stop answering")]  # while the answer runs, the button stops it
    assert page.start_button.text() == "Answer again (Space)"

    assert max(levels) > 0.3 and max(page.mirror.levels) > 0.3  # the waveform moved with the voice
    captured = replay.captured
    assert captured.transcript.words and captured.audio_path.is_file()
    assert page.stack.currentWidget() is page.replay
    qtbot.waitUntil(lambda: page.replay.playback.is_playing, timeout=3000)
    assert replay.media.video is None and not replay.media.log.had_camera
    store = ready_context.store.value
    session = store.get_session(store.get_answer(captured.answer_id).session_id)
    assert session.mode is PracticeMode.MIRROR
    assert store.recordings.mirror_log_path_for(captured.answer_id).is_file()
    page.hide()


def test_with_frames_the_video_is_recorded_and_replays_in_step_with_the_audio(
    qtbot, ready_context, virtual_microphone, tmp_path
):
    page = _page(qtbot, ready_context, frames=True)
    qtbot.waitUntil(lambda: not page.mirror.voice_mode, timeout=5000)
    shown = page.mirror.grab().toImage()
    middle = shown.height() // 2
    assert shown.pixelColor(shown.width() - 5, middle).red() > 180  # the left mark shows on the right
    _, wav = spoken_answer(tmp_path)
    recording_began = []  # the frame clock (what the shade encodes) when the video started
    page.video.recording_started.connect(lambda: recording_began.append(time.monotonic() - page.frames._t0))
    replay = _answer(qtbot, page, virtual_microphone, wav)

    store = ready_context.store.value
    answer_id = replay.captured.answer_id
    video = store.recordings.video_path_for(answer_id)
    assert replay.media.video == video and video.stat().st_size > 10_000
    offset = replay.media.log.video_offset_s
    assert replay.media.log.had_camera and 0.0 <= offset < 1.0

    # The replay: the picture follows the sound (within a few frames) while it plays...
    synced = page.replay.video
    qtbot.waitUntil(lambda: page.replay.playback.is_playing and page.replay.playback.position_s > 1.0, timeout=5000)
    drifts, shown_at = [], []
    synced.frame_shown.connect(lambda _s: shown_at.append((page.replay.playback.position_s, synced.view.image)))
    for _ in range(10):
        qtbot.wait(100)
        if page.replay.playback.is_playing:
            drifts.append(synced.drift_s)
    assert drifts and max(drifts) <= 0.25
    # ...and what is on screen was drawn at the moment being heard (the shade tells when it was drawn).
    checked = 0
    for audio_s, image in shown_at[-8:]:
        if image is None or audio_s <= offset + 0.3:
            continue
        corner = [image.pixelColor(image.width() - 8 - i, 8 + i).red() for i in range(6)]
        drawn_s = seconds_of_shade(round(sum(corner) / len(corner)))
        assert abs((drawn_s - recording_began[0]) - (audio_s - offset)) <= 0.45, (drawn_s, audio_s)
        checked += 1
    assert checked >= 3

    # The transcript scrolls with the sound, and a deleted session takes its video with it.
    assert page.replay.transcript.playing_word is not None
    page.hide()  # leaving the page closes the camera and ends the session
    assert page.video.camera is None and page.video.frame_input is None
    session_id = store.get_answer(answer_id).session_id
    qtbot.waitUntil(lambda: store.get_session(session_id).ended_at is not None, timeout=5000)
    store.delete_session(session_id)
    assert not video.exists() and not store.recordings.mirror_log_path_for(answer_id).exists()


def test_the_camera_unplugged_mid_answer_keeps_the_audio_and_the_video_so_far(
    qtbot, ready_context, virtual_microphone, tmp_path
):
    page = _page(qtbot, ready_context, frames=True)
    qtbot.waitUntil(lambda: not page.mirror.voice_mode, timeout=5000)
    _, wav = spoken_answer(tmp_path)

    def unplug() -> None:
        qtbot.waitUntil(lambda: page.video.is_recording, timeout=5000)
        qtbot.wait(500)
        page.frames.end()  # the frame source ends, as an unplugged camera's pictures do
        qtbot.waitUntil(lambda: page.mirror.voice_mode, timeout=3000)

    replay = _answer(qtbot, page, virtual_microphone, wav, during=unplug)
    assert replay.captured.transcript.words, "the audio carried on and was recognised"
    assert replay.media.video is not None and replay.media.video.stat().st_size > 0
    assert "voice mirror" in replay.media.log.video_note
    assert page.mirror.note == CameraProblem.LOST.value
    page.hide()


def test_cues_reach_the_screen_and_screen_readers_and_every_control_is_named(qtbot, context):
    page = _page(qtbot, context, frames=False)
    page.mirror.show_cue(ShownCue(Cue.SLOW_DOWN, 20).text)
    assert "Cue: Slow down" in page.mirror.accessibleDescription()
    page.mirror.show_cue("")
    assert "Cue" not in page.mirror.accessibleDescription()
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox

    for widget in page.findChildren(QAbstractButton) + page.findChildren(QAbstractSpinBox):
        if widget.isVisibleTo(page):
            assert widget.accessibleName(), widget
    page.hide()


def test_the_cue_log_is_kept_beside_the_answer_and_read_back(qtbot, context):
    from mockint.app.mirror import MirrorLog, cue_log_of, save_mirror_log

    store = context.store.value
    session = store.create_session(PracticeMode.MIRROR)
    answer_id = store.add_answer(session.id, "Tell me about yourself.")
    log = MirrorLog((ShownCue(Cue.SPEAK_UP, 9.5), ShownCue(Cue.GOOD_PACE, 31.0)), 0.25, "", True)
    save_mirror_log(store, answer_id, log)
    assert load_mirror_media(store, answer_id).log == log
    assert [entry["cue"] for entry in cue_log_of(store, answer_id)] == ["speak_up", "good_pace"]
    store.recordings.mirror_log_path_for(answer_id).write_text("{damaged")
    assert load_mirror_media(store, answer_id).log == MirrorLog()


@pytest.mark.parametrize("days", [0, 3])
def test_old_videos_are_deleted_after_the_days_chosen(qtbot, context, days):
    from mockint.app.mirror import delete_old_videos

    store = context.store.value
    old = store.recordings.video_path_for(1)
    new = store.recordings.video_path_for(2)
    for path in (old, new):
        path.write_bytes(b"video")
    import os

    week_ago = time.time() - 7 * 86400
    os.utime(old, (week_ago, week_ago))
    removed = delete_old_videos(store, days)
    assert removed == ([old] if days else [])
    assert new.exists() and old.exists() is (days == 0)


def test_settings_choose_the_camera_and_keep_or_age_out_videos(qtbot, context):
    from mockint.settings import Setting
    from mockint.ui.settings_sections.mirror_section import MirrorSection

    section = MirrorSection(context)
    qtbot.addWidget(section)
    section.show()
    # No camera on this machine: said in one line, nothing to preview, the mirror still works.
    assert section.camera.currentText() == "No camera connected" and not section.preview_button.isEnabled()
    assert "voice mirror" in section.camera_note.text()
    section.set_preview(True)
    assert section.video is None and section.preview.isHidden()
    section.keep_video.setChecked(False)
    section.video_days.setValue(14)
    assert context.settings.get(Setting.MIRROR_KEEP_VIDEO) is False
    assert context.settings.get(Setting.MIRROR_VIDEO_DAYS) == 14
    for widget in (section.camera, section.preview_button, section.keep_video, section.video_days, section.cues):
        assert widget.accessibleName()


def test_no_microphone_is_one_line_and_the_page_keeps_working(qtbot, context):
    from mockint.settings import Setting

    context.set_setting(Setting.INPUT_DEVICE, "Microphone That Was Unplugged")
    page = _page(qtbot, context, frames=False)
    with qtbot.waitSignal(page.flow.failed, timeout=10000):
        _space(page)
    assert "Microphone That Was Unplugged" in page.status.text() and "\n" not in page.status.text()
    assert not page.flow.busy and page.start_button.isEnabled()
    assert context.store.value.list_sessions() == []  # nothing half-made is kept
    page.hide()
