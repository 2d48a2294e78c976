"""The GUI thread never waits on the disk: a real window is driven through every page, a few
settings changes, Review and History of a stored session (and a solo answer started and ended,
a settings save and a microphone test that fail, an Open folder button, a bug escaping a slot),
while every disk or database operation done ON THE GUI THREAD is recorded.

Python's audit hooks see every file opened, listed, renamed, removed or made, and every SQLite
connection; the store's connection reports every statement it runs (`set_trace_callback` runs in
the thread that executes it). What is allowed is listed in `_allowed`, each with its reason;
anything else fails the test with a short stack naming the code that did it.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import threading
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

import mockint
from mockint.paths import app_paths, assets_dir
from mockint.settings import Setting, Settings
from mockint.store.app_store import Store
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import GENERIC_MESSAGE, install_excepthook, log_file
from mockint.ui.main_window import MainWindow
from mockint.ui.theme import ThemeManager, theme_for
from scripts.demo_history import seed_demo_history
from tests.test_ui_practice_support import open_practice, practice_settings, press, start_with_keyboard
from tests.test_ui_settings_saved_in_background import folder_blocked
from tests.ui_fixtures import close_message_boxes, open_message_boxes

# https://docs.python.org/3/library/audit_events.html: everything that touches files or folders.
DISK_EVENTS = frozenset(
    {
        "open",
        "os.chmod",
        "os.chown",
        "os.link",
        "os.listdir",
        "os.mkdir",
        "os.remove",
        "os.rename",
        "os.rmdir",
        "os.scandir",
        "os.symlink",
        "os.truncate",
        "os.utime",
        "os.fwalk",
        "glob.glob",
        "shutil.copyfile",
        "shutil.copymode",
        "shutil.copystat",
        "shutil.copytree",
        "shutil.move",
        "shutil.rmtree",
        "shutil.make_archive",
        "shutil.unpack_archive",
        "tempfile.mkstemp",
        "tempfile.mkdtemp",
        "sqlite3.connect",
    }
)


@dataclass(frozen=True)
class Operation:
    event: str
    detail: str
    stack: traceback.StackSummary

    def describe(self) -> str:
        frames = [f for f in self.stack if "/site-packages/_pytest/" not in f.filename and "pluggy" not in f.filename]
        where = "".join(traceback.format_list(frames[-8:]))
        return f"{self.event} {self.detail}\n{where}"


class _Recorder:
    """Audit hooks cannot be removed: the one hook below records only while `on` is set."""

    def __init__(self) -> None:
        self.on = False
        self.operations: list[Operation] = []
        self.statements_elsewhere = 0  # statements run by other threads: proof the trace is on
        self._inside = threading.local()  # the hook's own work (the stack) must not record itself

    def record(self, event: str, detail: str) -> None:
        if not self.on or threading.current_thread() is not threading.main_thread():
            return
        if getattr(self._inside, "busy", False):
            return
        self._inside.busy = True
        try:
            # lookup_lines=False: reading the source lines would open files from inside the hook.
            stack = traceback.StackSummary.extract(traceback.walk_stack(sys._getframe(2)), lookup_lines=False)
            stack.reverse()
            self.operations.append(Operation(event, detail, stack))
        finally:
            self._inside.busy = False

    def audit(self, event: str, args: tuple[object, ...]) -> None:
        if self.on and event in DISK_EVENTS:
            self.record(event, repr(args)[:160])

    def trace_sql(self, statement: str) -> None:
        if self.on and threading.current_thread() is not threading.main_thread():
            self.statements_elsewhere += 1
        self.record("sql", statement[:160])


RECORDER = _Recorder()
sys.addaudithook(RECORDER.audit)


@pytest.fixture
def recorder() -> Iterator[_Recorder]:
    RECORDER.operations.clear()
    RECORDER.statements_elsewhere = 0
    try:
        yield RECORDER
    finally:
        RECORDER.on = False


PACKAGE_DIR = Path(mockint.__file__).resolve().parent
# Small files shipped with the app, read once and kept.
SHIPPED_READ_ONCE = (
    # Icons: each SVG is read the first time it is drawn and kept (ui/icons.py, _svg_text).
    (assets_dir() / "icons").resolve(),
)
# Folders of the app's own code, listed once to find its parts by name (no list to keep in step):
SHIPPED_LISTED_ONCE = (
    PACKAGE_DIR / "ui" / "pages",  # the other modes' pages, once after the first frame (main_window)
    PACKAGE_DIR / "ui" / "settings_sections",  # the Settings page's sections, once when it is built
)


def _allowed(operation: Operation) -> bool:
    files = [frame.filename for frame in operation.stack]
    # Importing a module reads its file once; Python keeps it in sys.modules. Pages are imported
    # when first opened by design (start-up stays fast); their imports would hold Python's lock
    # even in a worker, so moving them would not free the GUI thread. PySide's own import hook
    # (shibokensupport/feature.py) reads a module's source once as it is imported.
    if any(name.startswith("<frozen importlib") or name.endswith("shibokensupport/feature.py") for name in files):
        return True
    path = _path_in(operation)
    if path is None:
        return False
    if operation.event == "open":
        return any(path.is_relative_to(folder) for folder in SHIPPED_READ_ONCE)
    if operation.event == "os.listdir":
        return path in SHIPPED_LISTED_ONCE and any(frame.filename.endswith("pkgutil.py") for frame in operation.stack)
    return False


def _path_in(operation: Operation) -> Path | None:
    """The path an event names first, when it names one (not a file descriptor)."""
    detail = operation.detail
    if not detail.startswith("('") and not detail.startswith("(PosixPath('"):
        return None
    text = detail.split("'")[1]
    return Path(text).resolve()


def _offending(recorder: _Recorder) -> list[Operation]:
    return [operation for operation in recorder.operations if not _allowed(operation)]


def _report(offending: list[Operation]) -> str:
    return f"{len(offending)} disk/database operations on the GUI thread:\n\n" + "\n".join(
        operation.describe() for operation in offending
    )


def _trace(store: Store) -> None:
    connection: sqlite3.Connection = store._connection  # where the store keeps its one connection
    connection.set_trace_callback(RECORDER.trace_sql)


def _trace_store(context: AppContext) -> None:
    """Installs the statement trace as soon as the store is open, before any page uses it."""

    context.store.ready.connect(_trace)


def _settle(window: MainWindow, qtbot) -> None:
    """Waits for the background work the last step started (reads, writes, page loads)."""
    qtbot.waitUntil(lambda: not window.context.workers.busy, timeout=20000)


def test_every_page_settings_review_and_history_do_no_disk_work_on_the_gui_thread(qapp, qtbot, recorder):
    sessions = seed_demo_history()
    context = AppContext.create(None, theme_for(Qt.ColorScheme.Light))
    _trace_store(context)
    window = MainWindow(context)
    # Before the first frame the window may read what it needs to appear (the settings file,
    # read once by AppContext.create, above); from the first frame on nothing may touch the disk.
    window.first_frame_shown.connect(lambda: setattr(RECORDER, "on", True))
    qtbot.addWidget(window)
    style, sheet, palette = qapp.style().name(), qapp.styleSheet(), qapp.palette()
    themes = ThemeManager(qapp, forced=Qt.ColorScheme.Light)
    themes.changed.connect(context.events.theme_changed)
    themes.apply()  # as run_app does before the window is made: the style sheet is read once, here
    try:
        window.show()
        qtbot.waitUntil(lambda: RECORDER.on, timeout=10000)
        qtbot.waitUntil(lambda: context.store.value is not None, timeout=20000)
        _settle(window, qtbot)

        for row in range(window.sidebar.count()):  # every page, the other modes' pages too
            window.show_row(row)
            _settle(window, qtbot)

        themes.force(Qt.ColorScheme.Dark)  # the theme: every page redraws its icons
        _settle(window, qtbot)

        window.show_page("practice")
        setup = window.page("practice").setup
        qtbot.waitUntil(lambda: setup.deck_list.count() > 1)
        behavioural = setup.deck_list.box("behavioural")
        behavioural.setFocus()
        qtbot.keyClick(behavioural, Qt.Key.Key_Space)  # a deck ticked
        assert "behavioural" in setup.selected_deck_ids()

        window.show_page("settings")
        settings_page = window.page("settings")
        analysis = settings_page.section("analysis")
        for _ in range(3):  # a threshold spin box stepped up, a change at a time
            qtbot.keyClick(analysis.slow, Qt.Key.Key_Up)
        fillers = settings_page.section("fillers")
        fillers.new_word.setText("welp")
        qtbot.keyClick(fillers.new_word, Qt.Key.Key_Return)  # a word added to the filler list
        slow = analysis.slow.value()
        assert slow > 100 and context.settings.get(Setting.PACE_SLOW_WPM) == slow  # in memory at once
        _settle(window, qtbot)

        window.show_page("history")
        table = window.page("history").table
        qtbot.waitUntil(lambda: table.model().rowCount() == len(set(sessions)), timeout=10000)
        window.show_page("review")
        review = window.page("review")
        review.show_session(sessions[-1])
        qtbot.waitUntil(lambda: review.compare.attempt_count >= 2, timeout=10000)
        review.tabs.setCurrentWidget(review.compare_tab)
        _settle(window, qtbot)
    finally:
        # Closing waits for the background work and the settings writer by design: nothing may
        # be lost on a normal close; that wait is not what a user feels while using the app.
        RECORDER.on = False
        window.close()
        themes.deleteLater()
        qapp.setStyleSheet(sheet)
        qapp.setStyle(style)
        qapp.setPalette(palette)

    offending = _offending(recorder)
    if offending:
        pytest.fail(_report(offending), pytrace=False)
    # The hooks were listening: the pages' imports were seen (and allowed), and the store was
    # read while recording, by the workers.
    assert recorder.operations and recorder.statements_elsewhere > 0
    saved = Settings(context.paths.settings_file)
    assert saved.get(Setting.PACE_SLOW_WPM) == slow and "behavioural" in saved.get(Setting.SELECTED_DECKS)
    assert saved.get(Setting.CUSTOM_FILLERS).get("en") == ["welp"]


def test_the_recorder_sees_disk_and_database_work_on_the_gui_thread_and_not_on_others(recorder):
    """The guard can fail: the synchronous settings write (the command line's) and a query run
    on the GUI thread are reported with the code that did them; the same on a thread is not."""
    settings = Settings(app_paths().settings_file)
    with Store.open(app_paths()) as store:
        _trace(store)
        RECORDER.on = True
        elsewhere = threading.Thread(target=lambda: (settings.set(Setting.VOICE_RATE, 140), store.list_sessions()))
        elsewhere.start()
        elsewhere.join()
        assert _offending(recorder) == []
        settings.set(Setting.VOICE_RATE, 150)
        store.list_sessions()
        RECORDER.on = False
    found = _offending(recorder)
    assert {"tempfile.mkstemp", "os.rename", "sql"} <= {operation.event for operation in found}
    assert any(operation.detail.startswith("SELECT s.*") for operation in found if operation.event == "sql")
    report = _report(found)
    assert "mockint/atomic_file.py" in report and "in write_text_atomically" in report


def test_a_solo_answer_started_and_ended_does_no_disk_work_on_the_gui_thread(
    make_window, qtbot, recorder, virtual_microphone, korean_model_path: Path
):
    window, page = open_practice(make_window, qtbot, practice_settings(korean_model_path))
    store = window.context.store.value
    assert store is not None  # open_practice waited for it
    _trace(store)
    RECORDER.on = True
    try:
        with qtbot.waitSignal(page.flow.answer_started, timeout=15000):
            start_with_keyboard(page, qtbot)
        # The live figures run for a while (the level, the clock), then Escape ends the session.
        with qtbot.waitSignal(page.flow.elapsed, timeout=10000, check_params_cb=lambda seconds: seconds > 1.2):
            pass
        press(page, qtbot, Qt.Key.Key_Escape)
        box = page.confirm_box
        assert box is not None and box.isVisible()
        end = next(b for b in box.buttons() if b.text() == "End session")
        with qtbot.waitSignal(page.session_finished, timeout=20000):
            end.click()
        _settle(window, qtbot)
    finally:
        RECORDER.on = False
    offending = _offending(recorder)
    if offending:
        pytest.fail(_report(offending), pytrace=False)
    assert recorder.statements_elsewhere > 0  # the answer was stored while recording, by a worker


def test_a_settings_save_that_fails_is_told_without_disk_work_on_the_gui_thread(make_window, qtbot, recorder):
    window = make_window(load_in_background=False, discover_pages=False)
    window.show_page("settings")
    analysis = window.page("settings").section("analysis")
    with folder_blocked(window.context.paths.settings_file.parent):
        RECORDER.on = True
        try:
            analysis.slow.setValue(120)
            qtbot.waitUntil(lambda: bool(open_message_boxes()), timeout=10000)
        finally:
            RECORDER.on = False
            close_message_boxes()
    offending = _offending(recorder)
    if offending:
        pytest.fail(_report(offending), pytrace=False)


def _assert_nothing_recorded(recorder: _Recorder) -> None:
    offending = _offending(recorder)
    if offending:
        pytest.fail(_report(offending), pytrace=False)


def test_a_microphone_test_that_fails_is_told_without_disk_work_on_the_gui_thread(
    virtual_microphone, make_window, qtbot, recorder
):
    window = make_window(load_in_background=False, discover_pages=False)
    window.show_page("settings")
    section = window.page("settings").section("microphone")
    qtbot.waitUntil(lambda: section.device_box.count() > 0 and section.rescan_button.isEnabled(), timeout=20000)
    RECORDER.on = True
    try:
        # A saved microphone that is gone: Look again offers it as not found, and its test fails.
        window.context.set_setting(Setting.INPUT_DEVICE, "USB Headset 3000")
        with qtbot.waitSignal(section.devices_listed, timeout=20000):
            qtbot.mouseClick(section.rescan_button, Qt.MouseButton.LeftButton)
        assert section.chosen_device == "USB Headset 3000"
        qtbot.mouseClick(section.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not section.testing, timeout=20000)
        _settle(window, qtbot)
    finally:
        RECORDER.on = False
    assert "was not found" in section.message.text() and section.test_button.text() == "Start test"
    assert section._test_folder is None
    _assert_nothing_recorded(recorder)


def test_the_open_folder_button_makes_the_folder_without_disk_work_on_the_gui_thread(
    make_window, qtbot, recorder, monkeypatch
):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = make_window(load_in_background=False, discover_pages=False)
    window.show_page("settings")
    data = window.page("settings").section("data")
    folder = window.context.paths.user_decks_dir
    [button] = [b for b in data.open_buttons if b.accessibleName() == "Open the your decks folder"]
    shutil.rmtree(folder, ignore_errors=True)  # not made yet: the button has to make it
    RECORDER.on = True
    try:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    finally:
        RECORDER.on = False
    assert [url.toLocalFile() for url in opened] == [str(folder)] and folder.is_dir()
    _assert_nothing_recorded(recorder)


def test_a_bug_escaping_a_slot_is_logged_and_shown_without_disk_work_on_the_gui_thread(
    make_window, qtbot, recorder, monkeypatch
):
    window = make_window(load_in_background=False, discover_pages=False)
    window.show_page("settings")
    data = window.page("settings").section("data")

    def broken(folder: Path) -> None:
        raise RuntimeError(f"a bug while opening {folder.name}")

    monkeypatch.setattr(data, "_open", broken)  # the Open folder button's slot, as a bug would break it
    previous = install_excepthook(lambda: window)
    RECORDER.on = True
    try:
        qtbot.mouseClick(data.open_buttons[0], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(open_message_boxes()), timeout=10000)
    finally:
        RECORDER.on = False
        sys.excepthook = previous
    [box] = open_message_boxes()
    try:
        assert box.text() == f"{GENERIC_MESSAGE}\n\nThe details were saved to {log_file()}."
        assert "RuntimeError: a bug while opening" in log_file().read_text(encoding="utf-8")
    finally:
        close_message_boxes()
    _assert_nothing_recorded(recorder)
