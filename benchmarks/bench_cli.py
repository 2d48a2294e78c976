"""How long a `mockint` command takes from process start to exit: every command should feel instant.

cli_version_ms: median wall-clock milliseconds of `python -m mockint --version`. Goal < 100 ms.
  The parser lists the commands without importing their code, so this is the interpreter's own
  start plus MockInt's command table.
cli_analyze_1min_ms: median wall-clock milliseconds of `python -m mockint analyze FILE --json`
  for a one-minute answer (about 150 timed words as a Vosk result JSON). Goal < 250 ms.
python_startup_ms: median milliseconds of `python -c pass` on the same machine, for scale: what
  no command can go below.

Each run uses a fresh MOCKINT_HOME, so no settings or history are read.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
ONE_MINUTE_S = 60.0


def one_minute_answer_json() -> str:
    """A one-minute answer as Vosk writes it: the ten-minute benchmark answer's first minute."""
    from benchmarks.bench_analysis import ten_minute_answer

    words = [w for w in ten_minute_answer().words if w.end is not None and w.end <= ONE_MINUTE_S]
    result = [{"word": w.text, "start": w.start, "end": w.end, "conf": w.conf} for w in words]
    return json.dumps({"result": result, "text": " ".join(w.text for w in words)})


def _median_ms(command: list[str], env: dict[str, str]) -> float:
    timings = []
    for _ in range(RUNS):
        began = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        timings.append((time.perf_counter() - began) * 1000.0)
    return round(statistics.median(timings), 1)


def figures() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="mockint-bench-cli-") as home:
        env = {**os.environ, "MOCKINT_HOME": home}
        answer = Path(home) / "answer.json"
        answer.write_text(one_minute_answer_json(), encoding="utf-8")
        return {
            "python_startup_ms": _median_ms([sys.executable, "-c", "pass"], env),
            "cli_version_ms": _median_ms([sys.executable, "-m", "mockint", "--version"], env),
            "cli_analyze_1min_ms": _median_ms([sys.executable, "-m", "mockint", "analyze", str(answer), "--json"], env),
        }


if __name__ == "__main__":
    print(figures())
