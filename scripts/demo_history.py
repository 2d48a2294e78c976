"""A believable practice history for screenshots: five weeks of sessions that slowly improve.

Answers are English transcripts with timings (a word every ~0.38 s; "/" marks a 1.6 s pause and
"//" a 3.4 s one), analysed by the real engine and stored through the real Store, each with a
WAV of matching length so Review can play it.
"""

from __future__ import annotations

import wave
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from mockint.core.analysis import analyze_answer
from mockint.core.session import PracticeMode
from mockint.core.targets import BEHAVIOURAL, INTRODUCTION, QUICK_FACTUAL, TargetRange
from mockint.core.words import Transcript, Word
from mockint.paths import app_paths
from mockint.store import Store

WORD_S = 0.38
PAUSES = {"/": 1.6, "//": 3.4}
RATE = 16000

ANSWERS = [
    (
        "Tell me about a time a project ran late. What did you do?",
        "behavioural",
        BEHAVIOURAL,
        [
            "um so basically the the migration was like two weeks behind / and i think i was kind of panicking // "
            "uh we just worked late you know and it was fine in the end i guess",
            "so the billing migration was two weeks behind / i split the work into three releases and moved the risky "
            "part last / i told the client the new dates on the same day // uh we shipped the first release in four days "
            "and the whole migration landed one week late instead of three",
            "the billing migration was two weeks behind because a vendor api changed / my task was to get us back on track "
            "without cutting testing / i split the work into three releases and renegotiated the order with the client / "
            "as a result we shipped the first release in four days and finished only one week late with zero incidents",
        ],
    ),
    (
        "Walk me through your background.",
        "openers",
        INTRODUCTION,
        [
            "um i studied physics and then like i got into software / i mean i did some web stuff and uh then backend",
            "i studied physics and moved into software through data work / for five years i built backend services at a "
            "logistics company where i led the team that cut delivery errors by thirty percent // now i want to bring that "
            "to a product where reliability is the product",
        ],
    ),
    (
        "Why are you leaving your current job?",
        "tricky",
        QUICK_FACTUAL,
        [
            "well honestly i'm not sure / maybe it's the the management i guess // sorry that sounds bad",
            "i have learned a lot there and i am proud of the platform we built / i am looking for a team where i can "
            "own a product end to end which this role offers",
        ],
    ),
]


def _timed_words(text: str) -> tuple[tuple[Word, ...], float]:
    words, t = [], 0.9  # a short breath before the first word
    for token in text.split():
        if token in PAUSES:
            t += PAUSES[token]
            continue
        words.append(Word(token, round(t, 2), round(t + WORD_S - 0.06, 2), 0.93))
        t += WORD_S
    return tuple(words), round(t + 0.5, 2)


def _write_voice_like_wav(path: Path, words: tuple[Word, ...], duration_s: float) -> None:
    """A hum while each word is spoken, silence between: enough for playback and the cursor."""
    samples = np.zeros(int(duration_s * RATE), dtype=np.float32)
    for word in words:
        a, b = int(word.start * RATE), int(word.end * RATE)
        t = np.arange(b - a) / RATE
        samples[a:b] = 0.2 * np.sin(2 * np.pi * 180 * t) * np.hanning(b - a)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes((samples * 32767).astype("<i2").tobytes())


def _add_answer(
    store: Store,
    session_id: int,
    question: str,
    deck: str,
    target: TargetRange,
    text: str,
    attempt_of: int | None,
    started: datetime,
) -> int:
    words, duration = _timed_words(text)
    report = analyze_answer(Transcript(words, duration_s=duration), target)
    answer_id = store.add_answer(session_id, question, deck_id=deck, attempt_of=attempt_of, started_at=started)
    path = store.recordings.path_for(answer_id)
    _write_voice_like_wav(path, words, duration)
    store.set_answer_audio(answer_id, path, duration)
    store.update_answer_report(answer_id, report, duration_s=duration)
    return answer_id


def seed_demo_history(now: datetime | None = None) -> list[int]:
    """Fills the database in app_paths() (set MOCKINT_HOME first); returns the session ids, oldest first."""
    now = now or datetime.now(UTC)
    sessions = []
    with Store.open(app_paths()) as store:
        first_attempts: dict[str, int] = {}
        for week in range(5):
            started = now - timedelta(days=7 * (4 - week), hours=2)
            decks = sorted({deck for _, deck, _, _ in ANSWERS})
            session = store.create_session(PracticeMode.SOLO, deck_ids=decks, started_at=started)
            for number, (question, deck, target, tries) in enumerate(ANSWERS):
                text = tries[min(week * len(tries) // 4, len(tries) - 1)]
                asked = started + timedelta(minutes=4 * number)
                answer_id = _add_answer(
                    store, session.id, question, deck, target, text, first_attempts.get(question), asked
                )
                first_attempts.setdefault(question, answer_id)
            store.end_session(session.id, started + timedelta(minutes=14))
            sessions.append(session.id)
    return sessions
