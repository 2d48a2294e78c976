"""Small layout chores the pages share."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QLayout, QTreeWidget, QTreeWidgetItem, QWidget


def clear_layout(layout: QLayout) -> None:
    """Takes every item out of `layout`, deleting the widgets it held."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def layout_widgets(layout: QLayout) -> Iterator[QWidget]:
    """The widgets `layout` holds directly, in order."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget() if item is not None else None
        if widget is not None:
            yield widget


def top_level_items(tree: QTreeWidget) -> Iterator[QTreeWidgetItem]:
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        if item is not None:
            yield item


def child_items(item: QTreeWidgetItem) -> Iterator[QTreeWidgetItem]:
    for row in range(item.childCount()):
        child = item.child(row)
        if child is not None:
            yield child
