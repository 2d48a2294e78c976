"""Filler detection against people's annotation of real speech (Switchboard, the development split).

Each speaker side of the heldout split of `deep-disfluency==0.0.1` (fetched once into the cache
folder, see benchmarks/switchboard.py) goes through the public analysis path as
`mockint analyze SIDE.json --json` takes it: a Vosk result with word timings, parsed by
`transcript_from_vosk_json`, analysed by `analyze_answer` with the default lexicon. Every
occurrence of a candidate word is scored: gold positive = the annotators tagged it `<e/>`;
predicted = a reported filler starting at that word. The word-list baseline counts every
occurrence as a filler.

Figures (per class: gold, not, precision, recall, f1, and the baseline's):
  fillers_<class>_{gold,not,p,r,f1,list_p,list_r,list_f1} for you_know, well, like, i_mean, so,
  right, okay, actually, um_uh; fillers_context_pooled_{p,r,f1,list_f1} (like, you know, i mean,
  well); fillers_sroa_pooled_{p,r,list_p} (so, right, okay, actually); fillers_um_uh_recall.
Goals: context pooled F1 >= 0.95, like F1 >= 0.85, so/right/okay/actually precision >= 0.7,
um/uh recall 1.00.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from benchmarks.switchboard import Side, development_sides
from mockint.core.analysis import analyze_answer
from mockint.core.targets import GENERAL
from mockint.core.transcript_parse import text_words, transcript_from_vosk_json

# class name -> the words that spell it (the first word carries the gold tag)
CLASSES: dict[str, tuple[str, ...]] = {
    "you_know": ("you", "know"),
    "well": ("well",),
    "like": ("like",),
    "i_mean": ("i", "mean"),
    "so": ("so",),
    "right": ("right",),
    "okay": ("okay",),
    "actually": ("actually",),
    "um": ("um",),
    "uh": ("uh",),
}
CONTEXT_POOL = ("like", "you_know", "i_mean", "well")
SROA_POOL = ("so", "right", "okay", "actually")
FILLED_POOL = ("um", "uh")


@dataclass
class Tally:
    """Counts for one class: the engine's and the word list's (which flags every occurrence)."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, gold: bool, predicted: bool) -> None:
        self.counts["gold" if gold else "not"] += 1
        self.counts["tp" if gold and predicted else "fp" if predicted else "fn" if gold else "tn"] += 1

    def merged(self, other: Tally) -> Tally:
        return Tally(self.counts + other.counts)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    return round(2 * p * r / (p + r), 3) if p and r else (0.0 if p is not None and r is not None else None)


def scores(tally: Tally) -> dict[str, float | int | None]:
    c = tally.counts
    p, r = _ratio(c["tp"], c["tp"] + c["fp"]), _ratio(c["tp"], c["tp"] + c["fn"])
    list_p, list_r = _ratio(c["gold"], c["gold"] + c["not"]), (1.0 if c["gold"] else None)
    return {
        "gold": c["gold"],
        "not": c["not"],
        "p": p,
        "r": r,
        "f1": _f1(p, r),
        "list_p": list_p,
        "list_r": list_r,
        "list_f1": _f1(list_p, list_r),
    }


def reported_starts(side: Side) -> tuple[set[int], list[int]]:
    """The gold-word positions where a reported filler starts, and each gold word's first analysed index."""
    transcript = transcript_from_vosk_json(json.dumps(side.vosk_result()), side.speaker)
    report = analyze_answer(transcript, GENERAL)
    first_index, k = [], 0
    for word in side.words:  # a recognizer token may be split or dropped by the parser: map positions back
        first_index.append(k)
        k += len(text_words(word.text))
    by_index = {index: position for position, index in enumerate(first_index)}
    return {by_index[f.index] for f in report.fillers if f.index in by_index}, first_index


def tally_sides(sides: list[Side]) -> dict[str, Tally]:
    tallies = {name: Tally() for name in CLASSES}
    for side in sides:
        predicted, _ = reported_starts(side)
        texts = [w.text for w in side.words]
        for i, word in enumerate(side.words):
            for name, phrase in CLASSES.items():
                if tuple(texts[i : i + len(phrase)]) == phrase:
                    tallies[name].add(word.edit, i in predicted)
    return tallies


def _pool(tallies: dict[str, Tally], names: tuple[str, ...]) -> Tally:
    pooled = Tally()
    for name in names:
        pooled = pooled.merged(tallies[name])
    return pooled


def table(tallies: dict[str, Tally]) -> dict[str, object]:
    figures: dict[str, object] = {}
    for name, tally in tallies.items():
        for key, value in scores(tally).items():
            figures[f"fillers_{name}_{key}"] = value
    context, sroa, filled = (scores(_pool(tallies, pool)) for pool in (CONTEXT_POOL, SROA_POOL, FILLED_POOL))
    figures.update(
        {
            "fillers_context_pooled_p": context["p"],
            "fillers_context_pooled_r": context["r"],
            "fillers_context_pooled_f1": context["f1"],
            "fillers_context_pooled_list_f1": context["list_f1"],
            "fillers_sroa_pooled_p": sroa["p"],
            "fillers_sroa_pooled_r": sroa["r"],
            "fillers_sroa_pooled_list_p": sroa["list_p"],
            "fillers_um_uh_recall": filled["r"],
        }
    )
    return figures


def figures() -> dict[str, object]:
    return table(tally_sides(development_sides()))


if __name__ == "__main__":
    for key, value in figures().items():
        print(f"{key:36} {value}")
