"""Audio input for `mockint analyze`: pick the model, load it, transcribe the file."""

from __future__ import annotations

from pathlib import Path

from mockint.commands.analyze_progress import AnalyzeProgress
from mockint.core.words import Transcript
from mockint.paths import app_paths
from mockint.settings import Settings
from mockint.speech.audio_file import read_audio
from mockint.speech.model_select import resolve_model
from mockint.speech.recognizer import load_model
from mockint.speech.transcribe import transcribe_clip


def transcribe_for_cli(
    path: Path, explicit_model: str | None, settings: Settings, progress: AnalyzeProgress | None = None
) -> Transcript:
    """`progress` (a terminal's progress line) hears of the model loading and of each block done."""
    # Read the audio first: a broken file is reported as such even when no model is installed.
    clip = read_audio(path)
    folder = resolve_model(explicit_model, settings, app_paths())
    if progress is not None:
        progress.loading(folder.name)
    model = load_model(folder)
    return transcribe_clip(clip, model, on_progress=None if progress is None else progress.recognised)
