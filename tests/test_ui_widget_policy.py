"""The rules every widget follows (mockint/ui/widget_policy.py): deck text is shown literally,
never as HTML, and the mouse wheel scrolls the page instead of changing a setting."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from mockint.paths import app_paths
from mockint.settings import Setting, Settings
from mockint.ui.widget_policy import apply_widget_policy

LINK = '<a href="https://example.com/phish">Click to claim your prize</a>'
TABLE = "<table><tr><td>fake</td><td>table</td></tr></table>"
IMAGE = '<img src="/etc/hostname"> <b>bold</b>'
MARKUP_DECK = f"""
name = '{LINK}'
description = '{TABLE}'
language = "en"
default_target_s = [15, 45]

[[questions]]
id = "markup"
text = '{IMAGE}'
category = "opener"
difficulty = "easy"
follow_ups = ['{LINK}']
good_answer = '{TABLE}'
"""


def wheel(widget: QWidget, steps: int = -3) -> QWheelEvent:
    """A mouse-wheel turn over the middle of `widget` (negative: scrolling down the page)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event


def test_the_wheel_scrolls_the_page_over_a_box_without_focus_and_turns_a_focused_one(qtbot):
    area = QScrollArea()
    qtbot.addWidget(area)
    column = QWidget()
    layout = QVBoxLayout(column)
    spin, combo = QSpinBox(), QComboBox()
    spin.setRange(0, 100)
    spin.setValue(50)
    combo.addItems(["one", "two", "three"])
    combo.setCurrentIndex(1)
    layout.addSpacing(300)
    layout.addWidget(spin)
    layout.addWidget(combo)
    layout.addSpacing(900)
    area.setWidget(column)
    apply_widget_policy(area)
    area.resize(300, 400)
    area.show()
    qtbot.waitExposed(area)
    area.ensureWidgetVisible(spin)
    before = area.verticalScrollBar().value()

    wheel(spin)
    wheel(combo)
    assert spin.value() == 50 and combo.currentIndex() == 1  # nothing changed by accident
    assert area.verticalScrollBar().value() > before  # the page scrolled instead
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not hand it the focus

    area.activateWindow()
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel(spin, steps=1)
    assert spin.value() == 51  # chosen on purpose (focused): the wheel works as usual


def test_the_wheel_over_the_settings_page_never_changes_a_saved_threshold(make_window, qtbot):
    window = make_window(load_in_background=False)
    window.show_page("settings")
    section = window.page("settings").section("analysis")
    long_pause = section.long_pause
    saved_before = Settings(app_paths().settings_file).get(Setting.LONG_PAUSE_S)
    value = long_pause.value()
    for _ in range(5):
        wheel(long_pause)
    assert long_pause.value() == value
    window.context.settings.flush()  # a change would be written in the background; wait for it
    assert Settings(app_paths().settings_file).get(Setting.LONG_PAUSE_S) == saved_before


def test_a_deck_full_of_markup_is_shown_literally_everywhere(make_window, qtbot):
    folder = app_paths().user_decks_dir
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "markup.toml").write_text(MARKUP_DECK, encoding="utf-8")
    Settings(app_paths().settings_file).set(Setting.SELECTED_DECKS, ["markup"])
    window = make_window(load_in_background=False)

    window.show_page("decks")
    decks = window.page("decks")
    qtbot.waitUntil(lambda: any(d.id == "markup" for d in decks.deck_list.decks()), timeout=10000)
    assert decks.deck_list.select_deck("markup")
    decks.deck_view.select_question(0)
    setup = window.page("practice").setup
    qtbot.waitUntil(lambda: setup.deck_list.count() > 0)

    shown = {label.text(): label for label in window.findChildren(QLabel) if label.isVisible() and label.text()}
    for raw in (LINK, TABLE, IMAGE):
        label = shown.get(raw) or next(lab for text, lab in shown.items() if raw in text)
        assert label.textFormat() == Qt.TextFormat.PlainText, raw
        assert not label.openExternalLinks()
    literal = [label for label in window.findChildren(QLabel) if "<" in label.text() and label.isVisible()]
    assert literal and all(label.textFormat() == Qt.TextFormat.PlainText for label in literal)
    assert setup.deck_list.box("markup").text().startswith(LINK)  # the tick box names it literally too
