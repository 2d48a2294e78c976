"""The app's look: a calm light or dark palette that follows the system's colour scheme.

Colours live here once; the style sheet (`assets/styles/app.qss`) names them as @tokens, and
icons are drawn in them (see `icons.py`), so a change of system scheme restyles everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from mockint.paths import assets_dir

STYLES_DIR = assets_dir() / "styles"

LIGHT: dict[str, str] = {
    "window": "#f5f6f8",
    "surface": "#ffffff",
    "sidebar": "#eceff3",
    "input": "#ffffff",
    "text": "#1f2430",
    "muted": "#5d6776",
    "faint": "#a3aab5",
    "border": "#dde1e7",
    "border_strong": "#c9ced7",
    "hover": "#e3e7ee",
    "alt_row": "#f8f9fb",
    "accent": "#3567d6",
    "accent_strong": "#2753b8",
    "on_accent": "#ffffff",
    "selection": "#dce6fa",
    "danger": "#c0392b",
    "danger_soft": "#fbeae8",
    "warning": "#a86a12",
    "ok": "#2e7d4f",
}
DARK: dict[str, str] = {
    "window": "#1b1e23",
    "surface": "#23272e",
    "sidebar": "#16191d",
    "input": "#1d2026",
    "text": "#e5e8ee",
    "muted": "#9aa3b2",
    "faint": "#5c6470",
    "border": "#323842",
    "border_strong": "#414955",
    "hover": "#2b3039",
    "alt_row": "#262a32",
    "accent": "#6d9cff",
    "accent_strong": "#8fb3ff",
    "on_accent": "#0e1420",
    "selection": "#2a3854",
    "danger": "#ff7a6e",
    "danger_soft": "#3a2526",
    "warning": "#f0b44c",
    "ok": "#6fcf97",
}


@dataclass(frozen=True)
class Theme:
    dark: bool
    colors: dict[str, str]

    def color(self, name: str) -> str:
        return self.colors[name]


def theme_for(scheme: Qt.ColorScheme) -> Theme:
    dark = scheme == Qt.ColorScheme.Dark
    return Theme(dark, DARK if dark else LIGHT)


@cache
def _style_template() -> str:
    """The shipped style sheet without comments: read once (at start-up), so a change of theme
    later does not read the disk on the GUI thread."""
    template = (STYLES_DIR / "app.qss").read_text(encoding="utf-8")
    return re.sub(r"/\*.*?\*/", "", template, flags=re.DOTALL)


def style_sheet(theme: Theme) -> str:
    template = _style_template()

    def fill(match: re.Match[str]) -> str:
        return theme.colors[match.group(1)]

    return re.sub(r"@([a-z_]+)", fill, template)


def palette_for(theme: Theme) -> QPalette:
    """A QPalette matching the style sheet, for what QSS does not reach (menus, dialogs)."""
    c = {name: QColor(value) for name, value in theme.colors.items()}
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: c["window"],
        QPalette.ColorRole.WindowText: c["text"],
        QPalette.ColorRole.Base: c["surface"],
        QPalette.ColorRole.AlternateBase: c["alt_row"],
        QPalette.ColorRole.Text: c["text"],
        QPalette.ColorRole.Button: c["surface"],
        QPalette.ColorRole.ButtonText: c["text"],
        QPalette.ColorRole.Highlight: c["accent"],
        QPalette.ColorRole.HighlightedText: c["on_accent"],
        QPalette.ColorRole.ToolTipBase: c["surface"],
        QPalette.ColorRole.ToolTipText: c["text"],
        QPalette.ColorRole.PlaceholderText: c["faint"],
        QPalette.ColorRole.Link: c["accent"],
        QPalette.ColorRole.Mid: c["border"],
    }
    for role, color in roles.items():
        palette.setColor(role, color)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, c["faint"])
    return palette


class ThemeManager(QObject):
    """Applies the theme to the application and re-applies it when the system scheme changes."""

    changed = Signal(object)  # the new Theme

    def __init__(self, app: QApplication, forced: Qt.ColorScheme | None = None) -> None:
        super().__init__(app)
        self._app = app
        self._forced = forced
        self._theme = theme_for(self._scheme())
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    @property
    def theme(self) -> Theme:
        return self._theme

    def apply(self) -> Theme:
        self._app.setStyle("Fusion")  # the same widgets on every platform, so QSS looks alike
        self._app.setPalette(palette_for(self._theme))
        self._app.setStyleSheet(style_sheet(self._theme))
        return self._theme

    def force(self, scheme: Qt.ColorScheme | None) -> None:
        """Use this scheme whatever the system says (None: follow the system again)."""
        self._forced = scheme
        self._scheme_changed()

    def _scheme(self) -> Qt.ColorScheme:
        if self._forced is not None:
            return self._forced
        return QGuiApplication.styleHints().colorScheme()

    def _scheme_changed(self, *_: object) -> None:
        theme = theme_for(self._scheme())
        if theme == self._theme:
            return
        self._theme = theme
        self.apply()
        self.changed.emit(theme)
