"""Small builders the after-interview views share: named controls, a section heading."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from mockint.ui.widgets.labels import text_label

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, description: str = "") -> W:
    """A control with the accessible name a screen reader says (and a description when it helps)."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def button(text: str, description: str = "") -> QPushButton:
    return named(QPushButton(text), text.replace("&", ""), description)


def heading(text: str) -> QLabel:
    label = text_label(text, name="sectionTitle", role="Heading")
    return label


def message(role: str) -> QLabel:
    """An inline message: its text is its accessible name, `role` tells what kind of message."""
    label = text_label("", name="inlineMessage", role=role, wrap=True)
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
