"""The words heard so far, while the user answers (optional: some find it distracting)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from mockint.ui.widgets.labels import named

SHOWN_CHARACTERS = 360  # the tail of the answer: enough to see it is being heard, not a wall of text
PLACEHOLDER = "Listening… your words appear here as you speak."


class LiveTranscript(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName("Live transcript")
        self.setToolTip("What the speech model hears, as you speak. Turn it off in the practice setup.")
        title = named(QLabel("LIVE TRANSCRIPT"), "fieldLabel")
        self.words = named(QLabel(PLACEHOLDER), "hint")
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words.setAccessibleDescription("Words heard so far")
        self.words.setMinimumHeight(44)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 14)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.words)
        self._full = ""

    @property
    def text(self) -> str:
        """Everything heard so far (the label shows only the tail)."""
        return self._full

    def set_text(self, text: str) -> None:
        self._full = text.strip()
        if not self._full:
            self.words.setText(PLACEHOLDER)
            return
        shown = self._full
        if len(shown) > SHOWN_CHARACTERS:
            cut = shown[-SHOWN_CHARACTERS:]
            shown = "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut
        self.words.setText(shown)

    def clear(self) -> None:
        self.set_text("")
