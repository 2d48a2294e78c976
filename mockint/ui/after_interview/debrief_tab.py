"""The Debrief tab of the After-an-interview page: the list of debriefs with New and Delete, the
inline messages (why it is not saved, saved, what is gone) and the debrief form, which scrolls.

Only the layout lives here; the page owns what the controls do (loading, saving, deleting).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QScrollArea, QVBoxLayout, QWidget

from mockint.ui.after_interview.debrief_form import DebriefForm
from mockint.ui.after_interview.widgets import button, message, named


class DebriefTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = DebriefForm()
        self.list = named(QListWidget(), "Debriefs", "Your real interviews, the most recent first")
        self.new = button("New debrief")
        self.delete = button("Delete debrief")
        self.problem = message("Why it is not saved")
        self.saved = message("Save status")
        self.gone = message("What is gone")  # a linked deck, story or practice answer deleted since
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new)
        left.addWidget(self.delete)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the form wraps to the width
        scroll.setWidget(self.form)
        right = QVBoxLayout()
        right.addWidget(self.problem)
        right.addWidget(self.saved)
        right.addWidget(self.gone)
        right.addWidget(scroll, 1)
        row = QHBoxLayout(self)
        row.addLayout(left, 1)
        row.addLayout(right, 4)
