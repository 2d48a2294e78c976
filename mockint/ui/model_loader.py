"""Loading the speech model in the background, so the window is usable at once.

`ModelLoader` resolves which model to use (the `--model` folder, `MOCKINT_MODEL`, the setting,
the installed default) and loads it; it emits the loaded model or the typed error
(`NoModelError`, `BrokenModelError`) whose message tells the user how to fix it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from mockint.paths import AppPaths
from mockint.settings import Settings
from mockint.ui.background import BackgroundResource
from mockint.ui.workers import Worker, WorkerPool

if TYPE_CHECKING:  # vosk is heavy: the window must appear before it is imported
    from mockint.speech.recognizer import SpeechModel


class ModelLoader(Worker["SpeechModel"]):
    """finished(SpeechModel) or failed(NoModelError | BrokenModelError | other); progress(Path)."""

    def __init__(self, settings: Settings, paths: AppPaths, explicit: Path | None = None) -> None:
        super().__init__()
        self._settings = settings
        self._paths = paths
        self._explicit = explicit

    def work(self) -> SpeechModel:
        # Imported here: vosk is heavy, and the window must appear before it is touched.
        from mockint.speech.model_select import choose_model
        from mockint.speech.recognizer import load_model

        explicit = str(self._explicit) if self._explicit is not None else None
        choice = choose_model(explicit, self._settings, self._paths)
        self.progress.emit(choice.path)
        self.check_cancelled()
        # Vosk cannot be interrupted mid-load; a cancel lands once it returns.
        return load_model(choice.path, name=choice.name)


def model_resource(
    pool: WorkerPool, settings: Settings, paths: AppPaths, explicit: Path | None = None, parent: QObject | None = None
) -> BackgroundResource[SpeechModel]:
    """The app's one shared speech model: `.value` is the SpeechModel once `ready` fired."""
    return BackgroundResource(pool, lambda: ModelLoader(settings, paths, explicit), parent)
