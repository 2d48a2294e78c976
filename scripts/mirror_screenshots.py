"""Screenshots of mirror practice for `scripts/screenshots.py`: the voice mirror (this machine's
real state without a camera), the mirror with generated frames where the camera would be, and
the instant replay of an answer recorded for real (eSpeak NG speech in the tests' virtual
microphone, the Korean test model, the generated frames recorded by QMediaRecorder)."""

from __future__ import annotations

import math
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ANSWER_S = 8.0


def portrait(painter, size, seconds: float) -> None:
    """A calm stand-in for a person at a desk: a wall, a head and shoulders that sway a little."""
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QColor, QLinearGradient

    width, height = size.width(), size.height()
    wall = QLinearGradient(0, 0, width, height)
    wall.setColorAt(0, QColor(196, 208, 214))
    wall.setColorAt(1, QColor(120, 138, 150))
    painter.fillRect(QRectF(0, 0, width, height), wall)
    painter.fillRect(QRectF(0, 0, width * 0.18, height), QColor(92, 110, 82))  # a plant on the LEFT
    sway = math.sin(seconds * 1.3) * width * 0.01
    painter.setPen(QColor(0, 0, 0, 0))
    painter.setBrush(QColor(52, 72, 110))
    painter.drawEllipse(QRectF(width * 0.27 + sway, height * 0.62, width * 0.46, height * 0.6))
    painter.setBrush(QColor(226, 188, 160))
    painter.drawEllipse(QPointF(width * 0.5 + sway, height * 0.42), width * 0.11, height * 0.17)


def render_mirror(window, out_dir: Path, suffix: str, settle: Callable[[float], None]) -> list[Path]:
    from mockint.ui.mirror.generated_frames import GeneratedFrames

    written: list[Path] = []

    def save(name: str) -> None:
        path = out_dir / f"{name}{suffix}.png"
        window.grab().save(str(path))
        written.append(path)

    window.show_page("mirror")
    page = window.page("mirror")
    if page is None:
        return written
    settle(0.5)
    # The two mirror shots show the page mid-answer: the page is told an answer runs, as the flow
    # tells it (the Start button reads "Stop (Space)" and the question controls are locked).
    page.flow.answering_changed.emit(True)
    # The voice mirror: no camera here, so this is what the page really shows.
    for index in range(240):
        page.mirror.add_level(abs(math.sin(index / 6.0)) * (0.3 + 0.5 * abs(math.sin(index / 23.0))))
    page.mirror.set_elapsed(27.0)
    page.mirror.show_cue("Take a breath, then go on")
    settle(0.3)
    save("mirror-voice")
    page.mirror.show_cue("")

    # The mirror with generated frames where the camera would be.
    page.close_camera()
    page.frame_source = lambda video: GeneratedFrames(video.use_frame_input(), fps=30, painter=portrait)
    page.open_camera()
    page.mirror.set_note("")
    settle(1.0)
    page.mirror.set_elapsed(41.0)
    page.mirror.set_filler_count(2)
    page.mirror.show_cue("Good pace")
    settle(0.3)
    save("mirror")
    page.mirror.show_cue("")
    page.mirror.set_filler_count(None)
    page.flow.answering_changed.emit(False)
    page.status.setText("")  # no answer was really being saved
    _replay(page, save, settle)
    page.close_camera()
    return written


def _replay(page, save: Callable[[str], None], settle: Callable[[float], None]) -> None:
    """A real answer: speech into the virtual microphone, then the replay as it plays."""
    try:
        from benchmarks.bench_gui_answer import _answer_wav
        from tests import pulse
    except ImportError:
        return
    with tempfile.TemporaryDirectory() as folder:
        try:
            wav = _answer_wav(Path(folder) / "answer.wav", ANSWER_S)
        except (OSError, RuntimeError) as error:
            print(f"mirror replay screenshot skipped: no speech to play ({error})")
            return
        started = []
        page.flow.answer_started.connect(lambda: started.append(True))
        page.toggle()
        deadline = time.monotonic() + 15
        while not started and time.monotonic() < deadline:
            settle(0.1)
        if not started:
            print("mirror replay screenshot skipped: the answer did not start (no microphone?)")
            return
        player = threading.Thread(target=pulse.play_into_microphone, args=(wav,), daemon=True)
        player.start()
        while player.is_alive():
            settle(0.1)
        page.toggle()
        deadline = time.monotonic() + 20
        while page.last_replay is None and time.monotonic() < deadline:
            settle(0.1)
        settle(2.0)  # the replay plays for a moment: the picture and the highlighted word move on
        save("mirror-replay")
        page.replay.stop()
