"""Context rules any language can use for discourse fillers that are also ordinary words.

Languages other than English have no learned model yet, so their ambiguous fillers ("also",
"bueno", "그", "那个") count only where a listener hears them as a stall, and the rules lean to
not counting: a wrong filler costs the speaker more than a missed one. English's Switchboard data
showed why: connectives that open a clause ("so we...") are mostly not fillers, even after a pause.
"""

from __future__ import annotations

from collections.abc import Iterable

from mockint.core.analysis.context import ContextRule, FillerContext
from mockint.core.analysis.languages.base import LanguageData
from mockint.core.analysis.phrases import PhraseRule

# The hesitation markers the speech layer and some models write, counted in every language.
BRACKETED_FILLERS = frozenset({"[hesitation]", "[filler]", "[fp]"})


def _opens(ctx: FillerContext, i: int) -> bool:
    return i == 0 or ctx.pause_before(i) or ctx.after_filler(i)


def _trails(ctx: FillerContext, after: int, stalls: frozenset[str]) -> bool:
    """Nothing meaningful follows: the end, a pause, or another stall sound."""
    return after >= len(ctx.texts) or ctx.pause_before(after) or ctx.texts[after] in stalls


def apart(phrases: Iterable[str], stalls: frozenset[str]) -> tuple[ContextRule, ...]:
    """Fillers heard on their own: opening a stretch (the start, after a pause or a filler) and
    followed by nothing of substance (the end, a pause, a filled pause) - "also / ich denke",
    "bueno, eh, creo que", "그 / 음"."""
    rules = []
    for phrase in phrases:
        words = tuple(phrase.split())

        def accept(ctx: FillerContext, i: int, size: int = len(words)) -> bool:
            return _opens(ctx, i) and _trails(ctx, i + size, stalls)

        rules.append(ContextRule(words, accept))
    return tuple(rules)


def tags(phrases: Iterable[str]) -> tuple[ContextRule, ...]:
    """Tag fillers that close a stretch ("..., quoi", "..., né", "..., 对吧"): the end or a pause follows."""
    rules = []
    for phrase in phrases:
        words = tuple(phrase.split())

        def accept(ctx: FillerContext, i: int, size: int = len(words)) -> bool:
            after = i + size
            return i > 0 and (after >= len(ctx.texts) or ctx.pause_before(after))

        rules.append(ContextRule(words, accept))
    return tuple(rules)


def always(phrases: Iterable[str]) -> tuple[ContextRule, ...]:
    """Multi-word fillers that count wherever they appear ("o sea", "du coup", "как бы")."""
    return tuple(ContextRule(tuple(phrase.split()), _anywhere) for phrase in phrases)


def _anywhere(ctx: FillerContext, i: int) -> bool:
    return True


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _hedges(*phrases: str) -> tuple[PhraseRule, ...]:
    return tuple(PhraseRule.of(p) for p in phrases)


def language(
    code: str,
    name: str,
    filled: str,
    always_words: tuple[str, ...],
    apart_words: tuple[str, ...],
    tag_words: tuple[str, ...],
    hedges: tuple[str, ...],
) -> LanguageData:
    """A language's filler and hedge data from plain lists (the filled pauses space-separated)."""
    stalls = _words(filled)
    single = frozenset(w for w in always_words if " " not in w)
    return LanguageData(
        code=code,
        name=name,
        filled_pauses=stalls,
        bracketed_fillers=BRACKETED_FILLERS,
        always_fillers=single,
        context_rules=always(w for w in always_words if " " in w) + apart(apart_words, stalls) + tags(tag_words),
        hedges=_hedges(*hedges),
    )
