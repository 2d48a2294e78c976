"""Layouts hold at the default size and at 1024x700: nothing is clipped or cut while there is
room, measured on the real widgets over a seeded history (with a retried question in its last session),
in the app's own theme (Fusion, its palette and style sheet: what sets the sizes a user sees)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QWidget,
)

from mockint.app.answer_result import CapturedAnswer
from mockint.app.mirror import MirrorMedia
from mockint.core.targets import TargetRange
from mockint.core.words import Transcript
from mockint.paths import app_paths
from mockint.store.app_store import Store
from mockint.ui.main_window import DEFAULT_SIZE
from mockint.ui.pages import NAV_KEYS
from mockint.ui.theme import ThemeManager
from scripts.demo_history import seed_demo_history

SIZES = (DEFAULT_SIZE, QSize(1024, 700))


def right_edge_in(widget: QWidget, ancestor: QWidget) -> int:
    return widget.mapTo(ancestor, QPoint(widget.width(), 0)).x()


@pytest.fixture
def app_theme(qapp):
    """The theme applied to the application as `run_app` applies it, before any window is built;
    afterwards the application's style, sheet and palette are put back for the tests that follow."""
    style, sheet, palette = qapp.style().name(), qapp.styleSheet(), qapp.palette()
    manager = ThemeManager(qapp)
    try:
        yield manager.apply()
    finally:
        manager.deleteLater()
        qapp.setStyleSheet(sheet)
        qapp.setStyle(style)
        qapp.setPalette(palette)


@pytest.fixture
def seeded_window(app_theme, make_window, qtbot):
    sessions = seed_demo_history()
    window = make_window()
    for key in NAV_KEYS:
        window.show_page(key)  # every page built: the minimum width is the largest of them
    return window, sessions


def test_the_window_fits_in_1024_pixels(seeded_window):
    window, _ = seeded_window
    assert window.minimumSizeHint().width() <= 1024
    assert window.minimumSize().width() <= 1024


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_compare_attempts_shows_both_attempts_whole(seeded_window, qtbot, size):
    window, sessions = seeded_window
    window.resize(size)
    window.show_page("review")
    review = window.page("review")
    review.show_session(sessions[-1])
    qtbot.waitUntil(lambda: review.compare.attempt_count >= 2, timeout=10000)
    review.tabs.setCurrentWidget(review.compare_tab)
    qtbot.waitUntil(lambda: review.compare.right.isVisible())
    QApplication.processEvents()
    viewport = review.compare_tab.viewport()
    for column in (review.compare.left, review.compare.right):
        assert right_edge_in(column, viewport) <= viewport.width(), "an attempt is clipped"
        title = column.title
        assert title.heightForWidth(title.width()) <= title.height() + 1  # the title wraps, whole
    for combo in (review.compare.before_choice, review.compare.after_choice):
        if combo.isVisible():
            assert right_edge_in(combo, viewport) <= viewport.width()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_deck_names_are_not_cut(seeded_window, qtbot, size):
    window, _ = seeded_window
    window.resize(size)
    window.show_page("practice")
    setup = window.page("practice").setup
    qtbot.waitUntil(lambda: setup.deck_list.count() > 0)
    QApplication.processEvents()
    viewport = setup.deck_list.viewport()
    for box in setup.deck_list.boxes():
        assert box.width() >= box.sizeHint().width(), box.text()
        assert right_edge_in(box, viewport) <= viewport.width(), box.text()

    window.show_page("decks")
    decks = window.page("decks")
    qtbot.waitUntil(lambda: bool(decks.deck_list.decks()))
    QApplication.processEvents()
    tree = decks.deck_list
    metrics = tree.fontMetrics()
    for deck in tree.decks():
        assert metrics.horizontalAdvance(deck.name) + 8 <= tree.columnWidth(0), deck.name


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_question_texts_wrap_instead_of_being_cut(seeded_window, qtbot, size):
    window, _ = seeded_window
    window.resize(size)
    window.show_page("decks")
    decks = window.page("decks")
    qtbot.waitUntil(lambda: bool(decks.deck_list.decks()))
    assert decks.deck_list.select_deck("behavioural")
    QApplication.processEvents()
    questions = decks.deck_view.questions
    width = questions.columnWidth(0) - 16
    for row in range(min(questions.topLevelItemCount(), 8)):
        item = questions.topLevelItem(row)
        needed = questions.fontMetrics().boundingRect(0, 0, width, 100_000, 0x1000, item.text(0)).height()
        assert questions.visualItemRect(item).height() >= needed, item.text(0)  # 0x1000: Qt.TextWordWrap
    visible = [label for label in window.findChildren(QLabel) if label.isVisible() and label.wordWrap()]
    assert all(label.heightForWidth(label.width()) <= label.height() + 1 for label in visible)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_history_columns_share_the_width_and_show_every_cell_whole(seeded_window, qtbot, size):
    window, _ = seeded_window
    window.resize(size)
    window.show_page("history")
    table = window.page("history").table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0, timeout=10000)
    QApplication.processEvents()
    header = table.horizontalHeader()
    _history_titles_and_cells_are_whole(table, size)
    for column in range(table.model().columnCount()):  # whichever column the user sorts by
        point = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.waitUntil(lambda column=column: header.sortIndicatorSection() == column)
        QApplication.processEvents()
        _history_titles_and_cells_are_whole(table, size)


def _history_titles_and_cells_are_whole(table, size) -> None:
    model, header, metrics = table.model(), table.horizontalHeader(), table.fontMetrics()
    sorted_by = header.sortIndicatorSection()
    title_font = QFont(header.font())
    title_font.setBold(True)  # what QHeaderView measures a title in
    decks = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Decks")
    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        where = f"at {size.width()}x{size.height()}, sorted by column {sorted_by}"
        assert table.columnWidth(column) >= header.sectionSizeHint(column), f"the {title} title is cut {where}"
        # Measured apart from the header's own hint: the title fits the room the style gives it...
        option = QStyleOptionHeader()
        header.initStyleOption(option)
        option.rect = QRect(0, 0, table.columnWidth(column), header.height())
        label = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
        assert QFontMetrics(title_font).horizontalAdvance(title) <= label.width(), f"the {title} title is cut {where}"
        if column == sorted_by:  # ...and the sorted column has the room Qt itself asks for its arrow
            assert table.columnWidth(column) >= QHeaderView.sectionSizeFromContents(header, column).width(), where
        if column != decks:  # sizeHintForColumn: the width the longest cell needs, as Qt measures it
            assert table.columnWidth(column) >= table.sizeHintForColumn(column), f"{title} cut {where}"
    # The deck names show whole: on one line when there is room, wrapped in a taller row when not.
    width = _cell_text_width(table, decks)
    for row in range(model.rowCount()):
        text = str(model.index(row, decks).data())
        needed = metrics.boundingRect(0, 0, width, 100_000, Qt.TextFlag.TextWordWrap, text)
        assert needed.width() <= width and needed.height() + 4 <= table.rowHeight(row), f"{text!r} cut {where}"
        if needed.height() > metrics.height():  # on more than one line: it is drawn wrapped, not elided
            assert table.wordWrap() and table.textElideMode() is Qt.TextElideMode.ElideNone, f"{text!r} elided"
    assert sum(table.columnWidth(c) for c in range(model.columnCount())) <= table.viewport().width(), where


def _cell_text_width(table, column: int) -> int:
    """The width a cell's text is drawn in: the style's text rect (inside the style sheet's cell
    padding), less the margin Qt keeps on each side of an item's text."""
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.rect = QRect(0, 0, table.columnWidth(column), 100)
    option.text = "x"
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    text_rect = table.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table)
    return text_rect.width() - 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)


def _window_fits(window) -> None:
    QApplication.processEvents()
    assert window.minimumSizeHint().width() <= 1024, window.current_page_key()
    assert window.minimumSize().width() <= 1024


def test_every_page_and_view_keeps_the_window_within_1024_pixels(seeded_window, qtbot):
    """Each sidebar page, and the views inside them that a user reaches: the mirror's replay of a
    real stored answer, the friend console, every After-an-interview tab."""
    window, sessions = seeded_window
    window.resize(QSize(1024, 700))
    for key in NAV_KEYS:
        window.show_page(key)
        _window_fits(window)

    window.show_page("mirror")
    mirror = window.page("mirror")
    with Store.open(app_paths()) as store:
        answer = next(a for a in store.answers_for_session(sessions[-2]) if a.report is not None)
        audio = store.recordings.path_for(answer.id)
    assert answer.report is not None and answer.duration_s is not None
    captured = CapturedAnswer(
        answer.id, answer.report, Transcript(answer.words, answer.duration_s), audio, answer.duration_s
    )
    mirror.replay.show_answer(captured, MirrorMedia(None), answer.question_text, TargetRange(48, 72), play=False)
    mirror.stack.setCurrentWidget(mirror.replay)
    _window_fits(window)
    assert window.width() <= 1024
    replay = mirror.replay

    assert not replay.side_by_side  # at 1024 the report goes under the video, whole
    assert replay.summary.width() >= replay.summary.minimumSizeHint().width()
    window.resize(DEFAULT_SIZE)
    qtbot.waitUntil(lambda: replay.side_by_side)  # at the default size, side by side again
    window.resize(QSize(1024, 700))
    mirror.back_to_mirror()

    window.show_page("friend")
    friend = window.page("friend")
    friend.stack.setCurrentWidget(friend.console)
    _window_fits(window)

    window.show_page("after_interview")
    after = window.page("after_interview")
    for index in range(after.tabs.count()):
        after.tabs.setCurrentIndex(index)
        _window_fits(window)
