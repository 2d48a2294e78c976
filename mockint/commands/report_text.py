"""The readable form of an answer report for the terminal: marked transcript, figures, feedback."""

from __future__ import annotations

import textwrap

from mockint.core.analysis import AnswerReport, PauseKind
from mockint.core.formatting import length_text, seconds_text, target_text
from mockint.core.targets import TargetRange

WIDTH = 88
LEGEND = "Marks: {filler}  <hedge>  (pause 1.2 s)  ((long pause 3.4 s))"


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
    return textwrap.fill(" ".join(pieces), WIDTH) if pieces else "(no words were heard)"


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
        out += ["", "Work on"] + [
            textwrap.fill(item.message, WIDTH, initial_indent="  - ", subsequent_indent="    ")
            for item in report.work_on
        ]
    if report.strengths:
        out += ["", "Going well"] + [
            textwrap.fill(item.message, WIDTH, initial_indent="  + ", subsequent_indent="    ")
            for item in report.strengths
        ]
    return "\n".join(out)
