"""Finding fixed phrases ("i think", "for example", "i'm bad at") in a word sequence in one pass."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PhraseRule:
    """A phrase, and the neighbours that make it mean something else ("what kind of", "i think about")."""

    words: tuple[str, ...]
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()

    @classmethod
    def of(cls, phrase: str, not_after: Iterable[str] = (), not_before: Iterable[str] = ()) -> PhraseRule:
        return cls(tuple(phrase.split()), frozenset(not_after), frozenset(not_before))

    @property
    def text(self) -> str:
        return " ".join(self.words)


class PhraseMatcher:
    """Longest-match, non-overlapping phrase search keyed by first word (a dict lookup per word)."""

    __slots__ = ("_by_first",)

    def __init__(self, rules: Iterable[PhraseRule]) -> None:
        by_first: dict[str, list[PhraseRule]] = {}
        for rule in rules:
            if rule.words:
                by_first.setdefault(rule.words[0], []).append(rule)
        self._by_first = {first: tuple(sorted(group, key=lambda r: -len(r.words))) for first, group in by_first.items()}

    def __bool__(self) -> bool:
        return bool(self._by_first)

    @property
    def phrases(self) -> tuple[str, ...]:
        return tuple(sorted(rule.text for group in self._by_first.values() for rule in group))

    def match_at(self, texts: tuple[str, ...], i: int) -> PhraseRule | None:
        """The longest phrase starting at i whose context allows it, or None."""
        group = self._by_first.get(texts[i])
        if group is None:
            return None
        n = len(texts)
        for rule in group:
            size = len(rule.words)
            if i + size > n:
                continue
            if size > 1 and texts[i : i + size] != rule.words:
                continue
            if rule.not_after and i > 0 and texts[i - 1] in rule.not_after:
                continue
            if rule.not_before and i + size < n and texts[i + size] in rule.not_before:
                continue
            return rule
        return None

    def find(self, texts: tuple[str, ...]) -> Iterator[tuple[int, PhraseRule]]:
        """Every match as (index of its first word, rule), left to right, never overlapping."""
        i, n = 0, len(texts)
        by_first = self._by_first
        while i < n:
            if texts[i] in by_first:
                rule = self.match_at(texts, i)
                if rule is not None:
                    yield i, rule
                    i += len(rule.words)
                    continue
            i += 1


@functools.lru_cache(maxsize=64)
def matcher_for(rules: tuple[PhraseRule, ...]) -> PhraseMatcher:
    """One shared matcher per rule list, so a language's tables are built once, not per answer."""
    return PhraseMatcher(rules)
