"""A report part to JSON-ready values and back, through msgspec: the dataclasses themselves say
the shape (field names, types, enums, what may be null), so there is no hand-written reader per
class to drift from them. Plus the rounding every report figure goes through.
"""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec

from mockint.core.errors import BadInputError

T = TypeVar("T")


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


def plain(value: Any) -> Any:
    """`value` (a report dataclass, or a tuple of them) as JSON's own values: objects with the
    fields in their declared order, enums as their values, tuples as lists."""
    return msgspec.json.decode(msgspec.json.encode(value))


def typed(value: Any, kind: type[T], where: str) -> T:
    """`value` (as `plain` gives it, or as JSON parsed it) read back as `kind`, checked all the
    way down: a wrong type, an unknown enum value or a missing field is a ReportFormatError
    saying where, in `where` (such as "the report"). A NaN or infinity is not looked for here:
    JSON has none, and the store's parser refuses the ones Python's would let through."""
    try:
        return msgspec.convert(value, kind, strict=True)
    except msgspec.ValidationError as error:
        # msgspec says where from the root, "$.metrics.word_count": the root is `where`.
        problem = str(error).replace("`$.", "`").replace("`$[", "`[").replace("`$`", where)
        raise ReportFormatError(problem if " - at " in problem else f"{where}: {problem}") from None
