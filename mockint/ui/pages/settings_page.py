"""The Settings page: one card per section, each section its own module in `ui/settings_sections`."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from mockint.ui.context import AppContext
from mockint.ui.settings_sections import SECTION_SLOTS, section_modules
from mockint.ui.widgets.labels import named
from mockint.ui.widgets.page_header import PageHeader

PAGE_KEY = "settings"


def create_page(context: AppContext) -> QWidget:
    page = SettingsPage(context)
    for module in section_modules():
        page.add_section(
            module.SECTION_KEY,
            module.SECTION_TITLE,
            module.create_section(context),
            order=getattr(module, "SECTION_ORDER", SECTION_SLOTS.get(module.SECTION_KEY, 80)),
            hint=getattr(module, "SECTION_HINT", ""),
        )
    return page


class SettingsPage(QScrollArea):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._sections: list[tuple[int, str, QWidget, QFrame]] = []  # (order, key, content, card)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self._column = QVBoxLayout(body)
        self._column.setContentsMargins(28, 24, 28, 28)
        self._column.setSpacing(16)
        self._column.addWidget(
            PageHeader("Settings", "Adjust how MockInt judges your answers, and look after your data.")
        )
        self._column.addStretch(1)
        self.setWidget(body)

    def add_section(self, key: str, title: str, widget: QWidget, *, order: int | None = None, hint: str = "") -> QFrame:
        """Adds a card with `title` (and a one-line `hint`) around `widget`, placed by `order`."""
        order = order if order is not None else SECTION_SLOTS.get(key, 80)
        card = named(QFrame(), "card")
        card.setAccessibleName(f"{title} settings")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 16, 20, 18)
        layout.setSpacing(6)
        layout.addWidget(named(QLabel(title), "sectionTitle"))
        if hint:
            hint_label = named(QLabel(hint), "sectionHint")
            hint_label.setWordWrap(True)
            layout.addWidget(hint_label)
        layout.addSpacing(8)
        layout.addWidget(widget)
        position = sum(1 for existing_order, *_ in self._sections if existing_order <= order)
        self._sections.append((order, key, widget, card))
        self._sections.sort(key=lambda entry: entry[0])
        self._column.insertWidget(1 + position, card)  # after the header
        return card

    def section(self, key: str) -> QWidget | None:
        return next((widget for _, k, widget, _ in self._sections if k == key), None)

    def section_keys(self) -> list[str]:
        return [key for _, key, _, _ in self._sections]
