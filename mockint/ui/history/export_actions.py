"""Exporting the selected session: an "Export" button with a menu of formats, a save dialog,
and the writing done by a worker (the PDF is drawn by Qt, the others come from core.export).

Where the file may go is decided by app.export_target, as for `mockint export`: never inside
MockInt's own folders, and an existing file only after the dialog asked "Replace?".
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QStandardPaths, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QPushButton, QWidget

from mockint.app.export_target import TargetKind, check_export_target, copy_to_stream, write_export_text
from mockint.app.mirror import with_cue_logs
from mockint.core.export.formats import ExportFormat, render_session
from mockint.core.session import SessionOverview
from mockint.paths import AppPaths
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import show_error
from mockint.ui.icons import themed_icon
from mockint.ui.pdf_export import write_session_pdf
from mockint.ui.workers import FunctionWorker

PDF = "pdf"


@dataclass(frozen=True)
class ExportChoice:
    key: str  # an ExportFormat value, or "pdf"
    label: str  # as the menu shows it
    suffix: str
    file_filter: str


EXPORT_CHOICES: tuple[ExportChoice, ...] = (
    ExportChoice(PDF, "PDF document", ".pdf", "PDF documents (*.pdf)"),
    ExportChoice(ExportFormat.HTML.value, "Web page (HTML)", ".html", "Web pages (*.html *.htm)"),
    ExportChoice(ExportFormat.MARKDOWN.value, "Markdown text", ".md", "Markdown files (*.md)"),
    ExportChoice(ExportFormat.CSV.value, "Spreadsheet (CSV)", ".csv", "CSV files (*.csv)"),
    ExportChoice(ExportFormat.JSON.value, "Data (JSON)", ".json", "JSON files (*.json)"),
)
CHOICES_BY_KEY = {choice.key: choice for choice in EXPORT_CHOICES}


def export_session(store: Any, session_id: int, key: str, path: Path, paths: AppPaths, *, replace: bool) -> Path:
    """Writes session `session_id` to `path` in format `key`; blocking, for a worker.

    `replace`: the user agreed to replace an existing file there (the save dialog asked).
    """
    target = check_export_target(path, paths, force=replace)
    detail = with_cue_logs(store, store.session_detail(session_id))  # a mirror session's cue log too
    if key != PDF:
        write_export_text(target, render_session(detail, key))
    elif target.kind is TargetKind.FILE:
        write_session_pdf(detail, path)
    else:  # a pipe: drawn aside, then copied into it
        with tempfile.TemporaryDirectory(prefix="mockint-pdf-") as folder:
            write_session_pdf(detail, Path(folder) / "session.pdf")
            copy_to_stream(target, Path(folder) / "session.pdf")
    return path


def suggested_name(overview: SessionOverview, choice: ExportChoice) -> str:
    started = overview.session.started_at.astimezone()
    return f"mockint-session-{overview.session.id}-{started:%Y-%m-%d}{choice.suffix}"


def with_suffix(path: Path, choice: ExportChoice) -> Path:
    """Adds the format's suffix when the user typed a bare name (some dialogs do not)."""
    return path if path.suffix else path.with_name(path.name + choice.suffix)


class ExportButton(QPushButton):
    """Exports whichever session the page says is selected (`set_session`)."""

    exported = Signal(object)  # the Path written
    export_failed = Signal(object)  # the exception (UserFacingError for the user's own mistakes)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(themed_icon("export", context.theme, role="text"), "&Export", parent)
        self.context = context
        self._session: SessionOverview | None = None
        self._folder: Path | None = None
        self._busy = False
        self.setIconSize(QSize(16, 16))
        self.setToolTip("Save the selected session as a PDF, web page, Markdown, CSV or JSON file")
        self.setAccessibleName("Export the selected session")
        self.menu_of_formats = QMenu(self)
        for choice in EXPORT_CHOICES:
            action = QAction(f"{choice.label}…", self.menu_of_formats)
            action.setData(choice.key)
            action.triggered.connect(lambda _=False, key=choice.key: self.choose_target(key))
            self.menu_of_formats.addAction(action)
        self.setMenu(self.menu_of_formats)
        self.set_session(None)
        context.events.theme_changed.connect(lambda theme: self.setIcon(themed_icon("export", theme, role="text")))

    def set_session(self, overview: SessionOverview | None) -> None:
        self._session = overview
        self.setEnabled(overview is not None and not self._busy)

    def format_labels(self) -> list[str]:
        return [action.text() for action in self.menu_of_formats.actions()]

    def _start_folder(self) -> Path:
        if self._folder is None:
            documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            self._folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        return self._folder

    def choose_target(self, key: str) -> None:
        """Asks where to save, then exports there."""
        if self._session is None:
            return
        dialog = self.save_dialog(key)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return
        chosen = Path(dialog.selectedFiles()[0])
        path = with_suffix(chosen, CHOICES_BY_KEY[key])
        # The dialog asked before replacing `chosen`; a suffix added after it was never asked about.
        self.export_to(key, path, replace=path == chosen)

    def save_dialog(self, key: str) -> QFileDialog:
        """The save dialog for format `key`: it asks before replacing a file, as desktop apps do."""
        assert self._session is not None
        choice = CHOICES_BY_KEY[key]
        suggested = self._start_folder() / suggested_name(self._session, choice)
        dialog = QFileDialog(
            self, f"Export session as {choice.label}", str(suggested.parent), f"{choice.file_filter};;All files (*)"
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, False)
        dialog.setDefaultSuffix(choice.suffix.lstrip("."))  # so the name it asks about is the one written
        dialog.selectFile(suggested.name)
        return dialog

    def export_to(self, key: str, path: Path, *, replace: bool = False) -> None:
        """Writes the selected session to `path` in the background; `exported` follows.

        An existing file there is replaced only with `replace` (the user was asked)."""
        store = self.context.store.value
        if self._session is None or store is None:
            return
        session_id = self._session.session.id
        self._folder = Path(path).parent
        self._busy = True
        self.setEnabled(False)
        self.setText("Exporting…")
        self.context.workers.start(
            FunctionWorker(export_session, store, session_id, key, Path(path), self.context.paths, replace=replace),
            on_finished=lambda written: self._done(written, CHOICES_BY_KEY[key]),
            on_failed=self._failed,
        )

    def _settle(self) -> None:
        self._busy = False
        self.setText("&Export")
        self.set_session(self._session)

    def _done(self, path: Path, choice: ExportChoice) -> None:
        self._settle()
        self.context.events.status_message.emit(f"Saved the session as {choice.label}: {path}")
        self.exported.emit(path)

    def _failed(self, error: BaseException) -> None:
        self._settle()
        show_error(self, error, "Export")
        self.export_failed.emit(error)
