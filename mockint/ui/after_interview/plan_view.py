"""The plan of a debrief: the practice deck, and a checklist ticked by doing each item.

A practised item's box is read-only: it is ticked when a session practising it is stored (its
state comes from app/after_interview.py, never kept here). Read-up items are ticked by hand.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget

from mockint.app.after_interview import DebriefPlan
from mockint.core.debrief.plan import PlanItem, PlanKind
from mockint.ui.after_interview.widgets import button, heading, message, named, show_message
from mockint.ui.widgets.labels import text_label


class PlanRow(QFrame):
    def __init__(self, item: PlanItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planItem")
        self.item = item
        state = "done" if item.done else "to do"
        when = f" ({item.day.strftime('%a %d %b')})" if item.day else ""
        self.check = named(QCheckBox(f"{item.title}{when}"), f"{item.title}{when}", f"Plan item, {state}")
        self.check.setChecked(item.done)
        self.check.setEnabled(item.kind.ticked_by_hand)  # the others are ticked by doing them
        self.state = text_label("Done" if item.done else "To do", role=f"State of {item.title}")
        self.detail = text_label(item.detail, role="How", wrap=True)
        self.action: QPushButton | None = None
        top = QHBoxLayout()
        top.addWidget(self.check, 1)
        top.addWidget(self.state)
        if item.kind.practised:
            self.action = button("Practise", f"Practise: {item.title}")
            self.action.setAccessibleName(f"Practise {item.title}")
            self.action.setEnabled(bool(item.questions))
            top.addWidget(self.action)
        elif item.kind is PlanKind.FRIEND:
            self.action = button("Open the Friend page", "A friend interviews you")
            top.addWidget(self.action)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.detail)


class PlanView(QWidget):
    practise_requested = Signal(object)  # PlanItem
    friend_requested = Signal()
    tick_changed = Signal(str, bool)  # a read-up item's key, ticked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PlanRow] = []
        self.empty = text_label(
            "Mark a question shaky or blew it in the debrief, with what went wrong, and the plan appears here.",
            role="Plan", wrap=True,
        )  # fmt: skip
        self.gone = message("What is gone")
        self.deck = named(
            QListWidget(), "Practice deck", "The questions that went badly, each followed by the closest shipped ones"
        )
        self.deck.setMaximumHeight(150)
        self.items_box = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.gone)
        layout.addWidget(heading("Practice deck"))
        layout.addWidget(self.deck)
        layout.addWidget(heading("Plan"))
        layout.addLayout(self.items_box)
        layout.addStretch(1)

    def show_plan(self, plan: DebriefPlan | None) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        self.deck.clear()
        show_message(self.gone, " ".join(plan.gone) if plan else "")
        self.empty.setVisible(plan is None or not plan.items)
        if plan is None:
            return
        for entry in plan.deck:
            self.deck.addItem(f"    like it: {entry.text}" if entry.like else entry.text)
        for item in plan.items:
            row = PlanRow(item)
            if row.item.kind.ticked_by_hand:
                row.check.toggled.connect(lambda on, key=item.key: self.tick_changed.emit(key, on))
            elif row.action is not None and item.kind is PlanKind.FRIEND:
                row.action.clicked.connect(self.friend_requested)
            elif row.action is not None:
                row.action.clicked.connect(lambda _=False, it=item: self.practise_requested.emit(it))
            self.rows.append(row)
            self.items_box.addWidget(row)

    def row(self, key: str) -> PlanRow | None:
        return next((row for row in self.rows if row.item.key == key), None)
