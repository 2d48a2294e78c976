"""Stretches the recognizer was unsure of: candidates for a re-listen, not faults of the speaker."""

from __future__ import annotations

from mockint.core.analysis.detail import LowConfidenceStretch
from mockint.core.analysis.tokens import TokenView

MIN_STRETCH_WORDS = 2  # one unsure word is common and rarely worth a re-listen; a run is


def _unsure(conf: float | None, below: float) -> bool:
    return conf is not None and conf < below


def low_confidence_stretches(
    view: TokenView, below: float, min_words: int = MIN_STRETCH_WORDS
) -> tuple[LowConfidenceStretch, ...]:
    words, stretches = view.words, []
    i, n = 0, len(words)
    while i < n:
        if not _unsure(words[i].conf, below):
            i += 1
            continue
        j = i
        while j + 1 < n and _unsure(words[j + 1].conf, below):
            j += 1
        if j - i + 1 >= min_words:
            run = words[i : j + 1]
            mean = sum(w.conf or 0.0 for w in run) / len(run)
            stretches.append(
                LowConfidenceStretch(i, j, " ".join(view.texts[i : j + 1]), run[0].start, run[-1].end, round(mean, 3))
            )
        i = j + 1
    return tuple(stretches)
