"""Which shipped questions read like a question typed from memory: offline text similarity.

rapidfuzz does the matching; this module only decides what is compared. Wording is normalised
(case, punctuation, the little words that carry no meaning) and a token-set and a token-sort
comparison are averaged: the first forgives extra words ("Can you tell me a bit about
yourself?" finds "Tell me about yourself."), the second keeps a question that merely contains
the query's words from scoring as high as one that says the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

T = TypeVar("T")

# Below this a "match" shares a word or two by chance.
MIN_SCORE = 60.0

_STOP_WORDS = frozenset(
    "a an the me you your i my to of in on at for and or is are was were do did does can could would "
    "will please us just so bit some".split()
)
_WORD = re.compile(r"[\w']+")


def normalised(text: str) -> str:
    """The question's meaningful words, lower case, in order."""
    words = [w for w in _WORD.findall(text.lower()) if w not in _STOP_WORDS]
    return " ".join(words) if words else " ".join(_WORD.findall(text.lower()))


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    item: T
    text: str
    score: float  # 0-100


def _score(query: str, choice: str, **_: object) -> float:
    return 0.5 * fuzz.token_set_ratio(query, choice) + 0.5 * fuzz.token_sort_ratio(query, choice)


def similar(
    query: str, candidates: Iterable[tuple[T, str]], *, limit: int = 3, min_score: float = MIN_SCORE
) -> list[Match[T]]:
    """The `limit` candidates (item, text) most like `query`, best first; none for an empty query."""
    if not normalised(query).strip():
        return []
    pairs: Sequence[tuple[T, str]] = list(candidates)
    choices = [normalised(text) for _, text in pairs]
    found = process.extract(normalised(query), choices, scorer=_score, limit=limit, score_cutoff=min_score)
    return [Match(pairs[index][0], pairs[index][1], round(float(score), 1)) for _, score, index in found]
