"""Transcripts from text: a plain typed or pasted transcript, or a Vosk recognizer result (JSON).

Both come out as Vosk writes words (lowercase, no punctuation), so the analysis reads them alike.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from mockint.core.errors import BadInputError
from mockint.core.words import Transcript, Word

# A bracketed marker such as "[uh]" or "[hesitation]" stays one token; anything else splits on space.
_TOKEN = re.compile(r"\[[^\[\]\n]*\]|[^\s\[\]]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_SEPARATORS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015/")


def _clean_marker(token: str) -> str:
    inner = "_".join(token[1:-1].split())
    return f"[{inner}]" if inner else ""


def _clean_word(token: str) -> list[str]:
    """Letters, digits and in-word apostrophes kept; dashes and slashes split words; the rest goes.

    "well-known" gives "well known" and "20%" gives "20 percent", as a recognizer would say them;
    "3.5" keeps its decimal point.
    """
    pieces: list[str] = []
    current: list[str] = []
    for k, c in enumerate(token):
        if c.isalnum() or c == "'":
            current.append(c)
        elif c in ".," and current and current[-1].isdigit() and token[k + 1 : k + 2].isdigit():
            if c == ".":
                current.append(c)
        elif c in _SEPARATORS or c == "%":
            pieces.append("".join(current))
            current = []
            if c == "%":
                pieces.append("percent")
    pieces.append("".join(current))
    return [p.strip("'") for p in pieces if p.strip("'")]


def text_words(text: str) -> list[str]:
    """The words of a plain transcript, normalised like recognizer output."""
    words: list[str] = []
    for token in _TOKEN.findall(text.translate(_APOSTROPHES).lower()):
        if token.startswith("["):
            marker = _clean_marker(token)
            if marker:
                words.append(marker)
        else:
            words.extend(_clean_word(token))
    return words


# Punctuation a writer uses where a speaker breaks off: commas, dashes, stops, brackets. A comma
# or point between digits ("1,000", "3.5") and a hyphen inside a word ("well-known") are not.
_BREAK = re.compile(r"\[[^\[\]\n]*\]|[;:!?()\u2013\u2014\u2026]|--|(?<!\S)-(?!\S)|[,.](?!\d)|(?<!\d)[,.]")


def text_words_with_breaks(text: str) -> list[tuple[str, bool]]:
    """The words of a typed transcript, each with whether punctuation marks a break before it."""
    words: list[tuple[str, bool]] = []
    position, pending = 0, False
    for match in _BREAK.finditer(text):
        if match.group().startswith("["):
            continue  # a bracketed marker stays whole; text_words reads it
        for k, word in enumerate(text_words(text[position : match.start()])):
            words.append((word, pending and k == 0))
        pending = True
        position = match.end()
    for k, word in enumerate(text_words(text[position:])):
        words.append((word, pending and k == 0))
    if words and words[0][1]:
        words[0] = (words[0][0], False)  # nothing comes before the first word
    return words


def transcript_from_text(text: str) -> Transcript:
    """A plain-text transcript: words only, no times (so no pauses or pace), with its punctuation's breaks."""
    return Transcript(tuple(Word(w, break_before=b) for w, b in text_words_with_breaks(text)))


def transcript_from_vosk_json(
    text: str, source: str, *, duration_s: float | None = None, answer_start_s: float = 0.0
) -> Transcript:
    """A Vosk result: one object `{"result": [{"word", "start", "end", "conf"}...], "text": ...}`, a list
    of them (utterance by utterance, joined in order), or an object with only "text" (no times).

    The end of the last word is not the recording's length (silence may follow), so `duration_s`
    stays None unless the caller knows it. Anything else raises BadInputError naming `source`.
    """
    try:
        # Every number as a float: a time of 10**400 becomes inf (refused below as not finite),
        # and a 5000-digit integer never reaches int(), which refuses more than 4300 digits.
        data = json.loads(text, parse_int=float)
    except json.JSONDecodeError as error:
        raise BadInputError(
            f"{source} is not valid JSON (line {error.lineno}, column {error.colno}), so it cannot be read as a Vosk result"
        ) from None
    except RecursionError:
        raise BadInputError(f"{source} is nested too deeply to be a Vosk result") from None
    if isinstance(data, list):
        words: list[Word] = []
        for position, item in enumerate(data, start=1):
            words.extend(_result_words(item, source, f"item {position} of the list"))
    else:
        words = _result_words(data, source, "the top level")
    return Transcript(tuple(words), duration_s=duration_s, answer_start_s=answer_start_s)


def _result_words(data: Any, source: str, where: str) -> list[Word]:
    if not isinstance(data, Mapping):
        raise BadInputError(f'{source} is not a Vosk result: {where} should be an object with "result" or "text"')
    alternatives = data.get("alternatives")
    if isinstance(alternatives, list) and alternatives and "result" not in data and "text" not in data:
        data = alternatives[0]  # SetMaxAlternatives output: the best alternative comes first
        if not isinstance(data, Mapping):
            raise BadInputError(f"{source} is not a Vosk result: the first alternative at {where} is not an object")
    result, transcript_text = data.get("result"), data.get("text")
    if result is None and transcript_text is None:
        raise BadInputError(f'{source} is not a Vosk result: {where} has neither "result" nor "text"')
    if transcript_text is not None and not isinstance(transcript_text, str):
        raise BadInputError(f'{source} is not a usable Vosk result: "text" at {where} should be a string')
    if result is None or result == []:
        return [Word(w) for w in text_words(transcript_text or "")]
    if not isinstance(result, list):
        raise BadInputError(f'{source} is not a usable Vosk result: "result" at {where} should be a list of words')
    words: list[Word] = []
    for number, item in enumerate(result, start=1):
        words.extend(_timed_word(item, source, f"word {number} at {where}"))
    return words


def _optional_time(item: Mapping[str, Any], key: str, source: str, where: str) -> float | None:
    return None if item.get(key) is None else _time(item, key, source, where)


def _time(item: Mapping[str, Any], key: str, source: str, where: str) -> float:
    value = item.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        need = "a number of seconds, zero or more" if key != "conf" else "a number"
        raise BadInputError(f'{source} is not a usable Vosk result: "{key}" of {where} should be {need}')
    return float(value)


def _timed_word(item: Any, source: str, where: str) -> list[Word]:
    if not isinstance(item, Mapping) or not isinstance(item.get("word"), str):
        raise BadInputError(f'{source} is not a usable Vosk result: {where} should be an object with a "word" string')
    start = _time(item, "start", source, where)
    end = _time(item, "end", source, where)
    conf = _optional_time(item, "conf", source, where)
    if end < start:
        raise BadInputError(
            f"{source} is not a usable Vosk result: {where} ends ({end:g} s) before it starts ({start:g} s)"
        )
    texts = text_words(item["word"])
    # A recognizer word is one token; should it hold spaces, each part keeps the word's times.
    return [Word(text, start, end, conf) for text in texts]
