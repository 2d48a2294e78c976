"""One MockInt per data folder, with real processes: a second start brings the first window to the
front and touches nothing; a lock left by a killed MockInt is taken over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mockint.app import instance_lock
from mockint.app.recovery import RECOVERY_DONE_MESSAGE
from mockint.paths import app_paths
from mockint.ui.app import ALREADY_RUNNING_MESSAGE
from mockint.ui.single_instance import BROUGHT_TO_FRONT_MESSAGE, InstanceServer, bring_to_front
from tests.conftest import REPO_ROOT
from tests.test_recording_support import tone, write_wav
from tests.test_ui_app import _wait_until_shown

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals end the app processes")


def _start_app() -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "mockint"],
        env=env,
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _log(home: Path) -> Path:
    return home / "logs" / "mockint.log"


def _wait_for_log(process: subprocess.Popen, home: Path, message: str) -> None:
    """Waits (on the process, not a sleep) until the app has logged `message`."""
    deadline = time.monotonic() + 60
    while message not in _log(home).read_text(encoding="utf-8"):
        try:
            process.wait(timeout=0.1)
        except subprocess.TimeoutExpired:
            assert time.monotonic() < deadline, f"the app never logged {message!r}"
            continue
        pytest.fail(f"the app exited early with {process.returncode}")


def _close(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    process.communicate(timeout=30)


def test_a_second_start_brings_the_first_window_to_the_front_and_touches_nothing(mockint_home):
    first = _start_app()
    try:
        _wait_until_shown(first, _log(mockint_home))
        assert instance_lock.owner_pid(app_paths().data_dir) == first.pid
        _wait_for_log(first, mockint_home, RECOVERY_DONE_MESSAGE)  # its own start-up is over
        # The first one is recording an answer right now.
        recordings = app_paths().recordings_dir
        partial = write_wav(recordings / "answer-1.partial.wav", tone(1.0))
        recording = partial.read_bytes()

        second = _start_app()
        out, err = second.communicate(timeout=60)

        assert second.returncode == 0, err
        assert f"mockint: {ALREADY_RUNNING_MESSAGE}" in err.splitlines() and "Traceback" not in err
        assert first.poll() is None  # the first one runs on
        assert BROUGHT_TO_FRONT_MESSAGE in _log(mockint_home).read_text(encoding="utf-8")
        assert partial.read_bytes() == recording  # its recording was left alone
        assert sorted(p.name for p in recordings.iterdir()) == ["answer-1.partial.wav"]
        assert instance_lock.owner_pid(app_paths().data_dir) == first.pid
    finally:
        _close(first)
    assert first.returncode == 0
    assert instance_lock.owner_pid(app_paths().data_dir) is None  # it let go on closing


def test_the_lock_of_a_killed_app_is_taken_over_by_the_next_start(mockint_home):
    killed = _start_app()
    try:
        _wait_until_shown(killed, _log(mockint_home))
    finally:
        killed.kill()
        killed.communicate(timeout=30)
    assert instance_lock.owner_pid(app_paths().data_dir) == killed.pid  # what a crash leaves
    _log(mockint_home).unlink()

    again = _start_app()
    try:
        _wait_until_shown(again, _log(mockint_home))
        assert instance_lock.owner_pid(app_paths().data_dir) == again.pid
    finally:
        _close(again)
    assert again.returncode == 0


_ASK_TO_SHOW = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from mockint.ui.single_instance import ask_running_instance_to_show
app = QCoreApplication([])
print("shown" if ask_running_instance_to_show(Path(sys.argv[1])) else "no answer", flush=True)
"""


def test_a_minimised_window_is_restored_when_another_start_asks(qtbot, mockint_home):
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    window.setWindowTitle("MockInt")
    qtbot.addWidget(window)
    window.showMinimized()
    server = InstanceServer(app_paths().data_dir, window)
    server.show_requested.connect(lambda: bring_to_front(window))
    assert server.listen()

    asker = subprocess.Popen(
        [sys.executable, "-c", _ASK_TO_SHOW, str(app_paths().data_dir)],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        with qtbot.waitSignal(server.show_requested, timeout=30_000):
            pass
        qtbot.waitUntil(lambda: asker.poll() is not None, timeout=30_000)
    finally:
        out, _ = asker.communicate(timeout=30)
        server.close()
    assert out == "shown\n"
    assert window.isVisible() and not window.isMinimized()
