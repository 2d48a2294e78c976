"""Settings: the voice that reads questions aloud, how fast it speaks, and a sample to hear it.

The voices come from the speech engine's child process and the sample is rendered by it too,
so both run in workers; playback runs on the Player's own threads and is stoppable at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from mockint.core.cancel import CancelToken
from mockint.settings import Setting
from mockint.speech.playback import Player
from mockint.speech.tts import DEFAULT_RATE, QuestionVoice, RenderCancelled, VoiceInfo
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import message_for
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import named
from mockint.ui.workers import FunctionWorker

SECTION_KEY = "voice"
SECTION_TITLE = "Voice"
SECTION_HINT = "The voice that reads the questions aloud, and how fast it speaks."
SECTION_ORDER = 20

SAMPLE_QUESTION = "Tell me about a time you had to learn something new in a hurry."
RATE_RANGE = (80, 260)
RATE_STEP = 5
PREFERRED_LANGUAGE = "en"  # the questions are English: its voices come first in the list

VoiceFactory = Callable[..., QuestionVoice]


def create_section(context: AppContext) -> QWidget:
    return VoiceSection(context)


def voice_sort_key(voice: VoiceInfo) -> tuple[bool, str]:
    return (not is_preferred(voice), voice.name.casefold())


def is_preferred(voice: VoiceInfo) -> bool:
    return any(lang.lower().startswith(PREFERRED_LANGUAGE) for lang in voice.languages)


def list_voices(voice: QuestionVoice) -> list[VoiceInfo]:
    return sorted(voice.voices(), key=voice_sort_key)


def render_and_play(voice: QuestionVoice, player: Player, text: str, cancel: CancelToken, on_end) -> Path:
    """Renders (or finds in the cache) the sample, then starts playing it; returns its file."""
    path = voice.render(text, cancel=cancel)
    if cancel.is_set():
        raise RenderCancelled()
    player.play(path, on_end)
    return path


class _PlaybackEnd(QObject):
    """Brings the Player's "finished" (from its own thread) onto the GUI thread."""

    ended = Signal(bool)  # True when the sample played to its end

    def report(self, reached_end: bool) -> None:
        """Called on the Player's thread; the section may have been closed meanwhile."""
        try:
            self.ended.emit(reached_end)
        except RuntimeError:  # the C++ object is gone with its window: nobody to tell
            pass


class VoiceSection(QWidget):
    voices_listed = Signal(object)  # list[VoiceInfo] now offered
    sample_started = Signal()  # the sample is playing
    sample_finished = Signal(bool)  # True when it played to the end, False when stopped or failed

    def __init__(
        self, context: AppContext, *, make_voice: VoiceFactory = QuestionVoice, parent: QWidget | None = None
    ) -> None:
        """`make_voice(cache_dir, voice=, rate=)` builds the engine (another driver, in tests)."""
        super().__init__(parent)
        self.context = context
        self._make_voice = make_voice
        self.voices: list[VoiceInfo] = []
        self.player = Player(context.settings.get(Setting.OUTPUT_DEVICE))
        self._cancel: CancelToken | None = None
        self._playing = False
        self._end = _PlaybackEnd(self)
        self._end.ended.connect(self._sample_ended)
        self.last_sample: Path | None = None

        self.voice_box = QComboBox()
        self.voice_box.setAccessibleName("Voice")
        self.voice_box.setToolTip("The voice that reads questions aloud")
        self.voice_box.setMinimumWidth(320)
        self.voice_box.setMaximumWidth(440)
        self.voice_box.addItem("Loading voices…", None)
        self.voice_box.setEnabled(False)
        self.voice_box.activated.connect(self._voice_chosen)
        self.rate = QSlider(Qt.Orientation.Horizontal)
        self.rate.setRange(*RATE_RANGE)
        self.rate.setSingleStep(RATE_STEP)
        self.rate.setPageStep(20)
        self.rate.setAccessibleName("Speaking rate")
        self.rate.setToolTip("How fast questions are read, in words a minute")
        self.rate.setValue(self._saved_rate())
        self.rate_label = QLabel("")
        self.rate_label.setMinimumWidth(130)
        self.rate.valueChanged.connect(self._rate_moved)
        self.rate.sliderReleased.connect(self._save_rate)
        self.play_button = QPushButton("Play sample")
        self.play_button.setToolTip(f"Hear “{SAMPLE_QUESTION}” in this voice and at this rate")
        self.play_button.clicked.connect(self.toggle_sample)
        self.message = named(QLabel(""), "hint")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.rate.setMinimumWidth(320)
        self.rate.setMaximumWidth(440)
        rate_row = QHBoxLayout()
        rate_row.setSpacing(12)
        rate_row.addWidget(self.rate, 1)
        rate_row.addWidget(self.rate_label)
        rate_row.addStretch(1)
        rate_title = QLabel("&Rate")
        rate_title.setBuddy(self.rate)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(10)
        form.addRow("&Voice", self.voice_box)
        form.addRow(rate_title, rate_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.play_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._rate_moved(self.rate.value())
        self.play_button.setEnabled(False)
        context.events.theme_changed.connect(self._theme_changed)
        context.events.settings_changed.connect(self._setting_changed)
        self.context.workers.start(
            FunctionWorker(list_voices, make_voice(context.paths.tts_cache_dir)),
            on_finished=self._listed,
            on_failed=self._no_engine,
        )

    # ----- voices and rate

    def _listed(self, voices: list[VoiceInfo]) -> None:
        self.voices = list(voices)
        saved = self.context.settings.get(Setting.VOICE)
        self.voice_box.clear()
        self.voice_box.addItem("Engine default", None)
        for position, voice in enumerate(self.voices):
            if position and is_preferred(self.voices[position - 1]) and not is_preferred(voice):
                self.voice_box.insertSeparator(self.voice_box.count())
            self.voice_box.addItem(voice.name, voice.id)
            languages = ", ".join(voice.languages) or "language not given"
            self.voice_box.setItemData(
                self.voice_box.count() - 1, f"{voice.id} ({languages})", Qt.ItemDataRole.ToolTipRole
            )
        if saved and self.voice_box.findData(saved) < 0:
            self.voice_box.addItem(f"{saved} (not installed)", saved)
        self.voice_box.setCurrentIndex(max(0, self.voice_box.findData(saved)) if saved else 0)
        self.voice_box.setEnabled(True)
        self.play_button.setEnabled(True)
        self.voices_listed.emit(self.voices)

    def _no_engine(self, error: BaseException) -> None:
        self.voice_box.clear()
        self.voice_box.addItem("No voices", None)
        self.voice_box.setEnabled(False)
        self.rate.setEnabled(False)
        self.play_button.setEnabled(False)
        self._say(message_for(error), warning=True)

    def voice_ids(self) -> list[str]:
        return [self.voice_box.itemData(i) for i in range(self.voice_box.count()) if self.voice_box.itemData(i)]

    def choose_voice(self, voice_id: str | None) -> None:
        index = self.voice_box.findData(voice_id) if voice_id else 0
        if index >= 0:
            self.voice_box.setCurrentIndex(index)
            self._voice_chosen(index)

    def _voice_chosen(self, index: int) -> None:
        voice_id = self.voice_box.itemData(index)
        if voice_id != self.context.settings.get(Setting.VOICE):
            self.context.set_setting(Setting.VOICE, voice_id)

    def _saved_rate(self) -> int:
        try:
            return int(self.context.settings.get(Setting.VOICE_RATE))
        except (TypeError, ValueError):
            return DEFAULT_RATE

    def _rate_moved(self, value: int) -> None:
        self.rate_label.setText(f"{value} words a minute")
        if not self.rate.isSliderDown():
            self._save_rate()  # keyboard and clicks; a drag saves once, on release

    def _save_rate(self) -> None:
        if self.rate.value() != self._saved_rate():
            self.context.set_setting(Setting.VOICE_RATE, self.rate.value())

    def _setting_changed(self, key: str) -> None:
        if key == Setting.OUTPUT_DEVICE.value:
            self.stop_sample()
            self.player = Player(self.context.settings.get(Setting.OUTPUT_DEVICE))

    # ----- the sample

    @property
    def busy(self) -> bool:
        return self._cancel is not None or self._playing

    def toggle_sample(self) -> None:
        if self.busy:
            self.stop_sample()
        else:
            self.play_sample()

    def play_sample(self) -> None:
        """Renders the sample question in the chosen voice and rate, then plays it."""
        if self.busy:
            return
        voice = self._make_voice(
            self.context.paths.tts_cache_dir, voice=self.voice_box.currentData(), rate=self.rate.value()
        )
        cancel = CancelToken()
        self._cancel = cancel
        self._say("")
        self.play_button.setText("Stop")
        self.context.workers.start(
            FunctionWorker(render_and_play, voice, self.player, SAMPLE_QUESTION, cancel, self._end.report),
            on_finished=lambda path: self._sample_playing(cancel, path),
            on_failed=lambda error: self._sample_failed(cancel, error),
        )

    def _sample_playing(self, cancel: CancelToken, path: Path) -> None:
        if cancel is not self._cancel:
            return
        self._cancel = None
        self._playing = True
        self.last_sample = path
        self.sample_started.emit()

    def _sample_failed(self, cancel: CancelToken, error: BaseException) -> None:
        if cancel is not self._cancel:
            return
        self._cancel = None
        self.play_button.setText("Play sample")
        if not isinstance(error, RenderCancelled):
            self._say(message_for(error), warning=True)
        self.sample_finished.emit(False)

    def _sample_ended(self, reached_end: bool) -> None:
        if not self._playing:
            return
        self._playing = False
        self.play_button.setText("Play sample")
        self.sample_finished.emit(reached_end)

    def stop_sample(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()  # the render stops (RenderCancelled); its worker ends as cancelled
            self._cancel = None
            self.play_button.setText("Play sample")
            self.sample_finished.emit(False)
        if self._playing:
            self.player.stop()  # `ended(False)` follows from the player's thread

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self.stop_sample()
        super().hideEvent(event)

    # ----- looks

    def _say(self, text: str, *, warning: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setProperty("warning", warning)
        self.message.setStyleSheet(f"color: {self.context.theme.color('warning')};" if warning else "")

    def _theme_changed(self, theme: Theme) -> None:
        self._say(self.message.text(), warning=bool(self.message.property("warning")))
