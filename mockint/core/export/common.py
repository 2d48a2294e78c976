"""What every export format shares: reading a stored report, and wording figures the same way."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from mockint.core.formatting import clock, length_text, target_text
from mockint.core.session import Answer, FlaggedMoment, Rating

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


def report_words(answer: Answer) -> list[Mapping[str, Any]]:
    """The words filler indices refer to: the report's own, else the answer's stored words."""
    report = answer.report or {}
    words = report.get("words")
    if words:
        return list(words)
    return [{"text": w.text, "start": w.start, "end": w.end, "conf": w.conf} for w in answer.words]


def transcript_segments(answer: Answer) -> list[Segment]:
    """The transcript in order: words, each filler as one segment, pauses where they fell."""
    words = report_words(answer)
    report = answer.report or {}
    filler_at: dict[int, int] = {}  # first word position -> how many words the filler spans
    for filler in report.get("fillers") or ():
        filler_at[int(filler.get("index", -1))] = max(1, len(str(filler.get("text", "")).split()))
    pause_before: dict[int, Segment] = {}
    trailing: list[Segment] = []
    for pause in report.get("pauses") or ():
        kind = SegmentKind.LONG_PAUSE if pause.get("kind") == "long" else SegmentKind.PAUSE
        segment = Segment(kind, duration_s=float(pause.get("duration_s", 0.0)))
        position = _first_word_starting_at_or_after(words, float(pause.get("end", 0.0)))
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
            segments.append(
                Segment(SegmentKind.FILLER, " ".join(str(w.get("text", "")) for w in words[position : position + span]))
            )
            position += span
            continue
        plain.append(str(words[position].get("text", "")))
        position += 1
    if plain:
        segments.append(Segment(SegmentKind.WORDS, " ".join(plain)))
    return segments + trailing


def transcript_plain(answer: Answer) -> str:
    return " ".join(str(w.get("text", "")) for w in report_words(answer))


def filler_tally(answer: Answer) -> list[tuple[str, int]]:
    """Each filler with how often it came, most frequent first (ties in order of first use)."""
    counts: dict[str, int] = {}
    for filler in (answer.report or {}).get("fillers") or ():
        text = str(filler.get("text", ""))
        counts[text] = counts.get(text, 0) + 1
    return sorted(counts.items(), key=lambda item: -item[1])


def feedback_items(answer: Answer, severity: str) -> list[str]:
    return [
        str(item.get("message", ""))
        for item in (answer.report or {}).get("feedback") or ()
        if item.get("severity") == severity
    ]


def hedge_count(answer: Answer) -> int:
    return len((answer.report or {}).get("hedges") or ())


def metric(answer: Answer, name: str) -> Any:
    return ((answer.report or {}).get("metrics") or {}).get(name)


def target_range(answer: Answer) -> tuple[float, float] | None:
    length = (answer.report or {}).get("length") or {}
    if length.get("target_min_s") is None or length.get("target_max_s") is None:
        return None
    return float(length["target_min_s"]), float(length["target_max_s"])


def local_time(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")


def number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f}%"


def _first_word_starting_at_or_after(words: Sequence[Mapping[str, Any]], moment: float) -> int | None:
    for position, word in enumerate(words):
        start = word.get("start")
        if start is not None and start >= moment - 1e-6:
            return position
    return None


def rating_text(rating: Rating) -> str:
    """`clarity 4/5, structure 3/5, relevance 5/5`: the criteria the friend scored, in fixed order."""
    return ", ".join(f"{criterion.value} {score}/5" for criterion, score in rating.scores.items())


def flag_text(flag: FlaggedMoment) -> str:
    """`0:12 strong moment`, `0:40 note: lost the thread`: one flag with its time in the answer."""
    return f"{clock(flag.at_s)} {flag.title}"
