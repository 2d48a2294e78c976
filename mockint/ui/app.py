"""Starts the desktop app: `mockint` with no command calls `run_app()`."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from mockint import __version__
from mockint.app import instance_lock
from mockint.core.errors import UserFacingError
from mockint.paths import APP_NAME, PRIVATE_FILE_MODE, app_paths, make_private_dir, make_private_folders
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import install_excepthook, log_file
from mockint.ui.icons import app_icon
from mockint.ui.main_window import MainWindow
from mockint.ui.model_setup.first_run import install_model_setup
from mockint.ui.single_instance import InstanceServer, ask_running_instance_to_show, bring_to_front
from mockint.ui.theme import ThemeManager
from mockint.ui.unix_signals import SignalRelay
from mockint.ui.workers import wait_for_stragglers

log = logging.getLogger("mockint")

WINDOW_SHOWN_MESSAGE = "main window shown"
ALREADY_RUNNING_MESSAGE = "MockInt is already running; its window was brought to the front"


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
    data_dir = app_paths().data_dir
    if not _take_instance_lock(data_dir):
        return _hand_over_to_running_instance(data_dir)
    theme = ThemeManager(app)
    theme.apply()
    previous_hook = install_excepthook()

    context = AppContext.create(app, theme.theme)
    theme.changed.connect(context.events.theme_changed)
    window = MainWindow(context)
    install_model_setup(window)  # offers the model setup dialog when no model is installed
    later_starts = InstanceServer(data_dir, app)
    later_starts.show_requested.connect(lambda: bring_to_front(window))
    later_starts.listen()
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
        later_starts.close()
        instance_lock.release(data_dir)
    log.info("closed with status %d", status)
    return status


def _take_instance_lock(data_dir: Path) -> bool:
    """True when this start may open the data folder: no other MockInt is running on it.

    A folder where the lock cannot even be made (no permission) is not refused here: the
    window opens and says what is wrong with the folder, as it does for the database.
    """
    try:
        make_private_folders(app_paths())
        instance_lock.acquire(data_dir)
    except instance_lock.AlreadyRunningError:
        return False
    except (OSError, UserFacingError) as error:
        log.warning("cannot lock the data folder %s: %s", data_dir, error)
    return True


def _hand_over_to_running_instance(data_dir: Path) -> int:
    """A second start: the running window comes to the front and this one ends, opening nothing."""
    pid = instance_lock.owner_pid(data_dir)
    if ask_running_instance_to_show(data_dir):
        log.info("%s (process %s) is already running; its window was brought to the front", APP_NAME, pid)
        print(f"mockint: {ALREADY_RUNNING_MESSAGE}", file=sys.stderr)
        return 0
    message = instance_lock.AlreadyRunningError(data_dir, pid).user_message
    log.warning("%s, and it did not answer", message)
    print(f"mockint: {message}, but it did not answer; close it or wait for it, then try again", file=sys.stderr)
    return 1
