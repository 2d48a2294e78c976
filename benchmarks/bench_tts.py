"""How soon a question is heard: text -> first sample handed to the sound device.

tts_first_audio_ms: a one-sentence question not yet in the cache (render in the child process
  + open the output stream + first non-silent block written). Goal <= 500 ms.
tts_cached_first_audio_ms: the same, the WAV already cached. Goal <= 50 ms.
tts_render_ms: the uncached render alone (child process start to checked file in the cache).
Medians over a few questions. Playback goes to the private PulseAudio null sink of the tests.
sounddevice is imported (PortAudio started) before timing, as it is in the running app.
"""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

QUESTIONS = (
    "Tell me about a time you disagreed with your manager.",
    "Why do you want to work here?",
    "Describe a project you are proud of and your part in it.",
    "What would your last team say is your biggest weakness?",
    "How do you decide what to work on first when everything is urgent?",
)


class _FirstAudio:
    """Wraps the real output stream's callback to note when sound is first written."""

    def __init__(self) -> None:
        import sounddevice

        self._make = sounddevice.OutputStream
        self.heard = threading.Event()
        self.at = 0.0

    def __call__(self, **options):
        inner = options["callback"]

        def callback(outdata, frames, time_info, status) -> None:
            inner(outdata, frames, time_info, status)
            if not self.heard.is_set() and np.any(outdata):
                self.at = time.perf_counter()
                self.heard.set()

        options["callback"] = callback
        return self._make(**options)


def _first_audio_ms(voice, player, first: _FirstAudio, text: str) -> tuple[float, float]:
    first.heard.clear()
    started = time.perf_counter()
    wav = voice.render(text)
    rendered = time.perf_counter()
    player.play(wav)
    if not first.heard.wait(10):
        raise RuntimeError("no audio reached the output stream within 10 s")
    player.stop()
    return (first.at - started) * 1000.0, (rendered - started) * 1000.0


def figures() -> dict[str, float | None]:
    from mockint.speech.playback import Player
    from mockint.speech.tts import QuestionVoice
    from tests import pulse

    pulse.ensure_running()
    pulse.point_clients_here()
    first = _FirstAudio()
    player = Player(stream_factory=first)
    with tempfile.TemporaryDirectory(prefix="bench-tts-") as folder:
        voice = QuestionVoice(Path(folder))
        voice.render("Warm up the disk cache and the interpreter.")  # not a question we time
        uncached = [_first_audio_ms(voice, player, first, q) for q in QUESTIONS]
        cached = [_first_audio_ms(voice, player, first, q) for q in QUESTIONS]
    player.close()
    return {
        "tts_first_audio_ms": round(statistics.median(ms for ms, _ in uncached), 1),
        "tts_cached_first_audio_ms": round(statistics.median(ms for ms, _ in cached), 1),
        "tts_render_ms": round(statistics.median(ms for _, ms in uncached), 1),
    }
