"""How long analysing an answer takes: the report must be ready the moment the speaker stops.

analysis_ms_10min: median milliseconds of `analyze_answer` on a 10-minute answer of about 1,500
  timed words (realistic sentences with fillers, hedges, hesitations, long pauses and unsure
  words). Goal < 50 ms. The lexicon is built once beforehand, as the app does.
analysis_ms_60min: the same for a 60-minute answer of about 9,000 words. Goal < 200 ms: the
  analysis grows linearly with the answer, so a long one is never a wait.
"""

from __future__ import annotations

import random
import statistics
import time

from mockint.core.analysis import Lexicon, analyze_answer
from mockint.core.targets import BEHAVIOURAL
from mockint.core.words import Transcript, Word

RUNS = 25
TARGET_WORDS = 1500
TARGET_SECONDS = 600.0

SENTENCES = (
    "so um at my last job i was responsible for the billing service",
    "the team was you know quite small and we had like three people on call",
    "i think the biggest problem was that nobody owned the deploy scripts",
    "i mean it was kind of a mess to be honest",
    "well the first thing i did was talk to the other teams",
    "we lost the data right and then we had to restore it from backups",
    "uh we set up alerts and i wrote a runbook for the on call rotation",
    "basically we cut the time to recover by forty percent",
    "for example the last outage took twelve minutes instead of an hour",
    "i'm not sure it was the right call but it worked out in the end",
    "as a result we shipped the new version on time",
    "i i would say the the main lesson was to ask for help early",
    "it took like two weeks and we did well in the review",
    "sorry i'm bad at remembering the exact numbers",
    "hmm what else maybe the way we handled the client",
)


def ten_minute_answer(seed: int = 7, minutes: int = 10) -> Transcript:
    """About 150 words a minute (1,500 over ten minutes), deterministic so runs compare."""
    rng = random.Random(seed)
    target_words, target_seconds = TARGET_WORDS * minutes // 10, TARGET_SECONDS * minutes / 10
    texts: list[str] = []
    while len(texts) < target_words:
        texts.extend(rng.choice(SENTENCES).split())
    spans, t = [], 0.0
    for _ in texts:
        length = rng.uniform(0.15, 0.3)
        spans.append((t, t + length))
        roll = rng.random()
        gap = rng.uniform(0.02, 0.15)
        if roll < 0.03:
            gap += rng.uniform(1.0, 2.5)  # hesitation
        elif roll < 0.035:
            gap += rng.uniform(3.0, 6.0)  # long pause
        t += length + gap
    scale = (target_seconds - 3.0) / spans[-1][1]  # stretch to length, the last word ending 3 s before the end
    words = tuple(
        Word(
            text,
            round(2.0 + start * scale, 2),
            round(2.0 + end * scale, 2),
            rng.choice((1.0, 1.0, 1.0, 0.93, 0.71, 0.52, 0.35)),
        )
        for text, (start, end) in zip(texts, spans, strict=False)
    )
    return Transcript(words, duration_s=target_seconds, answer_start_s=0.5)


def median_ms(transcript: Transcript, runs: int) -> float:
    lexicon = Lexicon.for_language("en")
    analyze_answer(transcript, BEHAVIOURAL, lexicon=lexicon)  # warm caches, as after the first answer
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        analyze_answer(transcript, BEHAVIOURAL, lexicon=lexicon)
        timings.append((time.perf_counter() - began) * 1000.0)
    return round(statistics.median(timings), 2)


def figures() -> dict[str, float]:
    return {
        "analysis_ms_10min": median_ms(ten_minute_answer(), RUNS),
        "analysis_ms_60min": median_ms(ten_minute_answer(minutes=60), RUNS // 5),
    }


if __name__ == "__main__":
    print(figures())
