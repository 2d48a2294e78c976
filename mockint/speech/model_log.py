"""How much the speech engine (Kaldi, inside Vosk) may print on standard error.

Kaldi writes its own log lines straight to the process's standard error. Users get MockInt's
one-line messages instead (every load failure becomes a typed error), so the engine is silent
unless `mockint --verbose` asks for its log, for a bug report. Pure state; importing it is free.
"""

from __future__ import annotations

# Kaldi prints a message when its severity is at or below this level (LOG 0, WARNING -1,
# ERROR -2, failed assertion -3), so -3 silences errors too: every failure reaches the user as a
# typed error, not as C++ log lines on the terminal.
QUIET_LEVEL = -3
VERBOSE_LEVEL = 0  # Kaldi's LOG lines too: what it read and how it configured itself

_level = QUIET_LEVEL


def show_engine_log(show: bool) -> None:
    """`--verbose`: let Kaldi's log through from the next model load or recognizer on."""
    global _level
    _level = VERBOSE_LEVEL if show else QUIET_LEVEL


def engine_log_level() -> int:
    """The level to give `vosk.SetLogLevel` before any call into Vosk."""
    return _level
