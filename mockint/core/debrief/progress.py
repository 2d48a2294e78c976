"""The big picture: plain-language trends over the stored practice, leading with what improved.

Input is one `AnswerRecord` per analysed answer (the app layer reads them from the store);
output is sentences. What got better and what went well come first; a figure that got worse is
said last, as something worth a look, never as a list of faults.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

FILLER_STEP = 0.5  # fillers a minute
SHARE_STEP = 0.15  # of answers within their target length
PACE_STEP = 5.0  # wpm closer to the comfortable range
EVIDENCE_STEP = 0.5  # numbers or results an answer
COMFORTABLE_WPM = (100.0, 160.0)
GOOD_RATING = 4.0
_NUMBER_WORDS = "zero one two three four five six seven eight nine ten".split()


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One analysed answer, as the progress page needs it."""

    session_id: int
    started_at: datetime
    question: str
    fillers_per_min: float | None = None
    wpm: float | None = None
    within_target: bool | None = None
    evidence: int = 0
    star_parts: int = 0
    strengths: tuple[str, ...] = ()  # the report's strength messages
    ratings: dict[str, int] = field(default_factory=dict)  # a friend's scores by criterion


@dataclass(frozen=True, slots=True)
class ProgressSummary:
    improved: tuple[str, ...] = ()
    most_improved: str | None = None
    went_well: tuple[str, ...] = ()
    streak_days: int = 0
    streak: str = ""
    steady: tuple[str, ...] = ()
    next_thing: str = ""
    worth_a_look: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """In the order the page shows them: good news first."""
        out = [*self.improved]
        if self.most_improved:
            out.append(self.most_improved)
        out += [*self.went_well]
        if self.streak:
            out.append(self.streak)
        out += [*self.steady]
        if self.next_thing:
            out.append(self.next_thing)
        return out + [*self.worth_a_look]


@dataclass(frozen=True, slots=True)
class _SessionFigures:
    started_at: datetime
    fillers: float | None
    wpm: float | None
    share: float | None
    evidence: float


def summarise(records: Iterable[AnswerRecord], today: date, open_items: Sequence[str] = ()) -> ProgressSummary:
    """The summary; `open_items` are plan items not done yet, the first becomes the next thing."""
    answers = sorted(records, key=lambda r: (r.started_at, r.session_id))
    if not answers:
        return ProgressSummary(next_thing=_next_thing(open_items, None))
    sessions = _by_session(answers)
    improved, steady, worse = _trends(sessions)
    latest = sessions[-1]
    streak = practice_streak({r.started_at.date() for r in answers}, today)
    return ProgressSummary(
        improved=tuple(improved),
        most_improved=_most_improved(answers),
        went_well=tuple(_went_well(answers)),
        streak_days=streak,
        streak=_streak_sentence(streak),
        steady=tuple(steady),
        next_thing=_next_thing(open_items, latest),
        worth_a_look=tuple(worse),
    )


def practice_streak(days: set[date], today: date) -> int:
    """Days in a row with practice, ending today (or yesterday: today is not over yet)."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def _by_session(answers: Sequence[AnswerRecord]) -> list[_SessionFigures]:
    groups: dict[int, list[AnswerRecord]] = defaultdict(list)
    for record in answers:
        groups[record.session_id].append(record)
    figures = []
    for records in groups.values():
        shares = [r.within_target for r in records if r.within_target is not None]
        figures.append(
            _SessionFigures(
                records[0].started_at,
                _mean(r.fillers_per_min for r in records),
                _mean(r.wpm for r in records),
                sum(shares) / len(shares) if shares else None,
                sum(r.evidence for r in records) / len(records),
            )
        )
    return sorted(figures, key=lambda f: f.started_at)


def _trends(sessions: Sequence[_SessionFigures]) -> tuple[list[str], list[str], list[str]]:
    if len(sessions) < 2:
        return [], ["One session so far: practise again to see a trend."], []
    third = max(1, len(sessions) // 3)
    early, late = sessions[:third], sessions[-third:]
    span = _span(sessions[0].started_at, sessions[-1].started_at)
    improved: list[str] = []
    steady: list[str] = []
    worse: list[str] = []

    before, after = _mean(s.fillers for s in early), _mean(s.fillers for s in late)
    if before is not None and after is not None:
        if after <= before - FILLER_STEP:
            improved.append(f"Fillers per minute fell from {_figure(before)} to {_figure(after)} {span}.")
        elif after >= before + FILLER_STEP:
            worse.append(f"Fillers per minute rose from {_figure(before)} to {_figure(after)} {span}: worth a look.")
        else:
            steady.append(f"Fillers held steady at about {_figure(after)} a minute.")
    before, after = _mean(s.share for s in early), _mean(s.share for s in late)
    if before is not None and after is not None:
        if after >= before + SHARE_STEP:
            improved.append(f"Answers within their target length rose from {before:.0%} to {after:.0%} {span}.")
        elif after <= before - SHARE_STEP:
            worse.append(f"Answers within their target length fell from {before:.0%} to {after:.0%}: worth a look.")
        elif after >= 0.5:  # a low share held steady is for the next thing to practise, not a headline
            steady.append(f"About {after:.0%} of answers keep to their target length.")
    before, after = _mean(s.wpm for s in early), _mean(s.wpm for s in late)
    if before is not None and after is not None:
        gap_before, gap_after = _outside(before), _outside(after)
        if gap_after <= gap_before - PACE_STEP:
            improved.append(f"Your pace moved from {before:.0f} to a more comfortable {after:.0f} words a minute.")
        elif gap_after >= gap_before + PACE_STEP:
            worse.append(f"Your pace moved from {before:.0f} to {after:.0f} words a minute, further from comfortable.")
        elif gap_after == 0:
            steady.append(f"Your pace stays comfortable, about {after:.0f} words a minute.")
    before, after = _mean(s.evidence for s in early), _mean(s.evidence for s in late)
    if before is not None and after is not None and after >= before + EVIDENCE_STEP:
        improved.append(f"Answers carry more evidence: {before:.1f} to {after:.1f} numbers or results each.")
    return improved, steady, worse


def _most_improved(answers: Sequence[AnswerRecord]) -> str | None:
    by_question: dict[str, list[AnswerRecord]] = defaultdict(list)
    for record in answers:
        by_question[" ".join(record.question.lower().split())].append(record)
    best: tuple[float, str] | None = None
    for records in by_question.values():
        if len(records) < 2:
            continue
        first, latest = records[0], records[-1]
        gain, parts = 0.0, []
        if first.fillers_per_min is not None and latest.fillers_per_min is not None:
            drop = first.fillers_per_min - latest.fillers_per_min
            gain += drop
            if drop >= FILLER_STEP:
                parts.append(
                    f"fillers {_figure(first.fillers_per_min)} \u2192 {_figure(latest.fillers_per_min)} a minute"
                )
        if latest.within_target and first.within_target is False:
            gain += 2
            parts.append("now within its target length")
        if latest.evidence > first.evidence:
            gain += 0.5 * (latest.evidence - first.evidence)
            parts.append(f"evidence {first.evidence} \u2192 {latest.evidence}")
        if latest.star_parts > first.star_parts:
            gain += 0.5 * (latest.star_parts - first.star_parts)
            parts.append(f"STAR parts {first.star_parts} \u2192 {latest.star_parts}")
        if parts and gain > 0 and (best is None or gain > best[0]):
            best = (gain, f"Most improved: \u201c{first.question}\u201d ({', '.join(parts)}).")
    return None if best is None else best[1]


def _went_well(answers: Sequence[AnswerRecord]) -> list[str]:
    recent_sessions = sorted(
        {r.session_id for r in answers}, key=lambda s: max(r.started_at for r in answers if r.session_id == s)
    )[-3:]
    recent = [r for r in answers if r.session_id in recent_sessions]
    counts = Counter(message for r in recent for message in r.strengths)
    lines = [f"Went well lately: {message}" for message, _ in counts.most_common(2)]
    scores: dict[str, list[int]] = defaultdict(list)
    for record in recent:
        for criterion, score in record.ratings.items():
            scores[criterion].append(score)
    for criterion, values in sorted(scores.items()):
        mean = sum(values) / len(values)
        if mean >= GOOD_RATING:
            lines.append(f"Your friend rated your {criterion} {mean:.1f} of 5.")
    return lines


def _streak_sentence(days: int) -> str:
    if days == 0:
        return "No practice in the last two days: a short session today restarts your streak."
    if days == 1:
        return "You practised today or yesterday: keep the streak going."
    return f"A {days}-day practice streak."


def _next_thing(open_items: Sequence[str], latest: _SessionFigures | None) -> str:
    if open_items:
        return f"Next to practise: {open_items[0]}."
    if latest is None:
        return "Next to practise: a short solo session to set your starting point."
    if latest.fillers is not None and latest.fillers > 4:
        return "Next to practise: fewer fillers; pause silently instead of saying \u201cum\u201d."
    if latest.share is not None and latest.share < 0.5:
        return "Next to practise: keeping answers to their target length."
    if latest.wpm is not None and _outside(latest.wpm) > 0:
        return "Next to practise: a steadier pace."
    if latest.evidence < 1:
        return "Next to practise: a number or a result in every answer."
    return "Next to practise: a deck you have not tried yet."


def _span(first: datetime, last: datetime) -> str:
    days = (last.date() - first.date()).days
    if days < 1:
        return "within a day"
    if days < 14:
        return f"over {_number(days)} day{'s' if days != 1 else ''}"
    weeks = round(days / 7)
    return f"over {_number(weeks)} weeks"


def _number(n: int) -> str:
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def _figure(value: float) -> str:
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def _outside(wpm: float) -> float:
    low, high = COMFORTABLE_WPM
    return max(low - wpm, wpm - high, 0.0)


def _mean(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None
