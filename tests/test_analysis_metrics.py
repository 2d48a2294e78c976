"""Timed metrics, each on its own: pauses, start latency, pace, length, recognizer artifacts, thresholds."""

from __future__ import annotations

import pytest

from mockint.core.analysis import analyze_answer
from mockint.core.analysis.artifacts import split_artifacts
from mockint.core.analysis.findings import LengthVerdict, Pause, PauseKind
from mockint.core.analysis.length import answer_duration, length_verdict
from mockint.core.analysis.pace import per_minute, speaking_time, spoken_word_count
from mockint.core.analysis.pauses import find_pauses, longest_gap, start_latency
from mockint.core.analysis.thresholds import Thresholds
from mockint.core.analysis.tokens import TokenView, clean_word
from mockint.core.errors import BadInputError
from mockint.core.targets import TargetRange
from mockint.core.words import Transcript, Word
from tests.test_analysis_support import timed

ARTIFACTS = frozenset({"huh", "the"})


def w(text: str, start: float, end: float, conf: float | None = None) -> Word:
    return Word(text, start, end, conf)


def test_gaps_of_one_second_are_hesitations_and_three_are_long() -> None:
    words = (w("a", 0.0, 0.5), w("b", 1.5, 2.0), w("c", 2.9, 3.2), w("d", 6.2, 6.5), w("e", 6.6, 7.0))
    pauses = find_pauses(TokenView.of(words), 1.0, 3.0)
    assert pauses == (Pause(0.5, 1.5, 1.0, PauseKind.HESITATION), Pause(3.2, 6.2, 3.0, PauseKind.LONG))


def test_gap_just_under_the_threshold_is_no_pause_and_float_noise_does_not_hide_one() -> None:
    assert find_pauses(TokenView.of((w("a", 0.0, 0.12), w("b", 1.11, 1.5))), 1.0, 3.0) == ()
    # 1.23 - 0.23 is 0.99999... in binary floating point; it is still a 1 s pause.
    assert len(find_pauses(TokenView.of((w("a", 0.0, 0.23), w("b", 1.23, 1.5))), 1.0, 3.0)) == 1


def test_no_pauses_without_full_times_or_with_overlapping_words() -> None:
    assert find_pauses(TokenView.of((Word("a"), Word("b"))), 1.0, 3.0) == ()
    assert find_pauses(TokenView.of((w("a", 0.0, 0.5), Word("b"), w("c", 5.0, 5.5))), 1.0, 3.0) == ()
    assert find_pauses(TokenView.of((w("a", 0.0, 2.0), w("b", 1.0, 1.5))), 1.0, 3.0) == ()


def test_start_latency_is_measured_from_the_answer_start_and_is_not_a_pause() -> None:
    view = TokenView.of((w("so", 4.0, 4.3), w("yes", 4.4, 4.8)))
    assert start_latency(view, 0.5) == pytest.approx(3.5)
    assert find_pauses(view, 1.0, 3.0) == ()
    assert start_latency(view, 5.0) == 0.0  # spoke before the answer window: no negative latency
    assert start_latency(TokenView.of((Word("so"),)), 0.0) is None
    assert start_latency(TokenView.of(()), 0.0) is None


def test_longest_gap() -> None:
    assert longest_gap(TokenView.of((w("a", 0, 1), w("b", 1.2, 2), w("c", 4.5, 5)))) == pytest.approx(2.5)
    assert longest_gap(TokenView.of((w("a", 0, 1), w("b", 0.5, 2)))) == 0.0
    assert longest_gap(TokenView.of((w("a", 0, 1),))) is None
    assert longest_gap(TokenView.of((Word("a"), Word("b")))) is None


def test_speaking_time_runs_first_word_to_last_minus_long_pauses() -> None:
    words = (w("a", 1.0, 1.5), w("b", 2.5, 3.0), w("c", 7.0, 7.5))
    view = TokenView.of(words)
    pauses = find_pauses(view, 1.0, 3.0)
    assert speaking_time(view, pauses) == pytest.approx(6.5 - 4.0)  # the 1 s hesitation stays in
    assert speaking_time(TokenView.of((Word("a"),)), ()) is None


def test_pace_counts_spoken_words_not_markers_and_needs_time() -> None:
    assert spoken_word_count(["we", "[uh]", "um", "won"]) == 3
    assert per_minute(150, 60.0) == 150.0
    assert per_minute(3, 0.0) is None
    assert per_minute(3, None) is None


@pytest.mark.parametrize(
    "duration, verdict",
    [
        (59.99, LengthVerdict.TOO_SHORT),
        (60.0, LengthVerdict.OK),
        (120.0, LengthVerdict.OK),
        (120.01, LengthVerdict.TOO_LONG),
        (None, None),
    ],
)
def test_length_verdict_against_the_target(duration: float | None, verdict: LengthVerdict | None) -> None:
    assert length_verdict(duration, TargetRange(60, 120)) is verdict


def test_answer_duration_runs_from_the_first_to_the_last_word_not_to_the_end_of_the_recording() -> None:
    view = TokenView.of(timed("one two three"))
    assert answer_duration(30.0, view) == pytest.approx(view.words[-1].end - view.words[0].start)
    assert answer_duration(None, view) == pytest.approx(view.words[-1].end - view.words[0].start)
    assert answer_duration(12.0, TokenView.of((Word("one"),))) == 12.0  # no times: the recording's length
    assert answer_duration(None, TokenView.of((Word("one"),))) is None
    assert answer_duration(4.0, TokenView.of(())) == 0.0  # nothing was said


def test_the_silence_that_stopped_the_answer_is_not_part_of_its_length() -> None:
    """ "Stop after silence 8 s": the last word ends at 14.9 s, the recording at 22.9 s; target 20-45 s."""
    texts = "when the release failed i called the team together and we rolled back within the hour".split()
    step = (14.9 - 1.2 - 0.3) / (len(texts) - 1)
    words = tuple(Word(t, round(1.2 + i * step, 2), round(1.2 + i * step + 0.3, 2)) for i, t in enumerate(texts))
    report = analyze_answer(Transcript(words, duration_s=22.9, answer_start_s=0.0), TargetRange(20, 45))
    assert report.metrics.duration_s == pytest.approx(13.7, abs=0.01)  # first word 1.2 s to last 14.9 s
    assert report.metrics.start_latency_s == pytest.approx(1.2)  # reported apart
    assert report.length.verdict is LengthVerdict.TOO_SHORT  # not "0:23 within target"
    assert "too_short" in {item.kind for item in report.feedback}
    assert "on_target" not in {item.kind for item in report.feedback}


def test_lone_unsure_huh_or_the_at_an_edge_is_dropped() -> None:
    words = (w("huh", 0.0, 0.2, 0.3), w("we", 0.3, 0.5, 1.0), w("won", 0.6, 0.9, 1.0), w("the", 1.0, 1.1, 0.2))
    kept, dropped = split_artifacts(words, ARTIFACTS, 1.0, 0.5)
    assert [x.text for x in kept] == ["we", "won"] and [x.text for x in dropped] == ["huh", "the"]


def test_artifact_next_to_a_pause_inside_the_answer_is_dropped() -> None:
    words = (w("we", 0.0, 0.3, 1.0), w("won", 0.4, 0.7, 1.0), w("the", 2.0, 2.1, 0.4), w("cup", 2.2, 2.6, 1.0))
    kept, dropped = split_artifacts(words, ARTIFACTS, 1.0, 0.5)
    assert [x.text for x in kept] == ["we", "won", "cup"] and [x.start for x in dropped] == [2.0]


@pytest.mark.parametrize(
    "words",
    [
        (w("we", 0.0, 0.3, 1.0), w("the", 0.4, 0.5, 0.2), w("cup", 0.6, 0.9, 1.0)),  # mid-sentence, no pause
        (w("the", 0.0, 0.2, 0.8), w("cup", 0.3, 0.6, 1.0)),  # confident
        (w("the", 0.0, 0.2, 0.5), w("cup", 0.3, 0.6, 1.0)),  # exactly at the limit counts as sure enough
        (w("uh", 0.0, 0.2, 0.1), w("cup", 0.3, 0.6, 1.0)),  # not an artifact word
        (Word("the"), Word("cup")),  # plain text has no confidence
    ],
)
def test_words_that_are_not_artifacts_are_kept(words: tuple[Word, ...]) -> None:
    assert split_artifacts(words, ARTIFACTS, 1.0, 0.5) == (words, ())


def test_clean_word_turns_unusable_numbers_into_unknowns() -> None:
    assert clean_word(Word("a", float("nan"), float("inf"), True)) == Word("a")  # type: ignore[arg-type]
    assert clean_word(Word("a", 1e12, 2.0, 0.5)) == Word("a", None, 2.0, 0.5)
    same = Word("a", 1.0, 2.0, 0.5)
    assert clean_word(same) is same


def test_thresholds_defaults_follow_the_policy_and_reject_nonsense() -> None:
    t = Thresholds()
    assert (t.hesitation_s, t.long_pause_s, t.slow_wpm, t.comfortable_max_wpm, t.fast_wpm) == (1.0, 3.0, 100, 165, 170)
    assert Thresholds(fast_wpm=150).steady_max_wpm == 150
    for bad in (
        {"hesitation_s": 0},
        {"hesitation_s": 4.0},
        {"slow_wpm": 200},
        {"fast_wpm": float("nan")},
        {"long_pause_s": "3"},
    ):
        with pytest.raises(BadInputError):
            Thresholds(**bad)
