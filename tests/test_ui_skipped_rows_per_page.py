"""History and After an interview each name the damaged rows their own reads left out, in their
own notice, once a visit: a row one page skipped is never told under the other, nor left in the
store's shared list (the command line's) for anyone to take."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.test_store_damaged_feedback import _debriefs
from tests.test_store_damaged_rows import _damage, _practised
from tests.ui_fixtures import close_message_boxes, open_message_boxes

WAIT_MS = 20_000


def _told(box: QMessageBox) -> set[str]:
    """What a notice names: 'session 3', 'debrief 2' (each line is '<row> was skipped: ...')."""
    return {line.split(" was skipped")[0] for line in box.text().splitlines()}


def _the_notice() -> QMessageBox:
    [box] = open_message_boxes()
    return box


def test_a_damaged_row_is_told_by_the_page_whose_reads_skipped_it_and_not_by_the_other(make_window, qtbot):
    sessions, debriefs = _practised(), _debriefs()
    window = make_window()
    store_ready = window.context.store
    qtbot.waitUntil(lambda: store_ready.value is not None, timeout=WAIT_MS)
    assert window.show_page("after_interview")
    after = window.page("after_interview")
    qtbot.waitUntil(lambda: after.loads >= 1, timeout=WAIT_MS)
    assert open_message_boxes() == []  # a sound database: nothing to tell

    # A session damaged after After an interview read: History's visit reads it and names it;
    # After an interview, shown next without reading again, does not.
    _damage("UPDATE sessions SET mode = 'karaoke' WHERE id = ?", sessions["last"])
    history = window.page("history")
    with qtbot.waitSignal(history.refreshed, timeout=WAIT_MS):
        assert window.show_page("history")
    qtbot.waitUntil(lambda: bool(open_message_boxes()), timeout=WAIT_MS)
    box = _the_notice()
    assert box.windowTitle() == "History" and _told(box) == {f"session {sessions['last']}"}
    assert "karaoke" in box.text()
    close_message_boxes()
    assert window.show_page("after_interview")
    assert open_message_boxes() == []
    assert window.context.store.value.take_warnings() == []  # nothing left in the shared list

    # The other way: a debrief (read by After an interview alone) damaged, the session sound
    # again, and both pages reading at once (sessions changed). After an interview, shown, names
    # the debrief; History, hidden while it read, has nothing to tell when it is shown.
    _damage("UPDATE sessions SET mode = 'solo' WHERE id = ?", sessions["last"])
    _damage("UPDATE debriefs SET happened_on = 'last Tuesday' WHERE id = ?", debriefs["middle"])
    loads = after.loads
    with qtbot.waitSignal(history.refreshed, timeout=WAIT_MS):
        window.context.events.sessions_changed.emit()
    qtbot.waitUntil(lambda: after.loads > loads and bool(open_message_boxes()), timeout=WAIT_MS)
    box = _the_notice()
    assert box.windowTitle() == "After an interview" and _told(box) == {f"debrief {debriefs['middle']}"}
    assert "last Tuesday" in box.text()
    close_message_boxes()
    with qtbot.waitSignal(history.refreshed, timeout=WAIT_MS):
        assert window.show_page("history")
    assert open_message_boxes() == []
    assert [o.session.id for o in history.table.shown_overviews()][0] == sessions["last"]  # sound: listed again
    assert window.context.store.value.take_warnings() == []
