"""How far Switchboard's annotation of "like" lets any model agree with it (issue 13, "like" F1 >= 0.85).

    python -m scripts.like_agreement      (needs the `dev` extra: scikit-learn)

Reads only the development split (benchmarks/switchboard.py; the package's test split is never
read) and our labelled examples, and prints three things:

1. Contexts that read alike but are annotated both ways: how many "like"s in each are tagged a
   filler (`<e/>`) and how many not ("it's like ten out of twelve" is one, "it's like fifty
   percent" is not). The utterance-start tag is shown for comparison only: the analysis never
   has it (it hears words and silences, not the annotators' segmentation).
2. The trainer's recipe (scripts/train_fillers.py: the same features, vetoes, C grid and
   threshold choice) cross-validated over several reshufflings of whole conversations into
   folds, as mean +- standard deviation: one fixed split moves by a few hundredths from one
   harmless change to the next, so a single split cannot tell a better "like" model from luck.
3. A learning curve: the same model trained on a quarter, half, three quarters and all of the
   other conversations. A flat curve says more data annotated this way would not help either.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable

import numpy as np

from benchmarks.switchboard import GoldWord, development_sides
from scripts.train_fillers import (
    C_GRID,
    FOLDS,
    Sample,
    _fit,
    _predict,
    choose_threshold,
    example_samples,
    prf,
    switchboard_samples,
)

SEEDS = range(8)
FRACTIONS = (0.25, 0.5, 0.75, 1.0)
CURVE_C, CURVE_THRESHOLD = 0.2, 0.4  # the shipped "like" model's C and threshold (train_fillers prints them)
_NUMBERS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand".split()
)
_BE = frozenset("is was were are am be been it's that's there's he's she's i'm we're they're you're".split())
_PREPOSITIONS = frozenset("in for after until of".split())
_CONJUNCTIONS = frozenset("and but or because cause".split())
_NEW_SUBJECT = frozenset("i we they he she there there's they're we're i'm".split())


def _likes() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for side in development_sides():
        words: tuple[GoldWord, ...] = side.words

        def text(j: int, words: tuple[GoldWord, ...] = words) -> str | None:
            return words[j].text if 0 <= j < len(words) else None

        for i, word in enumerate(words):
            if word.text == "like":
                silence = word.start - words[i - 1].end if i else 99.0
                rows.append(
                    {"gold": word.edit, "b": text(i - 1), "a": text(i + 1), "a2": text(i + 2)}
                    | {"opens": word.turn_start, "silence": silence}
                )
    return rows


def _number(word: object) -> bool:
    return isinstance(word, str) and word.split("-", 1)[0] in _NUMBERS


CONTEXTS: tuple[tuple[str, Callable[[dict], bool]], ...] = (
    ("every like", lambda r: True),
    ("like + a number (like ten, like twenty-three)", lambda r: _number(r["a"])),
    ("  of which be + like + number (it's like ten)", lambda r: _number(r["a"]) and r["b"] in _BE),
    ("  of which in/for/after + like + number", lambda r: _number(r["a"]) and r["b"] in _PREPOSITIONS),
    ("be + like (is like, was like, it's like)", lambda r: r["b"] in _BE),
    ("  of which it's like", lambda r: r["b"] == "it's"),
    ("like i/you/we said/say", lambda r: r["a"] in ("i", "you", "we") and r["a2"] in ("said", "say")),
    ("and/but/or/because + like", lambda r: r["b"] in _CONJUNCTIONS),
    ("like + a new subject (like i.., like they..)", lambda r: r["a"] in _NEW_SUBJECT),
    ("like after a silence of 0.5 s or more", lambda r: r["silence"] >= 0.5),
    ("like opening an utterance (annotators' tag; not heard)", lambda r: r["opens"]),
    ("  of which after a silence under 0.3 s", lambda r: r["opens"] and r["silence"] < 0.3),
)


def print_contexts() -> None:
    rows = _likes()
    print(f"{'context on the development split':58} filler  not")
    for name, test in CONTEXTS:
        chosen = [r for r in rows if test(r)]
        print(f"{name:58} {sum(bool(r['gold']) for r in chosen):6} {sum(not r['gold'] for r in chosen):4}")
    same: dict[tuple[object, object], list[bool]] = defaultdict(list)
    for r in rows:
        same[(r["b"], r["a"])].append(bool(r["gold"]))
    both = {f"{b} like {a}": f"{sum(v)}/{len(v)}" for (b, a), v in same.items() if len(set(v)) > 1}
    print(f"identical word before and after, annotated both ways: {both}")


def _scored(samples: list[Sample]) -> tuple[list[Sample], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The model's samples, and (gold, from Switchboard) over every occurrence, vetoed ones last."""
    live = [s for s in samples if not s.vetoed]
    vetoed = [s for s in samples if s.vetoed]
    gold = np.array([s.gold for s in live + vetoed], dtype=bool)
    swbd = np.array([s.source == "swbd" for s in live + vetoed], dtype=bool)
    return live, gold[: len(live)], swbd[: len(live)], gold, swbd


def _folds(live: list[Sample], seed: int) -> np.ndarray:
    groups = sorted({s.group for s in live})
    shuffled = np.random.default_rng(seed).permutation(len(groups)) % FOLDS
    fold_of = dict(zip(groups, shuffled, strict=True))
    return np.array([fold_of[s.group] for s in live])


def _out_of_fold(live: list[Sample], folds: np.ndarray, c: float, keep: Callable[[Sample], bool]) -> np.ndarray:
    probability = np.zeros(len(live))
    for fold in range(FOLDS):
        scored = np.flatnonzero(folds == fold)
        training = [s for s, f in zip(live, folds, strict=True) if f != fold and keep(s)]
        probability[scored] = _predict(_fit(training, c), [live[k] for k in scored], False)
    return probability


def repeated_cv(samples: list[Sample]) -> list[float]:
    """Switchboard "like" F1 out of fold, per reshuffling, with C and threshold chosen as the trainer does."""
    live, gold, swbd, every_gold, every_swbd = _scored(samples)
    missed = np.zeros(len(every_gold) - len(live), dtype=bool)
    scores = []
    for seed in SEEDS:
        folds = _folds(live, seed)
        best: tuple[float, np.ndarray] | None = None
        for c in C_GRID:
            probability = _out_of_fold(live, folds, c, lambda s: True)
            threshold, score = choose_threshold("like", gold, probability, swbd)
            if best is None or score > best[0]:
                best = (score, np.concatenate([probability >= threshold, missed]))
        assert best is not None
        scores.append(prf(every_gold[every_swbd], best[1][every_swbd])[2])
    return scores


def learning_curve(samples: list[Sample]) -> dict[float, list[float]]:
    """Switchboard "like" F1 out of fold when only a fraction of the other conversations train the model."""
    live, _gold, _swbd, every_gold, every_swbd = _scored(samples)
    missed = np.zeros(len(every_gold) - len(live), dtype=bool)
    curve: dict[float, list[float]] = {}
    for fraction in FRACTIONS:
        curve[fraction] = []
        for seed in SEEDS:
            rng = np.random.default_rng(seed)
            conversations = sorted({s.group for s in live if s.source == "swbd"})
            kept = {str(c) for c in rng.permutation(conversations)[: max(1, round(fraction * len(conversations)))]}

            def trains(s: Sample, kept: set[str] = kept) -> bool:
                return s.source != "swbd" or s.group in kept  # our examples always train

            probability = _out_of_fold(live, _folds(live, seed), CURVE_C, trains)
            predicted = np.concatenate([probability >= CURVE_THRESHOLD, missed])
            curve[fraction].append(prf(every_gold[every_swbd], predicted[every_swbd])[2])
    return curve


def main() -> int:
    print_contexts()
    samples = [s for s in switchboard_samples() + example_samples() if s.name == "like"]
    scores = repeated_cv(samples)
    print(
        f"\n'like' F1 out of fold, {len(scores)} reshufflings of conversations into {FOLDS} folds: "
        f"{np.mean(scores):.3f} +- {np.std(scores):.3f} (range {min(scores):.3f}-{max(scores):.3f})"
    )
    for fraction, values in learning_curve(samples).items():
        print(f"trained on {fraction:.0%} of the other conversations: F1 {np.mean(values):.3f} +- {np.std(values):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
