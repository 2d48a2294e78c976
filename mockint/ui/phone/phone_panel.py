"""The console's "Phone as console" box: switch it on, scan the QR code (or type the address), see
who paired, and switch it off. Nothing listens until the switch is pressed."""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mockint.settings import Setting, Settings
from mockint.ui.phone.phone_console import PhoneConsole
from mockint.ui.widgets.labels import text_label

QR_SCALE = 5


def qr_pixmap(text: str) -> QPixmap:
    """The QR code of `text` as a picture (segno makes the PNG)."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=QR_SCALE, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class PhonePanel(QFrame):
    def __init__(self, phone: PhoneConsole, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phone = phone
        self.settings = settings
        self.setObjectName("phonePanel")
        self.setAccessibleName("Phone as console")
        self.switch_button = QPushButton("Use a phone as the console…")
        self.switch_button.setAccessibleName("Use a phone as the console")
        self.switch_button.setToolTip(
            "Serve the interviewer's console to one phone on this Wi-Fi, until you switch it off"
        )
        self.switch_button.clicked.connect(self.toggle)
        self.code_button = QPushButton("New code")
        self.code_button.setAccessibleName("New pairing code")
        self.code_button.setToolTip("Make a new pairing code (the old one stops working)")
        self.code_button.clicked.connect(phone.new_code)
        self.qr = QLabel()
        self.qr.setAccessibleName("QR code of the phone console's address")
        self.address = text_label("", role="Phone console address", wrap=True, selectable=True)
        self.state = text_label("", role="Phone console", wrap=True)
        self.notice = text_label("", role="Phone console message", wrap=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.code_button)
        buttons.addStretch(1)
        words = QVBoxLayout()
        words.addLayout(buttons)
        words.addWidget(self.address)
        words.addWidget(self.state)
        words.addWidget(self.notice)
        words.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(words, 1)
        layout.addWidget(self.qr)
        self._expiry = QTimer(self)
        self._expiry.setInterval(1000)
        self._expiry.timeout.connect(self.refresh)
        phone.changed.connect(self.refresh)
        phone.notice.connect(self.notice.setText)
        self.refresh()

    def toggle(self) -> None:
        if self.phone.is_on:
            self.phone.switch_off()
            self.notice.setText("The phone console is off; nothing listens on the network.")
            return
        try:
            self.phone.switch_on(listen_everywhere=bool(self.settings.get(Setting.PHONE_LISTEN_EVERYWHERE)))
        except OSError as error:
            self.notice.setText(str(error))
            return
        self.notice.setText("")

    def refresh(self) -> None:
        phone = self.phone
        on = phone.is_on
        self.switch_button.setText("Switch the phone console off" if on else "Use a phone as the console…")
        self.switch_button.setAccessibleName("Switch the phone console off" if on else "Use a phone as the console")
        paired = on and phone.pairing.is_paired
        code = phone.pairing.code if on else None
        self.code_button.setVisible(on and not paired)
        if not on:
            self._expiry.stop()
            self.qr.clear()
            self.qr.hide()
            self.address.setText("")
            self.state.setText("Phone console: off.")
            return
        self._expiry.start()
        if paired:
            self.qr.hide()
            self.address.setText(f"Paired. The phone's page: {phone.server.page_url()}")
            self.state.setText(
                "Phone console: connected; the phone is driving. The controls here still work."
                if phone.connected
                else "Phone console: paired, not connected; the controls here work."
            )
            return
        if code is None:
            self.qr.hide()
            self.address.setText("The pairing code has expired: make a new one.")
            self.state.setText("Phone console: waiting for a new code.")
            return
        url = phone.server.pairing_url()
        if self.qr.isHidden() or self.qr.accessibleDescription() != url:
            self.qr.setPixmap(qr_pixmap(url))
            self.qr.setAccessibleDescription(url)
            self.qr.show()
        minutes = max(1, round(phone.pairing.seconds_left / 60))
        self.address.setText(
            f"On the phone (same Wi-Fi), scan the code or open {phone.server.page_url()}pair?code={code}"
        )
        self.state.setText(f"Phone console: waiting for the phone. The code works once, for {minutes} more min.")
