"""The hidden-hesitation detector on audio whose content is known, words placed by hand."""

from __future__ import annotations

import numpy as np
import pytest

from mockint.core.words import Word
from mockint.speech.hesitation import HESITATION, find_hidden_hesitations, merge_hesitations
from mockint.speech.voicing import voicing_track
from tests.recognition_speech import ESPEAK_RATE, breath, hum, resample, silence, speak


def words_on(start: float, end: float) -> list[Word]:
    """A word spanning known speech, as a recognizer would place it."""
    return [Word("말", start, end, 0.9)]


@pytest.fixture(scope="module")
def phrase(espeak) -> np.ndarray:
    return speak("저는 개발자입니다")


def layout(*parts: np.ndarray) -> tuple[np.ndarray, list[tuple[float, float]]]:
    spans, at = [], 0
    for part in parts:
        spans.append((at / ESPEAK_RATE, (at + len(part)) / ESPEAK_RATE))
        at += len(part)
    return np.concatenate(parts), spans


def test_a_hum_between_recognised_phrases_is_found_where_it_is(phrase):
    audio, spans = layout(
        silence(0.3),
        phrase,
        silence(0.2),
        hum(0.7, pitch_hz=180, loudness=0.7, seed=1),
        silence(0.2),
        phrase,
        silence(0.3),
    )
    words = words_on(*spans[1]) + words_on(*spans[5])
    found = find_hidden_hesitations(audio, ESPEAK_RATE, words)
    assert len(found) == 1
    start, end = spans[3]
    assert found[0] == Word(HESITATION, found[0].start, found[0].end, None)
    assert found[0].start == pytest.approx(start, abs=0.05) and found[0].end == pytest.approx(end, abs=0.05)


def test_a_word_the_recognizer_wrote_on_a_hum_gives_way_to_one_hesitation(phrase):
    """In a continuous answer the recognizer often reads a hum as a short word ("인"): the report
    shows one hesitation there, not a word and not a word plus a hesitation."""
    audio, spans = layout(
        silence(0.3), phrase, silence(0.2), hum(0.7, pitch_hz=150, loudness=0.7, seed=2), silence(0.3)
    )
    spoken = words_on(*spans[1])
    misread = Word("인", spans[3][0] + 0.05, spans[3][1] - 0.05, 0.4)
    found = find_hidden_hesitations(audio, ESPEAK_RATE, [*spoken, misread])
    assert len(found) == 1
    assert found[0].start == pytest.approx(spans[3][0], abs=0.05) and found[0].end == pytest.approx(
        spans[3][1], abs=0.05
    )
    assert [w.text for w in merge_hesitations([*spoken, misread], found)] == ["말", HESITATION]


def test_a_word_on_speech_is_never_taken_for_a_hum(phrase):
    """Words cut to syllable size, as a recognizer places them, keep their place: speech has
    formants above 600 Hz, a hum has not."""
    audio, spans = layout(silence(0.3), phrase, silence(0.3), phrase, silence(0.3))
    words = []
    for start, end in (spans[1], spans[3]):
        edges = np.linspace(start, end, 7)
        words += [Word("음절", round(a, 3), round(b, 3), 0.9) for a, b in zip(edges[:-1], edges[1:], strict=True)]
    assert find_hidden_hesitations(audio, ESPEAK_RATE, words) == []


def test_recognised_speech_is_not_a_hesitation(phrase):
    audio, spans = layout(silence(0.3), phrase, silence(0.5), phrase, silence(0.3))
    assert find_hidden_hesitations(audio, ESPEAK_RATE, words_on(*spans[1]) + words_on(*spans[3])) == []


def test_speech_with_no_word_on_it_is_voiced(phrase):
    """The detector only knows voice from no voice; what it reports depends on the words."""
    audio, _ = layout(silence(0.3), phrase, silence(0.3))
    assert find_hidden_hesitations(audio, ESPEAK_RATE, [])


@pytest.mark.parametrize(("seconds", "expected"), [(0.2, 0), (0.25, 0), (0.4, 1)])
def test_only_stretches_of_at_least_min_s_count(seconds, expected):
    audio, _ = layout(silence(0.5), hum(seconds, pitch_hz=200, loudness=0.6, seed=3), silence(0.5))
    assert len(find_hidden_hesitations(audio, ESPEAK_RATE, [], min_s=0.3)) == expected


def test_min_s_is_the_callers_choice():
    audio, _ = layout(silence(0.5), hum(0.5, pitch_hz=200, loudness=0.6, seed=3), silence(0.5))
    assert find_hidden_hesitations(audio, ESPEAK_RATE, [], min_s=0.8) == []
    assert len(find_hidden_hesitations(audio, ESPEAK_RATE, [], min_s=0.3)) == 1


@pytest.mark.parametrize("loudness", [0.3, 1.0, 2.0])
def test_breaths_are_not_voiced(loudness):
    audio, _ = layout(silence(0.5), breath(0.6, loudness=loudness, seed=4), silence(0.5))
    assert find_hidden_hesitations(audio, ESPEAK_RATE, []) == []


def test_hiss_alone_is_not_voiced():
    hiss = np.random.default_rng(5).standard_normal(3 * ESPEAK_RATE) * 600
    assert find_hidden_hesitations(hiss.astype(np.int16), ESPEAK_RATE, []) == []


def test_silence_and_nothing_give_nothing():
    assert find_hidden_hesitations(silence(2.0), ESPEAK_RATE, []) == []
    assert find_hidden_hesitations(np.zeros(0, dtype=np.int16), ESPEAK_RATE, []) == []
    assert find_hidden_hesitations(silence(0.005), ESPEAK_RATE, []) == []


def test_a_room_hum_is_the_floor_and_a_voice_above_it_is_found():
    """A steady mains buzz (with harmonics) under everything: the floor adapts to it."""
    t = np.arange(4 * ESPEAK_RATE) / ESPEAK_RATE
    buzz = sum(np.sin(2 * np.pi * 50 * k * t) / k for k in range(1, 8)) * 300
    assert find_hidden_hesitations(np.round(buzz).astype(np.int16), ESPEAK_RATE, []) == []
    voice = np.concatenate([silence(1.5), hum(0.8, pitch_hz=170, loudness=0.8, seed=6), silence(1.7)])
    found = find_hidden_hesitations(np.round(buzz + voice).astype(np.int16), ESPEAK_RATE, [])
    assert len(found) == 1
    assert found[0].start == pytest.approx(1.5, abs=0.06) and found[0].end == pytest.approx(2.3, abs=0.06)


def test_the_floor_follows_a_noise_that_starts_halfway():
    rng = np.random.default_rng(7)
    quiet, noisy = rng.standard_normal(3 * ESPEAK_RATE) * 30, rng.standard_normal(5 * ESPEAK_RATE) * 900
    voice = np.concatenate([silence(5.0), hum(0.6, pitch_hz=210, loudness=1.0, seed=7), silence(2.4)])
    found = find_hidden_hesitations(np.round(np.concatenate([quiet, noisy]) + voice).astype(np.int16), ESPEAK_RATE, [])
    assert [(round(w.start, 1), round(w.end, 1)) for w in found] == [(5.0, 5.6)]


@pytest.mark.parametrize("rate", [8000, 16000, 44100, 48000])
def test_any_sample_rate(rate):
    audio = np.concatenate(
        [silence(0.5, rate), hum(0.6, pitch_hz=120, loudness=0.6, seed=8, rate=rate), silence(0.5, rate)]
    )
    found = find_hidden_hesitations(audio, rate, [])
    assert (
        len(found) == 1
        and found[0].start == pytest.approx(0.5, abs=0.05)
        and found[0].end == pytest.approx(1.1, abs=0.05)
    )


@pytest.mark.parametrize("pitch_hz", [80, 120, 250, 380])
def test_voices_low_and_high_are_voiced(pitch_hz):
    audio = np.concatenate(
        [
            silence(0.3),
            hum(0.6, pitch_hz=pitch_hz, loudness=0.6, seed=9, resonance_hz=max(260, 1.2 * pitch_hz)),
            silence(0.3),
        ]
    )
    track = voicing_track(audio, ESPEAK_RATE)
    middle = track.voiced[int(0.4 / track.hop_s) : int(0.8 / track.hop_s)]
    assert middle.mean() > 0.9
    assert not track.voiced[: int(0.25 / track.hop_s)].any()


def test_resampled_speech_keeps_its_voicing(phrase):
    low = voicing_track(resample(phrase, ESPEAK_RATE, 8000), 8000).voiced.mean()
    native = voicing_track(phrase, ESPEAK_RATE).voiced.mean()
    assert low == pytest.approx(native, abs=0.1) and native > 0.4


def test_words_without_times_cover_nothing():
    audio, _ = layout(silence(0.5), hum(0.6, pitch_hz=200, loudness=0.6, seed=10), silence(0.5))
    assert len(find_hidden_hesitations(audio, ESPEAK_RATE, [Word("untimed")])) == 1


def test_the_margin_keeps_word_edges_from_counting():
    audio, _ = layout(silence(0.5), hum(0.7, pitch_hz=200, loudness=0.6, seed=11), silence(0.5))
    # A word ending 0.04 s into the hum, another starting 0.04 s before its end: 0.62 s is free.
    words = [Word("a", 0.2, 0.54), Word("b", 1.16, 1.4)]
    found = find_hidden_hesitations(audio, ESPEAK_RATE, words)
    assert len(found) == 1 and found[0].start >= 0.58 and found[0].end <= 1.12


def test_hesitations_merge_into_the_words_in_time_order():
    words = [Word("a", 0.0, 0.5), Word("b", 1.2, 1.6), Word("c", 2.5, 3.0)]
    hesitations = [Word(HESITATION, 1.7, 2.4), Word(HESITATION, 0.6, 1.2)]
    merged = merge_hesitations(words, hesitations)
    assert [w.text for w in merged] == ["a", HESITATION, "b", HESITATION, "c"]
    assert merge_hesitations(words, []) == tuple(words)
    untimed = merge_hesitations([Word("x")], [Word(HESITATION, 0.1, 0.5)])
    assert [w.text for w in untimed] == [HESITATION, "x"]
