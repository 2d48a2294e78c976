"""Settings > Voice with the real engine (pyttsx3 + eSpeak NG): voices, rate, and a sample heard
on the virtual speaker (the null sink's monitor is recorded while the sample plays)."""

from __future__ import annotations

import ctypes.util
import functools
import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt

from mockint.settings import Setting
from mockint.speech.tts import QuestionVoice
from mockint.ui.settings_sections.voice_section import VoiceSection
from tests.conftest import require

WAIT_MS = 30000
LOUD = 0.01  # block RMS above this is sound; the null sink's silence is exactly 0


class MonitorRecording:
    """Records the default input (the sink's monitor) as (arrival time, RMS) blocks."""

    def __init__(self) -> None:
        import sounddevice

        self.blocks: list[tuple[float, float]] = []
        self._lock = threading.Lock()
        self._stream = sounddevice.InputStream(
            samplerate=16000, channels=1, dtype="float32", blocksize=320, callback=self._take
        )

    def _take(self, indata, _frames, _time, _status) -> None:
        with self._lock:
            self.blocks.append((time.monotonic(), float(np.sqrt(np.mean(np.square(indata, dtype=np.float64))))))

    def loud_blocks(self) -> int:
        with self._lock:
            return sum(level > LOUD for _, level in self.blocks)

    def count(self) -> int:
        with self._lock:
            return len(self.blocks)

    def __enter__(self) -> MonitorRecording:
        self._stream.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stream.stop()
        self._stream.close()


@pytest.fixture
def engine(espeak):
    require(ctypes.util.find_library("espeak-ng") is not None, "libespeak-ng is missing: apt-get install libespeak-ng1")


@pytest.fixture
def section(engine, virtual_microphone, make_window, qtbot) -> VoiceSection:
    window = make_window()
    found = window.page("settings").section("voice")
    assert isinstance(found, VoiceSection)
    window.show_page("settings")
    qtbot.waitUntil(lambda: found.voice_box.isEnabled(), timeout=WAIT_MS)
    return found


def test_lists_the_engines_voices_english_first_and_saves_the_choice(section):
    names = [voice.name for voice in section.voices]
    assert len(names) > 10 and any(name.startswith("English") for name in names)
    first_other = next(
        i for i, v in enumerate(section.voices) if not any(lang.startswith("en") for lang in v.languages)
    )
    assert all(name.startswith("English") for name in names[:first_other])
    assert section.voice_box.itemText(0) == "Engine default"
    assert section.voice_ids() == [voice.id for voice in section.voices]

    american = next(voice for voice in section.voices if voice.name == "English (America)")
    section.choose_voice(american.id)
    assert section.context.settings.get(Setting.VOICE) == american.id


def test_the_rate_slider_saves_words_a_minute(section, qtbot):
    assert section.rate.value() == 170 and section.rate_label.text() == "170 words a minute"
    section.rate.setFocus()
    qtbot.keyClick(section.rate, Qt.Key.Key_Right)
    assert section.context.settings.get(Setting.VOICE_RATE) == 175
    assert section.rate_label.text() == "175 words a minute"


def test_play_sample_is_heard_on_the_speaker(section, qtbot):
    with MonitorRecording() as monitor:
        qtbot.waitUntil(lambda: monitor.count() >= 5, timeout=WAIT_MS)  # the monitor is delivering
        with qtbot.waitSignal(section.sample_started, timeout=WAIT_MS):
            qtbot.mouseClick(section.play_button, Qt.MouseButton.LeftButton)
        assert section.play_button.text() == "Stop"
        with qtbot.waitSignal(section.sample_finished, timeout=WAIT_MS) as finished:
            pass
        assert finished.args == [True]
        qtbot.waitUntil(lambda: monitor.loud_blocks() >= 25, timeout=WAIT_MS)  # half a second of speech at least
    assert section.play_button.text() == "Play sample"
    assert section.last_sample is not None and section.last_sample.is_file()


def test_stop_ends_the_sample_at_once(section, qtbot):
    with qtbot.waitSignal(section.sample_started, timeout=WAIT_MS):
        section.play_sample()
    with qtbot.waitSignal(section.sample_finished, timeout=2000) as finished:
        qtbot.mouseClick(section.play_button, Qt.MouseButton.LeftButton)
    assert finished.args == [False]
    assert not section.player.is_playing and section.play_button.text() == "Play sample"


def test_no_working_engine_says_what_to_install(engine, make_window, qtbot):
    window = make_window(show=False)
    broken = functools.partial(QuestionVoice, driver="no-such-speech-driver")
    section = VoiceSection(window.context, make_voice=broken)
    qtbot.addWidget(section)
    qtbot.waitUntil(lambda: section.message.text() != "", timeout=WAIT_MS)
    assert section.message.text().startswith("Questions can't be read aloud")
    assert "Install eSpeak NG: sudo apt install espeak-ng" in section.message.text()
    assert not section.play_button.isEnabled() and not section.voice_box.isEnabled()
