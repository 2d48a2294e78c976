"""User settings: one enum owns every key, one JSON file holds the values.

Plain Python (not QSettings) because the command line and the speech layer read settings too
(`mockint model use` chooses the model the app will load), and neither may import Qt.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any

from mockint.atomic_file import write_text_atomically
from mockint.paths import PRIVATE_FILE_MODE, app_paths, make_private_dir
from mockint.settings_writer import SettingsWriter


class Setting(StrEnum):
    MODEL = "speech/model"  # folder name under models_dir, or an absolute model folder
    INPUT_DEVICE = "audio/input_device"  # device name; None for the system default
    OUTPUT_DEVICE = "audio/output_device"
    VOICE = "tts/voice"  # pyttsx3 voice id; None for the engine default
    VOICE_RATE = "tts/rate"  # words per minute
    READ_ALOUD = "practice/read_aloud"
    THINK_TIME_S = "practice/think_time_s"
    QUESTION_COUNT = "practice/question_count"
    SHUFFLE = "practice/shuffle"
    REPORT_AFTER_EACH = "practice/report_after_each"
    LIVE_TRANSCRIPT = "practice/live_transcript"
    SILENCE_STOP_S = "practice/silence_stop_s"  # 0 disables stopping on silence
    HESITATION_PAUSE_S = "analysis/hesitation_pause_s"
    LONG_PAUSE_S = "analysis/long_pause_s"
    PACE_SLOW_WPM = "analysis/pace_slow_wpm"
    PACE_FAST_WPM = "analysis/pace_fast_wpm"
    CUSTOM_FILLERS = "analysis/custom_fillers"  # {language: [words]} added by the user
    REMOVED_FILLERS = "analysis/removed_fillers"  # {language: [words]} the user does not count
    ANALYSIS_LANGUAGE = "analysis/language"  # language code; None follows the speech model's language
    WINDOW_GEOMETRY = "ui/window_geometry"  # hex of QWidget.saveGeometry()
    SELECTED_DECKS = "practice/decks"
    MIRROR_CAMERA = "mirror/camera"  # camera id (QCameraDevice.id, hex); None for the system default
    MIRROR_KEEP_VIDEO = "mirror/keep_video"  # record each mirror answer's video beside its audio
    MIRROR_VIDEO_DAYS = "mirror/video_days"  # delete videos older than this many days; 0 keeps them
    MIRROR_CUES = "mirror/cues"  # calm live cues while answering
    MIRROR_FILLER_COUNT = "mirror/filler_count"  # show a small live filler count
    PHONE_LISTEN_EVERYWHERE = "phone/listen_everywhere"  # the phone console binds 0.0.0.0, not one address


DEFAULTS: dict[Setting, Any] = {
    Setting.MODEL: None,
    Setting.INPUT_DEVICE: None,
    Setting.OUTPUT_DEVICE: None,
    Setting.VOICE: None,
    Setting.VOICE_RATE: 170,
    Setting.READ_ALOUD: True,
    Setting.THINK_TIME_S: 5,
    Setting.QUESTION_COUNT: 5,
    Setting.SHUFFLE: True,
    Setting.REPORT_AFTER_EACH: True,
    Setting.LIVE_TRANSCRIPT: False,
    Setting.SILENCE_STOP_S: 8,
    Setting.HESITATION_PAUSE_S: 1.0,
    Setting.LONG_PAUSE_S: 3.0,
    Setting.PACE_SLOW_WPM: 100,
    Setting.PACE_FAST_WPM: 170,
    Setting.CUSTOM_FILLERS: {},
    Setting.REMOVED_FILLERS: {},
    Setting.ANALYSIS_LANGUAGE: None,
    Setting.WINDOW_GEOMETRY: None,
    Setting.SELECTED_DECKS: ["warm-up"],  # first run: a short deck is ticked, so Start works at once
    Setting.MIRROR_CAMERA: None,
    Setting.MIRROR_KEEP_VIDEO: True,
    Setting.MIRROR_VIDEO_DAYS: 0,
    Setting.MIRROR_CUES: True,
    Setting.MIRROR_FILLER_COUNT: False,
    Setting.PHONE_LISTEN_EVERYWHERE: False,
}


class Settings:
    """Reads on construction, writes the whole file atomically on every `set` and `reset`.

    The write is synchronous (the command line: the file is saved when the command ends) until
    `write_in_background` is called (the app: the GUI thread must not wait for the disk); then
    `get` sees a change at once and the file follows on the writer's thread.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else app_paths().settings_file
        self._values: dict[str, Any] = self._read()
        self._writer: SettingsWriter | None = None

    def write_in_background(self, on_failed: Callable[[OSError], None]) -> None:
        """From now on the file is written by one background writer; a failed write goes to
        `on_failed`, called on the writer's thread (the values in memory are kept)."""
        if self._writer is None:
            self._writer = SettingsWriter(self._write_text, on_failed)

    def flush(self, timeout_s: float | None = None) -> bool:
        """Waits until every change so far is written (or failed); False if `timeout_s` ran out."""
        return self._writer.flush(timeout_s) if self._writer is not None else True

    def _read(self) -> dict[str, Any]:
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            # Missing or damaged settings fall back to defaults; they are preferences, not data.
            return {}
        return loaded if isinstance(loaded, dict) else {}

    def get(self, key: Setting) -> Any:
        return self._values.get(key.value, DEFAULTS[key])

    def set(self, key: Setting, value: Any) -> None:
        self._values[key.value] = value
        self._write()

    def reset(self, key: Setting) -> None:
        self._values.pop(key.value, None)
        self._write()

    def _write(self) -> None:
        # The snapshot is taken now, on the caller's thread: the writer never reads `_values`.
        text = json.dumps(self._values, indent=2, sort_keys=True)
        if self._writer is not None:
            self._writer.submit(text)
        else:
            self._write_text(text)

    def _write_text(self, text: str) -> None:
        # Private like the rest of MockInt's files: the folder 0700, the file 0600.
        make_private_dir(self.path.parent)
        write_text_atomically(self.path, text, mode=PRIVATE_FILE_MODE)
