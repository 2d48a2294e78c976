"""Calm live cues for mirror practice: at most one short cue at a time, chosen by priority.

Research on live speaking feedback: a busy dashboard makes speakers worse, one short cue at a
time helps. So the scheduler is deliberately stingy: nothing in the first seconds of an answer,
never two cues within `min_gap_s`, each cue on screen for about `show_s`, and the most useful
cue wins when several apply (too quiet, then too fast, then fillers, then a long silence, and
now and then a positive one).

Everything here is pure: `LiveWindow` turns the samples the view polls (level, words so far,
fillers so far, silence) into `LiveFigures`, and `next_cue` decides from the figures and the
cues shown so far. The same inputs always give the same cue, so the rules are unit-tested.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Cue(StrEnum):
    """The cues, in priority order (the first that applies wins)."""

    SPEAK_UP = "speak_up"
    SLOW_DOWN = "slow_down"
    FILLERS = "fillers"
    BREATHE = "breathe"
    GOOD_PACE = "good_pace"


CUE_PRIORITY: tuple[Cue, ...] = tuple(Cue)

CUE_TEXT: dict[Cue, str] = {
    Cue.SPEAK_UP: "Speak up a little",
    Cue.SLOW_DOWN: "Slow down",
    Cue.FILLERS: "Try a pause instead of \u2018um\u2019",
    Cue.BREATHE: "Take a breath, then go on",
    Cue.GOOD_PACE: "Good pace",
}


@dataclass(frozen=True)
class CueRules:
    """When each cue applies. Defaults follow issue 12; `fast_wpm` follows the pace setting."""

    quiet_start_s: float = 8.0  # nothing during the first seconds: the speaker is settling in
    min_gap_s: float = 15.0  # never two cues closer than this (start to start)
    show_s: float = 3.0  # how long a cue stays on screen
    quiet_level: float = 0.04  # mean input level (0..1) below this while speaking is too quiet
    fast_wpm: float = 170.0  # words a minute over the pace window above this is too fast
    pace_window_s: float = 20.0  # "too fast over the last 20 s"
    filler_run: int = 3  # this many fillers within the filler window is a run
    filler_window_s: float = 20.0
    long_silence_s: float = 6.0  # a silence this long, mid-answer
    good_pace_wpm: tuple[float, float] = (110.0, 160.0)
    positive_every_s: float = 45.0  # a positive cue at most this often


@dataclass(frozen=True)
class LiveFigures:
    """What the scheduler sees at one moment of an answer (all over recent windows)."""

    elapsed_s: float
    level: float  # mean input level over the last seconds while not silent, 0..1
    recent_wpm: float | None  # words a minute over the pace window; None until the window is full
    recent_fillers: int  # fillers within the filler window
    silence_s: float  # continuous silence right now


@dataclass(frozen=True)
class ShownCue:
    """One cue as shown: which, and when (seconds into the answer). The cue log is a list of these."""

    cue: Cue
    at_s: float

    @property
    def text(self) -> str:
        return CUE_TEXT[self.cue]

    def to_dict(self) -> dict[str, object]:
        return {"cue": self.cue.value, "at_s": round(self.at_s, 2), "text": self.text}

    @classmethod
    def from_dict(cls, data: object) -> ShownCue | None:
        """None for an entry of the wrong shape (a hand-edited or damaged log is not fatal)."""
        if not isinstance(data, dict):
            return None
        try:
            return cls(Cue(data["cue"]), float(data["at_s"]))
        except (KeyError, ValueError, TypeError):
            return None


def applicable_cues(figures: LiveFigures, rules: CueRules) -> list[Cue]:
    """Every cue the figures call for right now, in priority order (before the timing rules)."""
    found = []
    speaking = figures.silence_s < 1.0
    if speaking and figures.level < rules.quiet_level:
        found.append(Cue.SPEAK_UP)
    if figures.recent_wpm is not None and figures.recent_wpm > rules.fast_wpm:
        found.append(Cue.SLOW_DOWN)
    if figures.recent_fillers >= rules.filler_run:
        found.append(Cue.FILLERS)
    if figures.silence_s >= rules.long_silence_s:
        found.append(Cue.BREATHE)
    low, high = rules.good_pace_wpm
    if speaking and figures.recent_wpm is not None and low <= figures.recent_wpm <= high:
        found.append(Cue.GOOD_PACE)
    return found


def next_cue(figures: LiveFigures, shown: Sequence[ShownCue], rules: CueRules | None = None) -> Cue | None:
    """The cue to show now, or None: the highest-priority applicable cue the timing rules allow."""
    rules = rules or CueRules()
    now = figures.elapsed_s
    if now < rules.quiet_start_s:
        return None
    if shown and now - shown[-1].at_s < rules.min_gap_s:
        return None
    for cue in applicable_cues(figures, rules):
        if cue is Cue.GOOD_PACE:
            last_positive = max((s.at_s for s in shown if s.cue is Cue.GOOD_PACE), default=None)
            if last_positive is not None and now - last_positive < rules.positive_every_s:
                continue
        return cue
    return None


def visible_cue(shown: Sequence[ShownCue], now_s: float, rules: CueRules | None = None) -> ShownCue | None:
    """The cue on screen at `now_s` (shown less than `show_s` ago), or None."""
    rules = rules or CueRules()
    if shown and 0.0 <= now_s - shown[-1].at_s < rules.show_s:
        return shown[-1]
    return None


@dataclass(frozen=True)
class _Sample:
    t: float
    level: float
    words: int
    fillers: int
    silent: bool


class LiveWindow:
    """Turns polled samples into `LiveFigures` over sliding windows; pure (the caller gives the times)."""

    LEVEL_WINDOW_S = 3.0

    def __init__(self, rules: CueRules | None = None) -> None:
        self.rules = rules or CueRules()
        self._samples: deque[_Sample] = deque()
        self._silence_s = 0.0
        self._elapsed_s = 0.0

    def add(self, elapsed_s: float, level: float, words: int, fillers: int, silence_s: float) -> None:
        """One sample: seconds into the answer, input level, words and fillers so far, silence now."""
        self._elapsed_s = elapsed_s
        self._silence_s = silence_s
        self._samples.append(_Sample(elapsed_s, level, words, fillers, silence_s >= 0.5))
        keep = max(self.rules.pace_window_s, self.rules.filler_window_s, self.LEVEL_WINDOW_S) + 1.0
        while self._samples and elapsed_s - self._samples[0].t > keep:
            self._samples.popleft()

    def figures(self) -> LiveFigures:
        rules, now = self.rules, self._elapsed_s
        if not self._samples:
            return LiveFigures(now, 1.0, None, 0, self._silence_s)
        latest = self._samples[-1]
        voiced = [s.level for s in self._samples if now - s.t <= self.LEVEL_WINDOW_S and not s.silent]
        level = sum(voiced) / len(voiced) if voiced else 1.0  # silence is not "too quiet"
        pace_start = _at_or_before(self._samples, now - rules.pace_window_s)
        wpm = None
        if pace_start is not None and now - pace_start.t > 0:
            wpm = (latest.words - pace_start.words) * 60.0 / (now - pace_start.t)
        filler_start = _at_or_before(self._samples, now - rules.filler_window_s) or self._samples[0]
        return LiveFigures(now, level, wpm, latest.fillers - filler_start.fillers, self._silence_s)


def _at_or_before(samples: Iterable[_Sample], t: float) -> _Sample | None:
    """The last sample taken at or before `t`; None when the window does not reach back that far."""
    found = None
    for sample in samples:
        if sample.t > t:
            break
        found = sample
    return found


def count_live_fillers(words: Iterable[str], fillers: frozenset[str]) -> int:
    """Fillers in the live text: words of the lexicon's filled pauses and always-fillers."""
    return sum(1 for word in words if word.strip(".,!?;:").lower() in fillers)
