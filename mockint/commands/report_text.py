"""The readable form of an answer report for the terminal: marked transcript, figures, feedback."""

from __future__ import annotations

from mockint.core.analysis import AnswerReport, PauseKind
from mockint.core.formatting import length_text, seconds_text, target_text
from mockint.core.targets import TargetRange

WIDTH = 88
LEGEND = "Marks: {filler}  <hedge>  (pause 1.2 s)  ((long pause 3.4 s))"


def wrap(text: str, width: int = WIDTH, first: str = "", rest: str = "") -> str:
    """`textwrap.fill(text, width, initial_indent=first, subsequent_indent=rest)`, in linear time.

    The standard library's textwrap takes quadratic time on a very long word (a 15 MB one took
    minutes), and a transcript may hold anything. Lines break at spaces; a word longer than a
    line fills the rest of the current line and goes on in pieces, as textwrap does.
    """
    lines: list[str] = []
    parts, used, empty = [first], len(first), True

    def finish() -> None:
        nonlocal parts, used, empty
        lines.append("".join(parts))
        parts, used, empty = [rest], len(rest), True

    for word in text.split():
        space = 0 if empty else 1
        if used + space + len(word) <= width:
            parts.append(" " * space + word)
            used, empty = used + space + len(word), False
            continue
        if len(word) <= width - len(rest):
            finish()
            parts.append(word)
            used, empty = used + len(word), False
            continue
        start = 0  # a word longer than a whole line: pieces, the first one filling this line
        while start < len(word):
            space = 0 if empty else 1
            room = width - used - space
            if room < 1:
                finish()
                continue
            piece = word[start : start + room]
            parts.append(" " * space + piece)
            used, empty = used + space + len(piece), False
            start += room
    if not empty:
        lines.append("".join(parts))
    return "\n".join(lines)


def marked_transcript(report: AnswerReport) -> str:
    """The words with fillers in {braces}, hedges in <angles> and pauses where they fell."""
    opens: dict[int, str] = {}
    closes: dict[int, str] = {}
    for filler in report.fillers:
        opens[filler.index] = "{"
        closes[filler.index + filler.size - 1] = "}"
    for hedge in report.hedges:
        opens.setdefault(hedge.index, "<")
        closes.setdefault(hedge.index + hedge.size - 1, ">")
    pause_after = {p.start: p for p in report.pauses}
    pieces: list[str] = []
    for i, word in enumerate(report.words):
        pieces.append(f"{opens.get(i, '')}{word.text}{closes.get(i, '')}")
        pause = pause_after.get(word.end) if word.end is not None else None
        if pause is not None:
            pieces.append(
                f"((long pause {pause.duration_s:.1f} s))"
                if pause.kind is PauseKind.LONG
                else f"(pause {pause.duration_s:.1f} s)"
            )
    return wrap(" ".join(pieces)) if pieces else "(no words were heard)"


def _figures(report: AnswerReport, target: TargetRange) -> list[str]:
    m = report.metrics
    lines = [
        f"Words: {m.word_count}",
        f"Fillers: {len(report.fillers)} ({m.filler_ratio:.0%} of words)",
        f"Hedges: {len(report.hedges)}",
    ]
    if m.duration_s is not None:
        lines.append(f"Length: {length_text(m.duration_s, report.length.verdict, target)}")
    else:
        lines.append(f"Length: unknown without timings (target {target_text(target)})")
    if m.wpm is not None:
        lines.append(f"Pace: {m.wpm:.0f} words per minute")
    if m.fillers_per_min is not None:
        lines.append(f"Fillers per minute: {m.fillers_per_min:.1f}")
    if m.longest_pause_s is not None:
        lines.append(f"Longest pause: {seconds_text(m.longest_pause_s)}")
    if m.start_latency_s is not None:
        lines.append(f"Time to first word: {seconds_text(m.start_latency_s)}")
    return lines


def render_report(report: AnswerReport, target: TargetRange) -> str:
    out = ["Transcript", marked_transcript(report), LEGEND, "", "Figures"]
    out += [f"  {line}" for line in _figures(report, target)]
    if report.work_on:
        out += ["", "Work on"] + [wrap(item.message, first="  - ", rest="    ") for item in report.work_on]
    if report.strengths:
        out += ["", "Going well"] + [wrap(item.message, first="  + ", rest="    ") for item in report.strengths]
    return "\n".join(out)
