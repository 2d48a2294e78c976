"""Play, pause and stop one answer's recording; reports where playback is about 30 times a second.

The Player opens its output stream off the GUI thread (opening a sound device can stall), one
start at a time: a click that arrives while a start is under way replaces the waiting one.
The Player's on_finished runs on its helper thread; a signal carries it to the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from mockint.core.formatting import clock, clock_tenths
from mockint.speech.playback import OUTPUT_LATENCY_S, Player
from mockint.ui.review.media_icons import media_icon
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import named
from mockint.ui.workers import FunctionWorker, WorkerPool

POLL_MS = 33  # ~30 fps: the cursor glides instead of jumping


class PlaybackBar(QWidget):
    position_changed = Signal(object)  # seconds into the answer, or None once stopped
    playing_changed = Signal(bool)  # True while sound is (being started to be) played
    failed = Signal(object)  # the error from the sound output (a UserFacingError for known causes)
    _player_done = Signal(int, bool)  # (play generation, reached the end), from the Player's helper thread

    def __init__(
        self, workers: WorkerPool, theme: Theme, device: int | str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workers = workers
        self._theme = theme
        self.player = Player(device)
        self._source: Path | None = None
        self._duration: float | None = None
        self._position = 0.0
        self._played_from = 0.0
        self._playing = False
        self._generation = 0
        self._starting = False
        self._waiting_start: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._player_done.connect(self._finished)
        self._build()
        self.set_source(None, None)

    def _build(self) -> None:
        self.play_button = named(QToolButton(), "playButton")
        self.play_button.setIconSize(QSize(18, 18))
        self.play_button.setAutoRaise(False)
        self.play_button.clicked.connect(self.toggle)
        self.stop_button = named(QToolButton(), "stopButton")
        self.stop_button.setIconSize(QSize(16, 16))
        self.stop_button.setToolTip("Stop and go back to the start")
        self.stop_button.setAccessibleName("Stop")
        self.stop_button.clicked.connect(self.stop)
        self.position_label = named(QLabel(), "playbackPosition")
        self.position_label.setAccessibleDescription("Playback position")
        self.note = named(QLabel(), "playbackNote")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.play_button)
        row.addWidget(self.stop_button)
        row.addSpacing(4)
        row.addWidget(self.position_label)
        row.addStretch(1)
        row.addWidget(self.note)
        self._refresh()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._refresh()

    # ----- source

    def set_source(self, audio: Path | None, duration_s: float | None, missing: str = "") -> None:
        """The recording to play (None: nothing to play, `missing` says why)."""
        self.stop()
        self._source = audio
        self._duration = duration_s
        self._position = 0.0
        self.note.setText("" if audio is not None else missing)
        self._refresh()

    @property
    def has_source(self) -> bool:
        return self._source is not None

    @property
    def is_playing(self) -> bool:
        return self._playing

    @property
    def position_s(self) -> float:
        return self._position

    # ----- commands

    def toggle(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def play(self, start_s: float | None = None) -> None:
        """Plays from `start_s` (default: where it was paused, or the start)."""
        if self._source is None:
            return
        start = self._position if start_s is None else max(0.0, start_s)
        if self._duration is not None and start >= self._duration - 0.05:
            start = 0.0
        self._position = self._played_from = start
        self._set_playing(True)
        self.position_changed.emit(start)
        if self._starting:
            self._waiting_start = start
            return
        self._start_player(start)

    def seek(self, seconds: float) -> None:
        """Moves the position; playback goes on from there if it was playing."""
        if self._playing:
            self.play(seconds)
        else:
            self._position = max(0.0, seconds)
            self.position_changed.emit(self._position)
            self._refresh()

    def pause(self) -> None:
        if not self._playing:
            return
        self._generation += 1
        self._waiting_start = None
        self._position = self._shown_position()
        self.player.stop()
        self._set_playing(False)
        self.position_changed.emit(self._position)

    def stop(self) -> None:
        self._generation += 1
        self._waiting_start = None
        self.player.stop()
        was_playing = self._playing
        self._position = 0.0
        self._set_playing(False)
        if was_playing:
            self.position_changed.emit(None)
        self._refresh()

    # ----- the Player, off the GUI thread

    def _start_player(self, start: float) -> None:
        self._generation += 1
        generation = self._generation
        done = self._player_done

        def finished(reached_end: bool) -> None:  # on the Player's helper thread
            try:
                done.emit(generation, reached_end)
            except RuntimeError:  # the bar was deleted meanwhile; nothing to tell
                pass

        self._starting = True
        self._workers.start(
            FunctionWorker(self.player.play, self._source, finished, start_s=start),
            on_finished=lambda _result: self._started(generation),
            on_failed=lambda error: self._start_failed(generation, error),
        )

    def _started(self, generation: int) -> None:
        self._starting = False
        if self._waiting_start is not None:
            start, self._waiting_start = self._waiting_start, None
            self._start_player(start)
        elif generation != self._generation or not self._playing:
            self.player.stop()  # paused or stopped while the device was opening

    def _start_failed(self, generation: int, error: BaseException) -> None:
        self._starting = False
        self._waiting_start = None
        if generation == self._generation:
            self._set_playing(False)
            self.failed.emit(error)

    def _finished(self, generation: int, reached_end: bool) -> None:
        if generation != self._generation:
            return  # a playback that was replaced, paused or stopped
        self._set_playing(False)
        self._position = 0.0 if reached_end else self._position
        self.position_changed.emit(None if reached_end else self._position)
        self._refresh()

    def _shown_position(self) -> float:
        # position_s counts what was handed to the device; what is heard lags by its buffer.
        if self._starting:
            return self._played_from
        return max(self._played_from, self.player.position_s - OUTPUT_LATENCY_S)

    def _poll(self) -> None:
        if not self._playing:
            return
        self._position = self._shown_position()
        self.position_changed.emit(self._position)
        self._refresh_label()

    # ----- look

    def _set_playing(self, playing: bool) -> None:
        if playing:
            self._timer.start()
        else:
            self._timer.stop()
        if playing != self._playing:
            self._playing = playing
            self.playing_changed.emit(playing)
        self._refresh()

    def _refresh(self) -> None:
        color = self._theme.color("accent_strong")
        playing = self._playing
        self.play_button.setIcon(media_icon("pause" if playing else "play", color))
        self.play_button.setToolTip("Pause" if playing else "Play the answer")
        self.play_button.setAccessibleName("Pause" if playing else "Play")
        self.stop_button.setIcon(media_icon("stop", self._theme.color("muted")))
        has_audio = self._source is not None
        self.play_button.setEnabled(has_audio)
        self.stop_button.setEnabled(has_audio and (playing or self._position > 0))
        self._refresh_label()

    def _refresh_label(self) -> None:
        total = clock(self._duration)
        self.position_label.setText(f"{clock_tenths(self._position)} / {total}" if self._source else f"— / {total}")

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.pause()
        super().hideEvent(event)


def play_button_style(theme: Theme) -> str:
    """The round play button and quiet stop button (scoped to this bar)."""
    c = theme.color
    return (
        f"QToolButton#playButton {{ background: {c('selection')}; border: 1px solid {c('border')}; border-radius: 17px;"
        f" min-width: 34px; min-height: 34px; max-width: 34px; max-height: 34px; }}"
        f"QToolButton#playButton:hover {{ background: {c('hover')}; }}"
        f"QToolButton#playButton:focus, QToolButton#stopButton:focus {{ border: 2px solid {c('accent')}; }}"
        f"QToolButton#playButton:disabled {{ background: {c('window')}; }}"
        f"QToolButton#stopButton {{ background: transparent; border: 1px solid transparent; border-radius: 14px;"
        f" min-width: 28px; min-height: 28px; }}"
        f"QToolButton#stopButton:hover {{ background: {c('hover')}; }}"
        f"#playbackPosition {{ font-family: monospace; color: {c('text')}; }}"
        f"#playbackNote {{ color: {c('muted')}; }}"
    )
