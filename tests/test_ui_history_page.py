"""The History page over a real store: the table, the trend charts, deleting, refreshing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mockint.paths import app_paths
from mockint.store import Store
from mockint.ui.history.trend_charts import EMPTY_TEXT
from mockint.ui.pages.history_page import NO_SESSIONS_TEXT
from tests.test_ui_history_support import QUESTION, seed_history
from tests.ui_fixtures import close_message_boxes, open_message_boxes

WAIT_MS = 10000


@pytest.fixture
def seeded():
    return seed_history()


def open_history(make_window, qtbot):
    window = make_window()
    page = window.page("history")
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        assert window.show_page("history")
    return window, page


def local_date(moment: datetime) -> str:
    local = moment.astimezone()
    year = "" if local.year == datetime.now().astimezone().year else f" {local.year}"
    return f"{local:%a} {local.day} {local:%b}{year}, {local:%H:%M}"


def test_history_is_in_the_sidebar(make_window):
    window = make_window(load_in_background=False)
    assert window.page("history") is not None
    assert window.show_page("history")


def test_table_lists_sessions_newest_first_with_their_figures(seeded, make_window, qtbot):
    _, page = open_history(make_window, qtbot)
    table = page.table
    assert [o.session.id for o in table.shown_overviews()] == [s.id for s in reversed(seeded)]
    assert page.list_area.currentWidget() is table
    for row, session in enumerate(reversed(seeded)):
        summary = session.summary
        assert table.shown_text(row) == [
            local_date(session.started_at),
            session.mode.label,
            ", ".join(session.deck_ids) or "–",
            str(len(session.answer_ids)),
            f"{summary.mean_fillers_per_min:.1f}",
            f"{summary.mean_wpm:.0f} wpm",
            f"{summary.within_target_share * 100:.0f}%",
        ]
    # The speaker improved: the oldest session has the most fillers, the newest none.
    assert table.shown_text(0)[4] == "0.0" and float(table.shown_text(2)[4]) > 20
    assert table.shown_text(0)[6] == "100%" and table.shown_text(2)[6] == "0%"


def test_clicking_a_header_sorts_and_selection_enables_export_and_delete(seeded, make_window, qtbot):
    _, page = open_history(make_window, qtbot)
    assert not page.export_button.isEnabled() and not page.delete_button.isEnabled()
    page.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # fillers a minute, fewest first
    assert [o.session.id for o in page.table.shown_overviews()] == [seeded[2].id, seeded[1].id, seeded[0].id]
    page.table.selectRow(2)
    assert page.table.selected_session().session.id == seeded[0].id
    assert page.export_button.isEnabled() and page.delete_button.isEnabled()


def test_charts_have_one_point_per_session_with_its_figures(seeded, make_window, qtbot):
    _, page = open_history(make_window, qtbot)
    charts = page.charts
    assert not charts.is_empty
    expected_x = [float(i) for i in range(len(seeded))]  # one step per session, whatever the hours between
    for chart, figure in (
        (charts.fillers, lambda s: s.summary.mean_fillers_per_min),
        (charts.pace, lambda s: s.summary.mean_wpm),
        (charts.share, lambda s: s.summary.within_target_share * 100),
    ):
        points = chart.points()
        assert [p.x() for p in points] == pytest.approx(expected_x)
        assert [p.y() for p in points] == pytest.approx([figure(s) for s in seeded])
        low, high = chart.y_axis.min(), chart.y_axis.max()
        assert all(low < p.y() < high for p in points)  # every point is in view
    # The comfortable pace band, behind the pace points, across the whole chart.
    lower, upper = charts.pace.band.lowerSeries().points(), charts.pace.band.upperSeries().points()
    assert {p.y() for p in lower} == {100.0} and {p.y() for p in upper} == {165.0}
    assert lower[0].x() < expected_x[0] and lower[-1].x() > expected_x[-1]
    assert charts.fillers.summary.text().startswith("Latest 0.0 a minute")


def test_one_session_shows_a_note_instead_of_charts(make_window, qtbot):
    with Store.open(app_paths()) as store:
        session = store.create_session("solo")
        store.add_answer(session.id, QUESTION, words=[{"text": "hello", "start": 0.0, "end": 0.4}])
    _, page = open_history(make_window, qtbot)
    assert page.charts.is_empty
    assert page.charts.empty_note.text() == EMPTY_TEXT
    assert len(page.charts.fillers.points()) == 0  # no figures without a report
    assert [o.session.id for o in page.table.shown_overviews()] == [session.id]
    assert page.table.shown_text(0)[4:] == ["–", "–", "–"]


def test_no_sessions_says_where_they_come_from(make_window, qtbot):
    _, page = open_history(make_window, qtbot)
    assert page.list_area.currentIndex() == 1
    assert page.placeholder.text() == NO_SESSIONS_TEXT
    assert page.charts.is_empty


def test_delete_asks_first_then_removes_the_session_and_its_recordings(seeded, make_window, qtbot):
    window, page = open_history(make_window, qtbot)
    newest = seeded[-1]
    assert all(wav.exists() for wav in newest.wav_paths)
    page.table.select_session(newest.id)

    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = page.confirmation
    assert box is not None and box.isVisible()
    assert local_date(newest.started_at) in box.text() and "2 answers" in box.text()
    keep = next(b for b in box.buttons() if b.text() == "Keep it")
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not open_message_boxes())
    assert all(wav.exists() for wav in newest.wav_paths)
    assert len(page.table.shown_overviews()) == 3

    page.ask_to_delete_selected()
    delete = next(b for b in page.confirmation.buttons() if b.text() == "Delete session")
    with (
        qtbot.waitSignal(page.refreshed, timeout=WAIT_MS),
        qtbot.waitSignal(page.session_deleted, timeout=WAIT_MS) as deleted,
    ):
        qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert deleted.args == [newest.id]
    assert not any(wav.exists() for wav in newest.wav_paths)
    assert all(wav.exists() for session in seeded[:-1] for wav in session.wav_paths)
    assert [o.session.id for o in page.table.shown_overviews()] == [seeded[1].id, seeded[0].id]
    assert len(page.charts.pace.points()) == 2
    assert page.table.selected_session() is None and not page.delete_button.isEnabled()
    with Store.open(app_paths()) as store:
        assert [o.session.id for o in store.list_sessions()] == [seeded[1].id, seeded[0].id]
    close_message_boxes()


def test_delete_key_on_the_table_asks_too(seeded, make_window, qtbot):
    _, page = open_history(make_window, qtbot)
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.confirmation is not None and page.confirmation.isVisible()
    page.confirmation.reject()


def test_the_list_refreshes_when_shown_and_after_all_data_is_deleted(seeded, make_window, qtbot):
    window, page = open_history(make_window, qtbot)
    window.show_page("decks")
    with Store.open(app_paths()) as store:
        added = store.create_session("friend", started_at=datetime.now(UTC) + timedelta(minutes=1))
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        window.show_page("history")
    assert page.table.shown_overviews()[0].session.id == added.id

    window.context.store.value.delete_all_data()
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        window.context.events.data_deleted.emit()
    assert page.table.shown_overviews() == []
    assert page.placeholder.text() == NO_SESSIONS_TEXT


def test_the_pace_band_follows_the_pace_settings(seeded, make_window, qtbot):
    from mockint.settings import Setting

    window, page = open_history(make_window, qtbot)
    window.context.set_setting(Setting.PACE_SLOW_WPM, 110)
    window.context.set_setting(Setting.PACE_FAST_WPM, 150)
    lower, upper = page.charts.pace.band.lowerSeries().points(), page.charts.pace.band.upperSeries().points()
    assert {p.y() for p in lower} == {110.0} and {p.y() for p in upper} == {150.0}


def test_delete_confirmation_is_a_question_box(seeded, make_window, qtbot):
    _, page = open_history(make_window, qtbot)
    page.table.selectRow(0)
    box = page.ask_to_delete_selected()
    assert isinstance(box, QMessageBox) and box.icon() == QMessageBox.Icon.Question
    assert box.defaultButton().text() == "Keep it"  # Enter does not delete
    box.reject()
