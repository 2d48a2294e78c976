"""How long an answer should run: a target range in seconds, and the defaults by kind of question."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TargetRange:
    min_s: float
    max_s: float

    def __post_init__(self) -> None:
        if not (0 <= self.min_s <= self.max_s):
            raise ValueError(f"target range needs 0 <= min <= max, got {self.min_s}-{self.max_s}")

    def __str__(self) -> str:
        return f"{self.min_s:g}-{self.max_s:g} s"


# DESIGN.md, "Length": the defaults when a question carries no target of its own.
BEHAVIOURAL = TargetRange(60, 120)
INTRODUCTION = TargetRange(60, 90)
QUICK_FACTUAL = TargetRange(15, 45)
GENERAL = TargetRange(30, 120)  # nothing known about the question: flag only the extremes

_INTRODUCTION = re.compile(
    r"\b(tell me about yourself|walk me through your (background|cv|resume|career)|introduce yourself)\b"
)
_BEHAVIOURAL = re.compile(
    r"\b(tell me about a time|describe a (time|situation)|give me an example|share an example|talk me through a time)\b"
)


def default_target(question_text: str | None) -> TargetRange:
    """The default target for a question by its wording; GENERAL when there is no question."""
    if not question_text:
        return GENERAL
    text = question_text.lower()
    if _INTRODUCTION.search(text):
        return INTRODUCTION
    if _BEHAVIOURAL.search(text):
        return BEHAVIOURAL
    return QUICK_FACTUAL


def parse_target(spec: str) -> TargetRange:
    """Parses `MIN-MAX` in seconds (as `--target 60-120`); ValueError with a plain reason otherwise."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*", spec)
    if not match:
        raise ValueError(f"target must look like MIN-MAX in seconds, such as 60-120, not {spec!r}")
    low, high = float(match.group(1)), float(match.group(2))
    if low > high:
        raise ValueError(f"target {spec!r} has its minimum above its maximum")
    return TargetRange(low, high)
