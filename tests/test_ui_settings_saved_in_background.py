"""Settings changed in the window are written in the background: a quick run of changes is all
on disk once the window closes, and a settings folder that cannot be written is told to the user
(the message a failed settings save has always shown) while the app keeps the values and works on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt

from mockint.settings import Setting, Settings
from mockint.ui.error_dialog import GENERIC_MESSAGE, log_file
from tests.ui_fixtures import close_message_boxes, open_message_boxes


@contextmanager
def folder_blocked(folder: Path) -> Iterator[None]:
    """A file where `folder` should be, for the block; what the folder held is put back after.

    Tests run as root, which writes through a 0500 folder: a file in the folder's place stops
    any user, root too.
    """
    aside = folder.with_name(f"{folder.name}-aside")
    if folder.exists():
        folder.rename(aside)
    folder.write_text("not a folder", encoding="utf-8")
    try:
        yield
    finally:
        folder.unlink()
        if aside.exists():
            aside.rename(folder)


def test_quick_changes_are_all_on_disk_once_the_window_closes(make_window, qtbot):
    window = make_window(load_in_background=False, discover_pages=False)
    window.show_page("settings")
    page = window.page("settings")
    analysis, fillers = page.section("analysis"), page.section("fillers")
    analysis.slow.setFocus()
    for _ in range(12):  # held down: a change (and a file write) per step
        qtbot.keyClick(analysis.slow, Qt.Key.Key_Up)
    fillers.new_word.setText("welp")
    qtbot.keyClick(fillers.new_word, Qt.Key.Key_Return)
    last_slow = analysis.slow.value()
    assert last_slow > 100 and window.context.settings.get(Setting.PACE_SLOW_WPM) == last_slow
    path = window.context.paths.settings_file

    window.close()  # closing waits for the writer: nothing is left unwritten

    saved = Settings(path)
    assert saved.get(Setting.PACE_SLOW_WPM) == last_slow
    assert saved.get(Setting.CUSTOM_FILLERS) == {"en": ["welp"]}
    assert saved.get(Setting.WINDOW_GEOMETRY)  # the geometry, saved while closing, too
    again = make_window(load_in_background=False, discover_pages=False)
    again.show_page("settings")
    assert again.page("settings").section("analysis").slow.value() == last_slow


def test_a_settings_folder_that_cannot_be_written_is_told_and_the_app_keeps_working(make_window, qtbot):
    window = make_window(load_in_background=False, discover_pages=False)
    context = window.context
    with folder_blocked(context.paths.settings_file.parent):
        window.show_page("settings")
        analysis = window.page("settings").section("analysis")
        analysis.slow.setValue(120)
        qtbot.waitUntil(lambda: bool(open_message_boxes()), timeout=10000)
        [box] = open_message_boxes()
        assert box.text().startswith(GENERIC_MESSAGE) and str(log_file()) in box.text()
        assert box.accessibleName() == "Error message"
        close_message_boxes()
        # The value is kept and used; the window goes on (another page, another change).
        assert context.settings.get(Setting.PACE_SLOW_WPM) == 120 and analysis.slow.value() == 120
        assert window.show_page("decks") and window.show_page("settings")
        analysis.fast.setValue(200)
        qtbot.waitUntil(lambda: bool(open_message_boxes()), timeout=10000)
        close_message_boxes()

    analysis.hesitation.setValue(1.5)  # the folder is back: this write carries every change
    assert context.settings.flush(timeout_s=10)
    assert not open_message_boxes()
    saved = Settings(context.paths.settings_file)
    assert (saved.get(Setting.PACE_SLOW_WPM), saved.get(Setting.PACE_FAST_WPM)) == (120, 200)
    assert saved.get(Setting.HESITATION_PAUSE_S) == 1.5
