"""Practising from the after-interview page: a plan item's questions, or one story, answered out loud.

The same answer pipeline as every mode (`AnswerCapture` over `app/answer.py`): the session is
created in a worker (tagged with the plan item, which is what ticks it), each answer is recorded
until Stop, then analysed and saved. A story's notes are on screen while the user thinks, and
hidden once they speak; the result says which STAR parts were heard.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from mockint.app import after_interview
from mockint.app.answer import AskedQuestion
from mockint.app.answer_result import CapturedAnswer
from mockint.app.practice import PracticeSession, close_session
from mockint.core.debrief.compare import star_parts_heard
from mockint.core.debrief.model import InterviewDebrief, Story
from mockint.core.debrief.plan import PlanItem, PlanKind
from mockint.core.formatting import clock, target_text
from mockint.store import Store
from mockint.ui.after_interview.widgets import button, heading, message, show_message
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import message_for
from mockint.ui.widgets.labels import text_label
from mockint.ui.workers import FunctionWorker

_LENGTH_WORDS = {"ok": "within its target", "too_short": "too short for its target", "too_long": "over its target"}


class PracticePanel(QWidget):
    finished = Signal(object)  # the session id, or None when nothing was started
    answer_saved = Signal(object)  # CapturedAnswer

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session: PracticeSession | None = None
        self.questions: list[AskedQuestion] = []
        self.index = 0
        self.notes_text = ""
        self.report_star = False
        self.capture: Any = None
        self.title = heading("")
        self.progress = text_label("", role="Question number")
        self.question = text_label("", name="practiceQuestion", role="Question to answer", wrap=True)
        self.target = text_label("", role="Target length")
        self.notes = text_label("", name="storyNotes", role="Your story's notes, shown while you think", wrap=True)
        self.status = text_label("", role="Recording status", wrap=True)
        self.live = text_label("", role="What was heard so far", wrap=True)
        self.result = text_label("", name="practiceResult", role="How the answer went", wrap=True)
        self.problem = message("Problem")
        self.record = button("Start answer", "Opens the microphone; press again to stop")
        self.record.clicked.connect(self.toggle_recording)
        self.next = button("Next question")
        self.next.clicked.connect(self._next)
        self.finish = button("Finish", "Ends this practice and saves it")
        self.finish.clicked.connect(self.end)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record)
        buttons.addWidget(self.next)
        buttons.addStretch(1)
        buttons.addWidget(self.finish)
        layout = QVBoxLayout(self)
        for widget in (
            self.title,
            self.progress,
            self.question,
            self.target,
            self.notes,
            self.status,
            self.live,
            self.result,
            self.problem,
        ):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addStretch(1)

    # ----- starting

    def start(
        self,
        title: str,
        open_session: Callable[[Store], PracticeSession],
        questions: Sequence[AskedQuestion],
        *,
        notes: str = "",
        report_star: bool = False,
    ) -> None:
        store = self.context.store.value
        self.questions, self.index, self.notes_text, self.report_star = list(questions), 0, notes, report_star
        self.title.setText(title)
        self.result.clear()
        self.live.clear()
        show_message(self.problem, "")
        if store is None or not self.questions:
            show_message(
                self.problem,
                "Nothing to practise yet." if store is not None else "Your practice history is not open yet.",
            )
            return
        self.record.setEnabled(False)
        self.status.setText("Getting ready\u2026")
        self.context.workers.start(
            FunctionWorker(open_session, store), on_finished=self._opened, on_failed=self._failed_to_open
        )

    def start_plan_item(self, debrief: InterviewDebrief, item: PlanItem, stories: Sequence[Story]) -> None:
        """A plan item's questions; a story item shows the linked stories' notes while thinking."""
        notes = ""
        if item.kind is PlanKind.STORY:
            linked = {i.story_id for i in debrief.items if i.story_id is not None}
            notes = "\n\n".join(s.notes() for s in stories if s.id in linked)
        self.start(
            item.title,
            lambda store: after_interview.start_plan_practice(store, debrief, item),
            [after_interview.asked(entry) for entry in item.questions],
            notes=notes,
            report_star=item.kind is PlanKind.STORY,
        )

    def start_story(self, story: Story) -> None:
        """ "Practise this story": one answer against 60-120 s, the story's notes shown while thinking."""
        self.start(
            f"Practise this story: {story.title}",
            lambda store: after_interview.start_story_practice(store, story),
            [after_interview.story_question(story)],
            notes=story.notes(),
            report_star=True,
        )

    def _opened(self, session: PracticeSession) -> None:
        self.session = session
        self._show_question()

    def _failed_to_open(self, error: BaseException) -> None:
        show_message(self.problem, message_for(error))
        self.status.clear()

    def _show_question(self) -> None:
        question = self.questions[self.index]
        self.progress.setText(f"Question {self.index + 1} of {len(self.questions)}")
        self.question.setText(question.text)
        self.target.setText(f"Target {target_text(question.target)}")
        self.notes.setText(self.notes_text)
        self.notes.setVisible(bool(self.notes_text))
        self.status.setText("Think first, then press Start answer.")
        self.record.setText("Start answer")
        self.record.setAccessibleName("Start answer")
        self.record.setEnabled(True)
        self.next.setEnabled(False)
        self.record.setFocus()

    # ----- answering

    def toggle_recording(self) -> None:
        if self.capture is not None:
            if self.capture.stop():
                self.record.setEnabled(False)
                self.status.setText("Analysing the answer\u2026")
            return
        if self.session is None:
            return
        from mockint.ui.capture.answer_capture import AnswerCapture  # vosk is heavy: loaded when first needed

        capture = AnswerCapture(self.context, self.session.request(self.questions[self.index]), self)
        capture.started.connect(self._started)
        capture.elapsed.connect(lambda s: self.status.setText(f"Recording: {clock(s)}. Press Stop answer when done."))
        capture.partial.connect(self.live.setText)
        capture.finished.connect(self._saved)
        capture.failed.connect(self._capture_failed)
        self.capture = capture
        self.record.setText("Stop answer")
        self.record.setAccessibleName("Stop answer")
        self.notes.hide()  # the notes help while thinking; the answer is told without them
        self.status.setText("Opening the microphone\u2026")
        capture.start()

    def _started(self) -> None:
        self.status.setText("Recording. Press Stop answer when done.")

    def _saved(self, captured: CapturedAnswer) -> None:
        self._release()
        report = captured.report
        verdict = report.length.verdict.value if report.length.verdict else None
        parts = [f"Saved: {report.metrics.word_count} words, {clock(report.metrics.duration_s)}"]
        if verdict in _LENGTH_WORDS:
            parts.append(_LENGTH_WORDS[verdict])
        if report.metrics.fillers_per_min is not None:
            parts.append(f"{report.metrics.fillers_per_min:.1f} fillers a minute")
        text = ", ".join(parts) + "."
        if self.report_star:
            text += " " + star_parts_heard(report)
        self.result.setText(text)
        self.status.setText("Answer saved.")
        self._after_answer()
        self.answer_saved.emit(captured)

    def _capture_failed(self, error: BaseException) -> None:
        self._release()
        show_message(self.problem, message_for(error))
        self.status.setText("The answer was not analysed.")
        self._after_answer()

    def _after_answer(self) -> None:
        last = self.index + 1 >= len(self.questions)
        self.next.setEnabled(not last)
        self.record.setText("Answer again")
        self.record.setAccessibleName("Answer again")
        self.record.setEnabled(True)
        (self.finish if last else self.next).setFocus()

    def _release(self) -> None:
        if self.capture is not None:
            self.capture.deleteLater()
            self.capture = None

    def _next(self) -> None:
        if self.index + 1 < len(self.questions):
            self.index += 1
            self.result.clear()
            self.live.clear()
            self._show_question()

    # ----- ending

    def end(self) -> None:
        if self.capture is not None:
            self.capture.stop(even_if_early=True)
            return  # the answer is saved first; Finish again then ends
        session, self.session = self.session, None
        store = self.context.store.value
        if session is None or store is None:
            self.finished.emit(None)
            return
        self.context.workers.start(
            FunctionWorker(close_session, store, session.id),
            on_finished=lambda _r: self._closed(session.id),
            on_failed=lambda _e: self._closed(session.id),
        )

    def _closed(self, session_id: int) -> None:
        self.context.events.sessions_changed.emit()
        self.finished.emit(session_id)

    def abort(self) -> None:
        """The window is closing: what was recorded is kept."""
        if self.capture is not None:
            self.capture.abort()
        if self.session is not None and self.context.store.value is not None:
            self.context.workers.start(
                FunctionWorker(close_session, self.context.store.value, self.session.id, forget_if_empty=False)
            )
            self.session = None

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Space and self.record.isEnabled():
            self.toggle_recording()
            return
        super().keyPressEvent(event)
