"""The Mirror page: choose a question (or rehearse freely), press Space, answer to your mirrored
picture with a few calm cues, press Space again, and watch the replay at once.

The camera opens when the page is shown and closes when the user leaves it. Without a usable
camera the page says why in one line and is a voice mirror (waveform, timer, the same cues).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mockint.app.mirror import (
    FREE_REHEARSAL_TEXT,
    MirrorSetup,
    delete_old_videos,
    free_rehearsal,
    question_pool,
    search_questions,
    setup_for,
)
from mockint.core.decks import DeckLoad
from mockint.core.formatting import target_text
from mockint.core.interview_plan import PlannedQuestion
from mockint.settings import Setting
from mockint.ui.background import ResourceState
from mockint.ui.context import AppContext
from mockint.ui.friend.pick_dialog import PickQuestionDialog
from mockint.ui.mirror.generated_frames import GeneratedFrames
from mockint.ui.mirror.mirror_flow import MirrorFlow, Replay
from mockint.ui.mirror.mirror_view import MirrorView
from mockint.ui.mirror.replay_panel import ReplayPanel
from mockint.ui.mirror.video_feed import MirrorVideo, chosen_camera
from mockint.ui.widgets.labels import text_label
from mockint.ui.widgets.page_header import PageHeader
from mockint.ui.widgets.window_hooks import WindowClosingHook
from mockint.ui.workers import FunctionWorker

DEFAULT_FREE_S = 60


class MirrorPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.video = MirrorVideo(self)
        self.flow = MirrorFlow(context, self.video, self)
        self.pool: list[PlannedQuestion] = []
        self.picked: PlannedQuestion | None = None
        self.frames: GeneratedFrames | None = None
        # Tests and screenshots put generated pictures where the camera would be.
        self.frame_source: Callable[[MirrorVideo], GeneratedFrames] | None = None
        self.last_replay: Replay | None = None
        self.pick_dialog: PickQuestionDialog | None = None
        self._closing_hook = WindowClosingHook(self.abort_session)
        self._end_session_when_saved = False  # the user left while the last answer was being saved
        self._build()
        self.flow.answering_changed.connect(self._answering_changed)
        self.flow.elapsed.connect(self.mirror.set_elapsed)
        self.flow.level.connect(self.mirror.add_level)
        self.flow.cue.connect(self.mirror.show_cue)
        self.flow.fillers.connect(self._fillers)
        self.flow.note.connect(self._note)
        self.flow.failed.connect(self.status.setText)
        self.flow.replay_ready.connect(self.show_replay)
        self.video.frame.connect(self.mirror.show_frame)
        self.video.source_lost.connect(self.mirror.become_voice_mirror)
        self.video.camera_refused.connect(lambda problem: self.mirror.become_voice_mirror(problem.value))
        context.decks.ready.connect(self._decks_loaded)
        if context.decks.state is ResourceState.READY and context.decks.value is not None:
            self._decks_loaded(context.decks.value)
        context.decks.load_once()
        self._show_choice()

    def _build(self) -> None:
        header = PageHeader("Mirror practice", "See yourself answer, with a few calm cues, then watch the replay.")
        self.choose = QPushButton("Choose a question…")
        self.choose.setAccessibleName("Choose a question")
        self.choose.clicked.connect(self.open_picker)
        self.free = QCheckBox("Free rehearsal")
        self.free.setAccessibleName("Free rehearsal")
        self.free.setToolTip("No deck question: rehearse anything, such as 'tell me about yourself'")
        self.free.setChecked(True)
        self.free.toggled.connect(lambda _on: self._show_choice())
        self.target = QSpinBox()
        self.target.setRange(10, 600)
        self.target.setSingleStep(10)
        self.target.setValue(DEFAULT_FREE_S)
        self.target.setSuffix(" s")
        self.target.setAccessibleName("Target length in seconds")
        self.target.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.target.valueChanged.connect(lambda _v: self._show_choice())
        self.cues = QCheckBox("Cues")
        self.cues.setAccessibleName("Show calm cues while answering")
        self.cues.setChecked(bool(self.context.settings.get(Setting.MIRROR_CUES)))
        self.cues.toggled.connect(lambda on: self.context.set_setting(Setting.MIRROR_CUES, on))
        self.filler_count = QCheckBox("Filler count")
        self.filler_count.setAccessibleName("Show a small filler count")
        self.filler_count.setChecked(bool(self.context.settings.get(Setting.MIRROR_FILLER_COUNT)))
        self.filler_count.toggled.connect(self._filler_count_toggled)
        self.start_button = QPushButton("Start (Space)")
        self.start_button.setAccessibleName("Start answering")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.toggle)
        header.add_action(self.start_button)
        self.mirror = MirrorView()
        self.replay = ReplayPanel(self.context)
        self.replay.again_requested.connect(self.back_to_mirror)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.mirror)
        self.stack.addWidget(self.replay)
        self.status = text_label("", name="hint", role="Mirror status", wrap=True)
        row = QHBoxLayout()
        for widget in (self.choose, self.free, text_label("Target:"), self.target, self.cues, self.filler_count):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(header)
        layout.addLayout(row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)

    # ----- the question

    def _decks_loaded(self, load: DeckLoad) -> None:
        self.pool = question_pool(load.decks)

    def open_picker(self) -> PickQuestionDialog:
        dialog = PickQuestionDialog(lambda text: search_questions(self.pool, text), self)
        dialog.setWindowTitle("Choose a question")
        dialog.picked.connect(self.pick)
        self.pick_dialog = dialog
        dialog.open()
        return dialog

    def pick(self, deck_id: str, question_id: str) -> None:
        found = next((p for p in self.pool if (p.deck_id, p.question.id) == (deck_id, question_id)), None)
        if found is not None:
            self.picked = found
            self.free.setChecked(False)
            self._show_choice()

    def current_setup(self) -> MirrorSetup:
        if self.picked is not None and not self.free.isChecked():
            return setup_for(self.picked)
        return free_rehearsal(self.target.value())

    def _show_choice(self) -> None:
        setup = self.current_setup()
        self.target.setEnabled(self.free.isChecked() or self.picked is None)
        target = target_text(setup.target)
        self.mirror.set_question("" if setup.question_text == FREE_REHEARSAL_TEXT else setup.question_text, target)

    # ----- answering

    def toggle(self) -> None:
        if self.stack.currentWidget() is self.replay:
            self.back_to_mirror()
            if self.flow.busy:
                return
        self.status.setText("")
        self.flow.toggle(self.current_setup())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Space starts and stops wherever the focus is on the page (a focused button or box
        # takes Space itself first: the Start button does the same, a tick box ticks).
        if event.key() == Qt.Key.Key_Space and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            event.accept()
            self.toggle()
            return
        super().keyPressEvent(event)

    def _answering_changed(self, answering: bool) -> None:
        self.start_button.setText("Stop (Space)" if answering else "Start (Space)")
        self.start_button.setAccessibleName("Stop answering" if answering else "Start answering")
        for widget in (self.choose, self.free, self.target):
            widget.setEnabled(not answering)
        if answering:
            self.mirror.set_elapsed(0.0)
            self.mirror.set_filler_count(0 if self.filler_count.isChecked() else None)
        else:
            self.status.setText("Saving your answer…")

    def _fillers(self, count: int) -> None:
        self.mirror.set_filler_count(count if self.filler_count.isChecked() else None)

    def _filler_count_toggled(self, on: bool) -> None:
        self.context.set_setting(Setting.MIRROR_FILLER_COUNT, on)
        if not on:
            self.mirror.set_filler_count(None)

    def _note(self, message: str) -> None:
        self.status.setText(message)

    def show_replay(self, replay: Replay) -> None:
        self.last_replay = replay
        if self._end_session_when_saved:
            self._end_session_when_saved = False
            self.flow.end_session()
            return
        self.status.setText("Your answer is saved. The replay plays now; Space answers again.")
        self.stack.setCurrentWidget(self.replay)
        self.replay.show_answer(replay.captured, replay.media, replay.setup.question_text, replay.setup.target)
        self.start_button.setText("Answer again (Space)")
        self.start_button.setAccessibleName("Answer again")

    def back_to_mirror(self) -> None:
        self.replay.stop()
        self.stack.setCurrentWidget(self.mirror)
        self.start_button.setText("Start (Space)")
        self.start_button.setAccessibleName("Start answering")

    # ----- the camera: open on this page only

    def open_camera(self) -> None:
        if self.video.has_source:
            return
        self.mirror.set_note("")
        if self.frame_source is not None:
            self.frames = self.frame_source(self.video)
            self.frames.ended.connect(self.video.end_source)
            self.frames.start()
            return
        device, problem = chosen_camera(self.context.settings.get(Setting.MIRROR_CAMERA))
        if device is None:
            self.mirror.become_voice_mirror(problem.value if problem is not None else "")
            return
        self.video.use_camera(device)

    def close_camera(self) -> None:
        if self.frames is not None:
            self.frames.ended.disconnect(self.video.end_source)  # leaving is not a lost camera
            self.frames.end()
            self.frames = None
        self.video.close_source()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._end_session_when_saved = False
        self.open_camera()
        self._prune_old_videos()
        self.mirror.setFocus()
        self._closing_hook.attach(self)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        if self.flow.answering:
            self.flow.stop()  # leaving ends the answer: it is saved
        self.replay.stop()
        self.close_camera()
        # The session ends when the user leaves the page (once the last answer is saved).
        if self.flow.busy:
            self._end_session_when_saved = True
        else:
            self.flow.end_session()

    def abort_session(self) -> None:
        """The window is closing: what was recorded is kept, nothing waits."""
        self.flow.end_session()
        self.close_camera()

    def _prune_old_videos(self) -> None:
        days = int(self.context.settings.get(Setting.MIRROR_VIDEO_DAYS) or 0)
        store = self.context.store.value
        if days > 0 and store is not None:
            self.context.workers.start(FunctionWorker(delete_old_videos, store, days))
