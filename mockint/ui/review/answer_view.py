"""One answer under review: player and timeline on top, then feedback, figures and the transcript.

The parts talk through this view only: a clicked word, a clicked moment in the feedback or a
click on the timeline move playback; playback moves the timeline cursor and the highlighted word.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from mockint.app.review import ReviewedAnswer
from mockint.core.analysis import Thresholds
from mockint.core.session import FlaggedMoment, Rating
from mockint.ui.friend.review_feedback import FriendFeedbackCard
from mockint.ui.mirror.synced_video import SyncedVideo
from mockint.ui.review.feedback_list import FeedbackList
from mockint.ui.review.figures_panel import FiguresPanel
from mockint.ui.review.playback_bar import PlaybackBar, play_button_style
from mockint.ui.review.timeline_view import TimelineView
from mockint.ui.review.transcript_legend import TranscriptLegend
from mockint.ui.review.transcript_view import TranscriptView
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import named
from mockint.ui.workers import WorkerPool

MISSING_AUDIO = "The recording of this answer is missing."


def _card(title: str, *widgets: QWidget, hint: str = "") -> QFrame:
    card = named(QFrame(), "card")
    card.setAccessibleName(title)
    column = QVBoxLayout(card)
    column.setContentsMargins(18, 14, 18, 16)
    column.setSpacing(10)
    column.addWidget(named(QLabel(title), "sectionTitle"))
    if hint:
        label = named(QLabel(hint), "sectionHint")
        label.setWordWrap(True)
        column.addWidget(label)
    for widget in widgets:
        column.addWidget(widget)
    return card


class AnswerView(QWidget):
    failed = Signal(object)  # a playback error for the user
    rating_saved = Signal(object)  # a friend session's Rating, given or changed here

    def __init__(
        self, workers: WorkerPool, theme: Theme, output_device: int | str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self.answer: ReviewedAnswer | None = None
        self.playback = PlaybackBar(workers, theme, output_device)
        self.timeline = TimelineView(theme)
        self.feedback = FeedbackList(theme)
        self.figures = FiguresPanel(theme)
        self.transcript = TranscriptView(theme)
        self.legend = TranscriptLegend(theme)
        self.problem = named(QLabel(), "hint")
        self.problem.setWordWrap(True)

        player = named(QFrame(), "card")
        player.setAccessibleName("Playback")
        player_column = QVBoxLayout(player)
        player_column.setContentsMargins(16, 12, 16, 10)
        player_column.setSpacing(6)
        # A mirror answer's video, in step with the audio (hidden for other answers).
        self.video = SyncedVideo(self.playback)
        self.video.setMinimumHeight(240)
        self.video.hide()
        player_column.addWidget(self.video)
        player_column.addWidget(self.playback)
        player_column.addWidget(self.timeline)
        self.player_card = player

        self.feedback_card = _card("Feedback", self.feedback)
        self.friend = FriendFeedbackCard()  # flags and ratings of a friend session
        self.friend.hide()
        self.transcript_card = _card(
            "Transcript", self.legend, self.transcript, hint="Click a word to hear the answer from there."
        )
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 6, 8)
        column.setSpacing(14)
        column.addWidget(self.problem)
        column.addWidget(self.feedback_card)
        column.addWidget(self.friend)
        column.addWidget(self.figures)
        column.addWidget(self.transcript_card)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(player)
        layout.addWidget(self.scroll_area, 1)

        self.transcript.word_clicked.connect(lambda _index, start: self.playback.play(start))
        self.feedback.moment_clicked.connect(self.playback.play)
        self.friend.moment_clicked.connect(self.playback.play)
        self.friend.rating_saved.connect(self.rating_saved)
        self.timeline.seek_requested.connect(self.playback.seek)
        self.timeline.toggle_requested.connect(self.playback.toggle)
        self.playback.position_changed.connect(self._position_changed)
        self.playback.failed.connect(self.failed)
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.player_card.setStyleSheet(play_button_style(theme))
        for part in (self.playback, self.timeline, self.feedback, self.figures, self.transcript, self.legend):
            part.set_theme(theme)
        if self.answer is not None:
            self.feedback.show_feedback(*self._feedback_of(self.answer))

    def show_answer(
        self,
        answer: ReviewedAnswer | None,
        thresholds: Thresholds,
        *,
        flags: Sequence[FlaggedMoment] = (),
        rating: Rating | None = None,
        friend: bool = False,
    ) -> None:
        """`flags` and `rating` from the friend who interviewed (`friend`: the session was one)."""
        self.answer = answer
        self.timeline.set_flags(flags)
        self.legend.show_flags(bool(flags))
        self.friend.setVisible(friend and answer is not None)
        if friend and answer is not None:
            self.friend.show_for(answer.id, flags, rating)
        report = answer.report if answer is not None else None
        mirror = answer.mirror if answer is not None else None
        self.video.setVisible(mirror is not None and (mirror.video is not None or bool(mirror.log.video_note)))
        self.video.set_media(mirror)
        if answer is None:
            self.playback.set_source(None, None, "")
        else:
            self.playback.set_source(
                answer.audio,
                answer.duration_s,
                MISSING_AUDIO if answer.answer.audio_path else "No recording was kept for this answer.",
            )
        self.timeline.set_answer(report, answer.duration_s if answer else None, answer.target if answer else None)
        self.problem.setText(answer.problem if answer is not None and answer.problem else "")
        self.problem.setVisible(bool(self.problem.text()))
        self.feedback_card.setVisible(report is not None)
        if answer is not None:
            self.feedback.show_feedback(*self._feedback_of(answer))
        self.figures.show_report(report, thresholds)
        self.transcript.show_report(
            report,
            unclear_below=thresholds.low_confidence,
            message=(answer.problem or "") if answer else "",
            flags=flags,
        )
        self.scroll_area.verticalScrollBar().setValue(0)

    @staticmethod
    def _feedback_of(answer: ReviewedAnswer):
        report = answer.report
        return (report.work_on, report.strengths) if report is not None else ((), ())

    def _position_changed(self, seconds: float | None) -> None:
        self.timeline.set_cursor(seconds)
        self.transcript.show_position(seconds)
