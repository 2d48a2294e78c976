"""The frozen app (`bash packaging/build.sh`): its size, and how fast it starts.

`frozen_app_mb`: the folder `dist/mockint/` on disk; `frozen_archive_mb`: the `.tar.gz` handed out;
`frozen_command_ms`: `mockint --version`, the cost of starting the program at all;
`frozen_startup_to_window_ms`: from starting it to the main window shown (offscreen), measured as
`startup_to_window_ms` measures `python -m mockint` (bench_gui_startup), so the two compare.
MOCKINT_FROZEN_APP names another build (the single file, say); medians of several runs.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import tempfile
import time
from datetime import datetime
from pathlib import Path

from benchmarks.bench_gui_startup import TIMEOUT_S, _log_path, _shown_at

RUNS = 5
ROOT = Path(__file__).resolve().parent.parent


def _frozen_app() -> Path:
    given = os.environ.get("MOCKINT_FROZEN_APP")
    app = Path(given) if given else ROOT / "dist" / "mockint" / "mockint"
    if not app.is_file():
        raise RuntimeError(f"no frozen app at {app}: build it with `bash packaging/build.sh`")
    return app.resolve()


def _size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def _command_ms(app: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(app), "--version"], check=True, capture_output=True, timeout=TIMEOUT_S)
    return (time.perf_counter() - started) * 1000


def _window_ms(app: Path) -> float:
    with tempfile.TemporaryDirectory(prefix="mockint-frozen-startup-") as home:
        env = dict(os.environ, MOCKINT_HOME=home, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        log = _log_path(home)
        started = datetime.now()
        process = subprocess.Popen([str(app)], env=env, cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + TIMEOUT_S
            while (shown := _shown_at(log)) is None:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the frozen app did not show its window (exit status {process.returncode})")
                time.sleep(0.005)
            return (shown - started).total_seconds() * 1000
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=TIMEOUT_S)


def figures() -> dict[str, float]:
    app = _frozen_app()
    folder = app.parent if (app.parent / "_internal").is_dir() else app
    result = {"frozen_app_mb": round(_size_mb(folder), 1)}
    archives = sorted((ROOT / "dist").glob("mockint-*-linux-*.tar.gz")) if folder != app else []
    if archives:
        result["frozen_archive_mb"] = round(_size_mb(archives[-1]), 1)
    _command_ms(app)  # warm the file cache: the figures measure a start, not the first read from disk
    result["frozen_command_ms"] = round(statistics.median(_command_ms(app) for _ in range(RUNS)), 1)
    result["frozen_startup_to_window_ms"] = round(statistics.median(_window_ms(app) for _ in range(RUNS)), 1)
    return result
