"""`startup_to_window_ms`: from starting `python -m mockint` to its main window shown, and
`startup_to_window_busy_ms`: the same while another process keeps one core busy.

The app logs "main window shown" (with a millisecond timestamp) once the window's first frame
has been painted and flushed (not merely `show()` called), and before any background work
starts: the speech model, the database and the decks load after it, by design. The line also
says how much CPU time the process had used by then: `startup_cpu_ms`, the figure that a busy
machine disturbs least. Each run uses a fresh MOCKINT_HOME; the median of several runs is
reported. Goals (issue 9): at most 800 ms quiet, 1200 ms with one core busy.
"""

from __future__ import annotations

import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

RUNS = 3
# Bytecode as an installed app has it: compiled once (by the warm-up start) into a cache of the
# benchmark's own, never into the source tree, even where PYTHONDONTWRITEBYTECODE is set.
_BYTECODE = tempfile.TemporaryDirectory(prefix="mockint-startup-pycache-")
TIMEOUT_S = 30.0
_CPU = re.compile(r"after (\d+) ms of CPU")


def _shown_line(log: Path) -> str | None:
    from mockint.ui.app import WINDOW_SHOWN_MESSAGE

    try:
        for line in log.read_text(encoding="utf-8").splitlines():
            if WINDOW_SHOWN_MESSAGE in line:
                return line
    except OSError:
        return None
    return None


def _shown_at(log: Path) -> datetime | None:
    """When the log says the window was shown (its first frame painted)."""
    line = _shown_line(log)
    return None if line is None else datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")


def _shown_cpu_ms(log: Path) -> float:
    """The CPU time the app had used when its window was shown, as its log line says."""
    found = _CPU.search(_shown_line(log) or "")
    if found is None:
        raise RuntimeError(f"the log's window line gives no CPU time: {_shown_line(log)!r}")
    return float(found.group(1))


def _log_path(home: str) -> Path:
    from mockint.ui.error_dialog import LOG_FILE_NAME

    return Path(home) / "logs" / LOG_FILE_NAME


def one_start() -> tuple[float, float]:
    """Milliseconds from starting the process to its window shown, and of CPU it used meanwhile."""
    with tempfile.TemporaryDirectory(prefix="mockint-startup-") as home:
        env = dict(
            os.environ,
            MOCKINT_HOME=home,
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            PYTHONPYCACHEPREFIX=_BYTECODE.name,
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
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
            return (shown - started).total_seconds() * 1000, _shown_cpu_ms(log)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=TIMEOUT_S)


@contextmanager
def one_core_busy() -> Iterator[None]:
    """Another program keeping one core at 100% (the machine is not idle while MockInt opens)."""
    burner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        yield
    finally:
        burner.kill()
        burner.wait(timeout=TIMEOUT_S)


def figures() -> dict[str, float]:
    one_start()  # warm the file cache: both figures measure a start, not the first read from disk
    quiet = [one_start() for _ in range(RUNS)]
    with one_core_busy():
        busy = [one_start() for _ in range(RUNS)]
    return {
        "startup_to_window_ms": round(statistics.median(wall for wall, _ in quiet), 1),
        "startup_to_window_busy_ms": round(statistics.median(wall for wall, _ in busy), 1),
        "startup_cpu_ms": round(statistics.median(cpu for _, cpu in quiet), 1),
    }
