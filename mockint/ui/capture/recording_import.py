"""Settings' "Import a recording…": a recording made elsewhere becomes an analysed answer.

The row (a button and a status line) asks for a file, waits for the store and the speech model
(both load in the background), and runs `app.import_recording.import_and_analyse` in a thin
worker: the file is copied into the recordings folder as the answer's WAV, stored in a session
of its own and recognised and analysed there. The window never waits on it; a bad file or a
missing model is a message, and nothing half-imported is kept (the app layer sees to that).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from mockint.app.import_formats import IMPORTABLE_SUFFIXES
from mockint.core.errors import NoModelError, UserFacingError
from mockint.core.formatting import clock
from mockint.settings import Settings
from mockint.speech.errors import BrokenModelError
from mockint.ui.background import ResourceState
from mockint.ui.error_dialog import message_for, show_error
from mockint.ui.icons import themed_icon
from mockint.ui.widgets.labels import named
from mockint.ui.workers import Worker

if TYPE_CHECKING:  # the import brings numpy, soundfile and Vosk: loaded by the worker
    from mockint.app.import_recording import ImportedAnswer
    from mockint.app.reanalysis import QuestionOf
    from mockint.speech.recognizer import SpeechModel
    from mockint.store import Store
    from mockint.ui.context import AppContext

DIALOG_TITLE = "Import a recording"
FILE_FILTER = f"Audio recordings ({' '.join('*' + suffix for suffix in IMPORTABLE_SUFFIXES)});;All files (*)"
NO_MODEL_MESSAGE = (
    "No speech model is installed yet, so the recording cannot be recognised. "
    "Set one up under Speech models, then import the recording again."
)


class ImportNeedsModelError(UserFacingError):
    """The recording cannot be imported: there is no speech model to recognise it."""


class RecordingImportWorker(Worker["ImportedAnswer"]):
    def __init__(
        self, store: Store, source: Path, model: SpeechModel, settings: Settings, question_of: QuestionOf
    ) -> None:
        super().__init__()
        self._call = (store, source, model, settings, question_of)

    def work(self) -> ImportedAnswer:
        from mockint.app.import_recording import import_and_analyse

        store, source, model, settings, question_of = self._call
        return import_and_analyse(store, source, model, settings, question_of=question_of, cancel=self.cancel_token)


class RecordingImportRow(QWidget):
    """The button and what it is doing; `imported` or `import_failed` when an import ends."""

    imported = Signal(object)  # the ImportedAnswer
    import_failed = Signal(object)  # the error the user was shown

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._pending: Path | None = None  # chosen, waiting for the store or the model
        self._busy = False
        self._folder: Path | None = None  # where the last file came from: the dialog starts there
        self.button = QPushButton(themed_icon("import", context.theme, role="text"), "Import a &recording…")
        self.button.setIconSize(QSize(16, 16))
        self.button.setAccessibleName(DIALOG_TITLE)
        self.button.setToolTip(
            "Add a recording made elsewhere (WAV, FLAC, Ogg/Opus or MP3) as an answer, recognised and analysed"
        )
        self.button.clicked.connect(self.choose_file)
        # The status is read as it is: no accessible name, which would hide its text.
        self.status = named(QLabel("A recording made elsewhere becomes an answer you can review."), "hint")
        self.status.setWordWrap(True)
        self.status.setAccessibleDescription("What the import is doing")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.status, 1)
        for resource in (context.store, context.model):
            resource.ready.connect(self._try_start)
            resource.unavailable.connect(self._try_start)

    @property
    def busy(self) -> bool:
        return self._busy

    def choose_file(self) -> None:
        start = self._folder or Path.home()
        chosen, _ = QFileDialog.getOpenFileName(self, DIALOG_TITLE, str(start), FILE_FILTER)
        if chosen:
            self.import_file(Path(chosen))

    def import_file(self, source: Path) -> None:
        """Imports `source` in the background once the store and the model are ready."""
        if self._busy:
            return
        self._folder = source.parent
        self._pending = source
        self._set_busy(True, f"Importing {source.name}…")
        self.context.store.load_once()
        self.context.model.load_once()
        self._try_start()

    def _try_start(self, *_: object) -> None:
        source = self._pending
        if source is None or not shiboken6.isValid(self):
            return
        store, model = self.context.store, self.context.model
        if store.state is ResourceState.UNAVAILABLE:
            self._pending = None
            error = store.error or UserFacingError("Your practice history could not be opened.")
            self._fail(error)
            return
        if model.state is ResourceState.UNAVAILABLE:
            self._pending = None
            self._fail(_model_error(model.error))
            return
        if store.value is None or model.value is None:
            self.status.setText(f"Importing {source.name}: waiting for the speech model to load…")
            return
        self._pending = None
        self.status.setText(f"Importing {source.name}: recognising and analysing it…")
        from mockint.app.reanalysis import asked_in_decks

        decks = self.context.decks.value if self.context.decks.state is ResourceState.READY else None
        worker = RecordingImportWorker(store.value, source, model.value, self.context.settings, asked_in_decks(decks))
        self.context.workers.start(
            worker, on_finished=self._done, on_failed=self._fail, on_cancelled=lambda: self._set_busy(False, "")
        )

    def _done(self, result: ImportedAnswer) -> None:
        if not shiboken6.isValid(self):
            return
        name = result.recording.source.name
        self._set_busy(False, f"Imported {name} ({clock(result.recording.duration_s)}): see Review.")
        self.context.events.status_message.emit(f"Imported {name} as an answer in “Imported recordings”; see Review.")
        self.context.events.sessions_changed.emit()
        self.imported.emit(result)

    def _fail(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False, "Nothing was imported.")
        show_error(self, error, DIALOG_TITLE)
        self.import_failed.emit(error)

    def _set_busy(self, busy: bool, text: str) -> None:
        self._busy = busy
        self.button.setEnabled(not busy)
        if text:
            self.status.setText(text)


def _model_error(error: BaseException | None) -> UserFacingError:
    if isinstance(error, NoModelError) and not isinstance(error, BrokenModelError):
        return ImportNeedsModelError(NO_MODEL_MESSAGE)
    reason = message_for(error) if error is not None else "the speech model could not be loaded"
    return ImportNeedsModelError(f"The recording cannot be recognised: {reason}")
