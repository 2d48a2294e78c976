"""Settings: where MockInt keeps the user's data, importing a recording into it, and deleting all of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from mockint.app.deck_files import delete_user_decks
from mockint.paths import AppPaths
from mockint.store.errors import from_os_error
from mockint.ui.capture.recording_import import RecordingImportRow
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import show_error
from mockint.ui.icons import themed_icon
from mockint.ui.widgets.labels import named
from mockint.ui.workers import FunctionWorker

SECTION_KEY = "data"
SECTION_TITLE = "Your data"
SECTION_HINT = "Everything stays on this computer. These are the folders MockInt uses."
SECTION_ORDER = 90

CONFIRM_TITLE = "Delete all your data?"
CONFIRM_TEXT = (
    "This deletes every practice session, answer, recording and note, and the decks you imported.\n\n"
    "Your settings and downloaded speech models are kept. This cannot be undone."
)


def create_section(context: AppContext) -> QWidget:
    return DataSection(context)


def data_folders(paths: AppPaths) -> list[tuple[str, Path, str]]:
    """(label, folder, what is in it) for every place MockInt writes."""
    return [
        ("Practice history", paths.data_dir, f"sessions and answers ({paths.database.name})"),
        ("Recordings", paths.recordings_dir, "your spoken answers as WAV files"),
        ("Your decks", paths.user_decks_dir, "decks you imported or made"),
        ("Speech models", paths.models_dir, "downloaded recognition models"),
        ("Settings", paths.config_dir, paths.settings_file.name),
        ("Logs", paths.log_dir, "details of problems, for bug reports"),
    ]


def delete_all_data(store: Any, paths: AppPaths) -> None:
    """Sessions, answers, recordings (via the store) and user decks; settings and models stay."""
    if store is None:
        from mockint.store.app_store import Store

        with Store.open(paths) as opened:
            opened.delete_all_data()
    else:
        store.delete_all_data()
    delete_user_decks(paths.user_decks_dir)


def make_folder(folder: Path) -> Path:
    """In a worker: the folder, made if it is not there yet (the file manager needs it to exist)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise from_os_error(error, folder, "create the folder") from None
    return folder


class DataSection(QWidget):
    deleted = Signal()  # everything was deleted

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        self.open_buttons: list[QPushButton] = []
        for row, (label, folder, what) in enumerate(data_folders(context.paths)):
            name = QLabel(label)
            name.setToolTip(what)
            path = named(QLabel(str(folder)), "pathLabel")
            path.setToolTip(f"{what}\n{folder}")
            path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            button = QPushButton(themed_icon("folder", context.theme, role="text"), "Open folder")
            button.setIconSize(QSize(16, 16))
            button.setAccessibleName(f"Open the {label.lower()} folder")
            button.setToolTip(f"Show {folder} in the file manager")
            button.clicked.connect(lambda _=False, f=folder: self._open(f))
            self.open_buttons.append(button)
            grid.addWidget(name, row, 0)
            grid.addWidget(path, row, 1)
            grid.addWidget(button, row, 2)
        grid.setColumnStretch(1, 1)

        # A recording made elsewhere becomes an answer: copied in, recognised and analysed.
        self.import_row = RecordingImportRow(context)
        self.import_button = self.import_row.button

        self.delete_button = named(
            QPushButton(themed_icon("delete", context.theme, role="danger"), "Delete all my data…"), "danger"
        )
        self.delete_button.setIconSize(QSize(16, 16))
        self.delete_button.setToolTip("Delete every session, answer, recording and imported deck (asks first)")
        self.delete_button.setAccessibleName("Delete all my data")
        self.delete_button.clicked.connect(self.delete_all)
        warning = named(QLabel("Sessions, answers, recordings and your decks. Settings and models are kept."), "hint")
        warning.setWordWrap(True)
        danger_row = QHBoxLayout()
        danger_row.addWidget(self.delete_button)
        danger_row.addWidget(warning, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addLayout(grid)
        layout.addWidget(self.import_row)
        layout.addLayout(danger_row)

    def _open(self, folder: Path) -> None:
        # The folder is made in a worker (the GUI thread never waits on the disk); the file
        # manager is asked on the GUI thread once it exists.
        self.context.workers.start(
            FunctionWorker(make_folder, folder),
            on_finished=self._show_in_file_manager,
            on_failed=lambda error: show_error(self, error),
        )

    def _show_in_file_manager(self, folder: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.context.events.status_message.emit(f"No file manager could open {folder}")

    def delete_all(self) -> None:
        """Asks first; then deletes in the background and tells every page."""
        answer = QMessageBox.question(
            self,
            CONFIRM_TITLE,
            CONFIRM_TEXT,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.delete_button.setEnabled(False)
        self.context.workers.start(
            FunctionWorker(delete_all_data, self.context.store.value, self.context.paths),
            on_finished=self._deleted,
            on_failed=self._failed,
        )

    def _deleted(self, _: object) -> None:
        self.delete_button.setEnabled(True)
        self.context.events.status_message.emit("All your practice data and decks were deleted.")
        self.context.events.data_deleted.emit()
        self.deleted.emit()

    def _failed(self, error: BaseException) -> None:
        self.delete_button.setEnabled(True)
        show_error(self, error, "Delete all my data")
