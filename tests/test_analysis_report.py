"""analyze_answer end to end, the report's JSON contract, and restoring a stored report."""

from __future__ import annotations

import json

import pytest

from mockint.core.analysis import AnswerReport, LengthVerdict, ReportFormatError, Severity, Thresholds, analyze_answer
from mockint.core.errors import BadInputError
from mockint.core.targets import BEHAVIOURAL, GENERAL, QUICK_FACTUAL, TargetRange
from mockint.core.words import Transcript, Word
from tests.test_analysis_support import check_contract, transcript, untimed

STORY = (
    "so um at my last job the release was late and my role was to fix the pipeline / "
    "i mean it was like a mess you know / / so i rewrote the build scripts and we cut build time by forty percent "
    "as a result we shipped on time"
)


def test_timed_answer_report_follows_the_contract() -> None:
    report = analyze_answer(transcript(STORY, start=2.0, answer_start_s=0.5, duration_s=40.0), BEHAVIOURAL)
    d = report.to_dict()
    check_contract(d)
    assert [(f["text"], f["index"], f["kind"]) for f in d["fillers"]] == [
        ("so", 0, "discourse"),
        ("um", 1, "filled_pause"),
        ("i mean", 18, "discourse"),
        ("you know", 25, "discourse"),
    ]  # the "so" at 27 opens a clause after the pause: a conjunction, not a filler
    # "/ /" is one silence of 2.9 s: still a hesitation, below the 3 s of a long pause.
    assert [(p["duration_s"], p["kind"]) for p in d["pauses"]] == [(1.5, "hesitation"), (2.9, "hesitation")]
    m = d["metrics"]
    # From the first word (2.0 s) to the last, not the 40 s recording; the 1.5 s before it apart.
    assert m["word_count"] == 48 and m["duration_s"] == 23.3 and m["start_latency_s"] == 1.5
    assert m["filler_ratio"] == round(4 / 48, 3)
    assert m["speaking_s"] == pytest.approx(48 * 0.4 - 0.1 + 1.4 + 2.8, abs=0.011)
    assert m["wpm"] == round(48 * 60 / m["speaking_s"], 1)
    assert m["longest_pause_s"] == 2.9
    assert d["length"] == {"verdict": "too_short", "target_min_s": 60.0, "target_max_s": 120.0}
    assert report.star.complete


def test_multi_word_pause_marks_give_one_long_pause() -> None:
    report = analyze_answer(transcript("we lost the data / and then i froze", pause_s=4.0), GENERAL)
    assert [(p.kind.value, p.duration_s) for p in report.pauses] == [("long", 4.0)]
    assert report.metrics.longest_pause_s == 4.0
    assert any(item.kind == "long_pause" for item in report.work_on)


def test_untimed_answer_has_null_times_and_no_verdict() -> None:
    d = analyze_answer(untimed("um i think we won like twenty games"), QUICK_FACTUAL).to_dict()
    check_contract(d)
    m = d["metrics"]
    assert (
        m["duration_s"],
        m["speaking_s"],
        m["wpm"],
        m["fillers_per_min"],
        m["longest_pause_s"],
        m["start_latency_s"],
    ) == (None,) * 6
    assert m["filler_ratio"] == round(2 / 8, 3)
    assert d["length"]["verdict"] is None and d["pauses"] == []
    assert all(f["start"] is None and f["end"] is None for f in d["fillers"])


def test_untimed_answer_with_known_recording_length_gets_a_verdict() -> None:
    report = analyze_answer(Transcript(untimed("we won").words, duration_s=10.0), QUICK_FACTUAL)
    assert report.length.verdict is LengthVerdict.TOO_SHORT and report.metrics.duration_s == 10.0


def test_empty_answer_gets_a_sensible_report() -> None:
    report = analyze_answer(Transcript(()), BEHAVIOURAL)
    d = report.to_dict()
    check_contract(d)
    assert d["metrics"]["word_count"] == 0 and d["metrics"]["filler_ratio"] == 0.0
    assert [(i["kind"], i["severity"]) for i in d["feedback"]] == [("no_speech", "work_on")]


def test_empty_recording_of_known_length_is_too_short() -> None:
    report = analyze_answer(Transcript((), duration_s=12.0), BEHAVIOURAL)
    assert report.length.verdict is LengthVerdict.TOO_SHORT


def test_all_filler_answer_gets_a_sensible_report() -> None:
    report = analyze_answer(transcript("um uh um [uh] hmm / um"), GENERAL)
    check_contract(report.to_dict())
    assert report.metrics.filler_ratio == 1.0 and len(report.fillers) == 6
    assert report.work_on[0].kind == "fillers"


def test_artifacts_are_dropped_from_words_and_indices_follow() -> None:
    words = (
        Word("huh", 0.0, 0.2, 0.2),
        Word("um", 1.5, 1.7, 1.0),
        Word("we", 1.8, 2.0, 1.0),
        Word("won", 2.1, 2.4, 1.0),
    )
    report = analyze_answer(Transcript(words), GENERAL)
    assert [w.text for w in report.words] == ["um", "we", "won"]
    assert [(f.text, f.index) for f in report.fillers] == [("um", 0)]
    assert [w.text for w in report.artifacts] == ["huh"]
    assert report.metrics.word_count == 3


def test_times_are_rounded_to_hundredths_and_figures_follow_the_rounded_words() -> None:
    words = (Word("we", 0.123456, 0.45678, 0.987654), Word("won", 1.456789, 1.9, 0.5))
    report = analyze_answer(Transcript(words), GENERAL)
    assert report.words == (Word("we", 0.12, 0.46, 0.988), Word("won", 1.46, 1.9, 0.5))
    assert report.pauses[0].start == 0.46 and report.pauses[0].duration_s == 1.0


def test_unusable_numbers_do_not_break_the_report() -> None:
    words = (Word("we", float("nan"), 0.5, float("inf")), Word("won", 1.0, 1.5, None))
    transcript_ = Transcript(words, duration_s=float("nan"), answer_start_s=float("-inf"))
    d = analyze_answer(transcript_, GENERAL).to_dict()
    check_contract(d)
    assert d["words"][0] == {"text": "we", "start": None, "end": 0.5, "conf": None}


def test_thresholds_change_what_counts() -> None:
    t = transcript("we lost the data / and then we froze", pause_s=2.0)
    assert analyze_answer(t, GENERAL).pauses[0].kind.value == "hesitation"
    strict = Thresholds(hesitation_s=0.5, long_pause_s=1.5)
    assert analyze_answer(t, GENERAL, thresholds=strict).pauses[0].kind.value == "long"


def test_report_round_trips_through_its_dict_and_detail() -> None:
    report = analyze_answer(transcript(STORY + " sorry i i", conf=0.55), BEHAVIOURAL)
    assert report.low_confidence and report.self_talk and report.repeats and report.evidence
    d, detail = report.to_dict(), report.detail_dict()
    restored = AnswerReport.from_dict(json.loads(json.dumps(d)), json.loads(json.dumps(detail)))
    assert restored == report
    assert AnswerReport.from_dict(d).to_dict() == d
    assert AnswerReport.from_dict(d).evidence == ()


def test_work_on_and_strengths_split_the_feedback() -> None:
    report = analyze_answer(transcript(STORY), BEHAVIOURAL)
    assert all(i.severity is Severity.WORK_ON for i in report.work_on)
    assert all(i.severity is Severity.STRENGTH for i in report.strengths)
    assert report.feedback == report.work_on + report.strengths
    assert report.filler_indices() >= {0, 1, 18, 19, 25, 26}


@pytest.mark.parametrize(
    "spoil, problem",
    [
        (lambda d: d.update(schema=2), "schema 2"),
        (lambda d: d.pop("metrics"), "Expected `object`, got `null` - at `metrics`"),
        (lambda d: d.update(words="none"), "Expected `array`, got `str` - at `words`"),
        (lambda d: d["metrics"].update(word_count="3"), "Expected `int`, got `str` - at `metrics.word_count`"),
        (lambda d: d["length"].update(verdict="fine"), "Invalid enum value 'fine' - at `length.verdict`"),
        (
            lambda d: d["fillers"].append({"index": 0, "text": "um"}),
            "Object missing required field `kind` - at `fillers[",
        ),
        (lambda d: d["words"].append(["um"]), "Expected `object`, got `array` - at `words["),
        (lambda d: d["metrics"].update(word_count=True), "Expected `int`, got `bool` - at `metrics.word_count`"),
    ],
)
def test_damaged_report_is_a_clear_error(spoil, problem: str) -> None:
    d = analyze_answer(transcript("um we won"), GENERAL).to_dict()
    spoil(d)
    with pytest.raises(ReportFormatError) as caught:
        AnswerReport.from_dict(d)
    assert problem in caught.value.user_message and isinstance(caught.value, BadInputError)


def test_damaged_detail_is_a_clear_error() -> None:
    report = analyze_answer(transcript("we won"), GENERAL)
    with pytest.raises(ReportFormatError, match=r"Expected `object`, got `array` - at `star`"):
        AnswerReport.from_dict(report.to_dict(), {**report.detail_dict(), "star": []})


def test_target_range_is_reported_as_given() -> None:
    d = analyze_answer(transcript("we won"), TargetRange(15.5, 45)).to_dict()
    assert d["length"] == {"verdict": "too_short", "target_min_s": 15.5, "target_max_s": 45.0}
