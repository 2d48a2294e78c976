"""Audio input for `mockint analyze`: check the file, pick and load the model, stream the audio.

The file's header is checked first (a broken or non-audio file is reported as such even when no
model is installed), then the model, and only then is the audio read, block by block from disk:
a long recording never sits in memory, and a missing model is reported before any of it is read.
"""

from __future__ import annotations

from pathlib import Path

from mockint.commands.analyze_progress import AnalyzeProgress
from mockint.core.words import Transcript
from mockint.paths import app_paths
from mockint.settings import Settings
from mockint.speech.audio_file import open_audio
from mockint.speech.model_select import resolve_model
from mockint.speech.recognizer import load_model
from mockint.speech.transcribe import transcribe_blocks


def transcribe_for_cli(
    path: Path, explicit_model: str | None, settings: Settings, progress: AnalyzeProgress | None = None
) -> Transcript:
    """`progress` (a terminal's progress line) hears of the model loading and of each block done."""
    with open_audio(path) as source:
        folder = resolve_model(explicit_model, settings, app_paths())
        if progress is not None:
            progress.loading(folder.name)
        model = load_model(folder)
        on_progress = None if progress is None else progress.recognised
        return transcribe_blocks(
            source.blocks(), source.sample_rate, model, total_frames=source.frames, on_progress=on_progress
        )
