"""The instant replay after a mirror answer: the video in step with the audio, the marked transcript
scrolling with it, the report beside it, and the cues that were shown."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QPushButton, QScrollArea, QVBoxLayout, QWidget

from mockint.app.answer_result import CapturedAnswer
from mockint.app.mirror import MirrorMedia
from mockint.app.outcome import AnswerOutcome
from mockint.core.formatting import clock
from mockint.core.interview_plan import Step, StepKind
from mockint.core.targets import TargetRange
from mockint.ui.context import AppContext
from mockint.ui.mirror.synced_video import SyncedVideo
from mockint.ui.practice.answer_summary import AnswerSummary
from mockint.ui.review.playback_bar import PlaybackBar
from mockint.ui.review.transcript_view import TranscriptView
from mockint.ui.widgets.labels import text_label

REPLAY_VIDEO_MIN = QSize(240, 180)


class ReplayPanel(QWidget):
    again_requested = Signal()  # "Answer again": back to the mirror

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.playback = PlaybackBar(context.workers, context.theme)
        self.playback.setAccessibleName("Play the replay")
        self.video = SyncedVideo(self.playback)
        # Smaller than the live mirror's least size, so the report fits beside it in a 1200 px window.
        self.video.view.setMinimumSize(REPLAY_VIDEO_MIN)
        self.transcript = TranscriptView(context.theme)
        self.transcript.setAccessibleName("Transcript of your answer")
        self.transcript_scroll = QScrollArea()
        self.transcript_scroll.setWidgetResizable(True)
        self.transcript_scroll.setWidget(self.transcript)
        self.transcript_scroll.setAccessibleName("Transcript")
        self.summary = AnswerSummary(context.theme)
        self.cues = text_label("", name="hint", role="Cues shown while you answered", wrap=True)
        self.again = QPushButton("Answer again")
        self.again.setAccessibleName("Answer again")
        self.again.clicked.connect(self.again_requested.emit)
        self.playback.position_changed.connect(self._position)
        self.transcript.word_clicked.connect(lambda _index, start: self.playback.play(start))

        self.left = QVBoxLayout()
        self.left.addWidget(self.video, 3)
        self.left.addWidget(self.playback)
        self.left.addWidget(self.transcript_scroll, 2)
        self.right = QVBoxLayout()
        self.right.addWidget(self.summary)
        self.right.addWidget(self.cues)
        self.right.addStretch(1)
        self.right.addWidget(self.again, 0, Qt.AlignmentFlag.AlignRight)
        # Side by side when the page is wide enough for both, the report under the video when it
        # is not (a 1024 px window): the panel scrolls rather than widening the window.
        self.body = body = QWidget()
        body.installEventFilter(self)  # a new report's figures may need more room: arrange again
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.addLayout(self.left, 3)
        self.columns.addLayout(self.right, 2)
        self.body_scroll = QScrollArea()
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body_scroll.setWidget(body)
        self.body_scroll.setAccessibleName("Replay of your answer")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body_scroll)

    @property
    def side_by_side(self) -> bool:
        return self.columns.direction() is QBoxLayout.Direction.LeftToRight

    def _arrange(self, width: int) -> None:
        needed = self.left.minimumSize().width() + self.columns.spacing() + self.right.minimumSize().width()
        wanted = QBoxLayout.Direction.LeftToRight if width >= needed else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() is not wanted:
            self.columns.setDirection(wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self._arrange(self.width())
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.body and event.type() == QEvent.Type.LayoutRequest:
            self._arrange(self.width())
        return super().eventFilter(watched, event)

    def show_answer(
        self,
        captured: CapturedAnswer,
        media: MirrorMedia,
        question_text: str,
        target: TargetRange,
        *,
        play: bool = True,
    ) -> None:
        """Shows the answer and, with `play`, starts the replay at once."""
        self.transcript.show_report(captured.report)
        step = Step(1, 1, StepKind.QUESTION, question_text, target, "", "")
        self.summary.show_outcome(AnswerOutcome.from_captured(step, captured))
        if media.log.cues:
            shown = "; ".join(f"{clock(cue.at_s)} {cue.text}" for cue in media.log.cues)
            self.cues.setText(f"Cues while you answered: {shown}")
        else:
            self.cues.setText("No cues were shown during this answer.")
        self.video.set_media(media)
        self.playback.set_source(captured.audio_path, captured.duration_s, "The recording of this answer is missing.")
        if play:
            self.playback.play(0.0)

    def _position(self, seconds: float | None) -> None:
        self.transcript.show_position(seconds)
        index = self.transcript.playing_word
        if index is not None:
            rect = self.transcript.word_rect(index)
            self.transcript_scroll.ensureVisible(rect.center().x(), rect.center().y(), 0, 40)

    def stop(self) -> None:
        self.playback.stop()
        self.video.stop()
