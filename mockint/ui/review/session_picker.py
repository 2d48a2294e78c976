"""Choosing the session to review: newest first, the latest chosen unless asked otherwise."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QSizePolicy, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

from mockint.core.formatting import plural
from mockint.core.session import PracticeMode, SessionOverview
from mockint.ui.review.formatting import when

SHORT_MODE = {
    PracticeMode.SOLO: "Solo",
    PracticeMode.MIRROR: "Mirror",
    PracticeMode.FRIEND: "With a friend",
    PracticeMode.DEBRIEF: "Debrief",
}


def session_label(overview: SessionOverview) -> str:
    """ "Today 14:05 · Solo · 3 answers": short enough for a narrow column."""
    session = overview.session
    name = session.title or SHORT_MODE.get(session.mode, session.mode.label)
    return f"{when(session.started_at)} · {name} · {plural(overview.summary.answer_count, 'answer')}"


def session_tooltip(overview: SessionOverview) -> str:
    session = overview.session
    lines = [
        session.title or session.mode.label,
        f"{when(session.started_at)} · {session.mode.label}",
        plural(overview.summary.answer_count, "answer"),
    ]
    if session.note:
        lines.append(session.note)
    return "\n".join(lines)


class SessionPicker(QComboBox):
    session_chosen = Signal(int)  # the session id now chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Session")
        self.setToolTip("The practice session to review")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.currentIndexChanged.connect(self._index_changed)
        self._quiet = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        # Qt cuts a long entry mid-letter; "…" says there is more (the list and tooltip show it whole).
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width()
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def set_sessions(self, sessions: list[SessionOverview], choose: int | None = None) -> int | None:
        """Lists the sessions that have answers (and `choose`, even if empty); chooses `choose`,
        else the one chosen before, else the newest. Returns the chosen id."""
        keep = choose if choose is not None else self.current_session_id()
        shown = [s for s in sessions if s.summary.answer_count > 0 or s.session.id == choose]
        self._quiet = True
        try:
            self.clear()
            for overview in shown:
                self.addItem(session_label(overview), overview.session.id)
                self.setItemData(self.count() - 1, session_tooltip(overview), Qt.ItemDataRole.ToolTipRole)
            index = self.findData(keep) if keep is not None else -1
            self.setCurrentIndex(index if index >= 0 else (0 if shown else -1))
        finally:
            self._quiet = False
        self.setEnabled(bool(shown))
        return self.current_session_id()

    def current_session_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def session_ids(self) -> list[int]:
        return [int(self.itemData(i)) for i in range(self.count())]

    def choose(self, session_id: int) -> bool:
        index = self.findData(session_id)
        if index < 0:
            return False
        if index == self.currentIndex():
            self.session_chosen.emit(session_id)
        else:
            self.setCurrentIndex(index)
        return True

    def _index_changed(self, index: int) -> None:
        if not self._quiet and index >= 0:
            self.session_chosen.emit(int(self.itemData(index)))
