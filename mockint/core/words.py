"""Recognised words and transcripts: the input of every analysis."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Word:
    """One word as a recognizer (or a plain transcript) gives it.

    Times are seconds from the start of the answer recording; None where unknown (plain text).
    `text` is lowercase without punctuation, as Vosk writes it. `break_before` keeps the one cue
    punctuation gave in a typed transcript: a comma, dash or full stop before this word (a
    recognizer writes none; its timings tell the pauses instead).
    """

    text: str
    start: float | None = None
    end: float | None = None
    conf: float | None = None
    break_before: bool = False

    @property
    def timed(self) -> bool:
        return self.start is not None and self.end is not None


@dataclass(frozen=True, slots=True)
class Transcript:
    """The words of one answer, plus what is known about the recording around them.

    `duration_s` is the length of the recording when known (audio input); `answer_start_s` is
    the moment the answer window opened (the question had finished), so the time from it to the
    first word is the start latency.
    """

    words: tuple[Word, ...] = field(default_factory=tuple)
    duration_s: float | None = None
    answer_start_s: float = 0.0

    @property
    def timed(self) -> bool:
        return bool(self.words) and all(w.timed for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)
