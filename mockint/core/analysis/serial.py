"""Reading a stored report back: typed field readers that fail with one clear error, and rounding."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any, TypeVar

from mockint.core.errors import BadInputError

E = TypeVar("E", bound=Enum)


class ReportFormatError(BadInputError):
    """A stored report is not in the shape MockInt writes (damaged, or from a different version)."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"a saved analysis report cannot be read: {problem}")
        self.problem = problem


def round_s(seconds: float | None) -> float | None:
    """Seconds as reports give them: two decimals (10 ms is finer than anyone hears)."""
    return None if seconds is None else round(float(seconds), 2)


def round_rate(rate: float | None) -> float | None:
    return None if rate is None else round(float(rate), 1)


def obj(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ReportFormatError(f"{where} should be an object")
    return value


def items(data: Mapping[str, Any], key: str) -> Sequence[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        raise ReportFormatError(f'"{key}" should be a list')
    return value


def text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise ReportFormatError(f'"{key}" should be text')
    return value


def integer(data: Mapping[str, Any], key: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ReportFormatError(f'"{key}" should be a whole number')
    return value


def number(data: Mapping[str, Any], key: str) -> float:
    value = optional_number(data, key)
    if value is None:
        raise ReportFormatError(f'"{key}" should be a number')
    return value


def optional_number(data: Mapping[str, Any], key: str) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ReportFormatError(f'"{key}" should be a number or null')
    return float(value)


def choice(data: Mapping[str, Any], key: str, enum: type[E]) -> E:
    value = data.get(key)
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in enum)
        raise ReportFormatError(f'"{key}" should be one of {allowed}, not {value!r}') from None
