"""Seeding for the History tests: real sessions on different days, real analysis, real WAV files.

Everything goes in through the Store's own API into the test's MOCKINT_HOME. The expected
figures are worked out here from the reports (SessionSummary.of), not read back from SQL.
"""

from __future__ import annotations

import wave
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from mockint.core.analysis import analyze_answer
from mockint.core.session import AnswerHeadline, PracticeMode, SessionSummary
from mockint.core.targets import TargetRange
from mockint.core.words import Transcript, Word
from mockint.paths import app_paths
from mockint.store import Store

QUESTION = "Tell me about a time you failed"
TARGET = TargetRange(14.0, 60.0)

# Oldest first: the speaker gets calmer and steadier from session to session.
ANSWERS_BY_SESSION: tuple[tuple[str, ...], ...] = (
    (
        "um so i think we had like a big outage and uh i led the fix",
        "uh well i guess um we basically shipped late and uh",
    ),
    (
        "so we had an outage and uh i led the fix we cut errors by forty percent in two weeks "
        "and wrote a runbook the team still uses today",
        "i planned the migration um with the team and we moved every service in a month",
        "i learned to ask for help early and we finished the project on time for the client",
    ),
    (
        "we had a big outage one friday night i led the fix and we cut errors by forty percent "
        "i wrote the runbook the team still uses and we have not had that outage since then",
        "i planned the migration with the team we moved every service in a month with no downtime "
        "and the support tickets dropped by half the next quarter which the client noticed",
    ),
)
DAYS_AGO = (20, 9, 2)
MODES = (PracticeMode.SOLO, PracticeMode.MIRROR, PracticeMode.SOLO)
DECKS = (("behavioural",), ("behavioural", "general"), ())


@dataclass(frozen=True)
class SeededSession:
    id: int
    started_at: datetime
    mode: PracticeMode
    deck_ids: tuple[str, ...]
    answer_ids: tuple[int, ...]
    wav_paths: tuple[Path, ...]
    summary: SessionSummary


def timed_words(text: str, *, gap_every: int = 9) -> tuple[list[Word], float]:
    """Words 0.3 s long, 0.12 s apart, with a 1.4 s pause every `gap_every` words."""
    words, at = [], 0.6
    for position, token in enumerate(text.split(), start=1):
        words.append(Word(token, round(at, 2), round(at + 0.3, 2), 0.93))
        at += 0.42 + (1.4 if position % gap_every == 0 else 0.0)
    return words, round(at + 0.5, 2)


def write_tone(path: Path, seconds: float = 0.5, rate: int = 16000) -> Path:
    t = np.arange(int(seconds * rate)) / rate
    samples = (0.3 * 32767 * np.sin(2 * np.pi * 440 * t)).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


def seed_history(now: datetime | None = None) -> list[SeededSession]:
    """Three sessions, oldest first, each answer analysed and with its recording on disk."""
    now = now or datetime.now(UTC).replace(microsecond=0)
    seeded = []
    with Store.open(app_paths()) as store:
        for texts, days, mode, decks in zip(ANSWERS_BY_SESSION, DAYS_AGO, MODES, DECKS, strict=False):
            started = now - timedelta(days=days, hours=1)
            session = store.create_session(mode, deck_ids=decks, title=f"Practice {days} days ago", started_at=started)
            answer_ids, wavs, headlines = [], [], []
            for text in texts:
                words, duration = timed_words(text)
                report = analyze_answer(Transcript(tuple(words), duration_s=duration), TARGET)
                answer_id = store.add_answer(session.id, QUESTION, report=report, duration_s=duration)
                wav = write_tone(store.recordings.path_for(answer_id))
                store.set_answer_audio(answer_id, wav)
                answer_ids.append(answer_id)
                wavs.append(wav)
                headlines.append(AnswerHeadline.from_report(report, len(words), duration))
            store.end_session(session.id, started + timedelta(minutes=20))
            seeded.append(
                SeededSession(
                    session.id, started, mode, decks, tuple(answer_ids), tuple(wavs), SessionSummary.of(headlines)
                )
            )
    return seeded
