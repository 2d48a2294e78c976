"""analyze_answer: one transcript and its target length in, one answer report out."""

from __future__ import annotations

from dataclasses import replace

from mockint.core.analysis.artifacts import split_artifacts
from mockint.core.analysis.confidence import low_confidence_stretches
from mockint.core.analysis.evidence import find_evidence
from mockint.core.analysis.feedback import choose_feedback
from mockint.core.analysis.fillers import find_fillers
from mockint.core.analysis.findings import LengthResult, Metrics, filler_positions
from mockint.core.analysis.hedges import find_hedges
from mockint.core.analysis.length import answer_duration, length_verdict
from mockint.core.analysis.lexicon import Lexicon
from mockint.core.analysis.pace import per_minute, speaking_time, spoken_word_count
from mockint.core.analysis.pauses import find_pauses, longest_gap, start_latency
from mockint.core.analysis.repeats import find_repeats
from mockint.core.analysis.report import AnswerReport
from mockint.core.analysis.self_talk import find_self_talk
from mockint.core.analysis.serial import round_rate, round_s
from mockint.core.analysis.star import find_star_cues
from mockint.core.analysis.thresholds import Thresholds
from mockint.core.analysis.tokens import TokenView, clean_word, finite
from mockint.core.targets import TargetRange
from mockint.core.words import Transcript, Word


def _as_reported(word: Word) -> Word:
    """The word with times at 10 ms and confidence at 0.001, so every figure derives from what is shown."""
    word = clean_word(word)
    if word.start is None and word.end is None and word.conf is None:
        return word  # a typed word: nothing to round, and a long transcript is not copied
    conf = None if word.conf is None else round(word.conf, 3)
    return Word(word.text, round_s(word.start), round_s(word.end), conf, word.break_before)


def analyze_answer(
    transcript: Transcript,
    target: TargetRange,
    *,
    lexicon: Lexicon | None = None,
    thresholds: Thresholds | None = None,
) -> AnswerReport:
    """Analyses one answer by the policy in DESIGN.md ("Analysis policy"). Never raises on odd input:
    an empty transcript, all fillers, missing or nonsensical times all give a sensible report."""
    lexicon = lexicon if lexicon is not None else Lexicon.for_language("en")
    thresholds = thresholds if thresholds is not None else Thresholds()
    hesitation = thresholds.hesitation_s

    reported = tuple(_as_reported(w) for w in transcript.words)
    words, artifacts = split_artifacts(reported, lexicon.artifacts, hesitation, thresholds.artifact_confidence)
    view = TokenView.of(words)

    fillers = find_fillers(view, lexicon, hesitation)
    pauses = find_pauses(view, hesitation, thresholds.long_pause_s)
    speaking = round_s(speaking_time(view, pauses))
    recording = finite(transcript.duration_s)
    duration = round_s(answer_duration(None if recording is None else max(0.0, recording), view))
    answer_start = finite(transcript.answer_start_s) or 0.0
    metrics = Metrics(
        word_count=len(words),
        duration_s=duration,
        speaking_s=speaking,
        wpm=round_rate(per_minute(spoken_word_count(view.texts), speaking)),
        fillers_per_min=round_rate(per_minute(len(fillers), speaking)),
        filler_ratio=round(len(fillers) / len(words), 3) if words else 0.0,
        longest_pause_s=round_s(longest_gap(view)),
        start_latency_s=round_s(start_latency(view, answer_start)),
    )
    report = AnswerReport(
        words=words,
        fillers=fillers,
        hedges=find_hedges(view, lexicon.hedges),
        pauses=pauses,
        metrics=metrics,
        length=LengthResult(
            length_verdict(duration, target), round(float(target.min_s), 2), round(float(target.max_s), 2)
        ),
        feedback=(),
        evidence=find_evidence(view, lexicon.evidence),
        star=find_star_cues(view, lexicon.star),
        self_talk=find_self_talk(view, lexicon.self_talk),
        repeats=find_repeats(view, filler_positions(fillers), lexicon.deliberate_repeats),
        low_confidence=low_confidence_stretches(view, thresholds.low_confidence),
        artifacts=artifacts,
    )
    return replace(report, feedback=choose_feedback(report, thresholds, lexicon))
