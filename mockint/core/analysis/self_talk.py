"""Self-deprecating phrases ("i'm bad at", "sorry"): they undersell the speaker, so they are pointed out."""

from __future__ import annotations

from mockint.core.analysis.detail import PhraseHit
from mockint.core.analysis.phrases import PhraseMatcher
from mockint.core.analysis.tokens import TokenView


def find_self_talk(view: TokenView, phrases: PhraseMatcher) -> tuple[PhraseHit, ...]:
    return tuple(PhraseHit(i, rule.text, view.words[i].start) for i, rule in phrases.find(view.texts))
