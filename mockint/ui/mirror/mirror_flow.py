"""Runs mirror answers in the window: the app layer's `AnswerCapture` for the audio and the report,
the `MirrorVideo` for the picture and its recording, and the pure cue scheduler for the cues.

One mirror session per visit to the page; each Space press starts or stops one answer. The audio
never depends on the video: a lost camera or a full disk ends the video with a line, the answer
goes on. When an answer is saved, its cue log is written beside it (in a worker) and
`replay_ready` hands the page everything the instant replay needs.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from mockint.analysis_options import analysis_options
from mockint.app.answer import AskedQuestion
from mockint.app.answer_result import CapturedAnswer
from mockint.app.mirror import MirrorLog, MirrorMedia, MirrorSetup, load_mirror_media, save_mirror_log
from mockint.app.practice import PracticeSession, close_session
from mockint.core.errors import UserFacingError
from mockint.core.mirror_cues import CueRules, LiveWindow, ShownCue, count_live_fillers, next_cue, visible_cue
from mockint.core.session import PracticeMode
from mockint.settings import Setting
from mockint.speech.devices import find_input_device
from mockint.store import Store
from mockint.ui.background import ResourceState
from mockint.ui.capture.answer_capture import AnswerCapture
from mockint.ui.context import AppContext
from mockint.ui.mirror.video_feed import MirrorVideo
from mockint.ui.workers import FunctionWorker

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Replay:
    """One saved mirror answer, ready for the instant replay."""

    captured: CapturedAnswer
    media: MirrorMedia
    setup: MirrorSetup
    stopped_at: float  # time.monotonic() of the Stop press, for the replay's start figure


def _open_session(store: Store, device: str | None) -> PracticeSession:
    find_input_device(device)  # NoMicrophoneError before any row is made
    return PracticeSession.start(store, PracticeMode.MIRROR, title="Mirror practice")


def _save_and_load(store: Store, answer_id: int, mirror_log: MirrorLog) -> MirrorMedia:
    save_mirror_log(store, answer_id, mirror_log)
    return load_mirror_media(store, answer_id)


class MirrorFlow(QObject):
    answer_started = Signal()
    elapsed = Signal(float)
    level = Signal(float)
    cue = Signal(str)  # the cue text to show now, "" to clear it
    fillers = Signal(int)
    note = Signal(str)  # one line for the page: the video stopped, the answer failed
    answering_changed = Signal(bool)
    replay_ready = Signal(object)  # Replay
    failed = Signal(str)

    def __init__(self, context: AppContext, video: MirrorVideo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.video = video
        self.session: PracticeSession | None = None
        self.capture: AnswerCapture | None = None
        self.setup: MirrorSetup | None = None
        self.shown: list[ShownCue] = []
        self.rules = CueRules()
        self.window = LiveWindow(self.rules)
        self._fillers: frozenset[str] = frozenset()
        self._text = ""
        self._video_offset: float | None = None
        self._video_note = ""
        self._had_camera = False
        self._captured: CapturedAnswer | None = None
        self._video_pending = False
        self._stopped_at = 0.0
        self._opening = False
        self._last_level = 0.0
        self._last_silence = 0.0
        video.recording_started.connect(self._video_started)
        video.recording_stopped.connect(self._video_stopped)
        video.recording_failed.connect(self._video_failed)
        video.source_lost.connect(self._video_failed)

    @property
    def answering(self) -> bool:
        return self.capture is not None and self.capture.is_recording

    @property
    def busy(self) -> bool:
        """An answer is being recorded or saved (a new one cannot start yet)."""
        return self._opening or self.capture is not None

    # ----- start and stop

    def toggle(self, setup: MirrorSetup) -> None:
        if self.answering:
            self.stop()
        elif not self.busy:
            self.start(setup)

    def start(self, setup: MirrorSetup) -> None:
        self.setup = setup
        if self.session is not None:
            self._begin_answer()
            return
        store = self.context.store
        if store.state is not ResourceState.READY or store.value is None:
            store.load_once()
            self.failed.emit("Your practice history is still opening; press Space again in a moment.")
            return
        self._opening = True
        worker = FunctionWorker(_open_session, store.value, self.context.settings.get(Setting.INPUT_DEVICE))
        self.context.workers.start(worker, on_finished=self._session_open, on_failed=self._open_failed)

    def _session_open(self, session: PracticeSession) -> None:
        self._opening = False
        self.session = session
        self._begin_answer()

    def _open_failed(self, error: BaseException) -> None:
        self._opening = False
        self.failed.emit(
            error.user_message if isinstance(error, UserFacingError) else "Mirror practice could not start."
        )

    def _begin_answer(self) -> None:
        assert self.session is not None and self.setup is not None
        setup = self.setup
        question = AskedQuestion(setup.question_text, setup.target, setup.question_id, setup.deck_id, setup.language)
        lexicon, thresholds = analysis_options(self.context.settings, setup.language)
        self._fillers = frozenset(lexicon.filled_pauses | lexicon.always_fillers)
        self.rules = CueRules(fast_wpm=float(thresholds.fast_wpm))  # "too fast" as the report says it
        self.window = LiveWindow(self.rules)
        self.shown, self._text = [], ""
        self._video_offset, self._video_note, self._captured = None, "", None
        self._video_pending = False
        capture = AnswerCapture(self.context, self.session.request(question), self)
        self.capture = capture
        capture.started.connect(self._answer_started)
        capture.level.connect(self._level)
        capture.silence.connect(self._silence)
        capture.elapsed.connect(self._elapsed)
        capture.partial.connect(self._partial)
        capture.finished.connect(self._answer_saved)
        capture.failed.connect(self._answer_failed)
        capture.start()
        self.answering_changed.emit(True)

    def stop(self) -> bool:
        capture = self.capture
        if capture is None or not capture.stop():
            return False
        self._stopped_at = time.monotonic()
        self.video.stop_recording()
        self.cue.emit("")
        self.answering_changed.emit(False)
        return True

    # ----- live

    def _answer_started(self) -> None:
        capture = self.capture
        if capture is None or capture.answer_id is None:
            return
        self._had_camera = self.video.has_source
        store = self.context.store.value
        if self.context.settings.get(Setting.MIRROR_KEEP_VIDEO) and self.video.has_source and store is not None:
            self._video_pending = self.video.start_recording(store.recordings.video_path_for(capture.answer_id))
        self.answer_started.emit()

    def _video_started(self) -> None:
        if self.capture is not None and self._video_offset is None:
            self._video_offset = self.capture.elapsed_s  # where the video starts on the audio's clock

    def _video_failed(self, message: str) -> None:
        if self.capture is not None:
            self._video_note = message
        self.note.emit(message)

    def _video_stopped(self, _path: Path | None) -> None:
        self._video_pending = False
        if self._captured is not None:
            self._save(self._captured)

    def _level(self, level: float) -> None:
        self._last_level = level
        self.level.emit(level)

    def _silence(self, seconds: float) -> None:
        self._last_silence = seconds

    def _partial(self, text: str) -> None:
        self._text = text

    def _elapsed(self, seconds: float) -> None:
        self.elapsed.emit(seconds)
        capture = self.capture
        if capture is None:
            return
        words = self._text.split()
        filler_count = count_live_fillers(words, self._fillers)
        self.fillers.emit(filler_count)
        self.window.add(seconds, self._last_level, len(words), filler_count, self._last_silence)
        if not self.context.settings.get(Setting.MIRROR_CUES):
            return
        chosen = next_cue(self.window.figures(), self.shown, self.rules)
        if chosen is not None:
            self.shown.append(ShownCue(chosen, seconds))
        visible = visible_cue(self.shown, seconds, self.rules)
        self.cue.emit(visible.text if visible is not None else "")

    # ----- the end of an answer

    def _answer_saved(self, captured: CapturedAnswer) -> None:
        self._captured = captured
        if not self._video_pending:
            self._save(captured)

    def _save(self, captured: CapturedAnswer) -> None:
        store = self.context.store.value
        if store is None:
            return
        mirror_log = MirrorLog(tuple(self.shown), self._video_offset or 0.0, self._video_note, self._had_camera)
        setup, stopped_at = self.setup, self._stopped_at
        self._captured = None
        worker = FunctionWorker(_save_and_load, store, captured.answer_id, mirror_log)

        def saved(media: MirrorMedia) -> None:
            self.capture = None
            assert setup is not None
            self.replay_ready.emit(Replay(captured, media, setup, stopped_at))

        def not_saved(error: BaseException) -> None:
            self.capture = None
            self.note.emit(error.user_message if isinstance(error, UserFacingError) else "The cue log was not saved.")
            assert setup is not None
            self.replay_ready.emit(Replay(captured, MirrorMedia(None, mirror_log), setup, stopped_at))

        self.context.workers.start(worker, on_finished=saved, on_failed=not_saved)

    def _answer_failed(self, error: BaseException) -> None:
        message = error.user_message if isinstance(error, UserFacingError) else "The answer could not be recorded."
        self.note.emit(message)
        if self.capture is not None and not self.capture.is_recording and self._captured is None:
            self.video.stop_recording()
            self.capture = None
            self.answering_changed.emit(False)
        self.failed.emit(message)

    # ----- leaving

    def end_session(self) -> None:
        """The user left the page or closes the window: the answer so far is kept."""
        if self.capture is not None:
            self.capture.abort()
            self.capture = None
        self.video.stop_recording()
        session, self.session = self.session, None
        store = self.context.store.value
        if session is not None and store is not None:
            worker = FunctionWorker(close_session, store, session.id, forget_if_empty=False)
            self.context.workers.start(worker, on_failed=lambda e: log.warning("closing the mirror session: %s", e))
