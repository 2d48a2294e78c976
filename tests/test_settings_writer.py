"""The settings writer: the newest snapshot wins, writes come one at a time and in order, a
failure is reported and keeps the values in memory; without it the command line writes at once."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from mockint.paths import app_paths
from mockint.settings import Setting, Settings
from mockint.settings_writer import SettingsWriter


class HeldDisk:
    """A write function that stops inside the first write until `release`: a busy disk."""

    def __init__(self) -> None:
        self.written: list[str] = []
        self.threads: set[str] = set()
        self.inside = 0
        self.most_inside = 0
        self.first_started = threading.Event()
        self.released = threading.Event()
        self._lock = threading.Lock()

    def write(self, text: str) -> None:
        with self._lock:
            self.inside += 1
            self.most_inside = max(self.most_inside, self.inside)
        self.threads.add(threading.current_thread().name)
        self.first_started.set()
        self.released.wait(10)
        with self._lock:
            self.written.append(text)
            self.inside -= 1


def test_a_burst_is_written_in_order_one_write_at_a_time_and_the_last_snapshot_wins():
    disk = HeldDisk()
    writer = SettingsWriter(disk.write, on_failed=lambda error: None)
    writer.submit("first")
    assert disk.first_started.wait(10)  # the first write is on the disk, held there
    for text in ("second", "third", "fourth"):
        writer.submit(text)  # returns at once although the disk is busy
    assert not writer.idle and not writer.flush(timeout_s=0.05)
    disk.released.set()
    assert writer.flush(timeout_s=10)
    assert disk.written == ["first", "fourth"]  # "second" and "third" were replaced before they started
    assert disk.most_inside == 1 and threading.current_thread().name not in disk.threads
    writer.submit("fifth")  # a new thread starts for a later change
    assert writer.flush(timeout_s=10) and disk.written[-1] == "fifth"


def test_a_failed_write_is_reported_and_later_writes_go_on():
    failures: list[OSError] = []
    written: list[str] = []

    def write(text: str) -> None:
        if text == "bad":
            raise OSError(28, "No space left on device")
        written.append(text)

    writer = SettingsWriter(write, on_failed=failures.append)
    writer.submit("bad")
    assert writer.flush(timeout_s=10)
    writer.submit("good")
    assert writer.flush(timeout_s=10)
    assert [f.errno for f in failures] == [28] and written == ["good"]


def test_in_the_background_get_sees_a_change_at_once_and_the_file_follows(tmp_path: Path):
    path = tmp_path / "config" / "settings.json"
    settings = Settings(path)
    failures: list[OSError] = []
    settings.write_in_background(failures.append)
    for rate in range(150, 200, 5):
        settings.set(Setting.VOICE_RATE, rate)
    settings.reset(Setting.READ_ALOUD)
    assert settings.get(Setting.VOICE_RATE) == 195
    assert settings.flush(timeout_s=10)
    assert json.loads(path.read_text(encoding="utf-8")) == {Setting.VOICE_RATE.value: 195}
    assert Settings(path).get(Setting.VOICE_RATE) == 195 and failures == []


def test_a_folder_that_cannot_be_made_reports_the_error_and_keeps_the_value(tmp_path: Path):
    blocker = tmp_path / "config"
    blocker.write_text("a file where the settings folder should be", encoding="utf-8")
    settings = Settings(blocker / "settings.json")
    failures: list[OSError] = []
    settings.write_in_background(failures.append)
    settings.set(Setting.VOICE_RATE, 140)
    assert settings.flush(timeout_s=10)
    assert len(failures) == 1 and isinstance(failures[0], OSError)
    assert settings.get(Setting.VOICE_RATE) == 140  # nothing lost in memory


def test_without_a_writer_the_file_is_written_before_set_returns():
    """The command line (`mockint model use`) writes synchronously: the process ends right after."""
    settings = Settings(app_paths().settings_file)
    settings.set(Setting.MODEL, "vosk-model-small-en-us-0.15")
    assert json.loads(app_paths().settings_file.read_text(encoding="utf-8")) == {
        Setting.MODEL.value: "vosk-model-small-en-us-0.15"
    }
