"""Mirror practice: how smooth the window stays while answering with video, and how fast the replay starts.

mirror_max_stall_ms: the largest gap between ticks of a 10 ms QTimer heartbeat on the GUI thread
  during a 60 s mirror answer on the real Mirror page, with generated 640x480 frames at 30 fps
  through QVideoFrameInput into the capture session (shown mirrored, recorded by QMediaRecorder),
  eSpeak NG Korean speech in the virtual microphone, the live cues on. Goal <= 33 ms.
replay_start_ms: from the Stop press to the replay playing: the sound advancing in the replay's
  player and the recorded video's first picture drawn. Goal <= 500 ms.

Each figure is the median of three answers (one page, one session). Real parts: offscreen Qt,
the tests' private PulseAudio server, the Korean Vosk model, FFmpeg through Qt Multimedia, a Store
in a temporary MOCKINT_HOME. Capture runs in real time: about 3.5 minutes.
"""

from __future__ import annotations

import statistics
import threading
import time
from pathlib import Path

from benchmarks.bench_gui_answer import _answer_wav, _Heartbeat, _korean_model, _wait_for
from benchmarks.fresh_home import fresh_home

ANSWER_S = 60.0
RUNS = 3


def _run_until(done, timeout_s: float) -> bool:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    return True


def _one_answer(page, wav: Path) -> tuple[float, float]:
    from tests import pulse

    heartbeat = _Heartbeat()
    heartbeat.start()
    _wait_for(page.flow.answer_started, 30, page.toggle)
    player = threading.Thread(target=pulse.play_into_microphone, args=(wav,), daemon=True)
    player.start()
    if not _run_until(lambda: not player.is_alive(), ANSWER_S + 30):
        raise RuntimeError("the answer's audio never finished playing")
    replay = page.replay
    frames_before = [0]
    replay.video.frame_shown.connect(lambda _s: frames_before.__setitem__(0, frames_before[0] + 1))
    stopped = time.monotonic()
    page.toggle()  # Space: stop
    playing = _run_until(
        lambda: (
            page.last_replay is not None
            and page.stack.currentWidget() is replay
            and replay.playback.position_s > 0.0
            and replay.playback.is_playing
            and frames_before[0] > 0
        ),
        120,  # on a loaded machine recognition may still be catching up: the figure says how long
    )
    started_ms = (time.monotonic() - stopped) * 1000.0
    heartbeat.stop()
    if not playing or page.last_replay.media.video is None or not page.last_replay.captured.report.words:
        raise RuntimeError("no replay with video and words: the figures would mean nothing")
    replay.stop()
    page.back_to_mirror()
    page.last_replay = None
    return heartbeat.max_gap_s * 1000.0, started_ms


def _measure(folder: Path) -> dict[str, float | None]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from mockint.settings import Setting
    from mockint.ui.context import AppContext
    from mockint.ui.mirror.generated_frames import GeneratedFrames
    from mockint.ui.mirror.mirror_page import MirrorPage
    from mockint.ui.theme import theme_for
    from tests import pulse

    pulse.ensure_running()
    app = QApplication.instance() or QApplication(["bench"])
    wav = _answer_wav(folder / "answer.wav", ANSWER_S)
    context = AppContext.create(None, theme_for(Qt.ColorScheme.Light))
    context.set_setting(Setting.MODEL, str(_korean_model()))
    _wait_for(context.store.ready, 30, context.store.load)
    _wait_for(context.model.ready, 120, context.model.load)
    page = MirrorPage(context)
    page.frame_source = lambda video: GeneratedFrames(video.use_frame_input(), fps=30)
    page.resize(1100, 800)
    page.show()
    stalls, starts = [], []
    try:
        _run_until(lambda: not page.mirror.voice_mode, 10)
        for _ in range(RUNS):
            stall, start = _one_answer(page, wav)
            stalls.append(stall)
            starts.append(start)
    finally:
        page.hide()
        page.flow.end_session()
        context.workers.shutdown(10000)
        if context.store.value is not None:
            context.store.value.close()
        app.processEvents()
    return {
        "mirror_max_stall_ms": round(statistics.median(stalls), 1),
        "replay_start_ms": round(statistics.median(starts), 1),
    }


def figures() -> dict[str, float | None]:
    with fresh_home("bench-mirror-") as folder:
        return _measure(folder)


if __name__ == "__main__":
    print(figures())
