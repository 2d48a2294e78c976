"""Seeding the Review page's tests: a real Store with answers analysed by the real engine.

Transcripts are written as text with timing marks ("|" a 1.6 s pause, "||" a 3.4 s pause,
"?word" a word the recognizer was unsure of); every word lasts 0.3 s. Each answer gets a real
WAV: a soft tone while each word is "spoken", silence between, so a word's start is where its
sound starts.
"""

from __future__ import annotations

import wave
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from mockint.core.analysis import analyze_answer
from mockint.core.session import PracticeMode
from mockint.core.targets import TargetRange
from mockint.core.words import Transcript, Word
from mockint.paths import app_paths
from mockint.store.app_store import Store

RATE = 16000
WORD_S, GAP_S, SHORT_PAUSE_S, LONG_PAUSE_S, LEAD_S = 0.3, 0.08, 1.6, 3.4, 1.2

FIRST_TRY = (
    "so um i think the project was kind of late and | uh we you know had to like rewrite the the service || "
    "?maybe ?in two weeks and we cut the latency by thirty percent"
)
SECOND_TRY = (
    "the project was late and we had to rewrite the service in two weeks | "
    "i led the rewrite and we cut the latency by thirty percent for every customer"
)
OTHER_QUESTION = "i enjoy building tools that people use every day and um i like working with a small team"


def timed_words(spec: str) -> tuple[Word, ...]:
    words, t = [], LEAD_S
    for token in spec.split():
        if token == "|":
            t += SHORT_PAUSE_S - GAP_S
            continue
        if token == "||":
            t += LONG_PAUSE_S - GAP_S
            continue
        unsure = token.startswith("?")
        words.append(Word(token.lstrip("?"), round(t, 2), round(t + WORD_S, 2), 0.4 if unsure else 0.96))
        t += WORD_S + GAP_S
    return tuple(words)


def write_tone_wav(path: Path, words: tuple[Word, ...], duration_s: float) -> Path:
    samples = np.zeros(int(duration_s * RATE), dtype=np.float32)
    for word in words:
        first, last = int(word.start * RATE), min(int(word.end * RATE), len(samples))
        t = np.arange(last - first) / RATE
        samples[first:last] = 0.3 * np.sin(2 * np.pi * 220 * t)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes((samples * 32767).astype("<i2").tobytes())
    return path


@dataclass(frozen=True)
class Seeded:
    session_id: int
    answer_ids: list[int]


def add_analysed_answer(store: Store, session_id: int, question: str, spec: str, target: TargetRange, *,
                        attempt_of: int | None = None, audio: bool = True) -> int:  # fmt: skip
    """Stores an answer the way the answer pipeline does: report with its detail, words, WAV."""
    words = timed_words(spec)
    duration = round(words[-1].end + 0.6, 2)
    report = analyze_answer(Transcript(words, duration_s=duration), target)
    answer_id = store.add_answer(session_id, question, question_id="q1" if "time" in question else "q2", deck_id="behavioural",
                                 attempt_of=attempt_of)  # fmt: skip
    if audio:
        path = write_tone_wav(store.recordings.path_for(answer_id), words, duration)
        store.set_answer_audio(answer_id, path, duration)
    store.update_answer_report(answer_id, report, duration_s=duration)
    return answer_id


BEHAVIOURAL_QUESTION = "Tell me about a time a project ran late. What did you do?"
WHY_QUESTION = "Why do you want to work here?"
SHORT_TARGET = TargetRange(20, 40)


def seed_history(second_attempt: bool = False) -> Seeded:
    """An older session and a newer one (the latest) with two answers; optionally a retry."""
    with Store.open(app_paths()) as store:
        old = store.create_session(PracticeMode.SOLO, started_at=datetime.now(UTC) - timedelta(days=3))
        add_analysed_answer(store, old.id, WHY_QUESTION, OTHER_QUESTION, TargetRange(15, 45))
        latest = store.create_session(PracticeMode.SOLO, deck_ids=["behavioural"])
        first = add_analysed_answer(store, latest.id, BEHAVIOURAL_QUESTION, FIRST_TRY, SHORT_TARGET)
        second = add_analysed_answer(store, latest.id, WHY_QUESTION, OTHER_QUESTION, TargetRange(15, 45))
        ids = [first, second]
        if second_attempt:
            ids.append(
                add_analysed_answer(store, latest.id, BEHAVIOURAL_QUESTION, SECOND_TRY, SHORT_TARGET, attempt_of=first)
            )
        return Seeded(latest.id, ids)


class Listener:
    """Hears the virtual speaker: records the default input (the null sink's monitor) as block levels."""

    def __init__(self) -> None:
        import threading

        import sounddevice

        self.levels: list[float] = []
        self._lock = threading.Lock()
        self._stream = sounddevice.InputStream(
            samplerate=16000, channels=1, dtype="float32", blocksize=160, callback=self._take
        )

    def _take(self, indata, _frames, _time, _status) -> None:
        with self._lock:
            self.levels.append(float(np.sqrt(np.mean(np.square(indata, dtype=np.float64)))))

    def loudest(self) -> float:
        with self._lock:
            return max(self.levels, default=0.0)

    def __enter__(self) -> Listener:
        self._stream.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stream.stop()
        self._stream.close()
