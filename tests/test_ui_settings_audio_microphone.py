"""Settings > Microphone with the virtual microphone: the device list and the live test meter."""

from __future__ import annotations

import threading
import wave
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from mockint.settings import Setting
from mockint.speech.devices import list_input_devices
from mockint.ui.settings_sections.microphone_section import NOT_FOUND_SUFFIX, MicrophoneSection

WAIT_MS = 20000


def tone_wav(path: Path, seconds: float = 2.5, rate: int = 16000) -> Path:
    """A loud 440 Hz tone after a short silence (the meter should move only once it sounds)."""
    t = np.arange(int(seconds * rate)) / rate
    samples = (0.5 * 32767 * np.sin(2 * np.pi * 440 * t)).astype("<i2")
    samples[: int(0.2 * rate)] = 0
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


@pytest.fixture
def section(virtual_microphone, make_window, qtbot) -> MicrophoneSection:
    window = make_window()
    found = window.page("settings").section("microphone")
    assert isinstance(found, MicrophoneSection)
    window.show_page("settings")
    qtbot.waitUntil(lambda: found.device_box.count() > 0 and found.device_box.isEnabled(), timeout=WAIT_MS)
    return found


def test_lists_the_virtual_microphones_devices_and_saves_the_choice(section, qtbot):
    names = [device.name for device in list_input_devices()]
    assert names  # the private PulseAudio server offers inputs
    assert section.device_names() == names
    assert section.device_box.itemText(0).startswith("System default")
    assert section.chosen_device is None and section.test_button.isEnabled()

    section.choose_device(names[0])
    assert section.context.settings.get(Setting.INPUT_DEVICE) == names[0]
    section.choose_device(None)
    assert section.context.settings.get(Setting.INPUT_DEVICE) is None


def test_the_meter_rises_while_the_microphone_hears_a_tone(section, virtual_microphone, qtbot, tmp_path):
    tone = tone_wav(tmp_path / "tone.wav")
    with qtbot.waitSignal(section.test_started, timeout=WAIT_MS):
        qtbot.mouseClick(section.test_button, Qt.MouseButton.LeftButton)
    assert section.test_button.text() == "Stop test"
    assert not section.rescan_button.isEnabled()  # no PortAudio restart under an open stream
    folder = section._test_folder
    assert folder is not None and list(folder.iterdir())  # recording into a temporary file

    player = threading.Thread(target=virtual_microphone.play_into_microphone, args=(tone,))
    player.start()
    try:
        qtbot.waitUntil(lambda: section.meter.value() > 50, timeout=WAIT_MS)
    finally:
        player.join()
    assert section.peak_level > 0.5

    with qtbot.waitSignal(section.test_stopped, timeout=WAIT_MS):
        qtbot.mouseClick(section.test_button, Qt.MouseButton.LeftButton)
    assert section.meter.value() == 0
    assert section.test_button.text() == "Start test"
    assert not folder.exists()  # the test recording is not kept


def test_leaving_the_page_or_closing_the_window_stops_the_test(section, qtbot):
    window = section.window()
    with qtbot.waitSignal(section.test_started, timeout=WAIT_MS):
        section.start_test()
    with qtbot.waitSignal(section.test_stopped, timeout=WAIT_MS):
        window.show_page("history")
    assert not section.testing

    window.show_page("settings")
    with qtbot.waitSignal(section.test_started, timeout=WAIT_MS):
        section.start_test()
    folder = section._test_folder
    window.close()
    assert not section.testing and not folder.exists()  # closed at once, with the window


def test_a_saved_microphone_that_is_gone_is_said_plainly_and_the_test_explains(virtual_microphone, make_window, qtbot):
    window = make_window(show=False)
    window.context.settings.set(Setting.INPUT_DEVICE, "USB Headset 3000")
    section = MicrophoneSection(window.context)
    qtbot.addWidget(section)
    with qtbot.waitSignal(section.devices_listed, timeout=WAIT_MS):
        pass
    assert section.chosen_device == "USB Headset 3000"
    assert section.device_box.currentText() == f"USB Headset 3000{NOT_FOUND_SUFFIX}"
    assert "is not connected" in section.message.text()

    section.start_test()
    qtbot.waitUntil(lambda: not section.testing, timeout=WAIT_MS)
    assert "USB Headset 3000" in section.message.text() and "was not found" in section.message.text()
    assert section.message.isVisibleTo(section)
    assert section.test_button.text() == "Start test" and section.test_button.isEnabled()
