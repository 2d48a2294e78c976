"""What every page is given: settings, paths, the worker pool, the shared model and store.

Pages receive one `AppContext` and reach nothing else global, so tests build a window over a
temporary MOCKINT_HOME and real parts without any patching.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from mockint.paths import AppPaths, app_paths, shipped_decks_dir
from mockint.settings import Setting, Settings
from mockint.ui.background import BackgroundResource
from mockint.ui.capture.recorded_analysis import RecordedAnswersAnalysis
from mockint.ui.error_dialog import message_for
from mockint.ui.model_loader import model_resource
from mockint.ui.theme import Theme
from mockint.ui.workers import FunctionWorker, WorkerPool

if TYPE_CHECKING:  # both are heavy to import (SQLite, Vosk): loaded by the workers that need them
    from mockint.core.decks import DeckLoad
    from mockint.speech.recognizer import SpeechModel
    from mockint.store import Store


class AppEvents(QObject):
    """Things one page does that others show: connect to these instead of to each other."""

    decks_changed = Signal()  # a deck was imported, added or deleted
    data_deleted = Signal()  # "Delete all my data" finished: sessions, answers and user decks are gone
    settings_changed = Signal(str)  # the Setting value (key) that changed
    theme_changed = Signal(object)  # the new Theme (icons must be redrawn)
    status_message = Signal(str)  # a short message for the status bar
    sessions_changed = Signal()  # a session or its answers were saved, ended or deleted: History and Review reload
    # A settings file write that failed: the OSError and the message for the user (its traceback
    # already logged). Emitted on the settings writer's thread, so connect a QObject's slot (it
    # then runs on the GUI thread). The values in memory are kept.
    settings_not_saved = Signal(object, str)


def _settings_not_saved(events: AppEvents, error: OSError) -> None:
    """On the settings writer's thread: the message is made (and the traceback logged) here, so
    the GUI thread only shows it."""
    events.settings_not_saved.emit(error, message_for(error))


def _load_decks(shipped: Path, user: Path) -> DeckLoad:
    from mockint.core.decks import load_decks  # the TOML and CSV readers: in the worker, not at start-up

    return load_decks(shipped, user)


def _open_store(paths: AppPaths, awaiting_analysis: list[int]) -> Store:
    from mockint.app.reanalysis import answers_awaiting_analysis
    from mockint.app.recovery import recover_interrupted_answers
    from mockint.store.app_store import Store

    store = Store.open(paths)
    # The window shows `notice` once the store is ready: a damaged database set aside, answers recovered.
    notices = [store.notice, recover_interrupted_answers(store)]
    store.notice = " ".join(n for n in notices if n) or None
    # Before anything records: the answers with a recording and no report (recovered ones among
    # them), analysed in the background once a speech model is ready (RecordedAnswersAnalysis).
    awaiting_analysis.extend(answers_awaiting_analysis(store))
    return store


@dataclass
class AppContext:
    settings: Settings
    paths: AppPaths
    workers: WorkerPool
    events: AppEvents
    model: BackgroundResource[SpeechModel]  # .value: the loaded model once `ready` fired
    store: BackgroundResource[Store]  # .value: the open store once `ready` fired
    decks: BackgroundResource[DeckLoad]  # .value: shipped and user decks; reloads when they change
    theme: Theme
    # Answers with a recording and no report, analysed once the store and a model are ready.
    recorded_analysis: RecordedAnswersAnalysis | None = None

    @classmethod
    def create(cls, parent: QObject | None, theme: Theme, *, explicit_model: Path | None = None) -> AppContext:
        """A context over the user's real folders (MOCKINT_HOME in tests); nothing is loaded yet."""
        paths = app_paths()
        settings = Settings(paths.settings_file)  # read once, before the first frame
        workers = WorkerPool(parent)
        events = AppEvents(parent)
        # The GUI thread never waits for the disk: a change is in memory at once and the file is
        # written by one background writer (mockint/settings_writer.py), flushed when the window closes.
        settings.write_in_background(lambda error: _settings_not_saved(events, error))
        # One load of the deck files serves every page that shows decks (Practice, Decks).
        decks = BackgroundResource(
            workers, lambda: FunctionWorker(_load_decks, shipped_decks_dir(), paths.user_decks_dir), parent
        )
        events.decks_changed.connect(decks.load)
        events.data_deleted.connect(decks.load)
        awaiting_analysis: list[int] = []
        context = cls(
            settings=settings,
            paths=paths,
            workers=workers,
            events=events,
            model=model_resource(workers, settings, paths, explicit_model, parent),
            store=BackgroundResource(workers, lambda: FunctionWorker(_open_store, paths, awaiting_analysis), parent),
            decks=decks,
            theme=theme,
        )
        context.recorded_analysis = RecordedAnswersAnalysis(context, awaiting_analysis, parent)
        return context

    def set_setting(self, key: Setting, value: Any) -> None:
        """Changes a setting (the file follows in the background) and tells the pages that show it."""
        self.settings.set(key, value)
        self.events.settings_changed.emit(key.value)

    def reset_setting(self, key: Setting) -> None:
        self.settings.reset(key)
        self.events.settings_changed.emit(key.value)
