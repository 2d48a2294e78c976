"""Helpers shared by the analysis tests: timed transcripts from sentences, and the JSON contract check.

The contract checker is tested here too, so a lenient checker cannot make the other tests pass.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pytest

from mockint.core.words import Transcript, Word

WORD_S = 0.3  # each word lasts this long
GAP_S = 0.1  # ordinary silence between words
PAUSE_S = 1.5  # what "/" in a sentence stands for


def timed(
    sentence: str, *, start: float = 0.0, conf: float | None = None, pause_s: float = PAUSE_S
) -> tuple[Word, ...]:
    """Words of `sentence` with times; each "/" adds a silence of `pause_s` before the next word."""
    words, t = [], start
    for token in sentence.split():
        if token == "/":
            t += pause_s - GAP_S
            continue
        words.append(Word(token, round(t, 2), round(t + WORD_S, 2), conf))
        t += WORD_S + GAP_S
    return tuple(words)


def transcript(sentence: str, **kwargs: Any) -> Transcript:
    duration_s = kwargs.pop("duration_s", None)
    answer_start_s = kwargs.pop("answer_start_s", 0.0)
    return Transcript(timed(sentence, **kwargs), duration_s=duration_s, answer_start_s=answer_start_s)


def untimed(sentence: str) -> Transcript:
    return Transcript(tuple(Word(t) for t in sentence.split() if t != "/"))


_TOP = {"schema", "words", "fillers", "hedges", "pauses", "metrics", "length", "feedback"}
_METRICS = {
    "word_count",
    "duration_s",
    "speaking_s",
    "wpm",
    "fillers_per_min",
    "filler_ratio",
    "longest_pause_s",
    "start_latency_s",
}
_SECONDS = {"duration_s", "speaking_s", "longest_pause_s", "start_latency_s"}
_RATES = {"wpm", "fillers_per_min"}


def _number(value: Any, where: str, nullable: bool = True, decimals: int | None = None) -> None:
    if value is None:
        assert nullable, f"{where} must not be null"
        return
    assert isinstance(value, (int, float)) and not isinstance(value, bool), f"{where} must be a number, got {value!r}"
    if decimals is not None:
        assert round(value, decimals) == value, f"{where} must have at most {decimals} decimals, got {value!r}"


def _keys(d: Any, expected: set[str], where: str) -> None:
    assert isinstance(d, Mapping), f"{where} must be an object"
    assert set(d) == expected, f"{where} keys {sorted(d)} != {sorted(expected)}"


def check_contract(d: Any) -> None:
    """Asserts `d` is exactly the JSON object of DESIGN.md, "Command line" (schema 1)."""
    _keys(d, _TOP, "report")
    json.dumps(d, allow_nan=False)
    assert d["schema"] == 1
    words = d["words"]
    assert isinstance(words, list)
    for w in words:
        _keys(w, {"text", "start", "end", "conf"}, "word")
        assert isinstance(w["text"], str)
        _number(w["start"], "word start", decimals=2)
        _number(w["end"], "word end", decimals=2)
        _number(w["conf"], "word conf")
    texts = [w["text"] for w in words]
    last_end = -1
    for f in d["fillers"]:
        _keys(f, {"index", "text", "kind", "start", "end"}, "filler")
        assert isinstance(f["index"], int) and not isinstance(f["index"], bool)
        size = len(f["text"].split())
        assert last_end <= f["index"] and f["index"] + size <= len(words), "fillers overlap or point outside words"
        assert " ".join(texts[f["index"] : f["index"] + size]) == f["text"], "filler text is not the words at its index"
        assert f["kind"] in ("filled_pause", "discourse")
        _number(f["start"], "filler start", decimals=2)
        _number(f["end"], "filler end", decimals=2)
        last_end = f["index"] + size
    for h in d["hedges"]:
        _keys(h, {"index", "text", "start", "end"}, "hedge")
        assert isinstance(h["index"], int) and 0 <= h["index"] < len(words)
        assert " ".join(texts[h["index"] : h["index"] + len(h["text"].split())]) == h["text"]
        _number(h["start"], "hedge start", decimals=2)
        _number(h["end"], "hedge end", decimals=2)
    for p in d["pauses"]:
        _keys(p, {"start", "end", "duration_s", "kind"}, "pause")
        for key in ("start", "end", "duration_s"):
            _number(p[key], f"pause {key}", nullable=False, decimals=2)
        assert p["kind"] in ("hesitation", "long")
    m = d["metrics"]
    _keys(m, _METRICS, "metrics")
    assert isinstance(m["word_count"], int) and m["word_count"] == len(words)
    for key in _SECONDS:
        _number(m[key], f"metrics.{key}", decimals=2)
    for key in _RATES:
        _number(m[key], f"metrics.{key}", decimals=1)
    _number(m["filler_ratio"], "metrics.filler_ratio", nullable=False)
    assert 0.0 <= m["filler_ratio"] <= 1.0
    length = d["length"]
    _keys(length, {"verdict", "target_min_s", "target_max_s"}, "length")
    assert length["verdict"] in ("too_short", "ok", "too_long", None)
    _number(length["target_min_s"], "target_min_s", nullable=False, decimals=2)
    _number(length["target_max_s"], "target_max_s", nullable=False, decimals=2)
    severities = []
    for item in d["feedback"]:
        _keys(item, {"kind", "severity", "message"}, "feedback item")
        assert isinstance(item["kind"], str) and item["kind"]
        assert isinstance(item["message"], str) and item["message"]
        assert item["severity"] in ("work_on", "strength")
        severities.append(item["severity"])
    assert severities.count("work_on") <= 3 and severities.count("strength") <= 2


def _valid() -> dict[str, Any]:
    return {
        "schema": 1,
        "words": [
            {"text": "um", "start": 0.5, "end": 0.8, "conf": 0.9},
            {"text": "hello", "start": 0.9, "end": 1.2, "conf": 1.0},
        ],
        "fillers": [{"index": 0, "text": "um", "kind": "filled_pause", "start": 0.5, "end": 0.8}],
        "hedges": [],
        "pauses": [],
        "metrics": {
            "word_count": 2,
            "duration_s": 1.2,
            "speaking_s": 0.7,
            "wpm": 171.4,
            "fillers_per_min": 85.7,
            "filler_ratio": 0.5,
            "longest_pause_s": 0.1,
            "start_latency_s": 0.5,
        },
        "length": {"verdict": "too_short", "target_min_s": 30.0, "target_max_s": 120.0},
        "feedback": [{"kind": "too_short", "severity": "work_on", "message": "Longer, please."}],
    }


def test_contract_checker_accepts_a_valid_report() -> None:
    check_contract(_valid())


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d.pop("hedges"),
        lambda d: d.update(extra=1),
        lambda d: d["metrics"].update(wpm="fast"),
        lambda d: d["metrics"].update(word_count=3),
        lambda d: d["metrics"].update(duration_s=1.234),
        lambda d: d["fillers"][0].update(index=1),
        lambda d: d["fillers"][0].update(kind="pause"),
        lambda d: d["length"].update(verdict="fine"),
        lambda d: d["feedback"][0].update(severity="must"),
        lambda d: d["words"][0].pop("conf"),
        lambda d: d["metrics"].update(speaking_s=float("nan")),
    ],
)
def test_contract_checker_rejects_a_wrong_shape(spoil: Any) -> None:
    d = _valid()
    spoil(d)
    with pytest.raises((AssertionError, ValueError)):
        check_contract(d)
