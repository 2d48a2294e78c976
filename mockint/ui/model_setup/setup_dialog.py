"""Getting a speech model: download one (with progress, cancel and resume) or install one the
user already has, then load it. Shown at first run and from Settings > Speech models.

The dialog is not modal: the rest of the app works meanwhile, and closing it only cancels what
it is doing (a cancelled download keeps its partial file, so the next attempt resumes). All the
work runs on worker threads; this class only reacts to their signals.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QVBoxLayout, QWidget

from mockint.app.transfer_rate import describe_transfer, format_bytes
from mockint.settings import Setting
from mockint.speech.model_catalog import DownloadSource, download_source
from mockint.speech.model_download import partial_download_path
from mockint.speech.model_fetch import partial_size
from mockint.speech.model_install import FreeBytes, disk_free_bytes
from mockint.ui.background import ResourceState
from mockint.ui.context import AppContext
from mockint.ui.icons import themed_icon
from mockint.ui.model_setup.download_worker import DownloadProgress, DownloadStage, DownloadWorker
from mockint.ui.model_setup.failure import FailureText, Step, describe_failure
from mockint.ui.model_setup.install_worker import InstallWorker
from mockint.ui.model_setup.setup_state import BUSY_STATES, BUTTONS, SetupState, setting_to_save
from mockint.ui.model_setup.setup_view import PROGRESS_STEPS, SetupView, progress_bar_style
from mockint.ui.theme import Theme
from mockint.ui.workers import Worker

READY_CLOSE_DELAY_MS = 1500  # long enough to read "Ready", short enough not to be in the way


class ModelSetupDialog(QDialog):
    state_changed = Signal(object)  # the new SetupState
    installed = Signal(object)  # Path of the model folder now in models_dir

    def __init__(
        self,
        context: AppContext,
        source: DownloadSource | None = None,
        *,
        first_run: bool = True,
        make_current: bool = True,
        free_bytes: FreeBytes = disk_free_bytes,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.source = source if source is not None else download_source(None)
        self._make_current = make_current
        self._free_bytes = free_bytes
        self._state = SetupState.CHOOSE
        self._worker: Worker | None = None
        self._retry: Callable[[], None] | None = None
        self._installed_path: Path | None = None
        self.setModal(False)
        self.setObjectName("modelSetupDialog")
        self.setWindowTitle("Speech model · MockInt")
        self.setMinimumWidth(540)
        self.view = SetupView(self.source, context.paths.models_dir, context.theme, first_run=first_run)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._connect()
        self._close_timer = QTimer(self, singleShot=True, interval=READY_CLOSE_DELAY_MS)
        self._close_timer.timeout.connect(self.accept)
        self._show_state(SetupState.CHOOSE)

    def _connect(self) -> None:
        v = self.view
        v.download_button.clicked.connect(self.start_download)
        v.resume_button.clicked.connect(self.start_download)
        v.retry_button.clicked.connect(self.retry)
        v.cancel_button.clicked.connect(self.cancel)
        v.close_button.clicked.connect(self.reject)
        v.use_now_button.clicked.connect(self.use_installed)
        v.choose_folder_action.triggered.connect(self.choose_folder)
        v.choose_zip_action.triggered.connect(self.choose_zip)
        self.context.model.ready.connect(self._model_ready)
        self.context.model.unavailable.connect(self._model_unavailable)
        self.context.events.theme_changed.connect(self._theme_changed)

    # ----- public actions (buttons, and tests)

    @property
    def state(self) -> SetupState:
        return self._state

    @property
    def busy(self) -> bool:
        return self._state in BUSY_STATES

    def start_download(self) -> None:
        """Downloads `source` (resuming a partial download) and installs it."""
        if self.busy:
            return
        self.view.show_download_source(self.source)
        worker = DownloadWorker(
            self.source, self.context.paths.models_dir, self.context.paths.downloads_dir, free_bytes=self._free_bytes
        )
        self._retry = self.start_download
        self._show_state(SetupState.DOWNLOADING)
        self._set_status("Connecting…", icon=None)
        self.view.progress_bar.setRange(0, 0)
        self._start(worker, Step.DOWNLOAD, on_progress=self._download_progress)

    def install_from(self, path: Path) -> None:
        """Installs a model folder or zip the user already has (copied; the original stays)."""
        if self.busy:
            return
        path = Path(path)
        self.view.show_local_source(path)
        self._retry = lambda: self.install_from(path)
        self._show_state(SetupState.INSTALLING)
        self._set_status(f"Installing the model from {path.name}…", icon=None)
        self.view.progress_bar.setRange(0, 0)
        self._start(InstallWorker(path, self.context.paths.models_dir, free_bytes=self._free_bytes), Step.INSTALL)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a Vosk model folder", str(Path.home()))
        if folder:
            self.install_from(Path(folder))

    def choose_zip(self) -> None:
        file, _ = QFileDialog.getOpenFileName(
            self, "Choose a Vosk model zip", str(Path.home()), "Zip archives (*.zip);;All files (*)"
        )
        if file:
            self.install_from(Path(file))

    def cancel(self) -> None:
        """Stops the download or install; the worker reports back through `cancelled`."""
        if self._worker is not None:
            self._worker.cancel()
            self._set_status("Stopping…", icon=None)
            self.view.cancel_button.setEnabled(False)

    def start_over_if_finished(self) -> None:
        """Back to the first view after an earlier success, for when the dialog is reopened
        (the model it set up was removed since, say)."""
        if self._state in (SetupState.READY, SetupState.INSTALLED):
            self._installed_path = None
            self.view.show_download_source(self.source)
            self._show_state(SetupState.CHOOSE)

    def retry(self) -> None:
        if self._retry is not None:
            self._retry()

    def use_installed(self) -> None:
        """Makes the installed model the one in use and loads it."""
        if self._installed_path is None:
            return
        value = setting_to_save(self._installed_path.name, self.context.settings.get(Setting.MODEL))
        if value is not None:
            self.context.set_setting(Setting.MODEL, value)
        self._retry = self.use_installed
        self._show_state(SetupState.LOADING)
        self._set_status(f"Loading {self._installed_path.name}…", icon=None)
        self.view.progress_bar.setRange(0, 0)
        self.context.model.load()

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name; Esc, close button and X end here
        # Never wait for the worker here: it stops on its own and reports `cancelled`.
        self.cancel()
        self._close_timer.stop()
        super().done(result)

    # ----- workers

    def _start(self, worker: Worker, step: Step, *, on_progress: Callable[[Any], None] | None = None) -> None:
        self._worker = worker
        self.context.workers.start(
            worker,
            on_finished=lambda path: self._if_current(worker, self._installed_ok, path),
            on_failed=lambda error: self._if_current(worker, self._failed, error, step),
            on_cancelled=lambda: self._if_current(worker, self._cancelled),
            on_progress=(lambda update: self._if_current(worker, on_progress, update)) if on_progress else None,
        )

    def _if_current(self, worker: Worker, handler: Callable[..., None], *args: object) -> None:
        # Late signals of a replaced worker, or of one outliving this dialog, change nothing.
        if not shiboken6.isValid(self) or worker is not self._worker:
            return
        handler(*args)

    def _download_progress(self, update: DownloadProgress) -> None:
        bar = self.view.progress_bar
        if update.stage is DownloadStage.INSTALLING:
            self._show_state(SetupState.INSTALLING)
            self._full_bar()
            self._set_status(
                f"Downloaded {format_bytes(update.estimate.done)}. Checking it and unpacking the model…", icon=None
            )
            return
        fraction = update.estimate.fraction
        if fraction is None:
            bar.setRange(0, 0)
        else:
            bar.setRange(0, PROGRESS_STEPS)
            bar.setValue(round(fraction * PROGRESS_STEPS))
        self._set_status(f"Downloading… {describe_transfer(update.estimate)}", icon=None)

    def kept_bytes(self) -> int:
        """Bytes of this model already downloaded and kept for resuming."""
        return partial_size(partial_download_path(self.context.paths.downloads_dir, self.source.name))

    def _installed_ok(self, path: Path) -> None:
        self._worker = None
        self._installed_path = Path(path)
        self.installed.emit(self._installed_path)
        self.context.events.status_message.emit(f"Speech model {self._installed_path.name} installed")
        # With no usable model at all, the new one is the obvious choice whatever the caller said.
        if self._make_current or self.context.model.state is ResourceState.UNAVAILABLE:
            self.use_installed()
            return
        self._show_state(SetupState.INSTALLED)
        self._full_bar()
        self._set_status(
            f"{self._installed_path.name} is installed. Use it now, or switch later in Settings.", icon="ready"
        )

    def _failed(self, error: BaseException, step: Step) -> None:
        self._worker = None
        self._show_failure(describe_failure(error, step))

    def _cancelled(self) -> None:
        self._worker = None
        kept = self.kept_bytes()
        if self._retry == self.start_download and kept:
            self._show_state(SetupState.CANCELLED)
            self.view.progress_bar.setRange(0, PROGRESS_STEPS)
            if self.source.size_bytes:
                self.view.progress_bar.setValue(round(min(1.0, kept / self.source.size_bytes) * PROGRESS_STEPS))
            self._set_status(
                f"Paused. {format_bytes(kept)} downloaded so far is kept; Resume carries on from there.", icon=None
            )
        else:
            self._show_state(SetupState.CHOOSE)
            self.view.progress_area.hide()

    # ----- the model loading after install

    def _model_ready(self, _model: object) -> None:
        if self._state is not SetupState.LOADING or not shiboken6.isValid(self):
            return
        self._show_state(SetupState.READY)
        self._full_bar()
        self._set_status("Ready. You can start practising.", icon="ready")
        self.context.events.status_message.emit("Speech model ready")
        if self.isVisible():
            self._close_timer.start()

    def _model_unavailable(self, error: BaseException) -> None:
        if self._state is not SetupState.LOADING or not shiboken6.isValid(self):
            return
        self._show_failure(describe_failure(error, Step.LOAD))

    # ----- showing state

    def _show_state(self, state: SetupState) -> None:
        self._state = state
        offered = BUTTONS[state]
        v = self.view
        v.download_button.setVisible(offered.download)
        v.resume_button.setVisible(offered.resume)
        v.retry_button.setVisible(offered.retry)
        v.use_now_button.setVisible(offered.use_now)
        v.use_own_button.setVisible(offered.use_own)
        v.cancel_button.setVisible(offered.cancel)
        v.cancel_button.setEnabled(True)
        v.close_button.setVisible(not offered.cancel)
        undecided = state in (SetupState.CHOOSE, SetupState.CANCELLED, SetupState.FAILED)
        v.close_button.setText("Not now" if v.first_run and undecided else "Close")
        v.progress_area.setVisible(state is not SetupState.CHOOSE)
        if state is SetupState.CHOOSE:
            kept = self.kept_bytes()
            v.download_button.setText(f"Resume download ({format_bytes(kept)} kept)" if kept else "Download")
        v.problem_box.setVisible(state is SetupState.FAILED)
        primary = next((b for b in v.primary_buttons() if b.isVisibleTo(v)), v.close_button)
        for button in v.primary_buttons() + [v.close_button, v.cancel_button]:
            button.setDefault(button is primary)
        primary.setFocus()
        QTimer.singleShot(0, self._fit_height)  # once the layout has taken in what was shown or hidden
        v.progress_bar.setStyleSheet(progress_bar_style(self.context.theme, done=state is SetupState.READY))
        self.state_changed.emit(state)

    def _show_failure(self, text: FailureText) -> None:
        v = self.view
        v.problem_headline.setText(text.headline)
        v.problem_advice.setText(text.advice)
        v.problem_details.setText(text.details)
        self._show_state(SetupState.FAILED)
        v.progress_area.hide()

    def _set_status(self, text: str, *, icon: str | None) -> None:
        self.view.status_label.setText(text)
        if icon is None:
            self.view.status_icon.clear()
            self.view.status_icon.hide()
        else:
            role = "ok" if icon == "ready" else "warning"
            self.view.status_icon.setPixmap(themed_icon(icon, self.context.theme, role=role).pixmap(QSize(18, 18)))
            self.view.status_icon.show()

    def _fit_height(self) -> None:
        """Grows or shrinks to the content at the current width: wrapped text is never cut off,
        and no gap is left where a problem box was."""
        if not shiboken6.isValid(self):
            return
        layout = self.layout()
        if layout is None:
            return
        height = (
            layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        )
        self.resize(self.width(), max(height, layout.totalMinimumSize().height()))

    def _full_bar(self) -> None:
        self.view.progress_bar.setRange(0, PROGRESS_STEPS)
        self.view.progress_bar.setValue(PROGRESS_STEPS)

    def _theme_changed(self, theme: Theme) -> None:
        if shiboken6.isValid(self):
            self.view.progress_bar.setStyleSheet(progress_bar_style(theme, done=self._state is SetupState.READY))

    def status_text(self) -> str:
        """What the dialog says right now: the progress line, or the problem (for tests and a11y)."""
        if self._state is SetupState.FAILED:
            v = self.view
            return " ".join(
                t for t in (v.problem_headline.text(), v.problem_advice.text(), v.problem_details.text()) if t
            )
        return self.view.status_label.text()
