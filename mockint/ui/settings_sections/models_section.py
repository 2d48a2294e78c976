"""Settings: the installed speech models, which one is in use, and getting or removing one."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton, QVBoxLayout, QWidget

from mockint.app.installed_models import ModelRow, ModelsOverview, remove_model, scan_models
from mockint.app.transfer_rate import format_bytes
from mockint.settings import Setting
from mockint.speech.model_catalog import DownloadSource
from mockint.speech.model_select import MODEL_ENV, ModelSource
from mockint.ui.background import ResourceState
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import show_error
from mockint.ui.icons import themed_icon
from mockint.ui.model_setup.catalog_dialog import CatalogDialog
from mockint.ui.model_setup.models_list import InstalledModelsList
from mockint.ui.model_setup.setup_dialog import ModelSetupDialog
from mockint.ui.widgets.labels import named
from mockint.ui.workers import FunctionWorker

SECTION_KEY = "models"
SECTION_TITLE = "Speech models"
SECTION_HINT = "The Vosk model turns your answers into text on this computer. Install a few and pick one."
SECTION_ORDER = 30


def create_section(context: AppContext) -> QWidget:
    return ModelsSection(context)


class ModelsSection(QWidget):
    refreshed = Signal()  # the list now shows what is on disk
    removed = Signal(str)  # name of the model just removed

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.overview = ModelsOverview((), None)
        self.setup_dialog: ModelSetupDialog | None = None
        self.catalog_dialog: CatalogDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._scan_generation = 0
        self._build()
        for signal in (context.model.loading, context.model.ready, context.model.unavailable):
            signal.connect(self._render)  # at once: Remove must be off the moment a load starts
            signal.connect(self.refresh)  # then again once the folder is read (the choice may have changed)
        context.events.settings_changed.connect(self._setting_changed)
        self.refresh()

    def _build(self) -> None:
        self.model_list = InstalledModelsList()
        self.model_list.itemSelectionChanged.connect(self._update_buttons)
        self.model_list.itemDoubleClicked.connect(lambda _item, _column: self.use_selected())
        self.empty_label = named(
            QLabel("No speech model is installed yet. Download one, or add a model you already have."), "hint"
        )
        self.empty_label.setWordWrap(True)
        self.note_label = named(QLabel(), "hint")
        self.note_label.setWordWrap(True)
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label.hide()

        theme = self.context.theme
        self.use_button = QPushButton(themed_icon("ready", theme, role="text"), "Use this model")
        self.use_button.setToolTip("Make the selected model the one MockInt transcribes with")
        self.remove_button = named(QPushButton(themed_icon("delete", theme, role="danger"), "Remove…"), "danger")
        self.remove_button.setToolTip("Delete the selected model from this computer (asks first)")
        self.add_button = QPushButton(themed_icon("folder", theme, role="text"), "Add from folder or zip…")
        self.add_button.setToolTip("Install a Vosk model that is already on this computer")
        add_menu = QMenu(self.add_button)
        add_menu.addAction("A model folder…", self.choose_folder)
        add_menu.addAction("A model zip file…", self.choose_zip)
        self.add_button.setMenu(add_menu)
        self.download_button = QPushButton(themed_icon("add", theme, role="text"), "Download another…")
        self.download_button.setToolTip("Choose a model for another language or a larger one, and download it")
        for button in (self.use_button, self.remove_button, self.add_button, self.download_button):
            button.setIconSize(QSize(16, 16))
        self.use_button.clicked.connect(self.use_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.download_button.clicked.connect(self.download_another)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.download_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.model_list)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.note_label)
        layout.addLayout(buttons)
        self._update_buttons()

    # ----- reading what is installed

    def refresh(self, *_: object) -> None:
        """Re-reads the models folder in the background; `refreshed` fires when shown."""
        self._scan_generation += 1
        generation = self._scan_generation
        self.context.workers.start(
            FunctionWorker(scan_models, self.context.settings, self.context.paths),
            on_finished=lambda overview: self._show(generation, overview),
            on_failed=lambda error: self._scan_failed(generation, error),
        )

    def _show(self, generation: int, overview: ModelsOverview) -> None:
        if generation != self._scan_generation or not shiboken6.isValid(self):
            return  # a newer scan is on its way
        self.overview = overview
        self._render()
        self.refreshed.emit()

    def _render(self, *_: object) -> None:
        """Shows the last scan as things stand now (the model may have started or ended loading)."""
        loading = self.context.model.state is ResourceState.LOADING
        self.model_list.show_models(self.overview.rows, self.in_use_path(), loading=loading, theme=self.context.theme)
        empty = not self.overview.rows
        self.model_list.setVisible(not empty)
        self.empty_label.setVisible(empty)
        note = self._note()
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        self._update_buttons()

    def _note(self) -> str:
        """Says where the model in use comes from when the list cannot show it."""
        in_use = self.in_use_path()
        if self.overview.chosen_by is ModelSource.ENVIRONMENT:
            return f"The {MODEL_ENV} environment variable chooses the model ({in_use}); a choice made here applies once it is unset."
        if in_use is not None and all(row.path != in_use for row in self.overview.rows):
            return f"In use: {in_use}"
        return ""

    def _scan_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._scan_generation and shiboken6.isValid(self):
            show_error(self, error, "Speech models")

    def in_use_path(self) -> Path | None:
        """The model loaded (or loading) now; else the one MockInt would load."""
        loaded = self.context.model.value
        if self.context.model.state is ResourceState.READY and loaded is not None:
            return Path(loaded.path)
        return self.overview.chosen

    def names(self) -> list[str]:
        return [row.name for row in self.overview.rows]

    def row_text(self, name: str) -> list[str]:
        return self.model_list.row_text(name)

    def selected_name(self) -> str | None:
        return self.model_list.selected_name()

    def select(self, name: str) -> bool:
        return self.model_list.select(name)

    def _selected_row(self) -> ModelRow | None:
        name = self.selected_name()
        return next((row for row in self.overview.rows if row.name == name), None)

    def _update_buttons(self, *_: object) -> None:
        row = self._selected_row()
        in_use = row is not None and row.path == self.in_use_path()
        loading = self.context.model.state is ResourceState.LOADING
        self.use_button.setEnabled(row is not None and row.usable and not in_use)
        self.remove_button.setEnabled(row is not None and not (in_use and loading))
        self.remove_button.setToolTip(
            "The model in use cannot be removed while it is loading"
            if row is not None and in_use and loading
            else "Delete the selected model from this computer (asks first)"
        )

    def _setting_changed(self, key: str) -> None:
        if key == Setting.MODEL.value:
            self.refresh()

    # ----- actions

    def use_selected(self) -> None:
        row = self._selected_row()
        if row is None or not row.usable or row.path == self.in_use_path():
            return
        self.context.set_setting(Setting.MODEL, row.name)
        self.context.events.status_message.emit(f"Switching to the speech model {row.name}…")
        self.context.model.load()

    def remove_selected(self) -> QMessageBox | None:
        """Asks first (a window-modal box, returned for tests); removes on Yes."""
        row = self._selected_row()
        if row is None or not self.remove_button.isEnabled():
            return None
        in_use = row.path == self.in_use_path()
        text = f"Remove the speech model {row.name}? This deletes {format_bytes(row.size_bytes)} from this computer."
        if in_use:
            text += "\n\nMockInt is using this model: you will need another one to practise out loud."
        box = QMessageBox(
            QMessageBox.Icon.Question, "Remove speech model", text, QMessageBox.StandardButton.NoButton, self
        )
        remove = box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda clicked: self._remove(row, in_use) if clicked is remove else None)
        self.confirm_box = box
        box.open()
        return box

    def _remove(self, row: ModelRow, in_use: bool) -> None:
        self.remove_button.setEnabled(False)
        self.context.workers.start(
            FunctionWorker(remove_model, row.path, self.context.paths.models_dir),
            on_finished=lambda _: self._removed(row, in_use),
            on_failed=lambda error: show_error(self, error, "Remove speech model") if shiboken6.isValid(self) else None,
        )

    def _removed(self, row: ModelRow, in_use: bool) -> None:
        if not shiboken6.isValid(self):
            return
        self.context.events.status_message.emit(f"Removed the speech model {row.name}")
        if self.context.settings.get(Setting.MODEL) == row.name:
            self.context.reset_setting(Setting.MODEL)  # back to the default, instead of a missing model
        if in_use:
            self.context.model.load()  # tells every page there is no model (or loads the default)
        self.removed.emit(row.name)
        self.refresh()

    def download_another(self) -> CatalogDialog:
        dialog = CatalogDialog(self.names(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.open_download)
        self.catalog_dialog = dialog
        dialog.open()
        return dialog

    def open_download(self, source: DownloadSource) -> ModelSetupDialog:
        dialog = self._new_setup_dialog(source)
        dialog.show()
        return dialog

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a Vosk model folder", str(Path.home()))
        if folder:
            self.add_from(Path(folder))

    def choose_zip(self) -> None:
        file, _ = QFileDialog.getOpenFileName(
            self, "Choose a Vosk model zip", str(Path.home()), "Zip archives (*.zip);;All files (*)"
        )
        if file:
            self.add_from(Path(file))

    def add_from(self, path: Path) -> ModelSetupDialog:
        dialog = self._new_setup_dialog(None)
        dialog.show()
        dialog.install_from(Path(path))
        return dialog

    def _new_setup_dialog(self, source: DownloadSource | None) -> ModelSetupDialog:
        previous = self.setup_dialog
        if previous is not None and shiboken6.isValid(previous):
            previous.close()  # one at a time; a download in it is paused and resumes next time
        dialog = ModelSetupDialog(self.context, source, first_run=False, make_current=False, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.installed.connect(self.refresh)
        self.setup_dialog = dialog
        return dialog
