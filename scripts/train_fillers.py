"""Train the English filler model (mockint/core/analysis/filler_model_en.json).

    python -m scripts.train_fillers [--check]      (needs the `dev` extra: scikit-learn)

Data: the development split of Switchboard (benchmarks/switchboard.py fetches it once; the
package's test split is never read) plus our own labelled interview examples
(tests/data/analysis/filler_examples.toml), which weigh more because they are the speech
MockInt analyses. One logistic regression per context filler over `filler_model.features`
(neighbouring words, silence before and after, filler before, the hand rule's answer).

Against overfitting: the regularisation strength and each filler's threshold are chosen by
cross-validation that keeps whole conversations (both speaker sides) out of the fold they are
scored on; features seen fewer than `MIN_COUNT` times are dropped; the out-of-fold figures are
printed, and they, not the fit on all data, are what to judge the model by. `--check` prints
the figures without writing the weights.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from benchmarks.switchboard import development_sides
from mockint.core.analysis.context import FillerContext
from mockint.core.analysis.filler_model import WEIGHTS_FILE, features
from mockint.core.analysis.languages.en_context import HAND_RULES
from mockint.core.analysis.tokens import TokenView
from mockint.core.words import Word

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "data" / "analysis" / "filler_examples.toml"
OUTPUT = ROOT / "mockint" / "core" / "analysis" / WEIGHTS_FILE
MODELLED = ("like", "you_know", "i_mean", "well", "so", "right", "okay", "actually")
HESITATION_S = 1.0  # the default threshold (Thresholds.hesitation_s)
EXAMPLE_WEIGHT = 4.0
MIN_COUNT = 3
C_GRID = (0.05, 0.1, 0.2, 0.5, 1.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.96, 0.05))
# Flagging an ordinary word costs the speaker more than missing a filler, so these fillers, that
# people mostly do not hear as fillers, count only when the model is sure.
MIN_PRECISION = {"so": 0.75, "right": 0.75, "okay": 0.75, "actually": 0.75}
FOLDS = 5
# The test's timing of a labelled sentence (tests/test_analysis_support.py): words of 0.3 s, gaps of
# 0.1 s, "/" a 1.5 s silence.
WORD_S, GAP_S, PAUSE_S = 0.3, 0.1, 1.5


@dataclass
class Sample:
    name: str
    features: list[str]
    gold: bool
    group: str
    weight: float
    source: str  # "swbd" or "examples"
    vetoed: bool = False  # grammar rules it out: never given to the model, scored as not a filler


def _samples(
    texts: tuple[str, ...], view: TokenView, fillers: bytearray, gold_at, group: str, weight: float, source: str
):
    ctx = FillerContext(texts, view.gap_before, HESITATION_S, view.breaks, view.words)
    ctx.is_filler[:] = fillers  # the annotators' fillers before each word (a rule reads only those)
    for i in range(len(texts)):
        for name in MODELLED:
            phrase, rule, veto = HAND_RULES[name]
            if tuple(texts[i : i + len(phrase)]) != phrase:
                continue
            if veto(ctx, i):  # the model is never asked there; a vetoed filler counts as missed
                yield Sample(name, [], gold_at(i, name), group, weight, source, vetoed=True)
                continue
            said = rule(ctx, i)
            yield Sample(name, features(ctx, i, len(phrase), said), gold_at(i, name), group, weight, source)


def switchboard_samples() -> list[Sample]:
    samples: list[Sample] = []
    for side in development_sides():
        words = tuple(Word(w.text, w.start, w.end) for w in side.words)
        view = TokenView.of(words)
        edits = bytearray(int(w.edit) for w in side.words)
        conversation = side.speaker.rstrip("AB")
        samples.extend(
            _samples(view.texts, view, edits, lambda i, _n, s=side: s.words[i].edit, conversation, 1.0, "swbd")
        )
    return samples


def timed(sentence: str) -> tuple[Word, ...]:
    words, t = [], 0.0
    for token in sentence.split():
        if token == "/":
            t += PAUSE_S - GAP_S
            continue
        words.append(Word(token, round(t, 2), round(t + WORD_S, 2)))
        t += WORD_S + GAP_S
    return tuple(words)


def example_samples() -> list[Sample]:
    with EXAMPLES.open("rb") as f:
        examples = tomllib.load(f)["example"]
    samples: list[Sample] = []
    for number, example in enumerate(examples):
        view = TokenView.of(timed(example["sentence"]))
        marked = {(text, index) for text, index in example["fillers"]}
        fillers = bytearray(len(view.texts))
        for text, index in marked:
            for j in range(index, index + len(text.split())):
                fillers[j] = 1

        def gold_at(i: int, name: str, marked: set = marked) -> bool:
            return (" ".join(HAND_RULES[name][0]), i) in marked

        samples.extend(_samples(view.texts, view, fillers, gold_at, f"example-{number}", EXAMPLE_WEIGHT, "examples"))
    return samples


def _fit(samples: list[Sample], c: float) -> tuple[DictVectorizer, LogisticRegression] | None:
    counts = Counter(f for s in samples for f in s.features)
    rows = [{f: 1.0 for f in s.features if counts[f] >= MIN_COUNT} for s in samples]
    y = np.array([s.gold for s in samples])
    if y.all() or not y.any():
        return None
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, y, sample_weight=np.array([s.weight for s in samples]))
    return vectorizer, model


def _predict(fitted, samples: list[Sample], constant: bool) -> np.ndarray:
    if fitted is None:
        return np.full(len(samples), 1.0 if constant else 0.0)
    vectorizer, model = fitted
    x = vectorizer.transform([{f: 1.0 for f in s.features} for s in samples])
    return model.predict_proba(x)[:, 1]


def out_of_fold(samples: list[Sample], c: float) -> np.ndarray:
    groups = np.array([s.group for s in samples])
    probabilities = np.zeros(len(samples))
    for train, test in GroupKFold(n_splits=FOLDS).split(samples, groups=groups):
        training = [samples[k] for k in train]
        fitted = _fit(training, c)
        probabilities[test] = _predict(fitted, [samples[k] for k in test], all(s.gold for s in training))
    return probabilities


def prf(gold: np.ndarray, predicted: np.ndarray) -> tuple[float, float, float]:
    tp = int((gold & predicted).sum())
    p = tp / predicted.sum() if predicted.sum() else 1.0
    r = tp / gold.sum() if gold.sum() else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def choose_threshold(name: str, gold: np.ndarray, probability: np.ndarray, swbd: np.ndarray) -> tuple[float, float]:
    """(threshold, score): the best F1 over both sources; for the fillers that must be precise,
    only among thresholds reaching MIN_PRECISION on each source (else the most precise, highest one)."""
    floor = MIN_PRECISION.get(name)
    best, best_score = 0.5, -np.inf
    for t in THRESHOLDS:
        predicted = probability >= t
        score = prf(gold, predicted)[2]
        if floor is not None:
            worst = min(prf(gold[swbd], predicted[swbd])[0], prf(gold[~swbd], predicted[~swbd])[0])
            if worst < floor:
                score = worst - 2.0
        if score > best_score + 1e-9 or (score < -1.0 and score >= best_score - 1e-9):
            best, best_score = t, score
    return best, best_score


def export(fitted, threshold: float) -> dict[str, float]:
    vectorizer, model = fitted
    weights = {"bias": round(float(model.intercept_[0]), 4)}
    for feature, coefficient in zip(vectorizer.feature_names_, model.coef_[0], strict=True):
        if abs(coefficient) >= 1e-3:
            weights[feature] = round(weights.get(feature, 0.0) + float(coefficient), 4)
    return weights


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.train_fillers")
    parser.add_argument("--check", action="store_true", help="print the cross-validated figures, write nothing")
    args = parser.parse_args(argv)
    all_samples = switchboard_samples() + example_samples()
    weights: dict[str, dict[str, float]] = {}
    thresholds: dict[str, float] = {}
    print("Out-of-fold figures (each conversation scored by a model that never saw it; vetoed words count):")
    print(f"{'filler':10} {'C':>5} {'thr':>5}  swbd gold/n  P     R     F1   | examples P     R     F1")
    pooled: dict[str, Counter[str]] = {"context": Counter(), "so/right/okay/actually": Counter()}
    for name in MODELLED:
        vetoed = [s for s in all_samples if s.name == name and s.vetoed]
        samples = [s for s in all_samples if s.name == name and not s.vetoed]
        gold = np.array([s.gold for s in samples])
        swbd = np.array([s.source == "swbd" for s in samples])
        best = None
        for c in C_GRID:
            probability = out_of_fold(samples, c)
            threshold, score = choose_threshold(name, gold, probability, swbd)
            predicted = probability >= threshold
            if best is None or score > best[0] + 1e-9:
                best = (score, c, threshold, predicted)
        assert best is not None
        _score, c, threshold, predicted = best
        # Scored over every occurrence, the vetoed ones as "not a filler".
        gold = np.concatenate([gold, np.array([s.gold for s in vetoed], dtype=bool)])
        swbd = np.concatenate([swbd, np.array([s.source == "swbd" for s in vetoed], dtype=bool)])
        predicted = np.concatenate([predicted, np.zeros(len(vetoed), dtype=bool)])
        sp, sr, sf = prf(gold[swbd], predicted[swbd])
        ep, er, ef = prf(gold[~swbd], predicted[~swbd])
        pool = "context" if name in ("like", "you_know", "i_mean", "well") else "so/right/okay/actually"
        g, q = gold[swbd], predicted[swbd]
        pooled[pool].update(tp=int((g & q).sum()), fp=int((~g & q).sum()), fn=int((g & ~q).sum()))
        print(
            f"{name:10} {c:5} {threshold:5}  {int(gold[swbd].sum()):4}/{int(swbd.sum()):<5} "
            f"{sp:.3f} {sr:.3f} {sf:.3f} |          {ep:.3f} {er:.3f} {ef:.3f}"
        )
        fitted = _fit(samples, c)
        if fitted is not None:
            weights[name] = export(fitted, threshold)
            thresholds[name] = threshold
    for pool, tally in pooled.items():
        p = tally["tp"] / max(1, tally["tp"] + tally["fp"])
        r = tally["tp"] / max(1, tally["tp"] + tally["fn"])
        print(f"pooled {pool}: P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0.0:.3f}")
    if not args.check:
        output = {"weights": weights, "thresholds": thresholds}
        OUTPUT.write_text(json.dumps(output, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        size = OUTPUT.stat().st_size
        print(f"wrote {OUTPUT.relative_to(ROOT)}: {sum(map(len, weights.values()))} weights, {size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
