"""The History page over a database with a damaged row: the user is told which, and sees the rest."""

from __future__ import annotations

from tests.test_store_damaged_rows import _damage, _practised
from tests.ui_fixtures import close_message_boxes, open_message_boxes


def test_the_history_page_says_which_session_was_skipped_and_shows_the_rest(make_window, qtbot):
    ids = _practised()
    _damage("UPDATE sessions SET mode = 'karaoke' WHERE id = ?", ids["last"])
    window = make_window()
    page = window.page("history")
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        assert window.show_page("history")
    try:
        assert [o.session.id for o in page.table.shown_overviews()] == [ids["middle"], ids["first"]]
        [box] = open_message_boxes()
        assert f"session {ids['last']} was skipped" in box.text() and "karaoke" in box.text()
    finally:
        close_message_boxes()
