"""The rules for each deck field, shared by the TOML and CSV readers.

Each rule takes the raw value (whatever TOML or a spreadsheet cell gave), returns the clean
value, or raises `FieldFault` with one sentence for the user. The readers add the file name
and line; the rules only know which deck or question the value belongs to (`owner`).
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, time

from mockint.core.decks.model import MAX_FOLLOW_UPS, MAX_TARGET_S, Difficulty
from mockint.core.targets import TargetRange

QUESTION_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
DIFFICULTY_CHOICES = "easy, medium or hard"


class FieldFault(Exception):
    """One value breaks one rule; `sentence` says which and how to fix it."""

    def __init__(self, sentence: str) -> None:
        super().__init__(sentence)
        self.sentence = sentence


def show(value: str, limit: int = 40) -> str:
    """A user's value quoted for a one-line message: unprintables escaped, long text cut."""
    visible = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in value)
    if len(visible) > limit:
        visible = visible[: limit - 3] + "..."
    return f"'{visible}'"


def describe(value: object) -> str:
    """What kind of TOML value the user wrote, in words."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (datetime, date, time)):
        return "a date or time"
    return type(value).__name__


def wrong_type(owner: str, key: str, value: object, expected: str) -> FieldFault:
    return FieldFault(f"{owner} has {key} as {describe(value)}; it must be {expected}")


def unknown_key(owner: str, key: str, known: Iterable[str], noun: str = "key") -> FieldFault:
    known = list(known)
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"the {noun}s are " + ", ".join(known)
    return FieldFault(f"{owner} has an unknown {noun} {show(key)}; {hint}")


def _clean(value: str) -> str:
    # Files from Windows and spreadsheets carry \r\n; one newline form keeps round trips exact.
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _reject_unprintable(owner: str, key: str, value: str, multiline: bool) -> None:
    for ch in value:
        if (ch == "\n" and multiline) or ch == "\t":
            continue
        if ch == "\n":
            raise FieldFault(f"{owner} has a line break in {key}; keep {key} on one line")
        if unicodedata.category(ch) in ("Cc", "Cs"):
            raise FieldFault(f"{owner} has a control character ({repr(ch)[1:-1]}) in {key}; remove it")


def text(owner: str, key: str, value: object, *, multiline: bool = True, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise wrong_type(owner, key, value, "text in quotes")
    cleaned = _clean(value)
    if not cleaned and not allow_empty:
        raise FieldFault(f"{owner} has an empty {key}; write something in it")
    _reject_unprintable(owner, key, cleaned, multiline)
    return cleaned


def question_id(owner: str, value: object) -> str:
    if not isinstance(value, str):
        raise wrong_type(owner, "id", value, 'text such as "greatest-weakness"')
    if not QUESTION_ID.fullmatch(value):
        raise FieldFault(
            f"{owner} has id {show(value)}; use lowercase letters, digits and hyphens "
            f"(up to 64), such as 'greatest-weakness'"
        )
    return value


def category(owner: str, value: object) -> str:
    cleaned = text(owner, "category", value, multiline=False)
    if cleaned != cleaned.lower() or any(ch.isspace() or ch in "|,;" for ch in cleaned):
        raise FieldFault(f"{owner} has category {show(cleaned)}; use one lowercase word, such as 'tricky'")
    return cleaned


def difficulty(owner: str, value: object) -> Difficulty:
    if not isinstance(value, str):
        raise wrong_type(owner, "difficulty", value, f"text: {DIFFICULTY_CHOICES}")
    try:
        return Difficulty(value.strip().lower())
    except ValueError:
        raise FieldFault(f"{owner} has difficulty {show(value)}; use {DIFFICULTY_CHOICES}") from None


def language(owner: str, value: object) -> str:
    cleaned = text(owner, "language", value, multiline=False)
    if not LANGUAGE.fullmatch(cleaned):
        raise FieldFault(f"{owner} has language {show(cleaned)}; use a language code such as 'en' or 'ko'")
    return cleaned


def text_list(
    owner: str, key: str, value: object, *, item: str, multiline: bool, max_items: int | None = None
) -> tuple[str, ...]:
    """A list of text items (tags, follow-ups); `item` names one in messages ("tag")."""
    if not isinstance(value, list):
        raise wrong_type(owner, key, value, f'a list of text, such as ["first {item}"]')
    items = []
    for position, entry in enumerate(value, start=1):
        if not isinstance(entry, str):
            raise FieldFault(
                f"{owner} has {describe(entry)} as {item} {position} in {key}; each {item} must be text in quotes"
            )
        cleaned = text(owner, f"{item} {position}", entry, multiline=multiline)
        if "|" in cleaned:
            raise FieldFault(f"{owner} has '|' in {item} {position}; CSV files use '|' between {item}s, so rephrase it")
        items.append(cleaned)
    if max_items is not None and len(items) > max_items:
        raise FieldFault(f"{owner} has {len(items)} {key}; keep it to at most {max_items}")
    return tuple(items)


def tags(owner: str, value: object) -> tuple[str, ...]:
    return text_list(owner, "tags", value, item="tag", multiline=False)


def follow_ups(owner: str, value: object) -> tuple[str, ...]:
    return text_list(owner, "follow_ups", value, item="follow-up", multiline=True, max_items=MAX_FOLLOW_UPS)


def target(owner: str, key: str, value: object) -> TargetRange:
    """A [min, max] pair in seconds."""
    shape = f"two numbers of seconds, such as {key} = [60, 120]"
    if not isinstance(value, list):
        raise wrong_type(owner, key, value, shape)
    if len(value) != 2 or any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in value):
        raise FieldFault(f"{owner} has {key} that is not {shape}")
    return target_pair(owner, key, value[0], value[1])


def target_pair(owner: str, key: str, low: float, high: float) -> TargetRange:
    """Checks the numbers of a target range (the shape was checked by the caller)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        raise FieldFault(f"{owner} has {key} with a value that is not a real number of seconds")
    if low < 0 or high <= 0:
        raise FieldFault(f"{owner} has {key} {low:g}-{high:g}; seconds must be above zero")
    if low > high:
        raise FieldFault(f"{owner} has {key} {low:g}-{high:g}; the minimum must not be above the maximum")
    if high > MAX_TARGET_S:
        raise FieldFault(f"{owner} has {key} up to {high:g} seconds; keep answers to {MAX_TARGET_S:g} seconds at most")
    return TargetRange(float(low), float(high))
