"""The words the analysis looks for in one language, with the user's own filler list applied."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from mockint.core.analysis.context import ContextRule
from mockint.core.analysis.languages import language_data, normalise_code, supported_languages
from mockint.core.analysis.languages.base import EvidenceVocabulary, LanguageData, StarVocabulary
from mockint.core.analysis.phrases import PhraseMatcher, PhraseRule
from mockint.core.analysis.tokens import is_bracketed


def normalise_phrase(entry: object) -> str:
    """A user's filler entry as transcripts spell it: lowercase, single spaces; "" if unusable."""
    return " ".join(entry.lower().split()) if isinstance(entry, str) else ""


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything language-specific the analysis needs, precompiled into sets and phrase tables.

    Fillers the user added count everywhere (they asked for them), ahead of the built-in context
    rules; fillers the user removed are not counted in any context. Build one with
    `Lexicon.for_language`; the result is cached, so building it per answer costs nothing.
    """

    language: str
    known: bool  # MockInt has built-in data for this language (else only the user's fillers count)
    filled_pauses: frozenset[str]  # including bracketed forms such as "[uh]" and "[hesitation]"
    always_fillers: frozenset[str]
    added_phrases: PhraseMatcher  # the user's multi-word fillers
    context_rules: Mapping[str, tuple[ContextRule, ...]]  # by first word, longest phrase first
    hedges: PhraseMatcher
    self_talk: PhraseMatcher
    artifacts: frozenset[str]
    deliberate_repeats: frozenset[str]
    evidence: EvidenceVocabulary
    star: StarVocabulary

    @classmethod
    def for_language(
        cls, language: str = "en", added_fillers: Iterable[str] = (), removed_fillers: Iterable[str] = ()
    ) -> Lexicon:
        added = _phrase_set(added_fillers)
        removed = _phrase_set(removed_fillers)
        return _build(normalise_code(language) or "en", added, removed)

    @classmethod
    def from_settings_values(cls, language: str, custom_fillers: object, removed_fillers: object) -> Lexicon:
        """From the settings' {language: [words]} maps; entries of the wrong shape are ignored."""
        return cls.for_language(language, _entries(custom_fillers, language), _entries(removed_fillers, language))

    @staticmethod
    def supported_languages() -> tuple[str, ...]:
        return supported_languages()

    def filler_phrases(self) -> tuple[str, ...]:
        """Every filler this lexicon counts (some only in context), for the settings screen."""
        contextual = (rule.text for rules in self.context_rules.values() for rule in rules)
        plain = (w for w in self.filled_pauses if not is_bracketed(w))
        return tuple(sorted({*plain, *self.always_fillers, *contextual, *self.added_phrases.phrases}))


def _phrase_set(entries: Iterable[str]) -> tuple[str, ...]:
    if isinstance(entries, str):
        entries = (entries,)  # one filler given bare, not its letters
    return tuple(sorted({p for p in map(normalise_phrase, entries) if p}))


def _entries(mapping: object, language: str) -> tuple[str, ...]:
    if not isinstance(mapping, Mapping):
        return ()
    values = mapping.get(language, mapping.get(normalise_code(language), ()))
    if isinstance(values, str) or not isinstance(values, Iterable):
        return ()
    return tuple(v for v in values if isinstance(v, str))


@functools.lru_cache(maxsize=32)
def _build(code: str, added: tuple[str, ...], removed: tuple[str, ...]) -> Lexicon:
    data = language_data(code) or LanguageData(code=code, name=code)
    gone = frozenset(removed)
    filled = {w for w in data.filled_pauses if w not in gone}
    filled |= {f"[{w}]" for w in filled if f"[{w}]" not in gone}
    filled |= {w for w in data.bracketed_fillers if w not in gone}
    always = {w for w in data.always_fillers if w not in gone}
    multi_word: list[PhraseRule] = []
    for phrase in added:
        if " " in phrase:
            multi_word.append(PhraseRule.of(phrase))
        elif is_bracketed(phrase):
            filled.add(phrase)
        else:
            always.add(phrase)
    rules: dict[str, list[ContextRule]] = {}
    for rule in data.context_rules:
        if rule.text not in gone:
            rules.setdefault(rule.phrase[0], []).append(rule)
    return Lexicon(
        language=code,
        known=language_data(code) is not None,
        filled_pauses=frozenset(filled),
        always_fillers=frozenset(always),
        added_phrases=PhraseMatcher(multi_word),
        context_rules={first: tuple(sorted(group, key=lambda r: -len(r.phrase))) for first, group in rules.items()},
        hedges=PhraseMatcher(data.hedges),
        self_talk=PhraseMatcher(data.self_talk),
        artifacts=data.artifacts,
        deliberate_repeats=data.deliberate_repeats,
        evidence=data.evidence,
        star=data.star,
    )
