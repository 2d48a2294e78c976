"""A recorded answer (file or clip) to a Transcript: recognised words plus hidden hesitations.

The audio is fed block by block to the same StreamingRecognizer and VoicingScanner the live
answer uses, so a file gives the words and hesitations a live answer would have given, and a
file is streamed from disk: memory stays flat whatever its length.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from mockint.core.cancel import Cancelled
from mockint.core.words import Transcript
from mockint.speech.audio_file import AudioClip, open_audio
from mockint.speech.hesitation import hesitations_outside_words, merge_hesitations
from mockint.speech.recognizer import SpeechModel, StreamingRecognizer
from mockint.speech.voicing import VoicingScanner

DEFAULT_CHUNK_FRAMES = 4000


class TranscriptionCancelled(Cancelled):
    """The caller set the cancel event; nothing was produced."""


def transcribe_file(
    path: Path | str,
    model: SpeechModel,
    *,
    chunk_frames: int = DEFAULT_CHUNK_FRAMES,
    cancel: threading.Event | None = None,
    on_progress: Callable[[float], None] | None = None,
) -> Transcript:
    """Stream an audio file (UnreadableAudioError if it cannot be read) through recognition."""
    _check_chunk(chunk_frames)
    with open_audio(path) as source:
        return transcribe_blocks(
            source.blocks(chunk_frames),
            source.sample_rate,
            model,
            total_frames=source.frames,
            cancel=cancel,
            on_progress=on_progress,
        )


def transcribe_clip(
    clip: AudioClip,
    model: SpeechModel,
    *,
    chunk_frames: int = DEFAULT_CHUNK_FRAMES,
    cancel: threading.Event | None = None,
    on_progress: Callable[[float], None] | None = None,
) -> Transcript:
    """Words with times from the start of the clip, hesitations merged in; duration_s is the clip's.

    `cancel` is checked between chunks (TranscriptionCancelled); `on_progress` gets the fraction
    of the clip done after each chunk.
    """
    _check_chunk(chunk_frames)
    samples = clip.samples
    blocks = (samples[i : i + chunk_frames] for i in range(0, len(samples), chunk_frames))
    return transcribe_blocks(
        blocks, clip.sample_rate, model, total_frames=len(samples), cancel=cancel, on_progress=on_progress
    )


def transcribe_blocks(
    blocks: Iterable[np.ndarray],
    sample_rate: int,
    model: SpeechModel,
    *,
    total_frames: int,
    cancel: threading.Event | None = None,
    on_progress: Callable[[float], None] | None = None,
) -> Transcript:
    """Mono int16 blocks, in order, to a Transcript (duration_s is that of the blocks fed)."""
    recognizer = StreamingRecognizer(model, sample_rate)
    scanner = VoicingScanner(sample_rate)
    fed = 0
    for block in blocks:
        if cancel is not None and cancel.is_set():
            raise TranscriptionCancelled()
        recognizer.accept(block.astype("<i2", copy=False).tobytes())
        scanner.feed(block)
        fed += len(block)
        if on_progress is not None and total_frames > 0:
            on_progress(min(1.0, fed / total_frames))
    words = recognizer.finish()
    scanner.finish()
    hesitations = hesitations_outside_words(scanner, words)
    return Transcript(merge_hesitations(words, hesitations), duration_s=round(fed / sample_rate, 3))


def voicing_of_file(path: Path | str) -> VoicingScanner:
    """The voicing scan of a saved recording, streamed from disk (UnreadableAudioError)."""
    with open_audio(path) as source:
        scanner = VoicingScanner(source.sample_rate)
        for block in source.blocks():
            scanner.feed(block)
    scanner.finish()
    return scanner


def _check_chunk(chunk_frames: int) -> None:
    if chunk_frames <= 0:
        raise ValueError(f"chunk_frames must be positive, not {chunk_frames}")
