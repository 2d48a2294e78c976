"""Repeated words ("i i", "the the"): the stumble of restarting a sentence."""

from __future__ import annotations

from collections.abc import Collection

from mockint.core.analysis.detail import RepeatHit
from mockint.core.analysis.tokens import TokenView, is_bracketed


def find_repeats(
    view: TokenView, filler_positions: Collection[int], deliberate: frozenset[str]
) -> tuple[RepeatHit, ...]:
    """Runs of one word said twice or more in a row; fillers ("um um") and words doubled on
    purpose ("very very", "that that") are not stumbles."""
    texts, hits = view.texts, []
    i, n = 0, len(texts)
    while i < n:
        text = texts[i]
        j = i + 1
        while j < n and texts[j] == text:
            j += 1
        count = j - i
        if count > 1 and text and text not in deliberate and not is_bracketed(text) and i not in filler_positions:
            hits.append(RepeatHit(i, text, count, view.words[i].start))
        i = j
    return tuple(hits)
