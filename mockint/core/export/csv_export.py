"""A practice session as CSV: one answer a row with its headline figures, for spreadsheets."""

from __future__ import annotations

import csv
import io

from mockint.core.csv_cells import guard
from mockint.core.export import common
from mockint.core.session import Answer, RatingCriterion, SessionDetail

CSV_COLUMNS = (
    "session_id",
    "session_started_at",
    "mode",
    "answer_id",
    "attempt_of",
    "deck_id",
    "question_id",
    "question",
    "duration_s",
    "word_count",
    "wpm",
    "fillers",
    "fillers_per_min",
    "hedges",
    "longest_pause_s",
    "length_verdict",
    "target_min_s",
    "target_max_s",
    "rating_clarity",
    "rating_structure",
    "rating_confidence",
    "rating_relevance",
    "rating_comment",
    "flags",
    "transcript",
    "cues",  # mirror practice: the cues shown, "0:12 Slow down | ..."
)


def session_csv(detail: SessionDetail) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for answer in detail.answers:
        writer.writerow(_row(detail, answer))
    return buffer.getvalue()


def _row(detail: SessionDetail, answer: Answer) -> list[object]:
    headline = answer.headline
    target = common.target_range(answer)
    rating = detail.ratings.get(answer.id)
    session = detail.session
    return [
        session.id,
        session.started_at.isoformat(),
        session.mode.value,
        answer.id,
        _blank(answer.attempt_of),
        _text(answer.deck_id or ""),
        _text(answer.question_id or ""),
        _text(answer.question_text),
        _blank(_rounded(headline.duration_s, 2)),
        headline.word_count,
        _blank(_rounded(headline.wpm, 1)),
        headline.filler_count,
        _blank(_rounded(headline.fillers_per_min, 2)),
        common.hedge_count(answer),
        _blank(_rounded(common.longest_pause(answer), 2)),
        headline.length_verdict or "",
        "" if target is None else f"{target[0]:g}",
        "" if target is None else f"{target[1]:g}",
        *("" if rating is None else _blank(rating.score(criterion)) for criterion in RatingCriterion),
        "" if rating is None else _text(rating.comment),
        _text(" | ".join(common.flag_text(flag) for flag in detail.flags_for(answer.id))),
        _text(common.transcript_plain(answer)),
        _text(" | ".join(common.cue_text(cue) for cue in detail.cues_for(answer.id))),
    ]


def _text(value: str) -> str:
    # Deck questions and notes come from files people share: kept inert in a spreadsheet.
    return guard(value)


def _blank(value: object) -> object:
    return "" if value is None else value


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)
