"""`python -m mockint` with no command starts the app; SIGTERM and Ctrl+C close it cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mockint.ui.app import WINDOW_SHOWN_MESSAGE

STARTUP_TIMEOUT_S = 60


def _wait_until_shown(process: subprocess.Popen, log: Path) -> None:
    """Waits (on the process, not a sleep) until the app has logged that its window is up."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if log.exists() and WINDOW_SHOWN_MESSAGE in log.read_text(encoding="utf-8"):
            return
        try:
            process.wait(timeout=0.1)
        except subprocess.TimeoutExpired:
            continue
        out, err = process.communicate()
        pytest.fail(f"the app exited early with {process.returncode}: {err}")
    process.kill()
    pytest.fail("the app did not show its window in time")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_closes_the_app_cleanly(mockint_home, signum):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, "-m", "mockint"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    log = mockint_home / "logs" / "mockint.log"
    _wait_until_shown(process, log)
    process.send_signal(signum)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err and "Destroyed while thread" not in err
    # It closed the normal way: the window saved where it was.
    settings = json.loads((mockint_home / "config" / "settings.json").read_text(encoding="utf-8"))
    assert settings.get("ui/window_geometry")
