"""A practice session as one self-contained HTML page.

Plain HTML 4 with inline styles only, no scripts, images or external files, so that the same
page opens in any browser and prints through Qt's QTextDocument (which the app uses for PDF).
Every piece of user or recognizer text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from mockint.core.analysis import Severity
from mockint.core.export import common
from mockint.core.session import Answer, SessionDetail

_FILLER_STYLE = "background-color:#ffe08a; font-weight:bold;"
_PAUSE_STYLE = "color:#7a7a7a;"
_LONG_PAUSE_STYLE = "color:#b03a2e; font-weight:bold;"
_CELL = 'style="padding:4px 10px; border:1px solid #cccccc;"'
_HEAD_CELL = 'style="padding:4px 10px; border:1px solid #cccccc; background-color:#f0f0f0; text-align:left;"'


def session_html(detail: SessionDetail) -> str:
    session = detail.session
    summary = detail.summary
    title = f"Practice session {session.id}: {session.mode.label}"
    if session.title:
        title += f" — {session.title}"
    parts = [
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">',
        "<html><head>",
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
        f"<title>{_e(title)}</title>",
        "</head>",
        '<body style="font-family:sans-serif; font-size:11pt; color:#222222; margin:16px;">',
        f'<h1 style="font-size:18pt;">{_e(title)}</h1>',
        f'<p style="color:#555555;">{_e(common.local_time(session.started_at))}'
        + (f" &middot; Decks: {_e(', '.join(session.deck_ids))}" if session.deck_ids else "")
        + "</p>",
    ]
    if session.note:
        parts.append("<p>" + _e(session.note).replace("\n", "<br>") + "</p>")
    parts.append(
        _table(
            ("Answers", "Fillers per minute", "Pace (wpm)", "Within target length"),
            [
                (
                    str(summary.answer_count),
                    common.number(summary.mean_fillers_per_min),
                    common.number(summary.mean_wpm, 0),
                    common.percent(summary.within_target_share),
                )
            ],
        )
    )
    if not detail.answers:
        parts.append("<p>No answers were recorded in this session.</p>")
    for number, answer in enumerate(detail.answers, start=1):
        parts.extend(_answer_html(detail, number, answer))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _answer_html(detail: SessionDetail, number: int, answer: Answer) -> list[str]:
    headline = answer.headline
    parts = [f'<h2 style="font-size:14pt; margin-top:20px;">{number}. {_e(answer.question_text)}</h2>']
    if answer.attempt_of is not None:
        parts.append(f'<p style="color:#555555;">A retry (first attempt: answer {answer.attempt_of}).</p>')
    target = common.target_range(answer)
    length = common.length_text(headline.duration_s, headline.length_verdict, target)
    tally = ", ".join(f"{text} ×{count}" for text, count in common.filler_tally(answer))
    rows = [
        ("Length", length),
        ("Words", str(headline.word_count)),
        ("Pace", f"{common.number(headline.wpm, 0)} wpm"),
        (
            "Fillers",
            f"{headline.filler_count} ({common.number(headline.fillers_per_min)} per minute)"
            + (f": {tally}" if tally else ""),
        ),
        ("Hedges", str(common.hedge_count(answer))),
    ]
    longest = common.longest_pause(answer)
    if longest is not None:
        rows.append(("Longest pause", f"{common.number(longest)} s"))
    rating = detail.ratings.get(answer.id)
    if rating is not None and rating.scores:
        rows.append(("Friend's rating", common.rating_text(rating)))
    if rating is not None and rating.comment:
        rows.append(("Friend's comment", rating.comment))
    for flag in detail.flags_for(answer.id):
        rows.append(("Flagged", common.flag_text(flag)))
    for cue in detail.cues_for(answer.id):
        rows.append(("Cue", common.cue_text(cue)))
    parts.append(_table(None, rows))
    for title, severity in (("To work on", Severity.WORK_ON), ("Strengths", Severity.STRENGTH)):
        messages = common.feedback_items(answer, severity)
        if messages:
            parts.append(f"<p><b>{title}</b></p><ul>" + "".join(f"<li>{_e(m)}</li>" for m in messages) + "</ul>")
    parts.append(
        f'<p><b>Transcript</b> <span style="color:#555555;">(fillers <span style="{_FILLER_STYLE}">highlighted</span>, pauses in brackets)</span></p>'
    )
    parts.append(f'<p style="line-height:150%;">{_transcript(answer)}</p>')
    return parts


def _transcript(answer: Answer) -> str:
    segments = common.transcript_segments(answer)
    if not segments:
        return "<i>(no words were recognised)</i>"
    return " ".join(_segment(segment) for segment in segments)


def _segment(segment: common.Segment) -> str:
    if segment.kind is common.SegmentKind.FILLER:
        return f'<span class="filler" style="{_FILLER_STYLE}">{_e(segment.text)}</span>'
    if segment.kind is common.SegmentKind.WORDS:
        return _e(segment.text)
    long_pause = segment.kind is common.SegmentKind.LONG_PAUSE
    label = "long pause" if long_pause else "pause"
    return (
        f'<span style="{_LONG_PAUSE_STYLE if long_pause else _PAUSE_STYLE}">[{label} {segment.duration_s:.1f} s]</span>'
    )


def _table(header: tuple[str, ...] | None, rows: Sequence[tuple[str, ...]]) -> str:
    html = ['<table cellspacing="0" style="border-collapse:collapse; margin:8px 0;">']
    if header:
        html.append("<tr>" + "".join(f"<th {_HEAD_CELL}>{_e(h)}</th>" for h in header) + "</tr>")
    for row in rows:
        cells = [f"<th {_HEAD_CELL}>{_e(row[0])}</th>"] if header is None else []
        values = row[1:] if header is None else row
        cells += [f"<td {_CELL}>{_e(v)}</td>" for v in values]
        html.append("<tr>" + "".join(cells) + "</tr>")
    html.append("</table>")
    return "\n".join(html)


def _e(text: str) -> str:
    # Only text content is escaped here (no user text goes in attributes); named &quot; suits every reader.
    return escape(text, quote=False).replace('"', "&quot;")
