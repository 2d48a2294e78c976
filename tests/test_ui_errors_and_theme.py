"""Errors reach the user as plain sentences (bugs go to the log); the theme follows light/dark."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QMessageBox

from mockint.core.errors import DeckError, NoModelError
from mockint.ui.error_dialog import GENERIC_MESSAGE, install_excepthook, log_file, show_error
from mockint.ui.theme import DARK, LIGHT, ThemeManager, style_sheet, theme_for
from tests.ui_fixtures import close_message_boxes, open_message_boxes


def test_a_user_facing_error_shows_its_own_message(qtbot):
    box = show_error(None, DeckError("mine.csv", "the difficulty 'impossible' is not easy, medium or hard", 3))
    qtbot.waitUntil(box.isVisible)
    assert box.text() == "mine.csv, line 3: the difficulty 'impossible' is not easy, medium or hard"
    assert box.icon() == QMessageBox.Icon.Warning
    gone: list[bool] = []
    box.destroyed.connect(lambda *_: gone.append(True))
    box.close()
    qtbot.waitUntil(lambda: bool(gone))  # deleted on close, not kept around
    assert not log_file().exists()  # nothing to report: the user can fix it


def test_an_unexpected_error_is_logged_and_shown_without_a_traceback(qtbot):
    try:
        {}["missing"]
    except KeyError as error:
        box = show_error(None, error)
    qtbot.waitUntil(box.isVisible)
    assert box.text().startswith(GENERIC_MESSAGE)
    assert str(log_file()) in box.text()
    assert "Traceback" not in box.text() and "KeyError" not in box.text()
    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback" in logged and "KeyError: 'missing'" in logged
    box.close()


def test_the_gui_excepthook_shows_escaped_exceptions(qtbot):
    previous = install_excepthook(lambda: None)
    try:
        try:
            raise NoModelError("no speech model is installed; run `mockint model download`")
        except NoModelError as error:
            sys.excepthook(type(error), error, error.__traceback__)
        qtbot.waitUntil(lambda: bool(open_message_boxes()))
        assert open_message_boxes()[0].text() == "no speech model is installed; run `mockint model download`"
    finally:
        sys.excepthook = previous
        close_message_boxes()


def test_style_sheet_has_every_colour_filled_in():
    for scheme in (Qt.ColorScheme.Light, Qt.ColorScheme.Dark):
        sheet = style_sheet(theme_for(scheme))
        assert "@" not in sheet
    assert set(LIGHT) == set(DARK)


def test_theme_follows_the_colour_scheme(qapp, qtbot):
    # The theme changes the whole application; put back what the other tests were measured with.
    style, sheet, palette = qapp.style().name(), qapp.styleSheet(), qapp.palette()
    manager = ThemeManager(qapp, forced=Qt.ColorScheme.Light)
    try:
        manager.apply()
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == LIGHT["window"]
        with qtbot.waitSignal(manager.changed) as changed:
            manager.force(Qt.ColorScheme.Dark)
        assert changed.args[0].dark
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == DARK["window"]
        assert DARK["window"] in qapp.styleSheet()
    finally:
        manager.force(Qt.ColorScheme.Light)
        manager.deleteLater()
        qapp.setStyleSheet(sheet)
        qapp.setStyle(style)
        qapp.setPalette(palette)
