"""`startup_to_window_ms`: from starting `python -m mockint` to its main window shown.

The app logs "main window shown" (with a millisecond timestamp) right after `show()`, before
the speech model loads in the background, so the figure excludes model loading by design.
Each run uses a fresh MOCKINT_HOME; the median of several runs is reported.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

RUNS = 5
TIMEOUT_S = 30.0


def _shown_at(log: Path) -> datetime | None:
    from mockint.ui.app import WINDOW_SHOWN_MESSAGE

    try:
        for line in log.read_text(encoding="utf-8").splitlines():
            if WINDOW_SHOWN_MESSAGE in line:
                return datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
    except OSError:
        return None
    return None


def _log_path(home: str) -> Path:
    from mockint.ui.error_dialog import LOG_FILE_NAME

    return Path(home) / "logs" / LOG_FILE_NAME


def one_start() -> float:
    with tempfile.TemporaryDirectory(prefix="mockint-startup-") as home:
        env = dict(os.environ, MOCKINT_HOME=home, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        log = _log_path(home)
        started = datetime.now()
        process = subprocess.Popen(
            [sys.executable, "-m", "mockint"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            deadline = time.monotonic() + TIMEOUT_S
            while (shown := _shown_at(log)) is None:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the app did not show its window (exit status {process.returncode})")
                time.sleep(0.005)
            return (shown - started).total_seconds() * 1000
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=TIMEOUT_S)


def figures() -> dict[str, float]:
    times = [one_start() for _ in range(RUNS)]
    return {"startup_to_window_ms": round(statistics.median(times), 1)}
