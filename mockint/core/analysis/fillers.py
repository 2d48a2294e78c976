"""Filler words: filled pauses always, discourse fillers by context, the user's own always."""

from __future__ import annotations

from mockint.core.analysis.context import FillerContext
from mockint.core.analysis.findings import FillerHit, FillerKind
from mockint.core.analysis.lexicon import Lexicon
from mockint.core.analysis.tokens import TokenView


def find_fillers(view: TokenView, lexicon: Lexicon, hesitation_s: float) -> tuple[FillerHit, ...]:
    """One left-to-right pass; a filler's words are never part of another filler.

    Order of precedence at each word: the user's multi-word fillers, filled pauses, words that
    are always fillers (built-in or the user's), then the language's context rules.
    """
    texts, words = view.texts, view.words
    ctx = FillerContext(texts, view.gap_before, hesitation_s, view.breaks, words)
    filled, always, rules = lexicon.filled_pauses, lexicon.always_fillers, lexicon.context_rules
    added = lexicon.added_phrases
    hits: list[FillerHit] = []
    i, n = 0, len(texts)
    while i < n:
        text = texts[i]
        size, kind = 0, FillerKind.DISCOURSE
        phrase = added.match_at(texts, i) if added else None
        if phrase is not None:
            size = len(phrase.words)
        elif text in filled:
            size, kind = 1, FillerKind.FILLED_PAUSE
        elif text in always:
            size = 1
        elif text in rules:
            for rule in rules[text]:
                length = len(rule.phrase)
                if (length == 1 or texts[i : i + length] == rule.phrase) and rule.accept(ctx, i):
                    size = length
                    break
        if size == 0:
            i += 1
            continue
        last = i + size - 1
        hits.append(FillerHit(i, " ".join(texts[i : last + 1]), kind, words[i].start, words[last].end))
        for j in range(i, last + 1):
            ctx.is_filler[j] = 1
        i = last + 1
    return tuple(hits)
