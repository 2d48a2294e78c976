"""Keyboard shortcuts of the main window: Ctrl+1..9 for the sidebar pages, Ctrl+Q to quit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

MAX_NUMBERED_PAGES = 9


def page_shortcut_text(number: int) -> str:
    """How the shortcut for the `number`-th page (1-based) reads on this platform."""
    return QKeySequence(f"Ctrl+{number}").toString(QKeySequence.SequenceFormat.NativeText)


def install_page_shortcuts(window: QWidget, show_row: Callable[[int], None]) -> list[QShortcut]:
    shortcuts = []
    for number in range(1, MAX_NUMBERED_PAGES + 1):
        shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda row=number - 1: show_row(row))
        shortcuts.append(shortcut)
    return shortcuts


def install_quit_shortcut(window: QWidget) -> QShortcut:
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Quit), window)
    if shortcut.key().isEmpty():  # some platforms define no standard Quit key
        shortcut.setKey(QKeySequence("Ctrl+Q"))
    shortcut.activated.connect(window.close)
    return shortcut
