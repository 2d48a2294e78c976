"""A recorded answer (file or clip) to a Transcript: recognised words plus hidden hesitations.

The clip is fed to the same StreamingRecognizer the live recorder uses, in chunks, so a file
gives the words a live answer would have given.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from mockint.core.cancel import Cancelled
from mockint.core.words import Transcript
from mockint.speech.audio_file import AudioClip, read_audio
from mockint.speech.hesitation import find_hidden_hesitations, merge_hesitations
from mockint.speech.recognizer import SpeechModel, StreamingRecognizer

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
    """Read a WAV file (UnreadableAudioError if it cannot be) and transcribe it."""
    return transcribe_clip(read_audio(path), model, chunk_frames=chunk_frames, cancel=cancel, on_progress=on_progress)


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
    if chunk_frames <= 0:
        raise ValueError(f"chunk_frames must be positive, not {chunk_frames}")
    recognizer = StreamingRecognizer(model, clip.sample_rate)
    pcm = clip.pcm_bytes()
    step = chunk_frames * 2
    for offset in range(0, len(pcm), step):
        if cancel is not None and cancel.is_set():
            raise TranscriptionCancelled()
        recognizer.accept(pcm[offset : offset + step])
        if on_progress is not None:
            on_progress(min(1.0, (offset + step) / len(pcm)))
    words = recognizer.finish()
    hesitations = find_hidden_hesitations(clip.samples, clip.sample_rate, words)
    return Transcript(merge_hesitations(words, hesitations), duration_s=round(clip.duration_s, 3))
