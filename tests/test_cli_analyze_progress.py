"""`mockint analyze answer.wav` shows the model loading and the share recognised on a terminal,
and nothing when standard error is not one."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import wave
from pathlib import Path

from mockint.commands.analyze_progress import AnalyzeProgress


def silent_wav(path: Path, seconds: float = 3.0) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"\0\0" * int(16000 * seconds))
    return path


def analyze_with_stderr_on_a_terminal(wav: Path, model: Path) -> tuple[int, str, str]:
    """Runs the real command with standard error on a pseudo-terminal; (status, stdout, what the terminal got)."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "mockint", "analyze", str(wav), "--model", str(model), "--json"],
        stdout=subprocess.PIPE,
        stderr=slave,
        stdin=subprocess.DEVNULL,
    )
    os.close(slave)
    seen = bytearray()
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    stdout = process.stdout.read().decode("utf-8") if process.stdout else ""
    process.wait(timeout=120)
    return process.returncode, stdout, seen.decode("utf-8", "replace")


def test_a_terminal_sees_loading_then_percent_then_a_clean_line(tmp_path: Path, korean_model_path: Path) -> None:
    status, stdout, terminal = analyze_with_stderr_on_a_terminal(silent_wav(tmp_path / "a.wav"), korean_model_path)
    assert status == 0, terminal
    assert f"loading the speech model {korean_model_path.name}" in terminal
    assert "recognising the audio: 100%" in terminal
    assert terminal.index("loading") < terminal.index("recognising the audio: 1")
    assert terminal.endswith("\r\x1b[K")  # cleared before the report
    assert stdout.lstrip().startswith("{")  # the report itself is untouched, on standard output


def test_nothing_is_written_when_stderr_is_not_a_terminal(tmp_path: Path, korean_model_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mockint",
            "analyze",
            str(silent_wav(tmp_path / "a.wav")),
            "--model",
            str(korean_model_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_the_line_changes_only_when_the_percent_does() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    progress = AnalyzeProgress(terminal)
    for step in range(1000):
        progress.recognised(step / 1000)
    assert terminal.getvalue().count("\r") == 100
    progress.done()
    assert terminal.getvalue().endswith("\r\x1b[K")


def test_verbose_lets_the_speech_engine_log_through(tmp_path: Path, korean_model_path: Path) -> None:
    wav = str(silent_wav(tmp_path / "a.wav", seconds=0.5))
    quiet = subprocess.run(
        [sys.executable, "-m", "mockint", "analyze", wav, "--model", str(korean_model_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    verbose = subprocess.run(
        [sys.executable, "-m", "mockint", "--verbose", "analyze", wav, "--model", str(korean_model_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert quiet.returncode == verbose.returncode == 0
    assert "VoskAPI" not in quiet.stderr
    assert "LOG (VoskAPI" in verbose.stderr
