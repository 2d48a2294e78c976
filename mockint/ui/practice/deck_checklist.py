"""The decks to practise with, as real check boxes in a scrolling column.

Real QCheckBoxes rather than checkable list rows: a screen reader's "toggle" action on a list
row only selects it in Qt, while a check box toggles by keyboard (Tab, arrows, Space), by mouse
and by the accessibility action alike, and reads as "Warm-up, 12 questions, checked".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QScrollArea, QVBoxLayout, QWidget

from mockint.ui.widgets.labels import text_label

if TYPE_CHECKING:  # the deck model loads with the decks, after the window is up
    from mockint.core.decks import Deck


def question_count(deck: Deck) -> str:
    count = len(deck.questions)
    return f"{count} question{'' if count == 1 else 's'}"


def deck_caption(deck: Deck) -> str:
    return f"{deck.name}  ·  {question_count(deck)}"


class DeckChecklist(QScrollArea):
    toggled = Signal()  # a deck was ticked or unticked by the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("deckChecklist")
        self._column = QWidget()
        self._column.setObjectName("deckChecklistColumn")
        self._layout = QVBoxLayout(self._column)
        self._layout.setContentsMargins(10, 8, 10, 8)
        self._layout.setSpacing(8)
        self._layout.addStretch(1)
        self.setWidget(self._column)
        self._boxes: list[QCheckBox] = []
        self._rows: list[QWidget] = []

    # ----- contents

    def set_decks(self, decks: Iterable[Deck], checked: Iterable[str]) -> None:
        """Lists `decks` (in order), ticking those whose id is in `checked`; emits nothing."""
        wanted = set(checked)
        self._boxes = []
        for row in self._rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self._rows = []
        for deck in decks:
            # The name on the box, the count in small type beneath: long names are not cut at 1024 px.
            box = QCheckBox(deck.name)
            box.setProperty("deck_id", deck.id)
            box.setProperty("caption", deck_caption(deck))
            box.setChecked(deck.id in wanted)
            box.setToolTip(deck.description or deck.name)
            box.setAccessibleDescription(", ".join(filter(None, [question_count(deck), deck.description])))
            box.toggled.connect(lambda _checked: self.toggled.emit())
            box.installEventFilter(self)
            count = text_label(question_count(deck), name="hint")
            count.setContentsMargins(26, 0, 0, 0)  # under the box's text, past the tick
            row = QWidget()
            lines = QVBoxLayout(row)
            lines.setContentsMargins(0, 0, 0, 0)
            lines.setSpacing(0)
            lines.addWidget(box)
            lines.addWidget(count)
            self._layout.insertWidget(len(self._rows), row)
            self._rows.append(row)
            self._boxes.append(box)

    def boxes(self) -> list[QCheckBox]:
        return list(self._boxes)

    def count(self) -> int:
        return len(self._boxes)

    def rows(self) -> list[tuple[str, str]]:
        """(deck id, caption) of every deck, in order."""
        return [(str(box.property("deck_id")), str(box.property("caption"))) for box in self._boxes]

    def checked_ids(self) -> list[str]:
        return [str(box.property("deck_id")) for box in self._boxes if box.isChecked()]

    def set_checked(self, deck_ids: Sequence[str]) -> None:
        wanted = set(deck_ids)
        for box in self._boxes:
            box.setChecked(str(box.property("deck_id")) in wanted)

    def box(self, deck_id: str) -> QCheckBox | None:
        return next((b for b in self._boxes if b.property("deck_id") == deck_id), None)

    # ----- keyboard: Up and Down move between the decks, as in a list

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and watched in self._boxes:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()), 0)
            if step:
                index = self._boxes.index(watched) + step
                if 0 <= index < len(self._boxes):
                    self._boxes[index].setFocus(Qt.FocusReason.TabFocusReason)
                    self.ensureWidgetVisible(self._boxes[index])
                return True
        return super().eventFilter(watched, event)
