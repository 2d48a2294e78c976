"""Writes a deck as TOML that `parse_deck` reads back to an equal deck (used by CSV import)."""

from __future__ import annotations

from mockint.core.decks.model import Deck, Question
from mockint.core.targets import TargetRange

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\b": "\\b", "\f": "\\f", "\r": "\\r"}


def toml_string(value: str) -> str:
    """A TOML basic string; control characters escaped so the file stays plain text."""
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def seconds(value: float) -> str:
    """Whole seconds without a decimal point; other values exactly (repr round-trips floats)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _target(value: TargetRange) -> str:
    return f"[{seconds(value.min_s)}, {seconds(value.max_s)}]"


def _string_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(toml_string(v) for v in values) + "]"


def _question(question: Question) -> list[str]:
    lines = [
        "[[questions]]",
        f"id = {toml_string(question.id)}",
        f"text = {toml_string(question.text)}",
        f"category = {toml_string(question.category)}",
        f"difficulty = {toml_string(question.difficulty.value)}",
        f"tags = {_string_list(question.tags)}",
    ]
    if question.target_s is not None:
        lines.append(f"target_s = {_target(question.target_s)}")
    if question.follow_ups:
        lines.append(f"follow_ups = {_string_list(question.follow_ups)}")
    lines.append(f"good_answer = {toml_string(question.good_answer)}")
    return lines


def deck_to_toml(deck: Deck) -> str:
    lines = [
        f"name = {toml_string(deck.name)}",
        f"description = {toml_string(deck.description)}",
        f"language = {toml_string(deck.language)}",
        f"default_target_s = {_target(deck.default_target)}",
    ]
    for question in deck.questions:
        lines.append("")
        lines.extend(_question(question))
    return "\n".join(lines) + "\n"
