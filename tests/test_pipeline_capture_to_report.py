"""Issue 3's whole chain with nothing mocked: play -> capture -> write to disk -> recognise -> report.

Korean speech from eSpeak NG, with a 4 s silence in the middle, is played into the private
PulseAudio sink; the Recorder captures it from the monitor through sounddevice and writes it to
disk while a StreamingRecognizer (the real Korean Vosk model) is fed from the recorder's writer
thread; the analysis engine then reports on the words and the silence.
"""

from __future__ import annotations

import subprocess
import threading
import wave
from pathlib import Path

import numpy as np
import pytest

from mockint.core.analysis import PauseKind, analyze_answer
from mockint.core.targets import TargetRange
from mockint.core.words import Transcript
from mockint.speech.audio_file import read_audio
from mockint.speech.devices import find_input_device
from mockint.speech.hesitation import find_hidden_hesitations, merge_hesitations
from mockint.speech.recognizer import StreamingRecognizer, load_model
from mockint.speech.recorder import Recorder

PHRASES = ("안녕하세요 저는 소프트웨어 개발자입니다", "우리 팀은 서비스를 빠르게 만들었습니다")
SILENCE_S = 4.0


def speak(espeak: str, text: str, path: Path) -> tuple[np.ndarray, int]:
    subprocess.run([espeak, "-v", "ko", "-w", str(path), text], check=True, timeout=60)
    with wave.open(str(path), "rb") as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2"), w.getframerate()


@pytest.fixture(scope="module")
def answer_with_a_long_silence(tmp_path_factory: pytest.TempPathFactory, espeak: str) -> Path:
    folder = tmp_path_factory.mktemp("speech")
    (first, rate), (second, _) = (speak(espeak, text, folder / f"{i}.wav") for i, text in enumerate(PHRASES))
    lead = np.zeros(int(0.5 * rate), dtype="<i2")
    gap = np.zeros(int(SILENCE_S * rate), dtype="<i2")
    path = folder / "answer.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(np.concatenate([lead, first, gap, second, lead]).tobytes())
    return path


def test_a_spoken_answer_goes_from_microphone_to_report(
    virtual_microphone, korean_model_path: Path, answer_with_a_long_silence: Path, tmp_path: Path
) -> None:
    model = load_model(korean_model_path)
    recognizers: list[StreamingRecognizer] = []
    recognizer_threads: set[int] = set()

    def feed(chunk: bytes) -> None:
        # The recognizer is created in the thread that feeds it, as the app does.
        if not recognizers:
            recognizers.append(StreamingRecognizer(model, recorder.sample_rate))
        recognizer_threads.add(threading.get_ident())
        recognizers[0].accept(chunk)

    recording = tmp_path / "answer-1.wav"
    recorder = Recorder(find_input_device(None), recording, on_chunk=feed)
    recorder.start()
    virtual_microphone.play_into_microphone(answer_with_a_long_silence)
    result = recorder.stop()

    assert result.error is None
    assert result.path == recording and recording.exists(), "the answer is on disk under its final name"
    source_s = read_audio(answer_with_a_long_silence).duration_s
    assert result.duration_s >= source_s - 0.5
    assert len(recognizer_threads) == 1 and threading.get_ident() not in recognizer_threads

    words = recognizers[0].finish()
    clip = read_audio(recording)
    assert clip.sample_rate == recorder.sample_rate
    transcript = Transcript(
        merge_hesitations(words, find_hidden_hesitations(clip.samples, clip.sample_rate, words)),
        duration_s=clip.duration_s,
    )
    spoken = [w for w in transcript.words if not w.text.startswith("[")]
    assert len(spoken) >= 4, f"recognised too little: {[w.text for w in transcript.words]}"
    assert all(0 <= w.start < w.end <= clip.duration_s + 0.01 for w in transcript.words)

    report = analyze_answer(transcript, TargetRange(15, 45))
    long_pauses = [p for p in report.pauses if p.kind is PauseKind.LONG]
    assert len(long_pauses) == 1, report.pauses
    assert SILENCE_S - 0.8 <= long_pauses[0].duration_s <= SILENCE_S + 1.5
    assert report.metrics.word_count == len(report.words) and report.metrics.wpm is not None
    contract = report.to_dict()
    # The answer lasts from its first word to its last, whatever silence the recording ends with.
    spoken_s = report.words[-1].end - report.words[0].start
    assert contract["pauses"][0]["kind"] in ("hesitation", "long") and contract["metrics"][
        "duration_s"
    ] == pytest.approx(spoken_s, abs=0.01)
