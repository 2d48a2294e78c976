"""Starts the desktop app: `mockint` with no command calls `run_app()`."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from mockint.app import instance_lock
from mockint.core.errors import UserFacingError
from mockint.paths import APP_NAME, PRIVATE_FILE_MODE, app_paths, make_private_dir, make_private_folders
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import install_excepthook, log_file
from mockint.ui.icons import app_icon
from mockint.ui.main_window import MainWindow
from mockint.ui.model_setup.first_run import install_model_setup
from mockint.ui.theme import ThemeManager
from mockint.ui.unix_signals import SignalRelay
from mockint.ui.workers import wait_for_stragglers

if TYPE_CHECKING:
    from mockint.ui.single_instance import InstanceServer

log = logging.getLogger("mockint")

# Logged when the window's first frame is painted, with the CPU time the process took to get
# there: the start-up benchmark reads both.
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
    window.first_frame_shown.connect(_log_window_shown)
    # Once the window is up: a later start finds the lock taken and retries for a few seconds
    # (see single_instance), so listening needs no place before the first frame.
    later_starts: list[InstanceServer] = []
    window.after_first_frame(lambda: later_starts.append(_listen_for_later_starts(app, window, data_dir)))
    window.after_first_frame(lambda: _set_version(app))
    window.show()

    def close_on_signal(signum: int) -> None:
        log.info("signal %d: closing", signum)
        window.close()
        app.quit()  # also ends a dialog's nested loop, if one was open

    try:
        with SignalRelay(close_on_signal):
            status = app.exec()
        window.close()  # no-op when already closed; covers app.quit() from elsewhere
        wait_for_stragglers()
    finally:
        sys.excepthook = previous_hook
        for server in later_starts:
            server.close()
        instance_lock.release(data_dir)
    log.info("closed with status %d", status)
    return status


def _log_window_shown() -> None:
    log.info("%s after %.0f ms of CPU", WINDOW_SHOWN_MESSAGE, time.process_time() * 1000)


def _listen_for_later_starts(app: QApplication, window: MainWindow, data_dir: Path) -> InstanceServer:
    from mockint.ui.single_instance import InstanceServer, bring_to_front  # Qt Network: after the first frame

    server = InstanceServer(data_dir, app)
    server.show_requested.connect(lambda: bring_to_front(window))
    server.listen()
    return server


def _set_version(app: QApplication) -> None:
    # The version is read from the installed package's metadata (importlib.metadata and the
    # email parser: tens of milliseconds), so only once the window is up.
    from mockint import __version__

    app.setApplicationVersion(__version__)
    log.info("MockInt %s", __version__)


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
    from mockint.ui.single_instance import ask_running_instance_to_show

    pid = instance_lock.owner_pid(data_dir)
    if ask_running_instance_to_show(data_dir):
        log.info("%s (process %s) is already running; its window was brought to the front", APP_NAME, pid)
        print(f"mockint: {ALREADY_RUNNING_MESSAGE}", file=sys.stderr)
        return 0
    message = instance_lock.AlreadyRunningError(data_dir, pid).user_message
    log.warning("%s, and it did not answer", message)
    print(f"mockint: {message}, but it did not answer; close it or wait for it, then try again", file=sys.stderr)
    return 1
