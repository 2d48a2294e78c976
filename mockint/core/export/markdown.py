"""A practice session as Markdown: headline figures, then each answer with its transcript."""

from __future__ import annotations

import re

from mockint.core.analysis import Severity
from mockint.core.export import common
from mockint.core.session import Answer, SessionDetail

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def session_markdown(detail: SessionDetail) -> str:
    session = detail.session
    summary = detail.summary
    heading = f"# Practice session {session.id}: {session.mode.label}"
    if session.title:
        heading += f" — {_escape(session.title)}"
    when = f"*{common.local_time(session.started_at)}*"
    if session.deck_ids:
        when += f" · Decks: {_escape(', '.join(session.deck_ids))}"
    lines = [heading, "", when]
    if session.note:
        lines += ["", _escape(_one_line(session.note))]
    lines += [
        "",
        "| Answers | Fillers per minute | Pace (wpm) | Within target length |",
        "|---:|---:|---:|---:|",
        f"| {summary.answer_count} | {common.number(summary.mean_fillers_per_min)} | "
        f"{common.number(summary.mean_wpm, 0)} | {common.percent(summary.within_target_share)} |",
    ]
    if not detail.answers:
        lines += ["", "No answers were recorded in this session."]
    for number, answer in enumerate(detail.answers, start=1):
        lines += ["", *_answer_lines(detail, number, answer)]
    return "\n".join(lines) + "\n"


def _answer_lines(detail: SessionDetail, number: int, answer: Answer) -> list[str]:
    headline = answer.headline
    lines = [f"## {number}. {_escape(_one_line(answer.question_text))}", ""]
    if answer.attempt_of is not None:
        lines += [f"A retry (first attempt: answer {answer.attempt_of}).", ""]
    target = common.target_range(answer)
    lines.append(f"- Length: {common.length_text(headline.duration_s, headline.length_verdict, target)}")
    lines.append(f"- Words: {headline.word_count}")
    lines.append(f"- Pace: {common.number(headline.wpm, 0)} wpm")
    tally = ", ".join(f"{_escape(text)} ×{count}" for text, count in common.filler_tally(answer))
    filler_line = f"- Fillers: {headline.filler_count} ({common.number(headline.fillers_per_min)} per minute)"
    lines.append(filler_line + (f": {tally}" if tally else ""))
    lines.append(f"- Hedges: {common.hedge_count(answer)}")
    longest = common.longest_pause(answer)
    if longest is not None:
        lines.append(f"- Longest pause: {common.number(longest)} s")
    rating = detail.ratings.get(answer.id)
    if rating is not None and rating.scores:
        lines.append(f"- Friend's rating: {common.rating_text(rating)}")
    if rating is not None and rating.comment:
        lines.append(f"- Friend's comment: {_escape(_one_line(rating.comment))}")
    for flag in detail.flags_for(answer.id):
        lines.append(f"- Flagged at {_escape(_one_line(common.flag_text(flag)))}")
    for cue in detail.cues_for(answer.id):
        lines.append(f"- Cue at {_escape(common.cue_text(cue))}")
    for title, severity in (("To work on", Severity.WORK_ON), ("Strengths", Severity.STRENGTH)):
        messages = common.feedback_items(answer, severity)
        if messages:
            lines += ["", f"**{title}**", ""] + [f"- {_escape(_one_line(m))}" for m in messages]
    lines += ["", "**Transcript** (fillers in bold, pauses in brackets)", "", "> " + _transcript(answer)]
    return lines


def _transcript(answer: Answer) -> str:
    segments = common.transcript_segments(answer)
    if not segments:
        return "*(no words were recognised)*"
    return " ".join(_segment(segment) for segment in segments)


def _segment(segment: common.Segment) -> str:
    if segment.kind is common.SegmentKind.FILLER:
        return f"**{_escape(segment.text)}**"
    if segment.kind is common.SegmentKind.WORDS:
        return _escape(segment.text)
    label = "long pause" if segment.kind is common.SegmentKind.LONG_PAUSE else "pause"
    return f"\\[{label} {segment.duration_s:.1f} s\\]"


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _one_line(text: str) -> str:
    return " ".join(text.split())
