"""Filler and hedge detection against the labelled examples in tests/data/analysis/filler_examples.toml."""

from __future__ import annotations

import tomllib
from collections import Counter

import pytest

from mockint.core.analysis import analyze_answer
from mockint.core.targets import GENERAL
from mockint.core.words import Transcript
from tests.conftest import DATA_DIR
from tests.test_analysis_support import timed

EXAMPLES_FILE = DATA_DIR / "analysis" / "filler_examples.toml"
CONTEXT_RULES = ("like", "you_know", "i_mean", "so", "well", "okay_so", "right")


@pytest.fixture(scope="module")
def examples() -> list[dict]:
    with EXAMPLES_FILE.open("rb") as f:
        return tomllib.load(f)["example"]


def _scores(found: set, expected: set, tally: Counter) -> None:
    tally["tp"] += len(found & expected)
    tally["fp"] += len(found - expected)
    tally["fn"] += len(expected - found)


def test_labels_are_well_formed_and_cover_every_context_rule(examples: list[dict]) -> None:
    assert len(examples) >= 200
    for example in examples:
        words = [w for w in example["sentence"].split() if w != "/"]
        for text, index in example["fillers"] + example["hedges"]:
            assert " ".join(words[index : index + len(text.split())]) == text, example["sentence"]
    for rule in CONTEXT_RULES:
        of_rule = [e for e in examples if e["rule"] == rule]
        word = rule.replace("_", " ")
        positive = [e for e in of_rule if any(text == word for text, _ in e["fillers"])]
        negative = [e for e in of_rule if word in e["sentence"] and not any(text == word for text, _ in e["fillers"])]
        assert len(positive) >= 4 and len(negative) >= 4, f"{rule}: {len(positive)} positive, {len(negative)} negative"


def test_filler_and_hedge_detection_precision_and_recall(examples: list[dict]) -> None:
    fillers, hedges = Counter(), Counter()
    for example in examples:
        report = analyze_answer(Transcript(timed(example["sentence"])), GENERAL)
        _scores({(f.text, f.index) for f in report.fillers}, {tuple(x) for x in example["fillers"]}, fillers)
        _scores({(h.text, h.index) for h in report.hedges}, {tuple(x) for x in example["hedges"]}, hedges)
    precision = fillers["tp"] / (fillers["tp"] + fillers["fp"])
    recall = fillers["tp"] / (fillers["tp"] + fillers["fn"])
    hedge_precision = hedges["tp"] / (hedges["tp"] + hedges["fp"])
    hedge_recall = hedges["tp"] / (hedges["tp"] + hedges["fn"])
    print(
        f"\nfillers: precision {precision:.3f}, recall {recall:.3f} ({dict(fillers)}); "
        f"hedges: precision {hedge_precision:.3f}, recall {hedge_recall:.3f} ({dict(hedges)})"
    )
    assert precision >= 0.95 and recall >= 0.95
    assert hedge_precision >= 0.95 and hedge_recall >= 0.95
