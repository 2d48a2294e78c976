"""What `mockint analyze answer.wav` shows while it works: the model loading, then the share of
the audio recognised, on one updating line of standard error.

Only on a terminal: when standard error is a file or a pipe (a script, CI), nothing is written,
so logs hold only the report and real errors. The line is cleared before the report is printed.
"""

from __future__ import annotations

from typing import TextIO

_CLEAR_TO_END = "\x1b[K"


class AnalyzeProgress:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        try:
            self.shown = stream.isatty()
        except (AttributeError, ValueError, OSError):  # a closed or detached stream
            self.shown = False
        self._percent: int | None = None
        self._written = False

    def loading(self, model_name: str) -> None:
        """Before the model loads, which takes seconds: say what the wait is for."""
        self._show(f"loading the speech model {model_name}…")

    def recognised(self, fraction: float) -> None:
        """After each block of audio; the line changes only when the whole percent does."""
        percent = max(0, min(100, int(fraction * 100)))
        if percent == self._percent:
            return
        self._percent = percent
        self._show(f"recognising the audio: {percent}%")

    def done(self) -> None:
        """Clears the line, so the report (or an error) starts on a clean one."""
        if self._written:
            self._write(f"\r{_CLEAR_TO_END}")
            self._written = False

    def _show(self, text: str) -> None:
        if self.shown:
            self._write(f"\r{text}{_CLEAR_TO_END}")
            self._written = True

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: the work itself goes on
            self.shown = False
