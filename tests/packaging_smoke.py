"""What every installed MockInt must do, whatever installed it (a wheel in a fresh venv, the frozen
app): run `mockint doctor`, analyse a transcript, list the seven shipped decks, and open its window
offscreen, stay up, and close cleanly on SIGTERM. Used by tests/test_packaging_*.py."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from mockint.ui.app import WINDOW_SHOWN_MESSAGE
from mockint.ui.error_dialog import LOG_FILE_NAME

SHIPPED_DECKS = ["ask-the-interviewer", "behavioural", "career-break", "career-change", "openers", "tricky", "warm-up"]
TRANSCRIPT = "um so basically i led the migration and uh we cut costs by 30 percent\n"
START_TIMEOUT_S = 60.0
STAYS_UP_S = 3.0


def run(command: list[str], env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [*command, *args], capture_output=True, text=True, input=stdin, timeout=180, env=env, cwd=env["MOCKINT_HOME"]
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done


DOCTOR_LINE = re.compile(r"^(?P<part>.+?)\s{2,}(?P<status>ok|WARN|FAIL)\s{2,}(?P<detail>.*)$")


def doctor_lines(command: list[str], env: dict[str, str]) -> tuple[int, dict[str, tuple[str, str]]]:
    """`mockint doctor`'s exit status and its lines, part -> (status, detail)."""
    done = run(command, env, "doctor")
    lines = {}
    for line in done.stdout.splitlines():
        match = DOCTOR_LINE.match(line)
        assert match, f"not a doctor line: {line!r}"
        lines[match["part"]] = (match["status"], match["detail"])
    return done.returncode, lines


def assert_doctor_finds_everything(command: list[str], env: dict[str, str]) -> dict[str, tuple[str, str]]:
    """With the virtual microphone, eSpeak NG and a model: every part OK (no camera: a warning)."""
    code, lines = doctor_lines(command, env)
    assert len(lines) >= 9, lines
    not_ok = {part: line for part, line in lines.items() if line[0] != "ok" and part != "camera"}
    assert not_ok == {}
    assert lines["camera"][0] in ("ok", "WARN")
    assert code == 0
    return lines


def analyse_transcript(command: list[str], env: dict[str, str], folder: Path) -> dict:
    transcript = folder / "answer.txt"
    transcript.write_text(TRANSCRIPT, encoding="utf-8")
    done = run(command, env, "analyze", str(transcript), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def deck_ids(command: list[str], env: dict[str, str]) -> list[str]:
    done = run(command, env, "deck", "list")
    assert done.returncode == 0, done.stderr
    return sorted(line.split()[0] for line in done.stdout.splitlines() if line.strip())


@dataclass(frozen=True)
class WindowRun:
    shown_after_s: float  # from starting the process to the log's "main window shown"
    returncode: int
    stderr: str


def open_window_and_terminate(command: list[str], env: dict[str, str]) -> WindowRun:
    """Starts the app offscreen, waits for its window, checks it stays up for a few seconds,
    then sends SIGTERM and waits for it to close."""
    log = Path(env["MOCKINT_HOME"]) / "logs" / LOG_FILE_NAME
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        cwd=env["MOCKINT_HOME"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        shown_after_s = None
        while shown_after_s is None:
            # waiting on the process itself, a tenth of a second at a time, until the log says it
            try:
                process.wait(timeout=0.1)
                raise AssertionError(f"the app ended before showing its window: {process.communicate()}")
            except subprocess.TimeoutExpired:
                pass
            if log.exists() and WINDOW_SHOWN_MESSAGE in log.read_text(encoding="utf-8"):
                shown_after_s = time.monotonic() - started
            assert time.monotonic() - started < START_TIMEOUT_S, "the window did not open within a minute"
        try:
            process.wait(timeout=STAYS_UP_S)
            raise AssertionError(f"the app closed by itself after showing its window: {process.communicate()}")
        except subprocess.TimeoutExpired:
            pass  # still up, as it should be
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return WindowRun(shown_after_s, process.returncode, stderr)


def clean_environment(home: Path, **extra: str) -> dict[str, str]:
    """The environment with nothing that could lead an installed MockInt back to the source
    tree: no PYTHONPATH, a fresh MOCKINT_HOME, the working folder outside the checkout."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    home.mkdir(parents=True, exist_ok=True)
    env.update(MOCKINT_HOME=str(home), **extra)
    return env
