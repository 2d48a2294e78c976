"""Specific evidence: figures ("thirty percent", "12"), result words ("reduced"), and "for example"."""

from __future__ import annotations

from mockint.core.analysis.detail import EvidenceHit, EvidenceKind
from mockint.core.analysis.languages.base import EvidenceVocabulary
from mockint.core.analysis.phrases import matcher_for
from mockint.core.analysis.tokens import TokenView, is_bracketed


def _is_number(text: str, number_words: frozenset[str]) -> bool:
    """A figure; a recognizer's bracketed token ("[2]", "[noise]") is a sound, never a figure."""
    if text in number_words:
        return True
    if text.isalpha():
        return False  # most words: no digit, decided in C
    return any(c.isdigit() for c in text) and not is_bracketed(text)


def _joins_numbers(texts: tuple[str, ...], j: int, numbers: frozenset[str]) -> bool:
    """The "and" of "two hundred and fifty"."""
    return texts[j] == "and" and j + 1 < len(texts) and _is_number(texts[j + 1], numbers)


def find_evidence(view: TokenView, vocabulary: EvidenceVocabulary) -> tuple[EvidenceHit, ...]:
    """Each figure once (consecutive number words and their unit are one figure), in order."""
    texts, words = view.texts, view.words
    numbers, units, results = vocabulary.number_words, vocabulary.number_units, vocabulary.result_words
    examples = matcher_for(vocabulary.example_phrases)
    hits: list[EvidenceHit] = []
    i, n = 0, len(texts)
    while i < n:
        text = texts[i]
        if _is_number(text, numbers):
            j = i + 1
            while j < n and (_is_number(texts[j], numbers) or texts[j] in units or _joins_numbers(texts, j, numbers)):
                j += 1
            hits.append(EvidenceHit(i, " ".join(texts[i:j]), EvidenceKind.NUMBER, words[i].start))
            i = j
            continue
        rule = examples.match_at(texts, i) if examples else None
        if rule is not None:
            hits.append(EvidenceHit(i, rule.text, EvidenceKind.EXAMPLE, words[i].start))
            i += len(rule.words)
            continue
        if text in results:
            hits.append(EvidenceHit(i, text, EvidenceKind.RESULT, words[i].start))
        i += 1
    return tuple(hits)
