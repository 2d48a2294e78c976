"""The main window's sidebar: the app's name over the list of pages, one entry a page.

Every entry of NAV_PAGES is listed from the start, so Ctrl+1..9 keep their numbers; an entry whose
page is not installed is shown disabled, with a tooltip that says so. The list is one keyboard
stop (arrow keys change the page) named "Pages" for screen readers; each installed entry's
tooltip names its shortcut. Which page an entry opens is the window's business: the sidebar
only lists the entries and says which is current.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from mockint.ui.icons import app_icon, themed_icon
from mockint.ui.pages import NAV_PAGES
from mockint.ui.shortcuts import page_shortcut_text
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import named

KEY_ROLE = Qt.ItemDataRole.UserRole  # the page key of an entry
ICON_ROLE = Qt.ItemDataRole.UserRole + 1  # the icon name of an entry, to redraw it in a new theme
PANEL_WIDTH = 212
ENTRY_HEIGHT = 40


class Sidebar(QListWidget):
    """The list of pages, in the order of their shortcuts (Ctrl+1 is the first row)."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.setObjectName("sidebar")
        self.setAccessibleName("Pages")
        self.setIconSize(QSize(20, 20))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        for entry in NAV_PAGES:
            self.add_entry(entry.key, entry.title, entry.icon, entry.tooltip)

    def add_entry(self, key: str, title: str, icon: str, tooltip: str) -> QListWidgetItem:
        """Adds an entry at the end, disabled until its page is installed (`mark_installed`)."""
        item = QListWidgetItem(themed_icon(icon, self._theme), title)
        item.setData(KEY_ROLE, key)
        item.setData(ICON_ROLE, icon)
        item.setSizeHint(QSize(0, ENTRY_HEIGHT))
        self.addItem(item)
        self._describe(item, tooltip, installed=False)
        return item

    def mark_installed(self, item: QListWidgetItem, tooltip: str = "") -> None:
        """The entry's page can be opened: enabled, with its tooltip (NAV_PAGES' own, if it has one)."""
        entry = next((e for e in NAV_PAGES if e.key == item.data(KEY_ROLE)), None)
        self._describe(item, entry.tooltip if entry else tooltip, installed=True)

    def _describe(self, item: QListWidgetItem, tooltip: str, *, installed: bool) -> None:
        row = self.row(item)
        shortcut = f" ({page_shortcut_text(row + 1)})" if row < 9 else ""
        if installed:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setToolTip(f"{tooltip}{shortcut}")
        else:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setToolTip(f"{item.text()} is not part of this installation yet")

    def entry(self, key: str) -> QListWidgetItem | None:
        for row in range(self.count()):
            if self.item(row).data(KEY_ROLE) == key:
                return self.item(row)
        return None

    def key_at(self, row: int) -> str | None:
        item = self.item(row)
        return item.data(KEY_ROLE) if item is not None else None

    def current_key(self) -> str | None:
        item = self.currentItem()
        return item.data(KEY_ROLE) if item is not None else None

    def titles(self) -> list[str]:
        return [self.item(row).text() for row in range(self.count())]

    def set_theme(self, theme: Theme) -> None:
        """Redraws the entries' icons in the new theme's colours."""
        self._theme = theme
        for row in range(self.count()):
            item = self.item(row)
            item.setIcon(themed_icon(item.data(ICON_ROLE), theme))


def sidebar_panel(sidebar: Sidebar) -> QFrame:
    """The sidebar under the app's icon, name and tagline, in the panel the style sheet colours."""
    panel = named(QFrame(), "sidebarPanel")
    panel.setFixedWidth(PANEL_WIDTH)
    title_icon = QLabel()
    title_icon.setPixmap(app_icon().pixmap(QSize(30, 30)))
    title = named(QLabel("MockInt"), "appTitle")
    subtitle = named(QLabel("Interview practice"), "appSubtitle")
    titles = QVBoxLayout()
    titles.setSpacing(0)
    titles.addWidget(title)
    titles.addWidget(subtitle)
    heading = QHBoxLayout()
    heading.setContentsMargins(18, 18, 12, 14)
    heading.setSpacing(10)
    heading.addWidget(title_icon)
    heading.addLayout(titles, 1)

    column = QVBoxLayout(panel)
    column.setContentsMargins(0, 0, 0, 12)
    column.setSpacing(4)
    column.addLayout(heading)
    column.addWidget(sidebar, 1)
    return panel
