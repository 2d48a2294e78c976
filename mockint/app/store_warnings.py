"""A page's loads and the damaged rows they left out: each page shows the warnings of its own
reads (the store collects them per thread, `Store.warnings_collected`), never another page's.

Plain Python, no Qt: the loads run in workers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from mockint.store import Store

T = TypeVar("T")


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """What a load read, with the warnings about the damaged rows it left out."""

    value: T
    warnings: tuple[str, ...]  # each once, oldest first ("rating of answer 7 was skipped: ...")


def with_warnings(store: Store, load: Callable[..., T], *args: Any) -> Loaded[T]:
    """`load(store, *args)` with the warnings of the rows it skipped, kept for this caller alone:
    they are not left in the store for the command line's take_warnings(), nor taken from it."""
    with store.warnings_collected() as warnings:
        value = load(store, *args)
    return Loaded(value, tuple(dict.fromkeys(warnings)))  # a page reads some rows more than once
