"""Hedges ("i think", "maybe", "kind of"): reported apart from fillers, as softening rather than noise."""

from __future__ import annotations

from mockint.core.analysis.findings import HedgeHit
from mockint.core.analysis.phrases import PhraseMatcher
from mockint.core.analysis.tokens import TokenView


def find_hedges(view: TokenView, hedges: PhraseMatcher) -> tuple[HedgeHit, ...]:
    words = view.words
    return tuple(
        HedgeHit(i, rule.text, words[i].start, words[i + len(rule.words) - 1].end)
        for i, rule in hedges.find(view.texts)
    )
