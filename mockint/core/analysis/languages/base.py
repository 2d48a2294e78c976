"""What a language contributes to the analysis: word lists and context rules, no logic of its own."""

from __future__ import annotations

from dataclasses import dataclass, field

from mockint.core.analysis.context import ContextRule
from mockint.core.analysis.phrases import PhraseRule


@dataclass(frozen=True)
class EvidenceVocabulary:
    """Words that make an answer specific: numbers, results, "for example"."""

    number_words: frozenset[str] = frozenset()
    # Words that belong to the number before them ("thirty percent" is one figure).
    number_units: frozenset[str] = frozenset()
    result_words: frozenset[str] = frozenset()
    example_phrases: tuple[PhraseRule, ...] = ()

    @property
    def known(self) -> bool:
        return bool(self.number_words or self.result_words or self.example_phrases)


@dataclass(frozen=True)
class StarVocabulary:
    """Cues for the parts of a STAR answer: situation, task, action, result.

    Besides the phrases, an action is "I/we" followed by a verb in the past tense, recognised by
    its ending or from the list of irregular ones.
    """

    situation: tuple[PhraseRule, ...] = ()
    task: tuple[PhraseRule, ...] = ()
    action: tuple[PhraseRule, ...] = ()
    result: tuple[PhraseRule, ...] = ()
    action_subjects: frozenset[str] = frozenset()
    past_suffixes: tuple[str, ...] = ()
    irregular_past: frozenset[str] = frozenset()
    not_actions: frozenset[str] = frozenset()  # past forms that narrate no action ("i was", "i needed")

    @property
    def known(self) -> bool:
        return bool(self.situation or self.task or self.action or self.result)


@dataclass(frozen=True)
class LanguageData:
    code: str
    name: str
    filled_pauses: frozenset[str] = frozenset()
    # Bracketed markers that are fillers on their own, beyond `[um]`-style forms of filled pauses.
    bracketed_fillers: frozenset[str] = frozenset()
    always_fillers: frozenset[str] = frozenset()
    context_rules: tuple[ContextRule, ...] = ()
    hedges: tuple[PhraseRule, ...] = ()
    self_talk: tuple[PhraseRule, ...] = ()
    artifacts: frozenset[str] = frozenset()
    # Words people double on purpose ("very very", "that that" in "i knew that that was wrong").
    deliberate_repeats: frozenset[str] = frozenset()
    evidence: EvidenceVocabulary = field(default_factory=EvidenceVocabulary)
    star: StarVocabulary = field(default_factory=StarVocabulary)
