"""Feedback: the few things to work on and the strengths, chosen by weight and worded with evidence."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mockint.core.analysis import Lexicon, Thresholds, analyze_answer
from mockint.core.analysis.feedback import MAX_STRENGTHS, MAX_WORK_ON, choose_feedback
from mockint.core.analysis.wording import at_times, clock, join_words, tally
from mockint.core.targets import GENERAL, TargetRange
from mockint.core.words import Transcript, Word
from tests.test_analysis_support import transcript, untimed

# Plain, filler-free, evidence-free speech to pad answers with.
PLAIN = "we worked on the new service with the other team and talked about how it should work for people "


def paced(sentence: str, seconds_per_word: float, start: float = 0.0, **kwargs) -> Transcript:
    """Words evenly spaced (each 0.2 s long) so pace is what the test sets."""
    words = tuple(
        Word(t, round(start + i * seconds_per_word, 2), round(start + i * seconds_per_word + 0.2, 2))
        for i, t in enumerate(sentence.split())
    )
    return Transcript(words, **kwargs)


def kinds(transcript_: Transcript, target: TargetRange = GENERAL, **kwargs) -> dict[str, str]:
    report = analyze_answer(transcript_, target, **kwargs)
    return {item.kind: item.message for item in report.feedback}


def test_wording_helpers() -> None:
    assert (clock(0), clock(42.4), clock(65), clock(3723)) == ("0:00", "0:42", "1:05", "1:02:03")
    assert join_words(["a"]) == "a" and join_words(["a", "b", "c"]) == "a, b and c"
    assert at_times([None, 12.0, 40.2, 65.0, 80.0]) == " at 0:12, 0:40 and 1:05"
    assert at_times([None]) == ""
    assert tally(["um", "like", "um"]) == '"um" (2) and "like"'


def test_fillers_are_named_with_counts_rate_and_times() -> None:
    message = kinds(transcript("um we um shipped uh it like ten times um and it um worked"))["fillers"]
    assert "6 filler words" in message and "a minute" in message
    assert '"um" (4)' in message and "at 0:00, 0:00 and 0:01" in message  # cut to the second, as Review's clock


def test_few_fillers_are_not_flagged_and_clean_speech_is_praised() -> None:
    feedback = kinds(paced(PLAIN * 5 + "um", 0.4))
    assert "fillers" not in feedback
    assert feedback["few_fillers"] == "Clean delivery: only 1 filler word in 96 words."


def test_fillers_used_once_each_are_listed() -> None:
    message = kinds(untimed("um we won uh the cup basically"))["fillers"]
    assert message.startswith('You used 3 filler words (43% of your words): "um", "uh" and "basically".')


def test_untimed_fillers_use_their_share_of_words() -> None:
    assert "50% of your words" in kinds(untimed("um we won um the uh cup like"))["fillers"]


def test_long_pause_names_the_longest_with_its_time() -> None:
    message = kinds(transcript("we lost the data / and then / i froze", pause_s=4.5))["long_pause"]
    assert message.startswith("You stopped for 4.5 s at 0:01 (2 long pauses in all, also at 0:06).")


def test_start_latency_is_flagged_only_when_slow() -> None:
    assert (
        "8.0 s before your first word"
        in kinds(transcript("we won the cup", start=8.5, answer_start_s=0.5))["start_latency"]
    )
    assert "start_latency" not in kinds(transcript("we won the cup", start=3.0))
    assert "start_latency" in kinds(transcript("we won the cup", start=3.0), thresholds=Thresholds(slow_start_s=2.0))


def test_hesitations_are_flagged_when_frequent() -> None:
    message = kinds(transcript("we / lost / the / data / and / then / we / froze"))["hesitations"]
    assert message.startswith("You hesitated 7 times") and "at 0:00, 0:02 and 0:03" in message


@pytest.mark.parametrize(
    "seconds_per_word, kind, figure",
    [
        (0.8, "pace_slow", "76 words a minute"),
        (0.3, "pace_fast", "201 words a minute"),
        (0.45, "steady_pace", "134 words a minute"),
    ],
)
def test_pace(seconds_per_word: float, kind: str, figure: str) -> None:
    feedback = kinds(paced(PLAIN * 4, seconds_per_word))
    assert figure in feedback[kind]
    assert not {"pace_slow", "pace_fast", "steady_pace"} - {kind} & set(feedback)


def test_pace_of_a_very_short_answer_is_not_judged() -> None:
    assert not {"pace_slow", "pace_fast", "steady_pace"} & set(kinds(paced("we won", 2.0)))


def test_length_against_the_target_with_the_word_count() -> None:
    # 19 words over 7.4 s, then silence until the recording stopped at 25 s: the answer ran 0:07.
    short = kinds(paced(PLAIN, 0.4, duration_s=25.0), TargetRange(60, 120))["too_short"]
    assert short.startswith("The answer ran 0:07 (19 words), under the 60\u2013120 s target.")
    assert "over the 60\u201390 s target" in kinds(paced(PLAIN * 13, 0.4), TargetRange(60, 90))["too_long"]
    assert "inside the 5\u201330 s target" in kinds(paced(PLAIN, 0.4, duration_s=20.0), TargetRange(5, 30))["on_target"]


def test_hedging_is_flagged_with_the_hedges() -> None:
    message = kinds(untimed("i think we maybe won i guess it was kind of close"))["hedging"]
    assert message.startswith('You softened your points 4 times ("i think", "maybe" and "i guess")')


def test_self_deprecation_is_quoted_with_times() -> None:
    message = kinds(transcript("sorry i'm bad at interviews but we won"))["self_deprecation"]
    assert message.startswith('You put yourself down with "sorry" at 0:00 and "i\'m bad at" at 0:00.')


def test_no_evidence_in_a_long_vague_answer_and_specifics_are_praised() -> None:
    assert "no_evidence" in kinds(untimed(PLAIN * 3))
    specific = kinds(untimed(PLAIN * 2 + "for example we cut costs by thirty percent"))
    assert "no_evidence" not in specific
    assert specific["specific_evidence"].startswith(
        'You backed the answer with specifics: "thirty percent", "for example" and "cut".'
    )


def test_star_without_result_and_complete_star() -> None:
    story = "at my last job " + PLAIN + "so i built a new deploy script " + PLAIN
    assert "star_missing_result" in kinds(untimed(story))
    complete = kinds(
        untimed("at my last job my role was to fix it " + PLAIN + " so i built a script and as a result we shipped")
    )
    assert "star_missing_result" not in complete and "star_complete" in complete


def test_repeats_are_flagged_with_the_words() -> None:
    assert '"i i" at 0:00 and "the the" at 0:01' in kinds(transcript("i i said the the plan"))["repeats"]


def test_feedback_is_capped_and_ordered_by_weight() -> None:
    messy = transcript(
        "sorry um i i think um / um like maybe the the um i guess uh kind of um",
        start=9.0,
        pause_s=5.0,
        duration_s=12.0,
    )
    report = analyze_answer(messy, TargetRange(60, 120))
    assert [item.kind for item in report.work_on] == ["fillers", "too_short", "long_pause"]
    assert len(report.work_on) == MAX_WORK_ON and len(report.strengths) <= MAX_STRENGTHS
    assert report.strengths[0].kind == "kept_going"


def test_at_most_two_strengths() -> None:
    answer = (
        "at my last job my role was to fix it "
        + PLAIN
        + " so i built a script and as a result we cut costs by thirty percent"
    )
    report = analyze_answer(paced(answer, 0.45, duration_s=25.0), TargetRange(15, 40))
    assert [item.kind for item in report.strengths] == ["star_complete", "specific_evidence"]
    assert report.work_on == ()


def test_language_without_vocabulary_is_not_told_to_add_evidence() -> None:
    feedback = kinds(untimed(PLAIN * 3), lexicon=Lexicon.for_language("ko"))
    assert "no_evidence" not in feedback and "star_missing_result" not in feedback


def test_choose_feedback_ignores_feedback_already_on_the_report() -> None:
    report = analyze_answer(transcript("um um um we won"), GENERAL)
    again = choose_feedback(replace(report, feedback=()), Thresholds(), Lexicon.for_language("en"))
    assert again == report.feedback


def test_messages_are_plain_sentences_without_scolding() -> None:
    messy = transcript(
        "sorry um i i think um / um like maybe the the um i guess uh kind of um",
        start=9.0,
        pause_s=5.0,
        duration_s=12.0,
    )
    for item in analyze_answer(messy, TargetRange(60, 120)).feedback:
        assert item.message[0].isupper() and item.message.endswith(".")
        assert not any(word in item.message.lower() for word in ("bad answer", "failed", "wrong", "poor"))
