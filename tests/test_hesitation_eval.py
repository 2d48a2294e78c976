"""How well hidden hesitations are found: 30 synthetic answers through the real Korean model.

20 answers carry one hummed "mmm" (between phrases, set off by pauses, or trailing), 10 carry
none (a plain pause, or an audible breath, sometimes over hiss). Each answer is recognised on
its own by real Vosk, as an answer is in the app; the detector then looks for voiced audio with
no word on it. A detection counts as right when it overlaps an inserted hum.
"""

from __future__ import annotations

import pytest

from mockint.core.words import Word
from mockint.speech.audio_file import AudioClip
from mockint.speech.hesitation import HESITATION, find_hidden_hesitations
from mockint.speech.recognizer import StreamingRecognizer
from mockint.speech.transcribe import transcribe_clip
from tests.recognition_speech import SyntheticClip, hesitation_clips, shared_model, steady_dither

MIN_PRECISION = 0.8
MIN_RECALL = 0.8


@pytest.fixture(scope="module")
def model(korean_model_path, espeak):
    return shared_model(korean_model_path)


@pytest.fixture(scope="module")
def clips() -> list[SyntheticClip]:
    return hesitation_clips(positives=20, negatives=10)


@pytest.fixture(scope="module")
def recognised(model, clips) -> list[list[Word]]:
    """Each clip's words from its own recognizer (once for the module: this is the slow part)."""
    words = []
    for clip in clips:
        steady_dither()  # the same words on every run, whatever ran before
        recognizer = StreamingRecognizer(model, clip.rate)
        recognizer.accept(clip.samples.tobytes())
        words.append(recognizer.finish())
    return words


def overlaps(a_start: float, a_end: float, b_start: float, b_end: float) -> bool:
    return a_start < b_end and b_start < a_end


def test_hidden_hesitations_are_found_with_precision_and_recall_of_at_least_0_8(clips, recognised):
    assert len(clips) >= 30 and sum(1 for c in clips if not c.hesitations) >= 10
    right = wrong = found_truths = truths = 0
    table = []
    for clip, words in zip(clips, recognised, strict=False):
        detections = find_hidden_hesitations(clip.samples, clip.rate, words)
        hits = [d for d in detections if any(overlaps(d.start, d.end, *t) for t in clip.hesitations)]
        right += len(hits)
        wrong += len(detections) - len(hits)
        truths += len(clip.hesitations)
        found_truths += sum(1 for t in clip.hesitations if any(overlaps(d.start, d.end, *t) for d in detections))
        worded = [w.text for w in words if any(overlaps(w.start, w.end, *t) for t in clip.hesitations)]
        table.append(
            f"{clip.name}: truth {clip.hesitations} found {[(d.start, d.end) for d in detections]} words on it {worded}"
        )
    precision = right / (right + wrong) if right + wrong else 1.0
    recall = found_truths / truths
    print(
        f"\nhidden hesitations over {len(clips)} clips: precision {precision:.3f}, recall {recall:.3f} "
        f"({found_truths}/{truths} hums found, {wrong} false detections)"
    )
    details = "\n".join(table)
    assert precision >= MIN_PRECISION, details
    assert recall >= MIN_RECALL, details


def test_detections_sit_on_the_hum_they_found(clips, recognised):
    """Not just overlapping: where a hum had no word on it, the stretch found is that hum."""
    checked = 0
    for clip, words in zip(clips, recognised, strict=False):
        for start, end in clip.hesitations:
            if any(overlaps(w.start, w.end, start, end) for w in words):
                continue  # the recognizer wrote a word there: not hidden
            found = [
                d
                for d in find_hidden_hesitations(clip.samples, clip.rate, words)
                if overlaps(d.start, d.end, start, end)
            ]
            assert len(found) == 1, clip.name
            assert found[0].start == pytest.approx(start, abs=0.1) and found[0].end == pytest.approx(end, abs=0.1)
            assert found[0].text == HESITATION and found[0].conf is None
            checked += 1
    assert checked >= 15


def test_every_recognised_word_is_timed_inside_its_clip(clips, recognised):
    for clip, words in zip(clips, recognised, strict=False):
        assert words, f"{clip.name}: no words recognised in speech"
        assert all(0.0 <= w.start < w.end <= clip.duration_s for w in words), clip.name


def test_a_transcribed_answer_carries_the_hesitation_among_its_words(model, clips, recognised):
    clip, words = next(
        (c, w)
        for c, w in zip(clips, recognised, strict=False)
        if c.name.startswith("hum-between") and not any(overlaps(x.start, x.end, *c.hesitations[0]) for x in w)
    )
    steady_dither()
    transcript = transcribe_clip(AudioClip(clip.samples, clip.rate), model)
    texts = [w.text for w in transcript.words]
    assert texts.count(HESITATION) == 1
    marker = transcript.words[texts.index(HESITATION)]
    assert overlaps(marker.start, marker.end, *clip.hesitations[0])
    before, after = transcript.words[: texts.index(HESITATION)], transcript.words[texts.index(HESITATION) + 1 :]
    assert before and after, "the hum sits between the two phrases"
    assert all(w.end <= marker.start for w in before) and all(w.start >= marker.end for w in after)
    assert [w for w in transcript.words if w.text != HESITATION] == words
