"""Recognizer artifacts: a lone, unsure "huh" or "the" at the edge of an utterance is noise, not speech."""

from __future__ import annotations

from mockint.core.analysis.tokens import TokenView, reaches
from mockint.core.words import Word


def is_artifact(view: TokenView, i: int, artifacts: frozenset[str], hesitation_s: float, max_conf: float) -> bool:
    """Word i is one of the known artifact words, below `max_conf`, and at an utterance edge.

    An edge is the first or last word, or a word next to a silence of at least `hesitation_s`
    (small models hallucinate these words in breath noise around pauses). Plain text has no
    confidence, so nothing in it is ever an artifact.
    """
    word = view.words[i]
    if word.conf is None or word.conf >= max_conf or view.texts[i] not in artifacts:
        return False
    last = len(view.words) - 1
    return i == 0 or i == last or reaches(view.gap_before[i], hesitation_s) or reaches(view.gap_after(i), hesitation_s)


def split_artifacts(
    words: tuple[Word, ...], artifacts: frozenset[str], hesitation_s: float, max_conf: float
) -> tuple[tuple[Word, ...], tuple[Word, ...]]:
    """(the words to analyse, the artifacts dropped), judged on the original neighbours."""
    if not artifacts:
        return words, ()
    view = TokenView.of(words)
    dropped = [i for i in range(len(words)) if is_artifact(view, i, artifacts, hesitation_s, max_conf)]
    if not dropped:
        return words, ()
    gone = set(dropped)
    return tuple(w for i, w in enumerate(words) if i not in gone), tuple(words[i] for i in dropped)
