"""Properties of analyze_answer over arbitrary input: it never raises, its counts agree, its JSON keeps the contract."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockint.core.analysis import AnswerReport, Lexicon, PauseKind, Thresholds, analyze_answer
from mockint.core.targets import TargetRange
from mockint.core.words import Transcript, Word
from tests.test_analysis_support import check_contract

VOCABULARY = (
    "um uh er hmm mm [uh] [hesitation] [unk] like you know i mean so well okay ok right basically actually "
    "the huh a to that it was is and we i'd we'd sounds something think guess maybe kind of sort sorry bad at "
    "for example thirty percent 12 reduced as result my role last job built then what how do as far much away now"
).split()

words_text = st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=6))
any_number = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-10, 10**6))
confidence = st.one_of(st.none(), st.floats(0.0, 1.0))


@st.composite
def arbitrary_words(draw: st.DrawFn) -> tuple[Word, ...]:
    """Anything a caller could pass: missing, negative, reversed, NaN or huge times."""
    return tuple(
        Word(draw(words_text), draw(any_number), draw(any_number), draw(any_number))
        for _ in range(draw(st.integers(0, 40)))
    )


@st.composite
def recognised_words(draw: st.DrawFn) -> tuple[Word, ...]:
    """What a recognizer gives: words in order with gaps from none to a long silence."""
    words, t = [], draw(st.floats(0, 10))
    for _ in range(draw(st.integers(0, 60))):
        t += draw(st.sampled_from([0.0, 0.05, 0.2, 0.999, 1.0, 1.5, 2.999, 3.0, 6.0]))
        length = draw(st.floats(0.0, 1.0))
        words.append(Word(draw(st.sampled_from(VOCABULARY)), t, t + length, draw(confidence)))
        t += length
    return tuple(words)


@st.composite
def transcripts(draw: st.DrawFn) -> Transcript:
    words = draw(st.one_of(arbitrary_words(), recognised_words()))
    return Transcript(
        words,
        duration_s=draw(any_number),
        answer_start_s=draw(st.one_of(st.floats(0, 20), any_number.filter(lambda x: x is not None))),
    )


targets = st.tuples(st.floats(0, 500), st.floats(0, 500)).map(lambda pair: TargetRange(min(pair), max(pair)))
lexicons = st.one_of(
    st.just(None),
    st.builds(
        Lexicon.for_language,
        st.sampled_from(["en", "ko", "en-GB"]),
        st.lists(st.sampled_from(VOCABULARY + ["you see", "kind of like"]), max_size=3),
        st.lists(st.sampled_from(VOCABULARY + ["you know", "okay so"]), max_size=3),
    ),
)
thresholds = st.one_of(
    st.just(None),
    st.tuples(st.floats(0.1, 3.0), st.floats(0.0, 5.0)).map(
        lambda p: Thresholds(hesitation_s=p[0], long_pause_s=p[0] + p[1])
    ),
)

SETTINGS = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(transcripts(), targets, lexicons, thresholds)
def test_report_always_keeps_the_contract_and_its_counts_agree(
    transcript: Transcript, target: TargetRange, lexicon, limits
) -> None:
    report = analyze_answer(transcript, target, lexicon=lexicon, thresholds=limits)
    limits = limits or Thresholds()
    d = report.to_dict()
    check_contract(d)
    m = report.metrics
    assert m.word_count == len(report.words) and len(report.words) + len(report.artifacts) == len(transcript.words)
    assert len(report.fillers) <= m.word_count
    assert m.filler_ratio == (round(len(report.fillers) / m.word_count, 3) if m.word_count else 0.0)
    for pause in report.pauses:
        assert pause.duration_s >= limits.hesitation_s - 0.01
        if pause.kind is PauseKind.LONG:
            assert pause.duration_s >= limits.long_pause_s - 0.01
        else:
            assert pause.duration_s < limits.long_pause_s + 0.01
        assert m.longest_pause_s is not None and pause.duration_s <= m.longest_pause_s + 0.01
    if m.speaking_s is None:
        assert m.wpm is None and m.fillers_per_min is None and report.pauses == ()
    assert 0 <= len(report.work_on) <= 3 and len(report.strengths) <= 2
    if m.word_count == 0:
        assert [i.kind for i in report.feedback] == ["no_speech"]


@SETTINGS
@given(transcripts(), targets)
def test_report_round_trips_through_json(transcript: Transcript, target: TargetRange) -> None:
    report = analyze_answer(transcript, target)
    d = json.loads(json.dumps(report.to_dict(), allow_nan=False))
    detail = json.loads(json.dumps(report.detail_dict(), allow_nan=False))
    assert AnswerReport.from_dict(d).to_dict() == report.to_dict()
    assert AnswerReport.from_dict(d, detail) == report


@SETTINGS
@given(recognised_words())
def test_timed_answers_have_timed_metrics(words: tuple[Word, ...]) -> None:
    report = analyze_answer(Transcript(words), TargetRange(30, 120))
    if report.words:
        m = report.metrics
        assert m.speaking_s is not None and m.duration_s is not None and report.length.verdict is not None
        assert m.speaking_s <= m.duration_s + 0.01
        assert m.start_latency_s is not None and m.start_latency_s >= 0
