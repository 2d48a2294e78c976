"""The window appears at once because its first frame needs little: what start-up must not load.

`mockint` is started for real in a fresh interpreter; the moment it logs that its window is
shown (its first frame painted), the modules it has imported are listed. The analysis, the
store, numpy, the audio and speech libraries, the session's parts and the other pages load
after that frame (in the background or when first used); this test keeps them off the path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from mockint.ui.pages import NAV_PAGES
from mockint.ui.pages.practice_page import PracticePage

# Runs the app; when it logs the window shown, prints what it had imported and whether the
# window had painted a frame, then closes it.
_PROBE = """
import json, logging, sys
from mockint.ui.app import WINDOW_SHOWN_MESSAGE

class AtWindowShown(logging.Handler):
    def emit(self, record):
        if WINDOW_SHOWN_MESSAGE not in record.getMessage():
            return
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        try:
            windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]
            painted = [getattr(w, "first_frame_painted", lambda: None)() for w in windows]
            print(json.dumps({"modules": sorted(sys.modules), "painted": painted}), flush=True)
        finally:
            QTimer.singleShot(0, QApplication.instance().quit)  # from the event loop, running or about to

logging.getLogger("mockint").addHandler(AtWindowShown())
from mockint.cli import main
sys.exit(main([]))
"""

# Nothing of these is needed to paint the first frame.
OFF_THE_PATH = (
    "numpy",
    "sounddevice",
    "vosk",
    "pyttsx3",
    "sqlite3",  # the store opens in the background
    "importlib.metadata",  # the version is read after the first frame
    "tomllib",  # the decks are read in the background
    "PySide6.QtNetwork",  # the single-instance socket listens after the first frame
    "mockint.core.analysis",
    "mockint.core.session",
    "mockint.core.decks.parse",
    "mockint.core.decks.csv",
    "mockint.store.app_store",
    "mockint.app.answer",
    "mockint.app.outcome",
    "mockint.app.reanalysis",
    "mockint.app.recovery",
    "mockint.speech",
    "mockint.ui.practice.session_flow",
    "mockint.ui.practice.interview_view",
    "mockint.ui.practice.session_summary",
    "mockint.ui.model_setup.setup_dialog",
)


def modules_when_the_window_is_shown() -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, f"the app did not show its window: {done.returncode} {done.stderr}"
    return json.loads(lines[-1])


def loaded(modules: list[str], name: str) -> bool:
    return any(module == name or module.startswith(f"{name}.") for module in modules)


def test_the_first_frame_is_painted_before_the_analysis_the_store_or_audio_load() -> None:
    state = modules_when_the_window_is_shown()
    modules = state["modules"]
    assert state["painted"] == [True], "the window is said to be shown only once it has painted a frame"
    assert "mockint.ui.pages.practice_page" in modules  # the page it opens on is built for that frame
    assert [name for name in OFF_THE_PATH if loaded(modules, name)] == []
    other_pages = [f"mockint.ui.pages.{entry.key}_page" for entry in NAV_PAGES if entry.key != "practice"]
    assert [name for name in other_pages if name in modules] == []


def test_the_session_parts_and_the_background_work_start_once_the_window_is_up(make_window, qtbot) -> None:
    window = make_window()
    page = window.page("practice")
    assert isinstance(page, PracticePage)
    qtbot.waitUntil(window.first_frame_painted, timeout=10000)
    # On idle after that frame, with no session started: the interview view and the summary...
    qtbot.waitUntil(page.session_parts_built, timeout=10000)
    assert page.views.indexOf(page.interview) > 0 and page.views.indexOf(page.summary) > 0
    assert page.views.currentWidget() is page.setup and not page.flow.is_active
    # ...and the work the window started after it: the decks (warm-up ticked on a first run) and the store.
    qtbot.waitUntil(lambda: [deck.id for deck in page.setup.selected_decks()] == ["warm-up"], timeout=10000)
    qtbot.waitUntil(lambda: window.context.store.value is not None, timeout=20000)


def test_a_window_never_shown_still_loads_in_the_background(make_window, qtbot) -> None:
    window = make_window(show=False)
    qtbot.waitUntil(lambda: window.context.store.value is not None, timeout=20000)
    assert not window.first_frame_painted()
