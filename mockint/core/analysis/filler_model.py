"""A small learned judge for the discourse fillers that need context ("like", "you know", "well"...).

A logistic regression per filler over what a listener hears around the word: the words before
and after, the silence before and after (or, in a typed transcript, a comma or dash there),
whether the word opens the answer or follows another filler, and what the hand-written rule in
the language's context module says. It is trained by `scripts/train_fillers.py` on people's
annotation of real speech (Switchboard, the development split) plus our own labelled interview
examples; the weights ship as a small JSON file beside this module. Pure Python: a sum of a few
dozen weights per candidate word.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources

from mockint.core.analysis.context import FillerContext

WEIGHTS_FILE = "filler_model_en.json"


def _gap_bucket(ctx: FillerContext, i: int) -> str:
    """The silence before word i as a listener would class it. Without timings (a typed
    transcript), a comma or dash there reads as a short pause and no mark as words run together."""
    if i <= 0:
        return "start"
    if i >= len(ctx.texts):
        return "end"
    gap = ctx.gap(i)
    if gap is None:
        return "3" if ctx.break_before(i) else "1"
    if gap < 0.05:
        return "0"
    if gap < 0.2:
        return "1"
    if gap < 0.5:
        return "2"
    if gap < 1.0:
        return "3"
    return "4"


_EDGES = frozenset({"<s>", "</s>"})
_NUMBERS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion "
    "half couple few several dozen".split()
)
_BE = frozenset("is was were are am be been it's that's there's he's she's i'm we're they're you're its".split())
_SUBJECTS = frozenset("i we you they he she people who".split())
_MODALS = frozenset(
    "would i'd we'd you'd they'd to don't didn't doesn't do does did will can could should might".split()
)
_FILLED = frozenset("um umm uh uhh uhm er erm ah hmm mm".split())


def _duration_bucket(ctx: FillerContext, i: int, size: int) -> str:
    """How long the candidate was said: a drawn-out "like" or "well" is a stall."""
    spoken = ctx.duration(i, size)
    if spoken is None:
        return "na"
    per_word = spoken / size
    return "0" if per_word < 0.15 else "1" if per_word < 0.25 else "2" if per_word < 0.4 else "3"


def _kind(word: str) -> str:
    """A coarse class of a neighbouring word, so rare words still tell the model something."""
    if word in _EDGES:
        return word
    if word in _FILLED:
        return "fp"
    if word[:1].isdigit() or word in _NUMBERS or word.split("-", 1)[0] in _NUMBERS:
        return "num"
    if word in _BE:
        return "be"
    if word in _SUBJECTS:
        return "subj"
    if word in _MODALS:
        return "modal"
    if len(word) > 3 and word.endswith("s") and "'" not in word:
        return "plural"
    return "w"


def features(ctx: FillerContext, i: int, size: int, rule_says: bool) -> list[str]:
    """What the model reads about the candidate of `size` words at i (its own words are known)."""
    before, before2 = ctx.word(i - 1) or "<s>", ctx.word(i - 2) or "<s>"
    after, after2 = ctx.word(i + size) or "</s>", ctx.word(i + size + 1) or "</s>"
    gap_in, gap_out = _gap_bucket(ctx, i), _gap_bucket(ctx, i + size)
    filler_before = "1" if ctx.after_filler(i) else "0"
    duration = _duration_bucket(ctx, i, size)
    restart = "1" if after in {before, before2, ctx.word(i - 3)} and after not in _EDGES else "0"
    return [
        f"an={_kind(after)}",
        f"a2n={_kind(after2)}",
        f"bn={_kind(before)}",
        f"bn_an={_kind(before)}|{_kind(after)}",
        f"rep={restart}",
        f"dur={duration}",
        f"dur_go={duration}|{gap_out}",
        "bias",
        f"rule={int(rule_says)}",
        f"b={before}",
        f"b2={before2}",
        f"a={after}",
        f"a2={after2}",
        f"ba={before}|{after}",
        f"aa={after}|{after2}",
        f"gi={gap_in}",
        f"go={gap_out}",
        f"gg={gap_in}|{gap_out}",
        f"fb={filler_before}",
        f"fb_a={filler_before}|{after}",
        f"gi_a={gap_in}|{after}",
        f"b_go={before}|{gap_out}",
    ]


@dataclass(frozen=True, slots=True)
class FillerModel:
    """Per filler: a bias, sparse feature weights and the probability at which it counts."""

    weights: Mapping[str, Mapping[str, float]]
    thresholds: Mapping[str, float]

    def knows(self, name: str) -> bool:
        return name in self.weights

    def probability(self, name: str, ctx: FillerContext, i: int, size: int, rule_says: bool) -> float:
        table = self.weights[name]
        z = sum(table.get(f, 0.0) for f in features(ctx, i, size, rule_says))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def accepts(self, name: str, ctx: FillerContext, i: int, size: int, rule_says: bool) -> bool:
        return self.probability(name, ctx, i, size, rule_says) >= self.thresholds.get(name, 0.5)

    @classmethod
    def from_json(cls, text: str) -> FillerModel:
        data = json.loads(text)
        weights = {name: {str(k): float(v) for k, v in table.items()} for name, table in data["weights"].items()}
        thresholds = {str(k): float(v) for k, v in data.get("thresholds", {}).items()}
        return cls(weights, thresholds)


@functools.cache
def english_model() -> FillerModel | None:
    """The shipped English model, read on first use; None if the file is missing (rules alone then)."""
    try:
        text = resources.files("mockint.core.analysis").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return FillerModel.from_json(text)


# In a typed transcript, ", like,", "- you know -" or a leading "Well," is how a writer marks a filler.
SET_OFF_BY_PUNCTUATION = frozenset({"like", "you_know", "well"})


def _set_off(ctx: FillerContext, i: int, size: int) -> bool:
    """The words i..i+size-1 have a typed break before them (or open the text) and after them."""
    if not ctx.breaks:
        return False
    opened = i == 0 or ctx.break_before(i)
    return opened and i + size < len(ctx.texts) and ctx.break_before(i + size)


def learned(
    name: str,
    size: int,
    rule: Callable[[FillerContext, int], bool],
    veto: Callable[[FillerContext, int], bool],
) -> Callable[[FillerContext, int], bool]:
    """A context rule decided by the model where it knows the filler (never where `veto` holds),
    and by the hand rule alone where it does not."""

    def accept(ctx: FillerContext, i: int) -> bool:
        if name in SET_OFF_BY_PUNCTUATION and _set_off(ctx, i, size):
            return True  # a writer who fences it with commas or dashes heard it as a filler
        says = rule(ctx, i)
        model = english_model()
        if model is None or not model.knows(name):
            return says
        return not veto(ctx, i) and model.accepts(name, ctx, i, size, says)

    return accept
