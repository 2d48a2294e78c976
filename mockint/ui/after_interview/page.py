"""The "After an interview" page: debrief a real interview, rectify it with a plan, keep stories,
write the follow-up note, and see the big picture.

Everything the page reads or writes goes through app/after_interview.py in workers; the GUI
thread only shows results. The debrief is saved as you type (half a second after the last
change), and only when it is sound: otherwise the inline message says why, and nothing broken
is stored.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mockint.app import after_interview as app
from mockint.app.store_warnings import Loaded, with_warnings
from mockint.core.analysis import Thresholds
from mockint.core.debrief.model import InterviewDebrief, Story
from mockint.core.debrief.plan import PlanItem
from mockint.core.decks import Deck, DeckLoad
from mockint.ui.after_interview.debrief_tab import DebriefTab
from mockint.ui.after_interview.note_view import NoteView
from mockint.ui.after_interview.plan_view import PlanView
from mockint.ui.after_interview.practice_panel import PracticePanel
from mockint.ui.after_interview.progress_view import ProgressView
from mockint.ui.after_interview.stories_view import StoriesView
from mockint.ui.after_interview.widgets import named, show_message
from mockint.ui.background import ResourceState
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import message_for
from mockint.ui.widgets.page_header import PageHeader
from mockint.ui.widgets.skipped_rows_notice import SkippedRowsNotice
from mockint.ui.widgets.window_hooks import WindowClosingHook, show_window_page
from mockint.ui.workers import FunctionWorker

SAVE_DELAY_MS = 500
PAGE_TITLE = "After an interview"
FRIEND_PAGE_KEY = "friend"


class AfterInterviewPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.decks: list[Deck] = []
        self.debriefs: list[InterviewDebrief] = []
        self.stories: list[Story] = []
        self.current = InterviewDebrief()
        self.plan: app.DebriefPlan | None = None
        self._built_from: int | None = None
        self._saving = False
        self._save_again = False
        self._editing = 0  # bumps when another debrief is opened: a late save reply is then not adopted
        self._closing_hook = WindowClosingHook(self._closing)
        self.loads = 0  # finished loads: tests wait on it
        self.skipped_rows = SkippedRowsNotice(self, PAGE_TITLE)

        header = PageHeader(
            PAGE_TITLE,
            "Debrief it, practise what went wrong, send a short follow-up note, and see how far you have come.",
        )
        self.tabs = named(QTabWidget(), "After an interview")
        debrief_tab = DebriefTab()
        self.form, self.list = debrief_tab.form, debrief_tab.list
        self.new, self.delete = debrief_tab.new, debrief_tab.delete
        self.problem, self.saved, self.gone = debrief_tab.problem, debrief_tab.saved, debrief_tab.gone
        self.list.currentItemChanged.connect(self._debrief_picked)
        self.new.clicked.connect(self.new_debrief)
        self.delete.clicked.connect(lambda: self.delete_current())

        self.plan_view = PlanView()
        plan_scroll = QScrollArea()
        plan_scroll.setWidgetResizable(True)
        plan_scroll.setWidget(self.plan_view)
        self.stories_view = StoriesView()
        self.note_view = NoteView()
        self.progress_view = ProgressView()
        self.tabs.addTab(debrief_tab, "Debrief")
        self.tabs.addTab(plan_scroll, "Plan")
        self.tabs.addTab(self.stories_view, "Stories")
        self.tabs.addTab(self.note_view, "Follow-up note")
        self.tabs.addTab(self.progress_view, "Progress")

        self.practice = PracticePanel(context)
        practice_view = QWidget()
        practice_layout = QVBoxLayout(practice_view)
        practice_layout.addWidget(self.practice, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(practice_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)

        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        self.form.edited.connect(self._save_timer.start)
        self.note_view.edited.connect(self._save_timer.start)
        self.note_view.draft_requested.connect(self.draft_note)
        self.plan_view.practise_requested.connect(self.practise_item)
        self.plan_view.friend_requested.connect(lambda: show_window_page(self, FRIEND_PAGE_KEY))
        self.plan_view.tick_changed.connect(self._tick)
        self.stories_view.save_requested.connect(self._save_story)
        self.stories_view.delete_requested.connect(self._delete_story)
        self.stories_view.practise_requested.connect(self.practise_story)
        self.progress_view.compare_requested.connect(self._compare)
        self.practice.finished.connect(self._practice_finished)
        context.events.sessions_changed.connect(self.refresh)
        context.decks.ready.connect(self._decks_loaded)
        if context.decks.state is ResourceState.READY and context.decks.value is not None:
            self._decks_loaded(context.decks.value)
        context.decks.load_once()
        context.store.ready.connect(lambda _s: self.refresh())
        if context.store.value is not None:
            self.refresh()

    # ----- loading

    def _decks_loaded(self, load: DeckLoad) -> None:
        self.decks = list(load.decks)
        self.form.set_decks(self.decks)
        self.refresh()

    def refresh(self) -> None:
        store = self.context.store.value
        if store is None:
            return
        self.context.workers.start(
            FunctionWorker(app.load_page_data, store, list(self.decks), self.current.id, date.today()),
            on_finished=self._loaded,
            on_failed=lambda error: show_message(self.problem, message_for(error)),
        )

    def _loaded(self, loaded: app.PageData) -> None:
        self.debriefs, self.stories, self.plan = list(loaded.debriefs), list(loaded.stories), loaded.plan
        self.list.blockSignals(True)
        self.list.clear()
        for debrief in loaded.debriefs:
            entry = QListWidgetItem(debrief.title)
            entry.setData(Qt.ItemDataRole.UserRole, debrief.id)
            self.list.addItem(entry)
            if debrief.id == self.current.id:
                self.list.setCurrentItem(entry)
        self.list.blockSignals(False)
        self.delete.setEnabled(self.current.id is not None)
        show_message(self.gone, " ".join(loaded.plan.gone) if loaded.plan else "")
        if self.current.id is None:
            self.plan_view.show_plan(None)
        else:
            self.plan_view.show_plan(loaded.plan)
        self.stories_view.show_stories(loaded.stories)
        self.note_view.show_choices(loaded.strengths, self.current.follow_up.strengths)
        self.progress_view.show_summary(loaded.progress, loaded.compare_questions)
        # Damaged rows these reads skipped (theirs alone), named once a visit; while the page is
        # hidden, when it is next shown.
        self.skipped_rows.tell(loaded.warnings)
        self.loads += 1

    # ----- the debrief

    def new_debrief(self) -> None:
        self.save_now()
        self._editing += 1
        self.current = InterviewDebrief()
        self._built_from = None
        self.form.load(self.current)
        self.note_view.load(self.current.follow_up)
        self.list.clearSelection()
        show_message(self.problem, "")
        show_message(self.saved, "")
        self.tabs.setCurrentIndex(0)
        self.form.company.setFocus()
        self.refresh()

    def open_debrief(self, debrief_id: int) -> None:
        debrief = next((d for d in self.debriefs if d.id == debrief_id), None)
        if debrief is None:
            return
        self._editing += 1
        self.current = debrief
        self._built_from = debrief.follow_up.built_from_answer
        self.form.load(debrief)
        self.note_view.load(debrief.follow_up)
        show_message(self.problem, "")
        show_message(self.saved, "")
        self.refresh()

    def _debrief_picked(self, entry: QListWidgetItem | None, _previous: object = None) -> None:
        if entry is not None:
            self.save_now()
            self.open_debrief(entry.data(Qt.ItemDataRole.UserRole))

    def composed(self) -> InterviewDebrief:
        """What is on screen, as a debrief: the form, the note, the ticks."""
        return replace(
            self.form.debrief(),
            id=self.current.id,
            created_at=self.current.created_at,
            ticked=self.current.ticked,
            follow_up=self.note_view.draft_value(self._built_from),
        )

    def save_now(self) -> None:
        """Saves what is on screen if it is sound; otherwise says why, inline."""
        self._save_timer.stop()
        debrief = self.composed()
        if debrief == self.current and debrief.id is not None:
            return
        problems = self.form.date_problems() + debrief.problems(date.today())
        if problems:
            show_message(self.problem, " ".join(problems))
            show_message(self.saved, "")
            return
        show_message(self.problem, "")
        store = self.context.store.value
        if store is None:
            show_message(self.problem, "Your practice history is not open yet; the debrief is saved once it is.")
            return
        self._start_save(debrief)

    def _start_save(self, debrief: InterviewDebrief) -> None:
        store = self.context.store.value
        if store is None:
            return
        if self._saving:
            self._save_again = True  # one save at a time: a new debrief must get one id
            return
        self._saving = True
        self.current = debrief
        editing = self._editing
        self.context.workers.start(
            FunctionWorker(store.save_interview_debrief, debrief),
            on_finished=lambda saved: self._saved(editing, saved),
            on_failed=self._save_failed,
        )

    def _saved(self, editing: int, saved: InterviewDebrief) -> None:
        self._saving = False
        if editing == self._editing:
            self.current = saved
            show_message(self.saved, "Saved \u2713")
        if self._save_again:
            self._save_again = False
            self.save_now()
        self.refresh()

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        show_message(self.problem, f"Not saved: {message_for(error)}")

    def delete_current(self, *, confirm: bool = True) -> None:
        debrief_id = self.current.id
        store = self.context.store.value
        if debrief_id is None or store is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self, "Delete debrief", f"Delete the debrief of {self.current.title}? Practice sessions are kept.",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.context.workers.start(
            FunctionWorker(store.delete_interview_debrief, debrief_id),
            on_finished=lambda _r: self.new_debrief(),
            on_failed=lambda error: show_message(self.problem, message_for(error)),
        )

    def _tick(self, key: str, ticked: bool) -> None:
        """A read-up item ticked by hand: saved with the debrief at once."""
        if self.current.id is not None:
            self._save_timer.stop()
            self._start_save(app.with_ticked(self.composed(), key, ticked))

    # ----- practice

    def practise_item(self, item: PlanItem) -> None:
        self.save_now()
        if self.current.id is not None:
            self.stack.setCurrentIndex(1)
            self.practice.start_plan_item(self.current, item, self.stories)

    def practise_story(self, story: Story) -> None:
        self.stack.setCurrentIndex(1)
        self.practice.start_story(story)

    def _practice_finished(self, _session_id: Any) -> None:
        self.stack.setCurrentIndex(0)
        self.refresh()

    # ----- stories

    def _save_story(self, story: Story) -> None:
        store = self.context.store.value
        if store is None:
            return
        self.context.workers.start(
            FunctionWorker(store.save_story, story),
            on_finished=self._story_saved,
            on_failed=lambda error: self.stories_view.show_problem(message_for(error)),
        )

    def _story_saved(self, story: Story | None) -> None:
        self.stories_view.edit(story)
        self.stories_view.show_problem("Story saved." if story is not None else "Story deleted.")
        self.refresh()

    def _delete_story(self, story_id: int) -> None:
        store = self.context.store.value
        if store is not None:
            self.context.workers.start(
                FunctionWorker(store.delete_story, story_id),
                on_finished=lambda _r: self._story_saved(None),
                on_failed=lambda error: self.stories_view.show_problem(message_for(error)),
            )

    # ----- the note

    def draft_note(self) -> None:
        self.save_now()
        store = self.context.store.value
        if store is None:
            return
        debrief = self.composed()
        self.context.workers.start(
            FunctionWorker(
                app.draft_follow_up, store, debrief, tone=self.note_view.chosen_tone(),
                strengths=self.note_view.picked_strengths(), interviewers=self.note_view.interviewers.text(),
            ),
            on_finished=self._drafted,
            on_failed=lambda error: self.note_view.show_problem(message_for(error)),
        )  # fmt: skip

    def _drafted(self, result: tuple[Any, int | None]) -> None:
        note, built_from = result
        self._built_from = built_from
        self.note_view.set_text(note.text)
        source = "your best practice answer" if built_from is not None else "your own notes"
        has_answer = any(s.source.value != "template" for s in note.sentences)
        self.note_view.show_problem(
            f"Drafted from templates and {source}. Edit it freely." if has_answer
            else "Drafted from templates: practise the weakest question (or note what you said) to add your own answer."
        )  # fmt: skip

    # ----- progress

    def _compare(self, question: str) -> None:
        store = self.context.store.value
        if store is not None:
            self.context.workers.start(
                FunctionWorker(with_warnings, store, app.compare_first_and_latest, question, Thresholds()),
                on_finished=self._compared,
            )

    def _compared(self, loaded: Loaded[app.AttemptComparison | None]) -> None:
        self.skipped_rows.tell(loaded.warnings)  # an answer to the question that is damaged
        self.progress_view.show_comparison(loaded.value)

    # ----- the window

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._closing_hook.attach(self)
        if not event.spontaneous():
            self.skipped_rows.page_shown()  # a new visit: what was read while hidden is told now

    def _closing(self) -> None:
        self.practice.abort()
        store = self.context.store.value
        debrief = self.composed()
        if store is not None and not self._saving and debrief != self.current and not debrief.problems(date.today()):
            # The last keystrokes, in a worker: the window's shutdown waits for it.
            self.context.workers.start(FunctionWorker(store.save_interview_debrief, debrief))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self._closing()
        super().closeEvent(event)
