"""Errors in the GUI: the user reads a sentence written for them, never a traceback.

A `UserFacingError` shows its `user_message`. Anything else is a bug: its traceback goes to
the log file in the user's log folder and the dialog says so in plain words.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mockint.core.errors import UserFacingError
from mockint.paths import app_paths, make_private_dir, make_private_file

log = logging.getLogger(__name__)

LOG_FILE_NAME = "mockint.log"
GENERIC_MESSAGE = "Something went wrong inside MockInt. What you were doing may not have finished."


def log_file() -> Path:
    return app_paths().log_dir / LOG_FILE_NAME


def log_unexpected(error: BaseException) -> Path | None:
    """Appends the traceback to the log file; returns it, or None when it cannot be written."""
    path = log_file()
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    try:
        make_private_dir(path.parent)
        with path.open("a", encoding="utf-8") as stream:
            stream.write(f"--- {datetime.now():%Y-%m-%d %H:%M:%S} unexpected error\n{text}\n")
        make_private_file(path)  # a traceback may quote what the user said
    except OSError:
        log.exception("could not write the log file %s", path)
        return None
    return path


def message_for(error: BaseException) -> str:
    """What the user reads about `error`; logs it first when it is a bug."""
    if isinstance(error, UserFacingError):
        return error.user_message
    return unexpected_message(log_unexpected(error))


def unexpected_message(logged_to: Path | None) -> str:
    """What the user reads about a bug whose traceback `log_unexpected` wrote (or could not)."""
    details = f"The details were saved to {logged_to}." if logged_to else "The details could not be saved."
    return f"{GENERIC_MESSAGE}\n\n{details}"


# Boxes without a parent are owned by Python alone and would vanish when the caller returns.
_PARENTLESS_BOXES: set[QMessageBox] = set()


def _message_box(parent: QWidget | None) -> QMessageBox:
    box = QMessageBox(parent)
    if parent is None:
        _PARENTLESS_BOXES.add(box)
        # Dropped once Qt has deleted it (WA_DeleteOnClose), never while it is in use.
        box.destroyed.connect(lambda *_: _PARENTLESS_BOXES.discard(box))
    return box


def show_error(
    parent: QWidget | None, error: BaseException, title: str = "MockInt", *, text: str | None = None
) -> QMessageBox:
    """Shows `error` in a window-modal box (non-blocking); returns the box (tests read its text).

    `text`: the message when the caller already has it (`message_for` run off the GUI thread,
    which writes a bug's traceback to the log file); otherwise `message_for(error)`.
    """
    box = _message_box(parent)
    box.setIcon(QMessageBox.Icon.Warning if isinstance(error, UserFacingError) else QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(text if text is not None else message_for(error))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setAccessibleName("Error message")
    box.open()
    return box


def show_notice(parent: QWidget | None, text: str, title: str = "MockInt") -> QMessageBox:
    """Something the user should know that is not a failure (a damaged file was set aside)."""
    box = _message_box(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class _UnexpectedErrorTeller(QObject):
    """Shows a bug that escaped a slot once its traceback is in the log file.

    The hook runs on the GUI thread, which never waits on the disk: a short thread writes the
    traceback (`message_for`) and hands the message back through `logged`, a queued signal to
    this object's slot, so the box (the same text as ever, 'The details were saved to ...' or
    '... could not be saved') opens on the GUI thread once the write has been tried.
    """

    logged = Signal(object, str)  # the error, what the user reads about it

    def __init__(self, parent: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self._parent = parent
        self.logged.connect(self._show)

    def tell(self, error: BaseException) -> None:
        threading.Thread(target=lambda: self.logged.emit(error, message_for(error)), name="log-unexpected").start()

    @Slot(object, str)
    def _show(self, error: BaseException, message: str) -> None:
        show_error(self._parent(), error, text=message)


# The hooks' tellers: kept alive as long as their hook may run (a QObject needs an owner).
_TELLERS: list[_UnexpectedErrorTeller] = []


def install_excepthook(parent: Callable[[], QWidget | None] = QApplication.activeWindow) -> ExceptHook:
    """Routes exceptions that escape Qt slots to `show_error`; returns the previous hook.

    Qt calls Python slots from C++: an exception there would otherwise print a traceback to the
    console and be lost to the user. A bug's traceback is logged off the GUI thread first.
    """
    previous = sys.excepthook
    teller = _UnexpectedErrorTeller(parent)
    _TELLERS.append(teller)

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        if error.__traceback__ is None and tb is not None:
            error = error.with_traceback(tb)
        if QApplication.instance() is None:
            message_for(error)
            return
        if isinstance(error, UserFacingError):
            show_error(parent(), error)  # its own message: nothing to log
            return
        teller.tell(error)

    sys.excepthook = hook
    return previous
