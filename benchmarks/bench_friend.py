"""The interviewer's console during a friend session's answer, and how true its flags are.

friend_console_max_stall_ms: the largest gap between ticks of a 10 ms QTimer heartbeat on the
  GUI thread from Start answer on the real console (FriendPage) through a 30 s answer of eSpeak NG
  Korean speech played into the virtual microphone, with a flag pressed every 2.5 s, to the
  report and the rating panel shown after the stop. Goal <= 50 ms.
friend_flag_error_max_ms / friend_flag_error_mean_ms: each flag's time in the answer against
  the moment of the played audio at which its key was pressed, measured on the recorded WAV
  (the audio starts with a beep, found in the recording). Goal: within 300 ms.

Real parts: offscreen Qt, the tests' private PulseAudio server, the Korean Vosk model, a Store
in a temporary MOCKINT_HOME. Capture runs in real time: about 45 s.
"""

from __future__ import annotations

import threading
import time
import wave
from pathlib import Path

import numpy as np

from benchmarks.bench_gui_answer import ESPEAK_RATE, PHRASES, _Heartbeat, _korean_model, _speak, _wait_for
from benchmarks.fresh_home import fresh_home

ANSWER_S = 30.0
FLAG_EVERY_S = 2.5
DECK = """
name = "Benchmark deck"
description = "One question"
language = "ko"

[[questions]]
id = "intro"
text = "자기소개를 해 주세요"
category = "opener"
difficulty = "easy"
target_s = [20, 60]
"""


def _answer_wav(path: Path) -> Path:
    """A beep (the audio's moment 0, easy to find), then about ANSWER_S of phrases and pauses."""
    rng = np.random.default_rng(11)
    t = np.arange(int(0.25 * ESPEAK_RATE)) / ESPEAK_RATE
    parts = [(np.sin(2 * np.pi * 1000 * t) * 20000).astype("<i2"), np.zeros(int(0.3 * ESPEAK_RATE), dtype="<i2")]
    spoken = {text: _speak(text) for text in PHRASES}
    while sum(len(p) for p in parts) < ANSWER_S * ESPEAK_RATE:
        parts.append(spoken[PHRASES[int(rng.integers(len(PHRASES)))]])
        parts.append(np.zeros(int(rng.uniform(0.3, 1.2) * ESPEAK_RATE), dtype="<i2"))
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(ESPEAK_RATE)
        writer.writeframes(np.concatenate(parts).tobytes())
    return path


def _first_sound_s(wav: Path) -> float:
    import soundfile

    samples, rate = soundfile.read(str(wav), dtype="float32")
    loud = np.flatnonzero(np.abs(samples) > 0.3)
    if not loud.size:
        raise RuntimeError("the beep never reached the recording")
    return float(loud[0]) / rate


def _run_until(moment: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(max(0, int((moment - time.monotonic()) * 1000)), loop.quit)
    loop.exec()


def _measure(folder: Path, home: Path) -> dict[str, float | None]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from mockint.app.friend_session import FriendCommand
    from mockint.core.session import FlagKind
    from mockint.settings import Setting
    from mockint.ui.context import AppContext
    from mockint.ui.friend.friend_page import FriendPage
    from mockint.ui.theme import theme_for
    from tests import pulse

    pulse.ensure_running()
    app = QApplication.instance() or QApplication(["bench"])
    wav = _answer_wav(folder / "answer.wav")
    context = AppContext.create(None, theme_for(Qt.ColorScheme.Light))
    decks = context.paths.user_decks_dir
    decks.mkdir(parents=True, exist_ok=True)
    (decks / "bench.toml").write_text(DECK, encoding="utf-8")
    context.set_setting(Setting.MODEL, str(_korean_model()))
    context.set_setting(Setting.SELECTED_DECKS, ["bench"])
    _wait_for(context.store.ready, 30, context.store.load)
    _wait_for(context.model.ready, 120, context.model.load)
    _wait_for(context.decks.ready, 30, context.decks.load)
    page = FriendPage(context)
    page.resize(1100, 800)
    page.show()
    flow, console = page.flow, page.console
    heartbeat = _Heartbeat()
    levels: list[float] = []
    flow.level.connect(levels.append)
    pressed: list[float] = []
    try:
        setup = page.setup_panel.setup()
        _wait_for(flow.started, 30, lambda: page.start(setup))
        _run_until(time.monotonic() + 0.5)  # the console is drawn and settled, as when a friend looks at it
        heartbeat.start()
        _wait_for(flow.answer_started, 30, lambda: console.do(FriendCommand.START_STOP))
        player = threading.Thread(target=pulse.play_into_microphone, args=(wav,), daemon=True)
        player.start()
        while not (levels and max(levels) > 0.2):
            _wait_for(flow.level, 5)
        heard_at = time.monotonic()
        moment = FLAG_EVERY_S
        while player.is_alive() and moment < ANSWER_S - 1.0:
            _run_until(heard_at + moment)
            console.do(FriendCommand.FLAG_STRONG)
            pressed.append(moment)
            moment += FLAG_EVERY_S
        while player.is_alive():
            _wait_for(flow.elapsed, 5)
        captured = _wait_for(flow.answer_saved, 30, lambda: console.do(FriendCommand.START_STOP))[0]
        app.processEvents()
        heartbeat.stop()
        store = context.store.value
        assert store is not None  # it was ready before the session started
        flags = [f for f in store.flags_for_answer(captured.answer_id) if f.kind is FlagKind.STRONG]
        sound = _first_sound_s(captured.audio_path)
    finally:
        flow.abort()
        context.workers.shutdown(10000)
        if context.store.value is not None:
            context.store.value.close()
        app.processEvents()
    if len(flags) != len(pressed) or not captured.report.words:
        raise RuntimeError(f"{len(flags)} of {len(pressed)} flags stored, or no words: the figures would mean nothing")
    errors = [abs(flag.at_s - (sound + at)) * 1000.0 for flag, at in zip(flags, pressed, strict=True)]
    return {
        "friend_console_max_stall_ms": round(heartbeat.max_gap_s * 1000.0, 1),
        "friend_flag_error_max_ms": round(max(errors), 1),
        "friend_flag_error_mean_ms": round(sum(errors) / len(errors), 1),
    }


def figures() -> dict[str, float | None]:
    with fresh_home("bench-friend-") as folder:
        return _measure(folder, folder / "home")


if __name__ == "__main__":
    print(figures())
