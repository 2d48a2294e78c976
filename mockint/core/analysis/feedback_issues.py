"""Things to work on: each check looks at one finding and, when it matters, words it with its evidence.

A check returns (weight, item) or None; the weight ranks how much fixing it would help, so
the report can lead with the few that matter most. Messages say what happened, where, and
what to try, never what the speaker "failed" at.
"""

from __future__ import annotations

from mockint.core.analysis.findings import FeedbackItem, LengthVerdict, PauseKind, Severity
from mockint.core.analysis.languages import language_name
from mockint.core.analysis.lexicon import Lexicon
from mockint.core.analysis.pace import per_minute, spoken_word_count
from mockint.core.analysis.report import AnswerReport
from mockint.core.analysis.thresholds import Thresholds
from mockint.core.analysis.wording import at_times, clock, count_text, join_words, quoted, seconds_text, tally
from mockint.core.formatting import range_text

Candidate = tuple[float, FeedbackItem]

FILLERS_PER_MIN = 4.0  # more than one every 15 s is noticeable to a listener
FILLER_SHARE = 0.04  # the same, for plain text where there is no clock
MIN_FILLERS = 3
PACE_MIN_SPEAKING_S = 15.0  # below this a pace figure is too noisy to act on
PACE_MIN_WORDS = 25
HESITATIONS_MIN = 4
HESITATIONS_PER_MIN = 3.0
HEDGES_MIN = 3
HEDGE_SHARE = 0.02
SUBSTANTIAL_WORDS = 40  # an answer long enough that a missing example or result shows
REPEATS_MIN = 2


def _work_on(weight: float, kind: str, message: str) -> Candidate:
    return min(weight, 0.95), FeedbackItem(kind, Severity.WORK_ON, message)


def fillers(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    count, m = len(report.fillers), report.metrics
    if count < MIN_FILLERS:
        return None
    when = at_times(f.start for f in report.fillers)
    texts = [f.text for f in report.fillers]
    if len(set(texts)) == len(texts):
        words = ": " + join_words([quoted(t) for t in texts[:4]]) + (f",{when}" if when else "")
    else:
        words = ", most often " + tally(texts, 2) + (f", for example{when}" if when else "")
    if m.fillers_per_min is not None:
        if m.fillers_per_min < FILLERS_PER_MIN:
            return None
        rate, weight = f"{m.fillers_per_min:.1f} a minute", 0.4 + 0.05 * m.fillers_per_min
    else:
        if m.filler_ratio < FILLER_SHARE:
            return None
        rate, weight = f"{m.filler_ratio:.0%} of your words", 0.4 + 5 * m.filler_ratio
    return _work_on(
        weight,
        "fillers",
        f"You used {count_text(count, 'filler word')} ({rate}){words}. "
        "A short silent pause works better than a filler: it sounds calm and gives you time to think.",
    )


def long_pauses(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    long = [p for p in report.pauses if p.kind is PauseKind.LONG]
    if not long:
        return None
    worst = max(long, key=lambda p: p.duration_s)
    others = [p.start for p in long if p is not worst]
    also = f" ({count_text(len(long), 'long pause')} in all, also{at_times(others, 2)})" if others else ""
    return _work_on(
        min(0.9, 0.55 + 0.1 * len(long)),
        "long_pause",
        f"You stopped for {seconds_text(worst.duration_s)} at {clock(worst.start)}{also}. Going blank happens to "
        'everyone: a bridge such as "let me think about that for a second" keeps you in control while you recover.',
    )


def hesitations(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    short = [p for p in report.pauses if p.kind is PauseKind.HESITATION]
    rate = per_minute(len(short), report.metrics.speaking_s)
    if len(short) < HESITATIONS_MIN or rate is None or rate < HESITATIONS_PER_MIN:
        return None
    return _work_on(
        0.3,
        "hesitations",
        f"You hesitated {len(short)} times for a second or two ({rate:.1f} a minute){at_times(p.start for p in short)}. "
        "Knowing your first sentence and your key example by heart makes the rest flow.",
    )


def start_latency(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    latency = report.metrics.start_latency_s
    if latency is None or latency < thresholds.slow_start_s:
        return None
    return _work_on(
        min(0.8, 0.35 + 0.05 * (latency - thresholds.slow_start_s)),
        "start_latency",
        f'You took {seconds_text(latency)} before your first word. Thinking first is fine; say so ("good question, '
        'let me think") or open with a line you have ready, so the silence works for you.',
    )


def pace(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    m = report.metrics
    if m.wpm is None or m.speaking_s is None or m.speaking_s < PACE_MIN_SPEAKING_S:
        return None
    if spoken_word_count(w.text for w in report.words) < PACE_MIN_WORDS:
        return None
    band = f"{thresholds.slow_wpm:g}\u2013{thresholds.steady_max_wpm:g}"
    if m.wpm < thresholds.slow_wpm:
        return _work_on(
            0.4 + (thresholds.slow_wpm - m.wpm) / thresholds.slow_wpm,
            "pace_slow",
            f"Your pace was {m.wpm:.0f} words a minute, on the slow side ({band} is comfortable to follow). "
            "Try shorter sentences and keep moving from one point to the next.",
        )
    if m.wpm > thresholds.fast_wpm:
        return _work_on(
            0.4 + (m.wpm - thresholds.fast_wpm) / thresholds.fast_wpm,
            "pace_fast",
            f"Your pace was {m.wpm:.0f} words a minute, faster than listeners can easily follow ({band} is "
            "comfortable). Slow down and let each key point land with a short pause.",
        )
    return None


def length(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    verdict, duration = report.length.verdict, report.metrics.duration_s
    if verdict is None or duration is None or verdict is LengthVerdict.OK:
        return None
    low, high = report.length.target_min_s, report.length.target_max_s
    ran = f"The answer ran {clock(duration)} ({count_text(report.metrics.word_count, 'word')})"
    target = f"the {range_text(low, high)} target"
    if verdict is LengthVerdict.TOO_SHORT:
        short_by = (low - duration) / low if low else 0.0
        return _work_on(
            0.5 + 0.4 * short_by,
            "too_short",
            f"{ran}, under {target}. Add a concrete example: what you did, and how it turned out.",
        )
    return _work_on(
        0.5 + 0.4 * min(1.0, (duration - high) / high if high else 1.0),
        "too_long",
        f"{ran}, over {target}. Lead with your point, keep one example, and stop after the result.",
    )


def hedging(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    count, words = len(report.hedges), report.metrics.word_count
    if count < HEDGES_MIN or not words or count / words < HEDGE_SHARE:
        return None
    return _work_on(
        min(0.7, 0.25 + 0.05 * count),
        "hedging",
        f"You softened your points {count} times ({tally(h.text for h in report.hedges)}){at_times((h.start for h in report.hedges), 2)}. "
        'Say what you did plainly: "I decided" lands better than "I think I kind of decided".',
    )


def self_deprecation(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    hits = report.self_talk
    if not hits:
        return None
    said = join_words([quoted(h.text) + (f" at {clock(h.start)}" if h.start is not None else "") for h in hits[:3]])
    return _work_on(
        min(0.75, 0.6 + 0.05 * len(hits)),
        "self_deprecation",
        f"You put yourself down with {said}. Leave those out: describe what you did and what you learned, "
        "and let the interviewer judge.",
    )


def no_evidence(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    if report.evidence or not lexicon.evidence.known or report.metrics.word_count < SUBSTANTIAL_WORDS:
        return None
    return _work_on(
        0.35,
        "no_evidence",
        'The answer has no numbers, results or examples yet. One figure ("cut build time by thirty percent") or a '
        '"for example" makes it concrete and believable.',
    )


def star_missing_result(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    star = report.star
    if not lexicon.star.known or report.metrics.word_count < SUBSTANTIAL_WORDS or star.result:
        return None
    if sum(1 for cues in (star.situation, star.task, star.action) if cues) < 2:
        return None
    return _work_on(
        0.45,
        "star_missing_result",
        "Your story sets the scene and says what you did, but not how it ended. Finish with the result, ideally a "
        "number, and what you learned.",
    )


def fillers_unchecked(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    """Said plainly when MockInt has no filler list for the language, instead of praising clean delivery."""
    if lexicon.known:
        return None
    counted = (
        "only the fillers you added were counted"
        if lexicon.added_phrases or lexicon.always_fillers
        else ("filler words were not counted")
    )
    return _work_on(
        0.3,
        "fillers_unchecked",
        f"MockInt has no filler list for {language_name(lexicon.language)} yet, so {counted}. Add the ones you "
        "use in Settings, under Filler words, and the next report will count them.",
    )


def repeats(report: AnswerReport, thresholds: Thresholds, lexicon: Lexicon) -> Candidate | None:
    hits = report.repeats
    if len(hits) < REPEATS_MIN:
        return None
    shown = join_words(
        [
            quoted(" ".join([h.text] * h.count)) + (f" at {clock(h.start)}" if h.start is not None else "")
            for h in hits[:3]
        ]
    )
    return _work_on(
        min(0.4, 0.15 + 0.05 * len(hits)),
        "repeats",
        f"Some words came out twice ({shown}), a sign of restarting mid-sentence. Slowing down a little usually smooths it out.",
    )


CHECKS = (
    fillers,
    long_pauses,
    hesitations,
    start_latency,
    pace,
    length,
    hedging,
    self_deprecation,
    no_evidence,
    star_missing_result,
    repeats,
    fillers_unchecked,
)
