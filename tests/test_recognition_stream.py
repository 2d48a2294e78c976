"""Streaming recognition with the real Korean Vosk model on real eSpeak NG speech."""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest
import vosk

from mockint.core.analysis import PauseKind, analyze_answer
from mockint.core.targets import GENERAL
from mockint.core.words import Transcript, Word
from mockint.speech.audio_file import AudioClip
from mockint.speech.recognizer import NON_WORDS, StreamingRecognizer
from mockint.speech.transcribe import TranscriptionCancelled, transcribe_clip, transcribe_file
from tests.recognition_speech import ESPEAK_RATE, resample, shared_model, silence, speak, steady_dither, write_wav


@pytest.fixture(scope="module")
def model(korean_model_path, espeak):
    return shared_model(korean_model_path)


@pytest.fixture(scope="module")
def answer() -> AudioClip:
    """Two sentences with a short breath between them, as a calm answer opens."""
    samples = np.concatenate(
        [silence(0.3), speak("저는 개발자입니다"), silence(0.4), speak("많이 배웠습니다"), silence(0.3)]
    )
    return AudioClip(samples, ESPEAK_RATE)


@pytest.fixture(scope="module")
def reference(model, answer) -> Transcript:
    """The answer transcribed in 4000-frame chunks, with Kaldi's dither seeded."""
    steady_dither()
    return transcribe_clip(answer, model, chunk_frames=4000)


def assert_timed_inside(words: list[Word] | tuple[Word, ...], duration_s: float) -> None:
    assert words, "the recognizer heard nothing in speech"
    for word in words:
        assert 0.0 <= word.start < word.end <= duration_s + 1e-9, word
        assert word.text.lower() not in NON_WORDS
    starts = [w.start for w in words]
    assert starts == sorted(starts)


def test_words_come_back_timed_inside_the_audio(reference, answer):
    transcript = reference
    assert transcript.duration_s == pytest.approx(answer.duration_s, abs=0.001)
    assert_timed_inside(transcript.words, answer.duration_s)
    # The speech is 0.3 s in and ends 0.3 s before the end; the words sit on it.
    assert transcript.words[0].start == pytest.approx(0.3, abs=0.15)
    assert transcript.words[-1].end == pytest.approx(answer.duration_s - 0.3, abs=0.15)
    assert all(w.conf is None or 0.0 <= w.conf <= 1.0 for w in transcript.words)


def test_silence_gives_no_words(model):
    fractions: list[float] = []
    transcript = transcribe_clip(AudioClip(silence(2.0, 16000), 16000), model, on_progress=fractions.append)
    assert transcript.words == ()
    assert transcript.duration_s == pytest.approx(2.0)
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(fractions) == 8  # 4000-frame chunks


def test_a_word_kaldi_hears_in_digital_silence_is_dropped(model):
    """Kaldi's dither makes it hear a word in pure silence now and then (with glibc, seed 13
    of rand() on 50 ms of zeros); the recognizer drops words whose audio is silent."""
    pcm = silence(0.05, 16000).tobytes()

    def vosk_hears_a_word(seed: int) -> bool:
        steady_dither(seed)
        raw = vosk.KaldiRecognizer(model.vosk_model, 16000)
        raw.SetWords(True)
        raw.AcceptWaveform(pcm)
        return bool(json.loads(raw.FinalResult()).get("result"))

    seed = next((seed for seed in (13, *range(40)) if vosk_hears_a_word(seed)), None)
    assert seed is not None, "Kaldi heard nothing in 40 silences, so this test shows nothing"
    steady_dither(seed)
    recognizer = StreamingRecognizer(model, 16000)
    recognizer.accept(pcm)
    assert recognizer.finish() == []


def test_a_silent_wav_file_gives_no_words(model, tmp_path):
    transcript = transcribe_file(write_wav(tmp_path / "quiet.wav", silence(1.0, 8000), 8000), model)
    assert transcript.words == ()
    assert transcript.duration_s == pytest.approx(1.0)


@pytest.mark.parametrize("chunk_frames", [1000, 16000])
def test_the_chunk_size_does_not_change_the_words(model, answer, reference, chunk_frames):
    steady_dither()
    other = transcribe_clip(answer, model, chunk_frames=chunk_frames).words
    assert [w.text for w in other] == [w.text for w in reference.words]
    for mine, theirs in zip(other, reference.words, strict=False):
        assert mine.start == pytest.approx(theirs.start, abs=0.05)
        assert mine.end == pytest.approx(theirs.end, abs=0.05)


def test_odd_sized_chunks_from_a_recorder_give_the_same_words(model, answer, reference):
    steady_dither()
    recognizer = StreamingRecognizer(model, answer.sample_rate)
    pcm = answer.pcm_bytes()
    for offset in range(0, len(pcm), 1001):  # splits samples across chunks
        recognizer.accept(pcm[offset : offset + 1001])
    assert [(w.text, w.start, w.end) for w in recognizer.finish()] == [
        (w.text, w.start, w.end) for w in reference.words
    ]


def test_a_four_second_silence_is_a_gap_the_analysis_calls_a_long_pause(model):
    """Vosk closes an utterance in the silence; the words after it are still timed from the start."""
    first, second = speak("저는 백엔드 개발자입니다"), speak("그 프로젝트에서 많이 배웠습니다")
    samples = np.concatenate([silence(0.3), first, silence(4.0), second, silence(0.3)])
    transcript = transcribe_clip(AudioClip(samples, ESPEAK_RATE), model)
    words = transcript.words
    assert_timed_inside(words, transcript.duration_s)
    gaps = [(b.start - a.end, a.end, b.start) for a, b in zip(words, words[1:], strict=False)]
    longest, gap_start, gap_end = max(gaps)
    assert longest >= 3.0
    silence_start = 0.3 + len(first) / ESPEAK_RATE
    assert gap_start <= silence_start + 0.15 and gap_end >= silence_start + 4.0 - 0.15
    report = analyze_answer(transcript, GENERAL)
    assert any(p.kind is PauseKind.LONG and p.duration_s >= 3.0 for p in report.pauses)


@pytest.mark.parametrize(("rate", "channels"), [(8000, 1), (22050, 1), (44100, 2)], ids=["8k", "22k", "44k-stereo"])
def test_other_sample_rates_are_recognised(model, tmp_path, rate, channels):
    speech = np.concatenate([silence(0.3), speak("네 맞습니다 저는 개발자입니다"), silence(0.3)])
    resampled = resample(speech, ESPEAK_RATE, rate)
    if channels == 2:
        resampled = np.stack([resampled, (resampled // 2).astype(np.int16)], axis=1)
    path = write_wav(tmp_path / f"answer-{rate}.wav", resampled, rate, channels)
    transcript = transcribe_file(path, model)
    duration = len(resampled) / rate
    assert transcript.duration_s == pytest.approx(duration, abs=0.001)
    assert_timed_inside(transcript.words, duration)
    assert transcript.words[0].start == pytest.approx(0.3, abs=0.2)
    assert transcript.words[-1].end == pytest.approx(duration - 0.3, abs=0.2)


def test_partial_results_appear_while_audio_is_fed(model, answer):
    seen: list[tuple[float, str]] = []
    recognizer = StreamingRecognizer(
        model, answer.sample_rate, on_partial=lambda text: seen.append((recognizer.fed_s, text))
    )
    pcm = answer.pcm_bytes()
    step = 2 * answer.sample_rate // 10  # 100 ms, as a microphone delivers it
    texts_while_feeding = []
    for offset in range(0, len(pcm), step):
        recognizer.accept(pcm[offset : offset + step])
        texts_while_feeding.append(recognizer.partial_text)
    words = recognizer.finish()
    assert any(texts_while_feeding), "no partial text while the answer was being spoken"
    assert any(text for fed, text in seen if fed < answer.duration_s - 0.5), "no partial callback before the end"
    assert words
    assert recognizer.partial_text == ""


def test_a_finished_recognizer_takes_no_more_audio(model):
    recognizer = StreamingRecognizer(model, 16000)
    recognizer.accept(bytes(3200))
    assert recognizer.finish() == []
    assert recognizer.finish() == []
    with pytest.raises(RuntimeError):
        recognizer.accept(bytes(3200))


def test_the_recognizer_works_on_the_thread_that_made_it_while_the_model_is_shared(model):
    speech = np.concatenate([silence(0.2), speak("감사합니다"), silence(0.2)])
    results: dict[str, list[Word]] = {}

    def recognise(name: str) -> None:
        recognizer = StreamingRecognizer(model, ESPEAK_RATE)
        recognizer.accept(speech.tobytes())
        results[name] = recognizer.finish()

    threads = [threading.Thread(target=recognise, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(results) == {"a", "b"}
    for words in results.values():
        assert_timed_inside(words, len(speech) / ESPEAK_RATE)


def test_transcription_can_be_cancelled(model, answer):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(TranscriptionCancelled):
        transcribe_clip(answer, model, cancel=cancel)
