"""A believable practice history for screenshots: five weeks of solo sessions that slowly improve.

Each session asks the same three questions afresh (new first attempts); now and then the user
pressed "Try again" on a weak answer, and that retry is stored as it is in the app: an attempt
linked to the first one, in the same session. Early answers are short, quick and full of fillers;
later ones are calmer, within their target length and carry a STAR story with numbers.

Answers are English transcripts with timings (a word every `word_s` seconds; "/" marks a 1.6 s
pause and "//" a 3.4 s one), analysed by the real engine and stored through the real Store, each
with a WAV of matching length so Review can play it.
"""

from __future__ import annotations

import wave
from dataclasses import dataclass
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

# (question, deck, target, answers from worst to best)
ANSWERS = [
    (
        "Tell me about a time a project ran late. What did you do?",
        "behavioural",
        BEHAVIOURAL,
        [
            "um so basically the the migration was like two weeks behind / and i think i was kind of panicking // "
            "uh we just worked late you know and um i told my manager it would be fine / so like we kept going and "
            "uh i mean it was fine in the end i guess / the client was a bit annoyed but um yeah we got there",
            "so the billing migration at my last job was two weeks behind / a vendor had changed their api and nobody "
            "noticed until testing / i split the work into three releases and moved the risky part last / i told the "
            "client the new dates on the same day and explained why // uh then i paired with the two engineers who knew "
            "the vendor api best and we rewrote the adapter in a week / we kept every test we had and added a few for "
            "the new api / we shipped the first release in four days and the whole migration landed one week late "
            "instead of three / the client was happy that we told them early and um we kept the contract",
            "the billing migration at my last company was two weeks behind because a vendor api changed under us / as "
            "the lead my task was to get us back on track without cutting testing / first i split the work into three "
            "releases and renegotiated the order with the client so the risky part came last / i called the client the "
            "same day with new dates and a reason instead of waiting for the next status meeting / then i paired the two "
            "engineers who knew the vendor best on a new um adapter while the rest of the team kept the test suite green / "
            "i checked progress every morning for fifteen minutes and cut anything that was not needed for the first "
            "release / as a result we shipped the first release in four days and finished only one week late with zero "
            "incidents in production / the client renewed the contract and we now review vendor changes every sprint",
        ],
    ),
    (
        "Walk me through your background.",
        "openers",
        INTRODUCTION,
        [
            "um i studied physics and then like i got into software / i mean i did some web stuff and uh then backend / "
            "and um now i work at a logistics company doing uh services and stuff // yeah so that's basically it i guess",
            "i studied physics and moved into software through data work / my first job was building reports for a "
            "logistics company and i kept automating them until i was writing backend services full time / for the "
            "last five years i have built the services that plan our deliveries / before that i spent a year at a "
            "small startup where i learned to ship small changes every day / i led the team of four that rebuilt "
            "the routing service and we cut delivery errors by thirty percent // i like work where reliability matters "
            "to real people / now i want to bring that to a product where reliability is the product which is why "
            "this role caught my eye / outside work i mentor two junior engineers and uh i run a small meetup about testing "
            "where people share what broke in production and how they found out",
        ],
    ),
    (
        "Why are you leaving your current job?",
        "tricky",
        QUICK_FACTUAL,
        [
            "well honestly i'm not sure / maybe it's the the management i guess // um sorry that sounds bad",
            "i have learned a lot there and i am proud of the platform we built / i am looking for a team where i can "
            "own a product end to end which uh this role offers / i also want to work closer to the people who use what "
            "i build",
        ],
    ),
]


@dataclass(frozen=True)
class DemoSession:
    """One practice session: when, how far along the user was, and which answers they retried."""

    days_ago: int
    hour: int  # local hour of day it started, so the History axis shows varied times
    minute: int
    level: float  # 0 = the first week's answers, 1 = the best answers
    word_s: float  # seconds a word: early answers are rushed, later ones calm
    retried: tuple[int, ...] = ()  # indexes into ANSWERS: "Try again" pressed after the answer


SESSIONS = (
    DemoSession(33, 19, 40, 0.0, 0.27, retried=(0,)),
    DemoSession(29, 7, 52, 0.15, 0.29),
    DemoSession(24, 12, 15, 0.35, 0.32, retried=(2,)),
    DemoSession(18, 20, 5, 0.5, 0.35),
    DemoSession(12, 8, 30, 0.7, 0.37, retried=(0,)),
    DemoSession(6, 18, 45, 0.85, 0.38),
    DemoSession(3, 9, 10, 1.0, 0.39, retried=(0,)),
)


def _timed_words(text: str, word_s: float = WORD_S) -> tuple[tuple[Word, ...], float]:
    words, t = [], 0.9  # a short breath before the first word
    for token in text.split():
        if token in PAUSES:
            t += PAUSES[token]
            continue
        words.append(Word(token, round(t, 2), round(t + word_s - 0.06, 2), 0.93))
        t += word_s
    return tuple(words), round(t + 0.5, 2)


def _write_voice_like_wav(path: Path, words: tuple[Word, ...], duration_s: float) -> None:
    """A hum while each word is spoken, silence between: enough for playback and the cursor."""
    samples = np.zeros(int(duration_s * RATE), dtype=np.float32)
    for word in words:
        if word.start is None or word.end is None:
            continue  # every seeded word is timed; this keeps the types honest
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
    word_s: float = WORD_S,
) -> int:
    words, duration = _timed_words(text, word_s)
    report = analyze_answer(Transcript(words, duration_s=duration), target)
    answer_id = store.add_answer(session_id, question, deck_id=deck, attempt_of=attempt_of, started_at=started)
    path = store.recordings.path_for(answer_id)
    _write_voice_like_wav(path, words, duration)
    store.set_answer_audio(answer_id, path, duration)
    store.update_answer_report(answer_id, report, duration_s=duration)
    return answer_id


def _answer_at(tries: list[str], level: float) -> int:
    """Which of a question's answers (worst to best) the user gave at this point of their progress."""
    return min(len(tries) - 1, int(level * len(tries)))


def _started_at(now: datetime, plan: DemoSession) -> datetime:
    local = (now - timedelta(days=plan.days_ago)).astimezone()
    return local.replace(hour=plan.hour, minute=plan.minute, second=0, microsecond=0).astimezone(UTC)


def seed_demo_history(now: datetime | None = None) -> list[int]:
    """Fills the database in app_paths() (set MOCKINT_HOME first); returns the session ids, oldest first."""
    now = now or datetime.now(UTC)
    decks = sorted({deck for _, deck, _, _ in ANSWERS})
    sessions = []
    with Store.open(app_paths()) as store:
        for plan in SESSIONS:
            started = _started_at(now, plan)
            session = store.create_session(PracticeMode.SOLO, deck_ids=decks, started_at=started)
            asked = started
            for number, (question, deck, target, tries) in enumerate(ANSWERS):
                asked += timedelta(minutes=1)  # reading the question, thinking
                level = _answer_at(tries, plan.level)
                first = _add_answer(store, session.id, question, deck, target, tries[level], None, asked, plan.word_s)
                asked += timedelta(seconds=_timed_words(tries[level], plan.word_s)[1] + 40)
                if number in plan.retried:  # "Try again": a little better, in the same session
                    better = tries[min(level + 1, len(tries) - 1)]
                    calmer = plan.word_s + 0.02
                    _add_answer(store, session.id, question, deck, target, better, first, asked, calmer)
                    asked += timedelta(seconds=_timed_words(better, calmer)[1] + 40)
            store.end_session(session.id, asked + timedelta(minutes=1))
            sessions.append(session.id)
    return sessions
