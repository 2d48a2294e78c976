"""Starts the desktop app: `mockint` with no command calls `run_app()`."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from mockint import __version__
from mockint.paths import APP_NAME, PRIVATE_FILE_MODE, make_private_dir
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import install_excepthook, log_file
from mockint.ui.icons import app_icon
from mockint.ui.main_window import MainWindow
from mockint.ui.model_setup.first_run import install_model_setup
from mockint.ui.theme import ThemeManager
from mockint.ui.unix_signals import SignalRelay
from mockint.ui.workers import wait_for_stragglers

log = logging.getLogger("mockint")

WINDOW_SHOWN_MESSAGE = "main window shown"


def configure_logging() -> None:
    """The app's log goes to a file in the user's log folder (there is no console to read)."""
    path = log_file()
    try:
        make_private_dir(path.parent)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE_MODE))  # 0600 when new
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def _application(argv: Sequence[str] | None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(list(argv) if argv is not None else sys.argv[:1])


def run_app(argv: Sequence[str] | None = None) -> int:
    """Shows the main window and runs until it closes; returns the exit status."""
    app = _application(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("mockint")
    app.setWindowIcon(app_icon())
    configure_logging()
    theme = ThemeManager(app)
    theme.apply()
    previous_hook = install_excepthook()

    context = AppContext.create(app, theme.theme)
    theme.changed.connect(context.events.theme_changed)
    window = MainWindow(context)
    install_model_setup(window)  # offers the model setup dialog when no model is installed
    window.show()

    def close_on_signal(signum: int) -> None:
        log.info("signal %d: closing", signum)
        window.close()
        app.quit()  # also ends a dialog's nested loop, if one was open

    try:
        with SignalRelay(close_on_signal):
            log.info("%s (MockInt %s)", WINDOW_SHOWN_MESSAGE, __version__)
            status = app.exec()
        window.close()  # no-op when already closed; covers app.quit() from elsewhere
        wait_for_stragglers()
    finally:
        sys.excepthook = previous_hook
    log.info("closed with status %d", status)
    return status
