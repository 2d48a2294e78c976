"""Settings: which microphone MockInt records from, and a live test of its level.

The test records into a temporary file with the same Recorder the answers use (so what the
meter shows is what an answer would get) and deletes it when the test stops. Opening the
microphone blocks until sound flows, so it happens in a worker, and so do making and removing
the temporary folder (the GUI thread never waits on the disk; only a window that is closing
closes the test itself); the meter reads the recorder's level on a timer.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from mockint.settings import Setting
from mockint.speech.devices import AudioDevice, find_input_device, list_input_devices, rescan_devices
from mockint.speech.recorder import Recorder, RecordingResult
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import message_for
from mockint.ui.icons import themed_icon
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import named
from mockint.ui.workers import FunctionWorker

SECTION_KEY = "microphone"
SECTION_TITLE = "Microphone"
SECTION_HINT = "Which input MockInt records your answers from. Start a test and speak: the bar should move."
SECTION_ORDER = 10

METER_STEPS = 100
METER_INTERVAL_MS = 50
TEST_LIMIT_S = 60.0  # a forgotten test stops by itself rather than record on and on
NO_DEVICES_TEXT = "No microphone found. Plug one in, then press Look again."
NOT_FOUND_SUFFIX = " (not found)"


def create_section(context: AppContext) -> QWidget:
    return MicrophoneSection(context)


def find_devices(rescan: bool) -> list[AudioDevice]:
    if rescan:
        rescan_devices()
    return list_input_devices()


@dataclass(frozen=True)
class OpenedMicrophoneTest:
    recorder: Recorder  # started: sound is flowing
    folder: Path  # the temporary folder it records into, deleted when the test stops


@dataclass(frozen=True)
class FailedMicrophoneTest:
    message: str  # what the user reads (a bug's traceback already logged); nothing is left on disk


def open_test_recording(device_name: str | None) -> OpenedMicrophoneTest | FailedMicrophoneTest:
    """In a worker: a temporary folder and a Recorder on the chosen microphone, started (blocks
    until sound flows). A failure removes the folder and makes its message here, so the GUI
    thread neither deletes files nor writes the log file."""
    folder = Path(tempfile.mkdtemp(prefix="mockint-microphone-test-"))
    try:
        device = find_input_device(device_name) if device_name else None
        recorder = Recorder(device, folder / "microphone-test.wav")
        recorder.start()
    except Exception as error:  # noqa: BLE001 - told to the user in the section, as before
        shutil.rmtree(folder, ignore_errors=True)
        return FailedMicrophoneTest(message_for(error))
    return OpenedMicrophoneTest(recorder, folder)


def close_test_recording(recorder: Recorder, folder: Path) -> RecordingResult:
    try:
        return recorder.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class MicrophoneSection(QWidget):
    devices_listed = Signal(object)  # list[AudioDevice] now offered
    test_started = Signal()  # sound is flowing; the meter is live
    test_stopped = Signal()  # the test recording is closed and deleted
    level_changed = Signal(float)  # meter level 0..1, about 20 times a second during a test

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._devices: list[AudioDevice] = []
        self._recorder: Recorder | None = None
        self._test_folder: Path | None = None
        self._starting = False
        self._stop_when_started = False
        self._test_began = 0.0
        self.peak_level = 0.0  # highest meter level of the current test

        self.device_box = QComboBox()
        self.device_box.setAccessibleName("Microphone")
        self.device_box.setToolTip("The input MockInt records your answers from")
        self.device_box.setMinimumWidth(320)
        self.device_box.setMaximumWidth(440)
        self.device_box.activated.connect(self._device_chosen)
        self.rescan_button = QPushButton(themed_icon("reload", context.theme, role="text"), "Look again")
        self.rescan_button.setIconSize(QSize(16, 16))
        self.rescan_button.setToolTip("Look for microphones again (after plugging one in)")
        self.rescan_button.clicked.connect(lambda: self.list_devices(rescan=True))
        self.test_button = QPushButton("Start test")
        self.test_button.setToolTip("Record for a moment to see the input level; nothing is kept")
        self.test_button.clicked.connect(self.toggle_test)
        self.meter = named(QProgressBar(), "levelMeter")
        self.meter.setRange(0, METER_STEPS)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(10)
        self.meter.setAccessibleName("Microphone level")
        self.meter.setStyleSheet(_meter_style(context.theme))
        self.message = named(QLabel("Looking for microphones…"), "hint")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        device_row = QHBoxLayout()
        device_row.addWidget(self.device_box, 1)
        device_row.addWidget(self.rescan_button)
        device_row.addStretch(1)
        self.meter.setMaximumWidth(440)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.meter, 1)
        test_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(device_row)
        layout.addLayout(test_row)
        layout.addWidget(self.message)

        self._timer = QTimer(self)
        self._timer.setInterval(METER_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        context.events.theme_changed.connect(self._theme_changed)
        self._set_controls()
        self.list_devices(rescan=False)

    # ----- devices

    def list_devices(self, *, rescan: bool) -> None:
        """Reads the input devices in the background (PortAudio's restart is not instant)."""
        if self.testing:
            return  # a rescan restarts PortAudio under the open stream
        self.rescan_button.setEnabled(False)
        self.context.workers.start(
            FunctionWorker(find_devices, rescan), on_finished=self._listed, on_failed=self._list_failed
        )

    def _listed(self, devices: list[AudioDevice]) -> None:
        self._devices = list(devices)
        saved = self.context.settings.get(Setting.INPUT_DEVICE)
        self.device_box.clear()
        default = next((d for d in devices if d.is_default), None)
        shown = default is not None and default.name.casefold() != "default"
        self.device_box.addItem(
            f"System default ({default.name})" if default is not None and shown else "System default", None
        )
        for device in devices:
            self.device_box.addItem(device.name, device.name)
            self.device_box.setItemData(
                self.device_box.count() - 1,
                f"{device.host_api}, {device.channels} channels",
                Qt.ItemDataRole.ToolTipRole,
            )
        names = [d.name for d in devices]
        if saved and saved not in names:
            self.device_box.addItem(f"{saved}{NOT_FOUND_SUFFIX}", saved)
        self.device_box.setCurrentIndex(max(0, self.device_box.findData(saved)) if saved else 0)
        if not devices:
            self._say(NO_DEVICES_TEXT, warning=True)
        elif saved and saved not in names:
            self._say(
                f"The microphone “{saved}” is not connected. Plug it in and press Look again, or choose another one.",
                warning=True,
            )
        else:
            self._say("")
        self._set_controls()
        self.devices_listed.emit(self._devices)

    def _list_failed(self, error: BaseException) -> None:
        self._devices = []
        self.device_box.clear()
        self._say(message_for(error), warning=True)
        self._set_controls()

    def device_names(self) -> list[str]:
        """The devices offered, by name (without the system-default entry)."""
        return [self.device_box.itemData(i) for i in range(self.device_box.count()) if self.device_box.itemData(i)]

    @property
    def chosen_device(self) -> str | None:
        return self.device_box.currentData()

    def choose_device(self, name: str | None) -> None:
        index = self.device_box.findData(name) if name else 0
        if index >= 0:
            self.device_box.setCurrentIndex(index)
            self._device_chosen(index)

    def _device_chosen(self, index: int) -> None:
        name = self.device_box.itemData(index)
        if name != self.context.settings.get(Setting.INPUT_DEVICE):
            self.context.set_setting(Setting.INPUT_DEVICE, name)
        if name is None or name in [d.name for d in self._devices]:
            self._say("")
        if self.testing:
            self.stop_test()  # the next test uses the new choice

    # ----- the test

    @property
    def testing(self) -> bool:
        return self._recorder is not None or self._starting

    def toggle_test(self) -> None:
        if self.testing:
            self.stop_test()
        else:
            self.start_test()

    def start_test(self) -> None:
        if self.testing or not self._devices:
            return
        self._starting = True
        self._stop_when_started = False
        self.peak_level = 0.0
        self._say("Opening the microphone…")
        self._set_controls()
        self.context.workers.start(
            FunctionWorker(open_test_recording, self.chosen_device),
            on_finished=self._test_opened,
            on_failed=lambda error: self._test_failed(message_for(error)),  # only if the worker itself broke
        )

    def _test_opened(self, opened: OpenedMicrophoneTest | FailedMicrophoneTest) -> None:
        if isinstance(opened, FailedMicrophoneTest):
            self._test_failed(opened.message)
            return
        self._starting = False
        self._recorder, self._test_folder = opened.recorder, opened.folder
        if self._stop_when_started:
            self.stop_test()
            return
        self._test_began = time.monotonic()
        self._timer.start()
        self._say("Listening. Speak as you would in an interview; the bar should reach about the middle.")
        self._set_controls()
        self.test_started.emit()

    def _test_failed(self, message: str) -> None:
        self._starting = False  # the worker removed its folder: nothing to delete here
        self._say(message, warning=True)
        self._set_controls()

    def stop_test(self) -> None:
        """Closes and deletes the test recording in the background; `test_stopped` follows."""
        if self._starting:
            self._stop_when_started = True
            return
        recorder, folder = self._recorder, self._test_folder
        if recorder is None or folder is None:
            return
        self._recorder, self._test_folder = None, None
        self._timer.stop()
        self._show_level(0.0)
        self.test_button.setEnabled(False)
        self.context.workers.start(
            FunctionWorker(close_test_recording, recorder, folder),
            on_finished=lambda result: self._test_closed(result.error),
            on_failed=self._test_closed,
        )

    def _test_closed(self, fault: BaseException | None) -> None:
        if fault is not None:
            self._say(message_for(fault), warning=True)
        elif self.message.property("warning") is not True:
            self._say("")
        self._set_controls()
        self.test_stopped.emit()

    def _tick(self) -> None:
        recorder = self._recorder
        if recorder is None:
            return
        if recorder.ended or time.monotonic() - self._test_began > TEST_LIMIT_S:
            self.stop_test()  # a device that went away, or a test left running
            return
        self._show_level(recorder.level)

    def _show_level(self, level: float) -> None:
        self.peak_level = max(self.peak_level, level)
        self.meter.setValue(round(level * METER_STEPS))
        self.level_changed.emit(level)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        # Leaving Settings (or closing the window) ends the test: nobody is watching the meter.
        if self.window().isVisible():
            self.stop_test()
        else:
            self._stop_now()
        super().hideEvent(event)

    def _stop_now(self) -> None:
        """The window is closing and its workers are already stopped: close the test right here."""
        self._stop_when_started = True
        recorder, folder = self._recorder, self._test_folder
        self._recorder, self._test_folder = None, None
        self._timer.stop()
        if recorder is not None and folder is not None:
            close_test_recording(recorder, folder)

    # ----- looks

    def _set_controls(self) -> None:
        busy = self._starting
        self.test_button.setText("Stop test" if self.testing else "Start test")
        self.test_button.setEnabled(bool(self._devices) and not busy)
        self.device_box.setEnabled(bool(self._devices) and not busy)
        self.rescan_button.setEnabled(not self.testing)

    def _say(self, text: str, *, warning: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setProperty("warning", warning)
        self.message.setStyleSheet(f"color: {self.context.theme.color('warning')};" if warning else "")

    def _theme_changed(self, theme: Theme) -> None:
        self.meter.setStyleSheet(_meter_style(theme))
        self.rescan_button.setIcon(themed_icon("reload", theme, role="text"))
        self._say(self.message.text(), warning=bool(self.message.property("warning")))


def _meter_style(theme: Theme) -> str:
    c = theme.colors
    return (
        f"QProgressBar {{ background: {c['hover']}; border: none; border-radius: 5px; }}"
        f"QProgressBar::chunk {{ background: {c['ok']}; border-radius: 5px; }}"
    )
