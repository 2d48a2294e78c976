"""The mirror's video path with generated frames where a camera would be: the same capture
session, sink and recorder; a real video file; the picture mirrored; the faults (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QColor
from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

from mockint.app.mirror import VIDEO_MIN_FREE_BYTES, MirrorLog, MirrorMedia
from mockint.ui.mirror.generated_frames import GeneratedFrames
from mockint.ui.mirror.mirror_view import MirrorView
from mockint.ui.mirror.video_feed import CameraProblem, MirrorVideo, chosen_camera


def _is_red(color: QColor) -> bool:
    return color.red() > 180 and color.green() < 90 and color.blue() < 90


@pytest.fixture
def fed(qtbot):
    video = MirrorVideo()
    frames = GeneratedFrames(video.use_frame_input(), fps=30)
    yield video, frames
    frames.end()
    video.close_source()


def _record(qtbot, video: MirrorVideo, frames: GeneratedFrames, path: Path, frame_count: int) -> Path:
    frames.start()
    qtbot.waitUntil(lambda: video.frames_seen > 0, timeout=5000)
    with qtbot.waitSignal(video.recording_started, timeout=5000):
        assert video.start_recording(path)
    start = frames.sent
    qtbot.waitUntil(lambda: frames.sent - start >= frame_count, timeout=15000)
    with qtbot.waitSignal(video.recording_stopped, timeout=10000) as stopped:
        video.stop_recording()
    assert stopped.args == [path]
    return path


def _first_frame_of(qtbot, path: Path):
    player = QMediaPlayer()
    sink = QVideoSink()
    player.setVideoSink(sink)
    seen = []
    sink.videoFrameChanged.connect(lambda frame: frame.isValid() and seen.append(frame.toImage()))
    errors = []
    player.errorOccurred.connect(lambda error, text: errors.append(text))
    player.setSource(QUrl.fromLocalFile(str(path)))
    player.play()
    qtbot.waitUntil(lambda: bool(seen or errors), timeout=10000)
    duration = player.duration()
    player.stop()
    return seen, errors, duration


def test_generated_frames_are_shown_mirrored_and_recorded_to_a_real_video(qtbot, fed, tmp_path):
    video, frames = fed
    view = MirrorView()
    view.resize(640, 480)
    qtbot.addWidget(view)
    view.show()
    video.frame.connect(view.show_frame)
    path = _record(qtbot, video, frames, tmp_path / "answer-1.mp4", 60)

    # The frame has its red mark on the LEFT; the mirror shows it on the RIGHT.
    source = video.latest
    assert source is not None and _is_red(source.pixelColor(10, source.height() // 2))
    assert not _is_red(source.pixelColor(source.width() - 10, source.height() // 2))
    shown = view.grab().toImage()
    middle = shown.height() // 2
    assert _is_red(shown.pixelColor(shown.width() - 10, middle))
    assert not _is_red(shown.pixelColor(10, middle))
    assert not view.voice_mode and "mirrored" in view.accessibleDescription()

    # A real video: it plays back, about two seconds long, with the mark where it was drawn.
    assert path.stat().st_size > 10_000
    seen, errors, duration = _first_frame_of(qtbot, path)
    assert errors == [] and seen
    assert 1500 <= duration <= 3500
    first = seen[0]
    assert _is_red(first.pixelColor(first.width() // 20, first.height() // 2))


def test_ending_the_frame_source_mid_answer_keeps_the_video_so_far(qtbot, fed, tmp_path):
    video, frames = fed
    path = tmp_path / "answer-2.mp4"
    frames.ended.connect(video.end_source)
    frames.start()
    with qtbot.waitSignal(video.recording_started, timeout=5000):
        video.start_recording(path)
    qtbot.waitUntil(lambda: frames.sent > 30, timeout=10000)
    with qtbot.waitSignals([video.source_lost, video.recording_stopped], timeout=10000):
        frames.end()  # the camera is unplugged
    assert not video.has_source and not video.is_recording
    seen, errors, _duration = _first_frame_of(qtbot, path)
    assert errors == [] and seen, "the video up to the unplugging is kept and plays"


def test_pictures_that_stop_without_a_word_count_as_a_lost_camera(qtbot, fed, tmp_path):
    video, frames = fed
    frames.start()
    qtbot.waitUntil(lambda: video.frames_seen > 3, timeout=5000)
    frames._timer.stop()  # no "ended": the pictures simply stop, as an unplugged camera's do
    with qtbot.waitSignal(video.source_lost, timeout=6000) as lost:
        pass
    assert lost.args == [CameraProblem.LOST.value]


def test_a_nearly_full_disk_stops_the_video_with_a_message(qtbot, tmp_path):
    free = {"bytes": VIDEO_MIN_FREE_BYTES * 10}
    video = MirrorVideo(free_bytes=lambda _path: free["bytes"])
    frames = GeneratedFrames(video.use_frame_input())
    frames.start()
    try:
        with qtbot.waitSignal(video.recording_started, timeout=5000):
            assert video.start_recording(tmp_path / "answer-3.mp4")
        free["bytes"] = VIDEO_MIN_FREE_BYTES - 1
        with qtbot.waitSignal(video.recording_failed, timeout=5000) as failed:
            pass
        assert "disk" in failed.args[0] and "audio goes on" in failed.args[0]
        qtbot.waitUntil(lambda: not video.is_recording, timeout=5000)
        assert (tmp_path / "answer-3.mp4").stat().st_size > 0  # what was written is kept
        # Already full: no video starts at all, and it says so.
        with qtbot.waitSignal(video.recording_failed, timeout=1000):
            assert video.start_recording(tmp_path / "answer-4.mp4") is False
    finally:
        frames.end()
        video.close_source()


def test_without_a_camera_the_page_is_told_why(qapp):
    device, problem = chosen_camera(None)
    assert device is None and problem is CameraProblem.NONE_CONNECTED  # this machine has none
    assert chosen_camera("00ff")[1] is CameraProblem.NONE_CONNECTED


def test_an_unplayable_video_says_why_and_leaves_the_audio(qtbot, qapp, tmp_path):
    from PySide6.QtCore import Qt

    from mockint.ui.mirror.synced_video import SyncedVideo
    from mockint.ui.review.playback_bar import PlaybackBar
    from mockint.ui.theme import theme_for
    from mockint.ui.workers import WorkerPool

    broken = tmp_path / "answer-5.mp4"
    broken.write_bytes(b"not a video at all" * 100)
    pool = WorkerPool()
    bar = PlaybackBar(pool, theme_for(Qt.ColorScheme.Light))
    synced = SyncedVideo(bar)
    qtbot.addWidget(synced)
    synced.show()
    with qtbot.waitSignal(synced.unplayable, timeout=10000):
        synced.set_media(MirrorMedia(broken, MirrorLog(had_camera=True)))
    assert not synced.has_video and synced.view.isHidden()
    assert "cannot be shown" in synced.problem.text() and "audio and transcript" in synced.problem.text()
    assert pool.shutdown(5000)


def test_frames_carry_their_time(qapp):
    from PySide6.QtGui import QImage, QPainter

    from mockint.ui.mirror.generated_frames import marked_picture, seconds_of_shade

    image = QImage(QSize(64, 48), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    marked_picture(painter, image.size(), 3.0)
    painter.end()
    assert seconds_of_shade(image.pixelColor(60, 5).red()) == pytest.approx(3.0)
