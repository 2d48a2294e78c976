"""The course of a solo mock interview: ask, think, answer, report, and on to the next question.

`SessionFlow` owns the order of things and nothing on screen: it reads the question aloud
(InterviewerVoice), records and analyses the answer (AnswerCapture), keeps the session row in
the store (in workers), and tells the page what is happening through signals. The page shows
it and turns keys into calls (`press_space`, `next_question`, `repeat_question`, `end`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from mockint.app.answer import AnswerRequest, AskedQuestion
from mockint.app.answer_result import AnswerNotAnalysedError
from mockint.app.outcome import AnswerOutcome
from mockint.app.practice import PracticeSession, advance_plan, close_session
from mockint.app.practice_options import PracticeOptions
from mockint.core.interview_plan import InterviewPlan, Step
from mockint.core.session import PracticeMode
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import message_for
from mockint.ui.practice.interviewer_voice import InterviewerVoice
from mockint.ui.practice.session_state import AfterSave, Phase, SessionResult
from mockint.ui.workers import FunctionWorker


class SessionFlow(QObject):
    phase_changed = Signal(object)  # the new Phase
    step_started = Signal(object)  # the Step being asked now
    think_time = Signal(float)  # seconds of think time starting now (the page counts them down)
    reader_unavailable = Signal(str)  # why questions cannot be read aloud (once per session)
    answer_started = Signal(object)  # the Step being answered: audio is flowing, the clock runs
    level = Signal(float)  # microphone level 0..1
    elapsed = Signal(float)  # seconds into the answer
    partial = Signal(str)  # live transcript so far
    answer_saved = Signal(object)  # AnswerOutcome of the answer just saved
    answer_failed = Signal(str)  # why the answer could not be recorded (what was recorded is kept)
    failed_to_start = Signal(str)  # why the session could not begin
    session_finished = Signal(object)  # SessionResult

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.phase = Phase.IDLE
        self.options: PracticeOptions | None = None
        self.plan: InterviewPlan | None = None
        self.session_id: int | None = None
        self.outcomes: list[AnswerOutcome] = []
        self.answering: Step | None = None  # the step the current/last capture belongs to
        self._capture: Any = None
        self.voice = InterviewerVoice(context, self)
        self.voice.done.connect(self._reading_done)
        self.voice.unavailable.connect(self.reader_unavailable)
        self._last_saved: Any = None  # the capture that delivered the latest answer
        self._after_save = AfterSave.CONTINUE
        self._generation = 0  # bumps per session so late replies from an old one are ignored

    # ----- state

    @property
    def current_step(self) -> Step | None:
        return None if self.plan is None else self.plan.current

    @property
    def is_active(self) -> bool:
        return self.phase not in (Phase.IDLE, Phase.DONE)

    @property
    def reads_aloud(self) -> bool:
        return bool(self.options and self.options.read_aloud and not self.voice.broken)

    def _set_phase(self, phase: Phase) -> None:
        if phase is not self.phase:
            self.phase = phase
            self.phase_changed.emit(phase)

    # ----- starting

    def start(self, plan: InterviewPlan, options: PracticeOptions) -> None:
        """Creates the session row (in a worker), then asks the first question."""
        store = self.context.store.value
        self._generation += 1
        self.plan, self.options = plan, options
        self.session_id, self.outcomes, self.answering = None, [], None
        self.voice.reset()
        if store is None:
            self._set_phase(Phase.IDLE)
            self.failed_to_start.emit(
                "Your practice history is not open yet, so answers could not be saved. Try again in a moment."
            )
            return
        self._set_phase(Phase.STARTING)
        generation = self._generation
        self.context.workers.start(
            FunctionWorker(PracticeSession.start, store, PracticeMode.SOLO, deck_ids=options.deck_ids),
            on_finished=lambda session: self._session_created(generation, session),
            on_failed=lambda error: self._session_failed(generation, error),
        )

    def _session_created(self, generation: int, session: PracticeSession) -> None:
        if generation != self._generation or self.phase is not Phase.STARTING:
            # Ended before it began: nothing was recorded, so the row goes again.
            store = self.context.store.value
            if store is not None:
                self.context.workers.start(FunctionWorker(close_session, store, session.id))
            return
        self.session_id = session.id
        self._ask()

    def _session_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_phase(Phase.IDLE)
        self.failed_to_start.emit(message_for(error))

    # ----- asking

    def _ask(self) -> None:
        step = self.current_step
        if step is None:
            self._finish()
            return
        self.step_started.emit(step)
        if self.reads_aloud:
            self._set_phase(Phase.READING)
            self.voice.read(step.text)
        else:
            self._think()

    def _reading_done(self) -> None:
        if self.phase is Phase.READING:
            self._think()

    def _stop_reading(self) -> None:
        self.voice.stop()

    def _think(self) -> None:
        seconds = self.options.think_time_s if self.options else 0.0
        if seconds <= 0:
            self._open_microphone()
            return
        self._set_phase(Phase.THINKING)
        self.think_time.emit(seconds)

    # ----- answering

    def begin_answer(self) -> None:
        """Opens the microphone for the current step (think time over, skipped, or a retry)."""
        if self.phase in (Phase.READING, Phase.THINKING, Phase.PROBLEM):
            self._stop_reading()
            self._open_microphone()

    def _open_microphone(self) -> None:
        step = self.current_step
        if step is None or self.session_id is None:
            return
        from mockint.ui.capture.answer_capture import AnswerCapture  # vosk is heavy: loaded when first needed

        self.answering = step
        self._after_save = AfterSave.CONTINUE
        capture = AnswerCapture(self.context, AnswerRequest(self.session_id, AskedQuestion.of_step(step)), self)
        capture.started.connect(self._capture_started)
        capture.level.connect(self.level)
        capture.elapsed.connect(self.elapsed)
        capture.partial.connect(self.partial)
        capture.silence.connect(self._silence)
        capture.finished.connect(lambda captured: self._capture_finished(capture, captured))
        capture.failed.connect(lambda error: self._capture_failed(capture, error))
        self._capture = capture
        self._set_phase(Phase.PREPARING)
        capture.start()

    def _capture_started(self) -> None:
        if self.phase is Phase.PREPARING:
            self._set_phase(Phase.RECORDING)
            self.answer_started.emit(self.answering)

    def _silence(self, seconds: float) -> None:
        limit = self.options.silence_stop_s if self.options else 0.0
        if limit > 0 and seconds >= limit and self.phase is Phase.RECORDING:
            self.stop_answer()

    def stop_answer(self, after: AfterSave = AfterSave.CONTINUE) -> None:
        """Stops the answer; it is saved and analysed, then `after` decides what comes next.

        A plain stop in the answer's first second is taken for an accident and ignored.
        """
        if self.phase in (Phase.PREPARING, Phase.RECORDING):
            if not self._capture.stop(even_if_early=after is not AfterSave.CONTINUE):
                return
            self._after_save = after
            self._set_phase(Phase.SAVING)
        elif self.phase is Phase.SAVING and after is not AfterSave.CONTINUE:
            self._after_save = after

    def _release_capture(self, capture: Any) -> None:
        if capture is self._capture:
            self._capture = None
        capture.deleteLater()

    def _capture_finished(self, capture: Any, captured: Any) -> None:
        self._release_capture(capture)
        self._last_saved = capture
        if self.answering is None or self.plan is None:
            return
        self._answer_kept(AnswerOutcome.from_captured(self.answering, captured))

    def _answer_kept(self, outcome: AnswerOutcome) -> None:
        assert self.plan is not None  # checked by the caller
        self.outcomes.append(outcome)
        advance_plan(
            self.plan,
            length_verdict=outcome.length_verdict,
            word_count=outcome.word_count,
            next_question=self._after_save is AfterSave.NEXT_QUESTION,
        )
        self.answer_saved.emit(outcome)
        self._announce_saved()
        if self.phase is Phase.IDLE:  # aborted while saving: the window is closing
            return
        if self._after_save is AfterSave.END:
            self._finish()
        elif self._after_save is AfterSave.CONTINUE and self.options and self.options.report_after_each:
            self._set_phase(Phase.REPORT)
        else:
            self._ask()

    def _capture_failed(self, capture: Any, error: BaseException) -> None:
        self._release_capture(capture)
        if self.phase is Phase.IDLE:
            return
        if capture is self._last_saved:
            # A fault cut the answer short, and what was heard is saved: say why, carry on.
            self.answer_failed.emit(message_for(error))
            return
        if isinstance(error, AnswerNotAnalysedError) and self.answering is not None:
            # Recorded and saved, only not analysed: it still belongs to the session's answers.
            self.outcomes.append(AnswerOutcome(self.answering, error.answer_id, None, None))
        if self._after_save is AfterSave.END:
            self._finish()
            return
        self._set_phase(Phase.PROBLEM)
        self.answer_failed.emit(message_for(error))

    # ----- keys

    def press_space(self) -> None:
        """Space: start answering (skipping what is left of the reading and think time), stop, or go on."""
        if self.phase in (Phase.READING, Phase.THINKING, Phase.PROBLEM):
            self.begin_answer()
        elif self.phase in (Phase.PREPARING, Phase.RECORDING):
            self.stop_answer()
        elif self.phase is Phase.REPORT:
            self._ask()

    def next_question(self) -> None:
        """N: on to the next planned question (a pending follow-up is left out)."""
        if self.plan is None:
            return
        if self.phase in (Phase.PREPARING, Phase.RECORDING, Phase.SAVING):
            self.stop_answer(AfterSave.NEXT_QUESTION)
        elif self.phase in (Phase.READING, Phase.THINKING, Phase.PROBLEM):
            self._stop_reading()
            self.plan.next_question()
            self._ask()
        elif self.phase is Phase.REPORT:
            step = self.plan.current
            if step is not None and step.is_follow_up:
                self.plan.next_question()
            self._ask()

    def repeat_question(self) -> None:
        """R: ask the question again (read aloud, then think time afresh); not while answering."""
        if self.phase in (Phase.READING, Phase.THINKING, Phase.PROBLEM):
            self._stop_reading()
            self._ask()

    def end(self) -> None:
        """Ends the session (after the page asked the user); an answer in progress is kept."""
        if self.phase in (Phase.PREPARING, Phase.RECORDING, Phase.SAVING):
            self.stop_answer(AfterSave.END)
        elif self.phase is Phase.STARTING:
            self._generation += 1
            self._set_phase(Phase.IDLE)
        elif self.is_active and self.phase is not Phase.ENDING:
            self._stop_reading()
            self._finish()

    def abort(self) -> None:
        """The window is closing: keep what was recorded, close the session, wait for nothing."""
        self._stop_reading()
        if self._capture is not None:
            self._capture.abort()
        if self.session_id is not None and self.phase not in (Phase.DONE, Phase.ENDING, Phase.IDLE):
            self._close_in_background(self._generation, forget_if_empty=False)
        self._generation += 1
        self._set_phase(Phase.IDLE)

    # ----- ending

    def _finish(self) -> None:
        self._set_phase(Phase.ENDING)
        if self.session_id is None:
            self._finished(self._generation)
            return
        self._close_in_background(self._generation)

    def _close_in_background(self, generation: int, *, forget_if_empty: bool = True) -> None:
        store = self.context.store.value
        if store is None:
            self._finished(generation)
            return
        self.context.workers.start(
            FunctionWorker(close_session, store, self.session_id, forget_if_empty=forget_if_empty),
            on_finished=lambda _result: self._finished(generation),
            on_failed=lambda error: self._close_failed(generation, error),
        )

    def _close_failed(self, generation: int, error: BaseException) -> None:
        # The answers are saved already; only the end time is missing. Say so, do not stop.
        self.context.events.status_message.emit(f"The session's end time was not saved: {message_for(error)}")
        self._finished(generation)

    def _finished(self, generation: int) -> None:
        if generation != self._generation or self.phase is not Phase.ENDING:
            return
        self._set_phase(Phase.DONE)
        self._announce_saved()
        self.session_finished.emit(SessionResult(self.session_id, tuple(self.outcomes)))

    def _announce_saved(self) -> None:
        self.context.events.sessions_changed.emit()
