"""Fixtures for the GUI tests: a real main window over the test's own MOCKINT_HOME."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from mockint.ui.context import AppContext
from mockint.ui.main_window import MainWindow
from mockint.ui.pages import decks_page, settings_page
from mockint.ui.theme import theme_for

FOUNDATION_PAGES = (decks_page, settings_page)


@pytest.fixture
def make_window(qtbot) -> Callable[..., MainWindow]:
    """Builds (and shows) main windows; each is closed at the end of the test if still open.

    By default every page is discovered, as in the app. `discover_pages=False` installs only
    `pages` (default: Decks and Settings), so a test of the window itself does not depend on
    the other pages (microphones, playback).
    """
    made: list[MainWindow] = []

    def make(
        *,
        load_in_background: bool = True,
        show: bool = True,
        discover_pages: bool = True,
        pages: tuple = FOUNDATION_PAGES,
    ) -> MainWindow:
        context = AppContext.create(None, theme_for(Qt.ColorScheme.Light))
        window = MainWindow(context, load_in_background=load_in_background, discover_pages=discover_pages)
        if not discover_pages:
            for module in pages:
                window.register_page(module.PAGE_KEY, module.create_page(context))
        qtbot.addWidget(window)
        made.append(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
        return window

    yield make
    for window in made:
        window.close()


def open_message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def close_message_boxes() -> None:
    for box in open_message_boxes():
        box.close()
