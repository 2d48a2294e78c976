"""Labels the way every page makes them: text shown literally, the role told to screen readers.

A label's text is what a screen reader reads as its name. Setting an accessible NAME on a label
hides that text ("Question text" instead of the question), so a label's role goes into the
accessible DESCRIPTION instead, and its text stays the name. Every label is plain text: deck
text someone shares must not render as links, tables or images (see widget_policy.py, which
also applies this to labels made elsewhere).
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

W = TypeVar("W", bound=QWidget)


def text_label(
    text: str = "",
    *,
    name: str = "",
    role: str = "",
    wrap: bool = False,
    selectable: bool = False,
    parent: QWidget | None = None,
) -> QLabel:
    """A plain-text label; `name` is its style object name, `role` what a screen reader adds."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if name:
        label.setObjectName(name)
    if role:
        label.setAccessibleDescription(role)
    if wrap:
        label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def named(widget: W, object_name: str) -> W:
    """Sets the style object name and returns the widget (for one-line construction)."""
    widget.setObjectName(object_name)
    return widget
