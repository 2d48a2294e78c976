"""Settings: where the friend's phone console listens (issue 14).

By default it listens only on the computer's local network address; a network where the phone
reaches the computer by another address (a second interface, a hotspot) needs every interface,
and only the user can choose that here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from mockint.settings import Setting
from mockint.ui.context import AppContext
from mockint.ui.widgets.labels import text_label

SECTION_KEY = "phone"
SECTION_TITLE = "Phone console"
SECTION_HINT = "A friend's phone as the interviewer's console, on the same Wi-Fi."
SECTION_ORDER = 60  # after the fillers, before your data


def create_section(context: AppContext) -> QWidget:
    return PhoneSection(context)


class PhoneSection(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.everywhere = QCheckBox("Listen on every network interface (0.0.0.0)")
        self.everywhere.setAccessibleName("Phone console listens on every network interface")
        self.everywhere.setToolTip("Only when the phone cannot reach the computer's local address")
        self.everywhere.setChecked(bool(context.settings.get(Setting.PHONE_LISTEN_EVERYWHERE)))
        self.everywhere.toggled.connect(lambda on: context.set_setting(Setting.PHONE_LISTEN_EVERYWHERE, on))
        words = text_label(
            "Off: only the computer's local network address, and only while the console is switched on.",
            name="hint",
            role="What the phone console exposes",
            wrap=True,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.everywhere)
        layout.addWidget(words)
