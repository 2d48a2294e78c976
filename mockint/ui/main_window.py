"""The main window: the sidebar of pages (sidebar.py), the page area, and a status bar for the speech model.

The window appears at once: only the page it opens on is built before it shows; every other
page is imported and built the first time it is opened. Nothing else starts until the window's
first frame is painted (`first_frame_shown`): the model and the database then load in the
background (see `AppContext.model` / `.store`) and the pages of other modes are looked for, so
their imports, which hold Python's lock even in a worker thread, never delay that frame.
Closing cancels and waits for all background work.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QWidget

from mockint.core.errors import NoModelError
from mockint.settings import Setting
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import message_for, show_error, show_notice
from mockint.ui.icons import app_icon, themed_icon
from mockint.ui.pages import NAV_PAGES, extra_page_modules, nav_page_module
from mockint.ui.shortcuts import install_page_shortcuts, install_quit_shortcut
from mockint.ui.sidebar import Sidebar, sidebar_panel
from mockint.ui.theme import Theme
from mockint.ui.widget_policy import apply_widget_policy
from mockint.ui.widgets.elided_label import ElidedLabel
from mockint.ui.widgets.labels import named
from mockint.ui.workers import FunctionWorker

if TYPE_CHECKING:  # the store's modules load with the page that needs them, not with the window
    from mockint.store import Store

log = logging.getLogger(__name__)

DEFAULT_SIZE = QSize(1120, 740)
STATUS_MESSAGE_MS = 6000
# A shown window that is never painted (another workspace, a minimised start) still starts its
# background work after this long.
FIRST_FRAME_WAIT_MS = 1500


class MainWindow(QMainWindow):
    closing = Signal()  # the window is about to close: stop recording or playback now
    page_changed = Signal(str)  # key of the page now shown
    first_frame_shown = Signal()  # the window's first frame is painted: start-up is over

    SHUTDOWN_TIMEOUT_MS = 5000
    SETTINGS_FLUSH_TIMEOUT_S = 10.0  # closing waits this long for the settings file to be written

    def __init__(self, context: AppContext, *, discover_pages: bool = True, load_in_background: bool = True) -> None:
        super().__init__()
        self.context = context
        self._pages: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {}  # pages not built yet, by key
        self._extras_found = not discover_pages
        self._closed = False
        self._first_frame_painted = False
        self._after_first_frame: list[Callable[[], None]] | None = []  # None once run
        self.setWindowTitle("MockInt")
        self.setWindowIcon(app_icon())
        self.setObjectName("mainWindow")
        self._build()
        self._build_status_bar()
        install_page_shortcuts(self, self.show_row)
        install_quit_shortcut(self)
        self._restore_geometry()
        context.events.status_message.connect(self.show_status_message)
        context.events.theme_changed.connect(self._theme_changed)
        context.model.loading.connect(self._model_loading)
        context.model.ready.connect(self._model_ready)
        context.model.unavailable.connect(self._model_unavailable)
        context.store.ready.connect(self._store_ready)
        context.store.unavailable.connect(self._store_unavailable)
        context.events.settings_not_saved.connect(self._settings_not_saved)
        if discover_pages:
            for entry in NAV_PAGES:
                module_name = nav_page_module(entry.key)
                if module_name is not None:
                    self.register_page_factory(entry.key, _page_factory(module_name, context))
            # Extra pages (other modes) only add sidebar entries: found once the window is up.
            self.after_first_frame(self._find_extra_pages)
        self._select_first_available()
        apply_widget_policy(self)  # the window's own parts; pages get it as they are built and shown
        if load_in_background:
            self.after_first_frame(self.start_background_loading)
        QTimer.singleShot(0, self._when_the_loop_runs)

    # ----- building

    def _build(self) -> None:
        self.sidebar = Sidebar(self.context.theme)
        self.sidebar.currentRowChanged.connect(self._row_changed)
        panel = sidebar_panel(self.sidebar)

        self.stack = named(QStackedWidget(), "pageArea")
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(panel)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(True)
        self._model_icon = QLabel()
        self._model_icon.setFixedSize(16, 16)
        self.model_status = named(ElidedLabel(""), "modelStatus")
        self.model_status.setMaximumWidth(560)
        bar.addPermanentWidget(self._model_icon)
        bar.addPermanentWidget(self.model_status)

    # ----- pages

    def register_page(
        self, key: str, widget: QWidget, *, title: str | None = None, icon: str = "review", tooltip: str = ""
    ) -> None:
        """Shows `widget` for sidebar entry `key`; an unknown key adds an entry (give `title`)."""
        item = self.sidebar.entry(key)
        if item is None:
            if not title:
                raise ValueError(f"page {key!r} is not a sidebar entry; give it a title")
            item = self.sidebar.add_entry(key, title, icon, tooltip)
        old = self._pages.pop(key, None)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        if not widget.accessibleName():
            widget.setAccessibleName(f"{item.text()} page")
        apply_widget_policy(widget)
        self._pages[key] = widget
        self.stack.addWidget(widget)
        self.sidebar.mark_installed(item, tooltip)
        self._factories.pop(key, None)
        if self.sidebar.currentItem() is item:
            self.stack.setCurrentWidget(widget)

    def register_page_factory(
        self, key: str, factory: Callable[[], QWidget], *, title: str | None = None, icon: str = "review"
    ) -> None:
        """Like register_page, but the page is built by `factory()` the first time it is needed."""
        item = self.sidebar.entry(key)
        if item is None:
            if not title:
                raise ValueError(f"page {key!r} is not a sidebar entry; give it a title")
            item = self.sidebar.add_entry(key, title, icon, "")
        self._factories[key] = factory
        self.sidebar.mark_installed(item)

    def page(self, key: str) -> QWidget | None:
        """The page for `key`, built now if it was not yet; None when it is not installed."""
        if key not in self._pages and key not in self._factories and not self._extras_found:
            self._find_extra_pages()
        factory = self._factories.pop(key, None)
        if factory is not None:
            self.register_page(key, factory())
        return self._pages.get(key)

    def built_pages(self) -> list[str]:
        """Keys of the pages built so far (the others are built when first opened)."""
        return list(self._pages)

    def show_page(self, key: str) -> bool:
        """Switches to the page; False when that page is not installed."""
        item = self.sidebar.entry(key)
        if item is None or self.page(key) is None:
            return False
        self.sidebar.setCurrentItem(item)
        return True

    def _find_extra_pages(self) -> None:
        if self._extras_found or self._closed:
            return
        self._extras_found = True
        for module in extra_page_modules():
            factory = _page_factory(module.__name__, self.context)
            self.register_page_factory(
                module.PAGE_KEY,
                factory,
                title=getattr(module, "PAGE_TITLE", None) or module.PAGE_KEY.title(),
                icon=getattr(module, "PAGE_ICON", "review"),
            )

    def show_row(self, row: int) -> None:
        key = self.sidebar.key_at(row)
        if key is not None:
            self.show_page(key)

    def current_page_key(self) -> str | None:
        return self.sidebar.current_key()

    def sidebar_titles(self) -> list[str]:
        return self.sidebar.titles()

    def _select_first_available(self) -> None:
        for entry in NAV_PAGES:
            if self.show_page(entry.key):
                return

    def _row_changed(self, row: int) -> None:
        key = self.sidebar.key_at(row)
        if key is None:
            return
        page = self.page(key)
        if page is not None:
            apply_widget_policy(page)  # again: covers what the page added since it was built
            self.stack.setCurrentWidget(page)
            self.page_changed.emit(key)

    def _theme_changed(self, theme: Theme) -> None:
        self.context.theme = theme
        self.sidebar.set_theme(theme)

    # ----- the first frame, then the rest of start-up

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._first_frame_painted:
            self._first_frame_painted = True
            # Queued: runs once this paint is done and flushed to the screen.
            QTimer.singleShot(0, self._first_frame_done)

    def first_frame_painted(self) -> bool:
        return self._first_frame_painted

    def after_first_frame(self, step: Callable[[], None]) -> None:
        """Runs `step` once the first frame is painted (now, if it was): start-up work that the
        window does not need to appear."""
        if self._after_first_frame is None:
            step()
        else:
            self._after_first_frame.append(step)

    def _when_the_loop_runs(self) -> None:
        if not self.isVisible():
            self._run_after_first_frame()  # a window built but not shown (tests): nothing to wait for
        elif not self._first_frame_painted:
            QTimer.singleShot(FIRST_FRAME_WAIT_MS, self._run_after_first_frame)

    def _first_frame_done(self) -> None:
        self.first_frame_shown.emit()
        self._run_after_first_frame()

    def _run_after_first_frame(self) -> None:
        work, self._after_first_frame = self._after_first_frame or [], None
        for step in work:
            step()

    # ----- background loading and status

    def start_background_loading(self) -> None:
        if self._closed:
            return
        self.context.store.load()
        self.context.model.load()
        # The answer pipeline (numpy and the hesitation scan) stays off the start-up path; loading
        # it now, off the GUI thread, keeps the first answer's start from paying for the import.
        self.context.workers.start(FunctionWorker(importlib.import_module, "mockint.speech.answer_pipeline"))

    def show_status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def _set_model_status(self, text: str, state: str, icon: str) -> None:
        self.model_status.setText(text)
        self.model_status.setProperty("state", state)
        self.model_status.style().unpolish(self.model_status)
        self.model_status.style().polish(self.model_status)
        role = {"ready": "ok", "unavailable": "warning"}.get(state, "muted")
        self._model_icon.setPixmap(themed_icon(icon, self.context.theme, role=role).pixmap(QSize(16, 16)))

    def _model_loading(self) -> None:
        self._set_model_status("Loading speech model…", "loading", "busy")

    def _model_ready(self, _model: object) -> None:
        self._set_model_status("Ready", "ready", "ready")

    def _model_unavailable(self, error: BaseException) -> None:
        # The status bar speaks to a window user: it never names a command; the setup button fixes it.
        if isinstance(error, NoModelError):
            damaged = type(error).__name__ == "BrokenModelError"
            self._set_model_status(
                "The speech model is damaged" if damaged else "No speech model installed yet", "unavailable", "warning"
            )
            self.model_status.setToolTip("Set up a speech model to practise out loud (Settings › Speech models).")
            return
        self._set_model_status(message_for(error), "unavailable", "warning")

    def _store_ready(self, store: Store) -> None:
        if store.notice:  # a damaged database was set aside: the user must hear where it went
            show_notice(self, store.notice)

    def _store_unavailable(self, error: BaseException) -> None:
        show_error(self, error)

    @Slot(object, str)  # a slot of the window: the writer's thread emits, the GUI thread shows
    def _settings_not_saved(self, error: BaseException, message: str) -> None:
        # Told as a settings save that failed always was (the error dialog's message, made and
        # logged on the writer's thread); the changed values stay in use in memory and the next
        # change tries the file again.
        if self._closed:
            log.warning("could not save the settings: %s", error)
            return
        show_error(self, error, text=message)

    # ----- geometry and closing

    def _restore_geometry(self) -> None:
        saved = self.context.settings.get(Setting.WINDOW_GEOMETRY)
        if isinstance(saved, str) and saved and self.restoreGeometry(QByteArray.fromHex(saved.encode("ascii"))):
            return
        self.resize(DEFAULT_SIZE)
        screen = QApplication.primaryScreen()
        if screen is not None:
            frame = self.frameGeometry()
            frame.moveCenter(screen.availableGeometry().center())
            self.move(frame.topLeft())

    def _save_geometry(self) -> None:
        geometry = bytes(self.saveGeometry().toHex().data()).decode("ascii")
        try:
            self.context.settings.set(Setting.WINDOW_GEOMETRY, geometry)
        except OSError:
            log.warning("could not save the window geometry", exc_info=True)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self._closed:
            self._closed = True
            self.closing.emit()
            self._save_geometry()
            # Every change, the geometry too, is on disk before the app ends: a normal close loses nothing.
            if not self.context.settings.flush(self.SETTINGS_FLUSH_TIMEOUT_S):
                log.warning("the settings were still being written after %.0f s", self.SETTINGS_FLUSH_TIMEOUT_S)
            all_stopped = self.context.workers.shutdown(self.SHUTDOWN_TIMEOUT_MS)
            store = self.context.store.value
            if store is not None and all_stopped:
                store.close()
        event.accept()


def _page_factory(module_name: str, context: AppContext) -> Callable[[], QWidget]:
    """Imports the page's module and builds its page, when first asked (that is what keeps start-up fast)."""

    def build() -> QWidget:
        page: QWidget = importlib.import_module(module_name).create_page(context)
        return page

    return build
