"""What every export format shares: reading an answer's typed report, and wording figures the same way."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from mockint.core.analysis import PauseKind, Severity
from mockint.core.formatting import clock, length_text, target_text
from mockint.core.mirror_cues import ShownCue
from mockint.core.session import Answer, FlaggedMoment, Rating
from mockint.core.words import Word

__all__ = ["clock", "length_text", "target_text"]  # the one wording (core/formatting), used by every format


class SegmentKind(StrEnum):
    WORDS = "words"
    FILLER = "filler"
    PAUSE = "pause"
    LONG_PAUSE = "long_pause"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of a transcript as exports show it: plain words, one filler (all its words), or a pause."""

    kind: SegmentKind
    text: str = ""
    duration_s: float | None = None  # pauses only


def report_words(answer: Answer) -> tuple[Word, ...]:
    """The words filler indices refer to: the report's own, else the answer's stored words."""
    return answer.report.words if answer.report is not None else answer.words


def transcript_segments(answer: Answer) -> list[Segment]:
    """The transcript in order: words, each filler as one segment, pauses where they fell."""
    words = report_words(answer)
    report = answer.report
    filler_at: dict[int, int] = {}  # first word position -> how many words the filler spans
    pause_before: dict[int, Segment] = {}
    trailing: list[Segment] = []
    if report is not None:
        for filler in report.fillers:
            filler_at[filler.index] = max(1, len(filler.text.split()))
        for found in report.pauses:
            kind = SegmentKind.LONG_PAUSE if found.kind is PauseKind.LONG else SegmentKind.PAUSE
            segment = Segment(kind, duration_s=found.duration_s)
            position = _first_word_starting_at_or_after(words, found.end)
            if position is None:
                trailing.append(segment)
            else:
                pause_before[position] = segment
    segments: list[Segment] = []
    plain: list[str] = []
    position = 0
    while position < len(words):
        pause = pause_before.get(position)
        span = filler_at.get(position)
        if (pause or span) and plain:
            segments.append(Segment(SegmentKind.WORDS, " ".join(plain)))
            plain = []
        if pause:
            segments.append(pause)
        if span:
            segments.append(Segment(SegmentKind.FILLER, " ".join(w.text for w in words[position : position + span])))
            position += span
            continue
        plain.append(words[position].text)
        position += 1
    if plain:
        segments.append(Segment(SegmentKind.WORDS, " ".join(plain)))
    return segments + trailing


def transcript_plain(answer: Answer) -> str:
    return " ".join(w.text for w in report_words(answer))


def filler_tally(answer: Answer) -> list[tuple[str, int]]:
    """Each filler with how often it came, most frequent first (ties in order of first use)."""
    counts: dict[str, int] = {}
    for filler in answer.report.fillers if answer.report is not None else ():
        counts[filler.text] = counts.get(filler.text, 0) + 1
    return sorted(counts.items(), key=lambda item: -item[1])


def feedback_items(answer: Answer, severity: Severity) -> list[str]:
    if answer.report is None:
        return []
    return [item.message for item in answer.report.feedback if item.severity is severity]


def hedge_count(answer: Answer) -> int:
    return 0 if answer.report is None else len(answer.report.hedges)


def longest_pause(answer: Answer) -> float | None:
    return None if answer.report is None else answer.report.metrics.longest_pause_s


def target_range(answer: Answer) -> tuple[float, float] | None:
    if answer.report is None:
        return None
    return answer.report.length.target_min_s, answer.report.length.target_max_s


def local_time(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")


def number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f}%"


def _first_word_starting_at_or_after(words: Sequence[Word], moment: float) -> int | None:
    for position, word in enumerate(words):
        start = word.start
        if start is not None and start >= moment - 1e-6:
            return position
    return None


def rating_text(rating: Rating) -> str:
    """`clarity 4/5, structure 3/5, relevance 5/5`: the criteria the friend scored, in fixed order."""
    return ", ".join(f"{criterion.value} {score}/5" for criterion, score in rating.scores.items())


def flag_text(flag: FlaggedMoment) -> str:
    """`0:12 strong moment`, `0:40 note: lost the thread`: one flag with its time in the answer."""
    return f"{clock(flag.at_s)} {flag.title}"


def cue_text(cue: ShownCue) -> str:
    """`0:12 Slow down`: one mirror cue with the moment it appeared in the answer."""
    return f"{clock(cue.at_s)} {cue.text}"
