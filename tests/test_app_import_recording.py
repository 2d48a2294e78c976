"""Importing a recording made elsewhere (Settings' "Import a recording…"), in the app layer:
FLAC and MP3 files written by soundfile, a real Store, and the real Korean Vosk model hearing
eSpeak NG's Korean speech. Bad input leaves no session, answer or file behind."""

from __future__ import annotations

import os
import wave
from pathlib import Path

import numpy as np
import pytest
import soundfile

from mockint.app.import_recording import (
    IMPORTED_SESSION_TITLE,
    ImportCancelled,
    import_and_analyse,
    import_recording,
)
from mockint.app.reanalysis import answers_awaiting_analysis
from mockint.app.review import load_session
from mockint.core.cancel import CancelToken
from mockint.core.session import PracticeMode
from mockint.paths import app_paths
from mockint.settings import Settings
from mockint.speech.errors import UnreadableAudioError
from mockint.store import Store
from tests.recognition_speech import ESPEAK_RATE, shared_model, speak, steady_dither

TONE_RATE = 44100


def _tone(seconds: float = 2.0) -> np.ndarray:
    t = np.arange(round(seconds * TONE_RATE)) / TONE_RATE
    return (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


def _wav_samples(path: Path) -> tuple[int, int, int, np.ndarray]:
    with wave.open(str(path)) as wav:
        frames = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
        return wav.getframerate(), wav.getnchannels(), wav.getsampwidth(), frames


def _nothing_stored(store: Store) -> None:
    assert store.list_sessions() == []
    folder = store.recordings.folder
    assert not folder.exists() or list(folder.iterdir()) == []
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".importing-")], "no work folder is left"


def test_a_flac_and_an_mp3_become_answers_with_a_mono_16_bit_wav_each_in_a_session_of_its_own(tmp_path):
    tone = _tone()
    flac, mp3 = tmp_path / "stereo interview.flac", tmp_path / "phone memo.mp3"
    soundfile.write(flac, np.stack([tone, tone * 0.5], axis=1), TONE_RATE, subtype="PCM_16")
    soundfile.write(mp3, tone, TONE_RATE)

    with Store.open(app_paths()) as store:
        from_flac = import_recording(store, flac)
        from_mp3 = import_recording(store, mp3)

        assert from_flac.session_id != from_mp3.session_id, "one session per import"
        for imported, source in ((from_flac, flac), (from_mp3, mp3)):
            session = store.get_session(imported.session_id)
            assert session.mode is PracticeMode.SOLO and session.title == IMPORTED_SESSION_TITLE
            assert session.ended_at is not None
            (answer,) = store.answers_for_session(imported.session_id)
            assert answer.id == imported.answer_id and source.name in answer.question_text
            assert answer.audio_path == f"answer-{answer.id}.wav"
            assert answer.duration_s == pytest.approx(2.0, abs=0.06)
            rate, channels, width, samples = _wav_samples(store.recordings.path_for(answer.id))
            assert (rate, channels, width) == (TONE_RATE, 1, 2), "the answers' own form: 16-bit mono WAV"
            assert np.abs(samples).max() > 0.2 * 32768, "the tone itself, not silence"
        # FLAC is lossless: the WAV is its two channels averaged, sample for sample.
        _, _, _, samples = _wav_samples(from_flac.audio_path)
        expected = np.rint((np.rint(tone * 32768) + np.rint(tone * 0.5 * 32768)) / 2)
        assert np.abs(samples.astype(np.int32) - expected).max() <= 1
        # Review plays them; with no report yet they wait for a model like any recorded answer.
        review = load_session(store, from_mp3.session_id)
        assert review.answers[0].audio == from_mp3.audio_path
        assert answers_awaiting_analysis(store) == (from_flac.answer_id, from_mp3.answer_id)


def test_imported_korean_speech_in_flac_and_mp3_is_recognised_and_analysed(tmp_path, korean_model_path, espeak):
    speech = speak("안녕하세요 저는 개발자입니다").astype(np.float32) / 32768
    pause = np.zeros(ESPEAK_RATE // 2, dtype=np.float32)
    spoken = np.concatenate([pause, speech, pause])
    flac, mp3 = tmp_path / "answer.flac", tmp_path / "answer.mp3"
    soundfile.write(flac, spoken, ESPEAK_RATE)
    soundfile.write(mp3, spoken, ESPEAK_RATE)
    model = shared_model(korean_model_path)
    settings = Settings(app_paths().settings_file)

    with Store.open(app_paths()) as store:
        for source in (flac, mp3):
            steady_dither()
            result = import_and_analyse(store, source, model, settings)

            answer = store.get_answer(result.recording.answer_id)
            assert answer.report is not None and answer.report.words, "a transcript, not 'not analysed'"
            assert answer.words == answer.report.words and result.report.words == answer.report.words
            assert store.recordings.path_for(answer.id).is_file() and answer.audio_path
            reviewed = load_session(store, result.recording.session_id).answers[0]
            assert reviewed.report is not None and reviewed.audio == store.recordings.path_for(answer.id)
        assert answers_awaiting_analysis(store) == ()
        assert [s.session.title for s in store.list_sessions()] == [IMPORTED_SESSION_TITLE] * 2


def test_a_text_file_a_pipe_a_folder_or_a_missing_file_is_refused_and_leaves_nothing_behind(tmp_path):
    text = tmp_path / "notes.mp3"
    text.write_text("These are my notes for the interview, not a recording of it.\n" * 4, encoding="utf-8")
    pipe = tmp_path / "stream.wav"
    os.mkfifo(pipe)
    folder = tmp_path / "recordings.flac"
    folder.mkdir()

    with Store.open(app_paths()) as store:
        for source, says in (
            (text, "is a text file, not an audio file"),
            (pipe, "is a pipe, not an audio file"),
            (folder, "is a folder, not an audio file"),
            (tmp_path / "gone.ogg", "does not exist"),
        ):
            with pytest.raises(UnreadableAudioError) as refused:
                import_recording(store, source)
            assert says in refused.value.user_message and source.name in refused.value.user_message
            assert "\n" not in refused.value.user_message
        _nothing_stored(store)


def test_a_flac_damaged_part_way_through_is_refused_after_its_start_was_copied_and_nothing_is_kept(tmp_path):
    noise = (0.3 * np.random.default_rng(1).standard_normal(3 * TONE_RATE)).astype(np.float32)
    whole = tmp_path / "whole.flac"
    soundfile.write(whole, noise, TONE_RATE)
    cut = tmp_path / "cut.flac"
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) // 2])  # the header still promises three seconds

    with Store.open(app_paths()) as store:
        with pytest.raises(UnreadableAudioError) as refused:
            import_recording(store, cut)
        assert "cut.flac is damaged part-way through" in refused.value.user_message
        _nothing_stored(store)


def test_a_cancelled_import_keeps_nothing(tmp_path):
    flac = tmp_path / "long.flac"
    soundfile.write(flac, _tone(5.0), TONE_RATE)
    cancel = CancelToken()
    cancel.cancel()

    with Store.open(app_paths()) as store:
        with pytest.raises(ImportCancelled):
            import_recording(store, flac, cancel=cancel)
        _nothing_stored(store)
