"""The list of installed models in Settings: name, what it is, size on disk, and its status."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from mockint.app.installed_models import ModelRow
from mockint.app.transfer_rate import format_bytes
from mockint.ui.icons import themed_icon
from mockint.ui.theme import Theme
from mockint.ui.widgets.layouts import top_level_items

NAME_ROLE = Qt.ItemDataRole.UserRole
IN_USE = "In use"
LOADING = "Loading…"
DAMAGED = "Damaged"
VISIBLE_ROWS = (3, 8)  # the list grows with the models up to this many rows, then scrolls
STATUS_COLUMN = 3


def status_text(row: ModelRow, in_use: bool, loading: bool) -> str:
    if not row.usable:
        return DAMAGED
    if in_use:
        return LOADING if loading else IN_USE
    return ""


class InstalledModelsList(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Installed speech models")
        self.setHeaderLabels(["Model", "About", "Size on disk", "Status"])
        self.setRootIsDecorated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

    def show_models(self, rows: tuple[ModelRow, ...], in_use: Path | None, *, loading: bool, theme: Theme) -> None:
        """Shows `rows`, marking the one at `in_use`; keeps the selection by name."""
        selected = self.selected_name()
        self.clear()
        for row in rows:
            is_in_use = in_use is not None and row.path == in_use
            about = f"{row.description} ({row.language})" if row.description else ""
            item = QTreeWidgetItem(
                [row.name, about, format_bytes(row.size_bytes), status_text(row, is_in_use, loading)]
            )
            item.setData(0, NAME_ROLE, row.name)
            item.setToolTip(0, f"{row.name}\n{row.path}")
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if is_in_use:
                font = item.font(0)
                font.setBold(True)
                for column in range(self.columnCount()):
                    item.setFont(column, font)
                icon = themed_icon("busy", theme) if loading else themed_icon("ready", theme, role="ok")
                item.setIcon(STATUS_COLUMN, icon)
            elif not row.usable:
                item.setIcon(STATUS_COLUMN, themed_icon("warning", theme, role="warning"))
                item.setToolTip(
                    STATUS_COLUMN,
                    "What is wrong:\n" + "\n".join(row.problems) + "\nRemove it, then download or add it again.",
                )
            self.addTopLevelItem(item)
            if row.name == selected:
                self.setCurrentItem(item)
        self._fit_height(len(rows))

    def _fit_height(self, rows: int) -> None:
        shown = max(VISIBLE_ROWS[0], min(rows, VISIBLE_ROWS[1]))
        row_height = self.sizeHintForRow(0) if rows else self.fontMetrics().height() + 12
        self.setFixedHeight(self.header().sizeHint().height() + shown * max(row_height, 1) + 2 * self.frameWidth() + 4)

    def selected_name(self) -> str | None:
        item = self.currentItem()
        return item.data(0, NAME_ROLE) if item is not None else None

    def select(self, name: str) -> bool:
        item = self._item(name)
        if item is not None:
            self.setCurrentItem(item)
        return item is not None

    def row_text(self, name: str) -> list[str]:
        """What the row for `name` shows, column by column; empty when it is not listed."""
        item = self._item(name)
        return [item.text(column) for column in range(self.columnCount())] if item is not None else []

    def _item(self, name: str) -> QTreeWidgetItem | None:
        for item in top_level_items(self):
            if item.data(0, NAME_ROLE) == name:
                return item
        return None
