"""Transcripts from plain text and from Vosk result JSON, and the clear errors for anything else."""

from __future__ import annotations

import json

import pytest

from mockint.core.errors import BadInputError
from mockint.core.transcript_parse import transcript_from_text, transcript_from_vosk_json
from mockint.core.words import Word


def test_text_is_lowercased_and_stripped_of_punctuation_keeping_apostrophes_and_markers() -> None:
    transcript = transcript_from_text("Um, I'm sure we'd (like) to   ship; [uh] it’s DONE!\n\"Students'\" work.")
    assert transcript.text == "um i'm sure we'd like to ship [uh] it's done students work"
    assert all(w.start is None and w.end is None and w.conf is None for w in transcript.words)
    assert transcript.duration_s is None


def test_text_splits_dashes_and_reads_percent_as_a_recognizer_would() -> None:
    assert transcript_from_text("A well-known fix cut 20% of 3.5 hours for 1,000 users—fast").text == (
        "a well known fix cut 20 percent of 3.5 hours for 1000 users fast"
    )


def test_text_keeps_bracketed_markers_whole_and_other_scripts() -> None:
    assert (
        transcript_from_text("[Hesitation] 안녕하세요 [long pause] []").text == "[hesitation] 안녕하세요 [long_pause]"
    )


def test_empty_or_punctuation_only_text_gives_no_words() -> None:
    assert transcript_from_text("").words == ()
    assert transcript_from_text("  ... ?! -- ").words == ()


def _result(*words: tuple[str, float, float, float]) -> dict:
    return {
        "result": [{"word": w, "start": s, "end": e, "conf": c} for w, s, e, c in words],
        "text": " ".join(w[0] for w in words),
    }


def test_vosk_result_object_gives_timed_words() -> None:
    data = _result(("hello", 0.5, 0.9, 1.0), ("there", 1.0, 1.3, 0.42))
    transcript = transcript_from_vosk_json(json.dumps(data), "answer.json")
    assert transcript.words == (Word("hello", 0.5, 0.9, 1.0), Word("there", 1.0, 1.3, 0.42))
    assert transcript.timed
    assert transcript.duration_s is None  # silence may follow the last word: length unknown


def test_duration_and_answer_start_are_kept_when_the_caller_knows_them() -> None:
    transcript = transcript_from_vosk_json(
        json.dumps(_result(("hi", 1.0, 1.2, 1.0))), "a.json", duration_s=9.5, answer_start_s=0.4
    )
    assert (transcript.duration_s, transcript.answer_start_s) == (9.5, 0.4)


def test_list_of_utterances_is_joined_in_order() -> None:
    data = [
        _result(("first", 0.0, 0.3, 1.0)),
        {"text": ""},
        _result(("second", 2.0, 2.4, 0.9), ("part", 2.5, 2.8, 0.8)),
    ]
    transcript = transcript_from_vosk_json(json.dumps(data), "utterances.json")
    assert transcript.text == "first second part"
    assert [w.start for w in transcript.words] == [0.0, 2.0, 2.5]


def test_text_only_result_has_words_without_times() -> None:
    transcript = transcript_from_vosk_json('{"text": "so we shipped it"}', "final.json")
    assert transcript.text == "so we shipped it"
    assert not transcript.timed


def test_empty_result_list_falls_back_to_text_and_empty_list_gives_no_words() -> None:
    assert transcript_from_vosk_json('{"result": [], "text": "hello"}', "a.json").text == "hello"
    assert transcript_from_vosk_json("[]", "a.json").words == ()


def test_alternatives_output_uses_the_best_alternative() -> None:
    data = {
        "alternatives": [{"confidence": 310.2, "result": [{"word": "yes", "start": 0.1, "end": 0.4}], "text": "yes"}]
    }
    assert transcript_from_vosk_json(json.dumps(data), "a.json").words == (Word("yes", 0.1, 0.4, None),)


def test_integer_times_and_uppercase_words_are_normalised() -> None:
    data = {"result": [{"word": "OK", "start": 1, "end": 2, "conf": 1}]}
    assert transcript_from_vosk_json(json.dumps(data), "a.json").words == (Word("ok", 1.0, 2.0, 1.0),)


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("not json at all", "is not valid JSON (line 1, column 1)"),
        ('{"result": [', "is not valid JSON"),
        ('"a string"', "should be an object"),
        ("42", "should be an object"),
        ('{"partial": "hello"}', 'has neither "result" nor "text"'),
        ("[1, 2]", "item 1 of the list should be an object"),
        ('{"text": 5}', '"text" at the top level should be a string'),
        ('{"result": {"word": "a"}}', '"result" at the top level should be a list'),
        ('{"result": ["a"]}', 'word 1 at the top level should be an object with a "word" string'),
        ('{"result": [{"word": 3, "start": 0, "end": 1}]}', 'should be an object with a "word" string'),
        ('{"result": [{"word": "a", "start": "0", "end": 1}]}', '"start" of word 1'),
        ('{"result": [{"word": "a", "start": 0}]}', '"end" of word 1'),
        ('{"result": [{"word": "a", "start": true, "end": 1}]}', '"start" of word 1'),
        ('{"result": [{"word": "a", "start": NaN, "end": 1}]}', '"start" of word 1'),
        ('{"result": [{"word": "a", "start": -1, "end": 1}]}', '"start" of word 1'),
        ('{"result": [{"word": "a", "start": 0, "end": 1, "conf": "high"}]}', '"conf" of word 1'),
        ('{"result": [{"word": "a", "start": 2, "end": 1}]}', "ends (1 s) before it starts (2 s)"),
        ('[{"text": "ok"}, {"result": [{"word": "a"}]}]', '"start" of word 1 at item 2 of the list'),
    ],
)
def test_anything_but_a_recognizer_result_is_bad_input_naming_the_source(text: str, fragment: str) -> None:
    with pytest.raises(BadInputError) as caught:
        transcript_from_vosk_json(text, "answer-7.json")
    message = caught.value.user_message
    assert message.startswith("answer-7.json ") and fragment in message
    assert "\n" not in message and caught.value.exit_code == 2


def test_deeply_nested_json_is_bad_input_not_a_crash() -> None:
    with pytest.raises(BadInputError, match="deep.json"):
        transcript_from_vosk_json("[" * 100_000 + "]" * 100_000, "deep.json")
