"""A mirror answer's video, played in step with its recorded audio (the audio is the clock).

The audio plays through the project's own PlaybackBar (the same output as Review); the video
follows it: a QMediaPlayer into a QVideoSink, drawn mirrored like the live mirror, started,
paused and moved whenever it drifts more than DRIFT_S from the audio's position (shifted by
where the video starts on the audio's clock). A video that cannot be played says why in one
line; the audio and transcript are unaffected.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink
from PySide6.QtWidgets import QVBoxLayout, QWidget

from mockint.app.mirror import MirrorMedia
from mockint.ui.mirror.mirror_view import MirrorView
from mockint.ui.review.playback_bar import PlaybackBar
from mockint.ui.widgets.labels import text_label

DRIFT_S = 0.12  # more than about 3 frames apart: move the video to the sound
FOLLOW_MS = 33


class SyncedVideo(QWidget):
    frame_shown = Signal(float)  # the video position (s) of the picture just drawn
    unplayable = Signal(str)  # why the video cannot be shown

    def __init__(self, playback: PlaybackBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.playback = playback
        self.view = MirrorView()
        self.view.setAccessibleName("Video of your answer")
        self.view.voice_mode = False
        self.problem = text_label("", name="hint", role="Why the video cannot be shown", wrap=True)
        self.problem.hide()
        self.player = QMediaPlayer(self)
        self.sink = QVideoSink(self)
        self.player.setVideoSink(self.sink)
        self.player.errorOccurred.connect(self._error)
        self.sink.videoFrameChanged.connect(self._frame)
        self.offset_s = 0.0
        self.error_text = ""
        self._follow = QTimer(self)
        self._follow.setInterval(FOLLOW_MS)
        self._follow.timeout.connect(self.follow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problem)
        playback.playing_changed.connect(self._playing_changed)
        playback.position_changed.connect(lambda _s: self.follow())

    @property
    def has_video(self) -> bool:
        return not self.player.source().isEmpty() and not self.error_text

    def set_media(self, media: MirrorMedia | None) -> None:
        """Shows the answer's video (hidden when it has none, with the note saying why if there is one)."""
        self.error_text = ""
        self.player.stop()
        self.player.setSource(QUrl())
        self.problem.hide()
        if media is None or media.video is None:
            self.view.hide()
            note = media.log.video_note if media is not None else ""
            if note:
                self._say(note)
            return
        self.view.show()
        self.offset_s = media.log.video_offset_s
        self.view.set_note(media.log.video_note)
        self.player.setSource(QUrl.fromLocalFile(str(media.video)))
        self.player.pause()  # loads the first picture
        self._follow.start()

    def follow(self) -> None:
        """Keeps the picture at the sound's position: play, pause or move it."""
        if not self.has_video:
            return
        audio = self.playback.position_s
        target_s = max(0.0, audio - self.offset_s)
        video_s = self.player.position() / 1000.0
        playing = self.player.playbackState() is QMediaPlayer.PlaybackState.PlayingState
        if self.playback.is_playing:
            if abs(video_s - target_s) > DRIFT_S:
                self.player.setPosition(round(target_s * 1000))
            if not playing:
                self.player.play()
        elif playing:
            self.player.pause()
            self.player.setPosition(round(target_s * 1000))

    @property
    def drift_s(self) -> float:
        """How far the picture is from the sound now (seconds), for tests and the benchmark."""
        return abs(self.player.position() / 1000.0 - max(0.0, self.playback.position_s - self.offset_s))

    def _playing_changed(self, playing: bool) -> None:
        if self.has_video:
            self.follow()

    def _frame(self, frame: QVideoFrame) -> None:
        if frame.isValid():
            self.view.show_frame(frame.toImage())
            self.frame_shown.emit(frame.startTime() / 1_000_000 if frame.startTime() >= 0 else -1.0)

    def _error(self, error: QMediaPlayer.Error, text: str) -> None:
        self.error_text = text or "the file is damaged"
        self._follow.stop()
        self.player.setSource(QUrl())
        self.view.hide()
        self._say(f"The video of this answer cannot be shown ({self.error_text}); its audio and transcript are here.")
        self.unplayable.emit(self.error_text)

    def _say(self, line: str) -> None:
        self.problem.setText(line)
        self.problem.show()

    def stop(self) -> None:
        self._follow.stop()
        self.player.stop()
