"""The interviewer's part of an answer in Review: the flagged moments (each plays from there) and
the ratings and comment, which can be given or changed here after the session."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from mockint.core.formatting import clock_tenths
from mockint.core.session import FlaggedMoment, Rating
from mockint.ui.friend.rating_panel import RatingPanel
from mockint.ui.review.transcript_marks import FLAG_SYMBOL
from mockint.ui.widgets.labels import text_label


class FriendFeedbackCard(QFrame):
    moment_clicked = Signal(float)  # seconds: play the answer from the flagged moment
    rating_saved = Signal(object)  # the Rating to store

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName("From the interviewer")
        self.title = text_label("From the interviewer", name="sectionTitle")
        self.summary = text_label("", name="hint", role="The interviewer's ratings", wrap=True)
        self._flags_box = QVBoxLayout()
        self.rating = RatingPanel()
        self.rating.title.setText("Ratings (change them any time)")
        self.rating.skip_button.hide()
        self.rating.saved.connect(self.rating_saved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(self._flags_box)
        layout.addWidget(self.rating)
        self.flag_buttons: list[QPushButton] = []

    def show_for(self, answer_id: int, flags: Sequence[FlaggedMoment], rating: Rating | None) -> None:
        for button in self.flag_buttons:
            button.deleteLater()
        self.flag_buttons = []
        for flag in sorted(flags, key=lambda f: f.at_s):
            text = f"{FLAG_SYMBOL} {clock_tenths(flag.at_s)}  {flag.title}"
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.setToolTip("Play the answer from this moment")
            button.setFlat(True)
            button.clicked.connect(lambda _checked=False, at=flag.at_s: self.moment_clicked.emit(max(0.0, at - 1.0)))
            self._flags_box.addWidget(button)
            self.flag_buttons.append(button)
        self.rating.show_rating(answer_id, rating)
        self.show_summary(rating, len(flags))

    def show_summary(self, rating: Rating | None, flag_count: int | None = None) -> None:
        count = len(self.flag_buttons) if flag_count is None else flag_count
        flagged = f"{count} flagged moment{'s' if count != 1 else ''}" if count else "No flagged moments"
        if rating is None or rating.is_empty:
            self.summary.setText(f"{flagged}; not rated yet.")
            return
        scores = ", ".join(f"{c.label} {s}/5" for c, s in rating.scores.items()) or "no scores"
        comment = f" “{rating.comment}”" if rating.comment else ""
        self.summary.setText(f"{flagged}; {scores}.{comment}")
