"""What a screen reader hears: the accessibility tree (QAccessible, as AT-SPI reads it) of the
practice page during a real answer and of the report after it holds the content itself — the
question, the figures, the deck's coaching — not only the roles of the labels that show them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import QLabel, QWidget

from mockint.ui.pages import NAV_KEYS
from mockint.ui.practice.session_state import Phase
from tests.test_ui_practice_support import (
    FIRST_QUESTION,
    FOLLOW_UP,
    KOREAN_DECK,
    open_practice,
    play_while_recording,
    practice_settings,
    press,
    spoken_answers,
    start_with_keyboard,
    write_korean_deck,
)

__all__ = ["spoken_answers"]  # a fixture, used by name

GOOD_ANSWER = "Name the role, one strength with an example, and why this team."
COACHED_DECK = KOREAN_DECK.replace(
    f'follow_ups = ["{FOLLOW_UP}"]\n', f'follow_ups = ["{FOLLOW_UP}"]\ngood_answer = "{GOOD_ANSWER}"\n'
)


def heard(widget: QWidget) -> list[str]:
    """Every name, description and value of the visible accessible objects under `widget`."""
    texts: list[str] = []
    stack = [QAccessible.queryAccessibleInterface(widget)]
    while stack:
        node = stack.pop()
        if node is None or not node.isValid() or node.state().invisible:
            continue
        for kind in (QAccessible.Text.Name, QAccessible.Text.Description, QAccessible.Text.Value):
            text = node.text(kind)
            if text:
                texts.append(text)
        stack.extend(node.child(i) for i in range(node.childCount()))
    return texts


def names(widget: QWidget) -> list[str]:
    out: list[str] = []
    stack = [QAccessible.queryAccessibleInterface(widget)]
    while stack:
        node = stack.pop()
        if node is None or not node.isValid() or node.state().invisible:
            continue
        out.append(node.text(QAccessible.Text.Name))
        stack.extend(node.child(i) for i in range(node.childCount()))
    return out


def test_a_screen_reader_hears_the_question_during_the_answer_and_the_figures_after_it(
    make_window, qtbot, virtual_microphone, korean_model_path: Path, spoken_answers: list[Path]
):
    window, page = open_practice(make_window, qtbot, practice_settings(korean_model_path))
    write_korean_deck().write_text(COACHED_DECK, encoding="utf-8")
    window.context.events.decks_changed.emit()
    qtbot.waitUntil(lambda: window.context.decks.value is not None and _has_coaching(window), timeout=10000)
    flow, view = page.flow, page.interview

    with qtbot.waitSignal(flow.answer_started, timeout=15000):
        start_with_keyboard(page, qtbot)
    during = names(page)
    assert FIRST_QUESTION in during  # the question itself, not "Question text"
    assert "Question text" not in during and "Question number" not in during
    assert "QUESTION 1 OF 2" in during
    assert any(text.startswith("0:0") and "target 20–60 s" in text for text in during)  # the timer

    play_while_recording(qtbot, virtual_microphone, spoken_answers[0])
    with qtbot.waitSignal(flow.answer_saved, timeout=20000):
        press(page, qtbot, Qt.Key.Key_Space)
    assert flow.phase is Phase.REPORT
    after = heard(view.answer_summary)
    summary = view.answer_summary
    length, pace, fillers = summary.length[1].text(), summary.pace[1].text(), summary.fillers[1].text()
    assert "too short (target 20–60 s)" in length and pace.endswith("words/min") and fillers.endswith("fillers/min")
    spoken_names = names(view.answer_summary)
    for figure in (length, pace, fillers):
        assert figure in spoken_names, figure  # the value is the name, not "Length" / "Pace" / "Fillers"
    assert GOOD_ANSWER in spoken_names and f"•  {FOLLOW_UP}" in spoken_names  # the deck's coaching, on the report
    assert "What a good answer covers" in after  # the role, as the description
    assert summary.feedback_texts() and all(": " in text for text in summary.feedback_texts())


def _has_coaching(window) -> bool:
    deck = window.context.decks.value.find("ko-practice")
    return deck is not None and deck.question("intro").good_answer == GOOD_ANSWER


def test_no_label_in_the_window_hides_its_text_behind_an_accessible_name(make_window, qtbot):
    window = make_window(load_in_background=False)
    for key in NAV_KEYS:
        window.show_page(key)
    hiding = [
        (label.objectName(), label.text(), label.accessibleName())
        for label in window.findChildren(QLabel)
        if label.text() and label.accessibleName() and label.text() not in label.accessibleName()
    ]
    assert hiding == []


def test_the_deck_check_boxes_toggle_by_keyboard_and_by_the_accessibility_action(make_window, qtbot):
    window = make_window(load_in_background=False)
    setup = window.page("practice").setup
    qtbot.waitUntil(lambda: setup.deck_list.count() > 0)
    box = setup.deck_list.box("warm-up")
    assert box is not None and box.isChecked()
    node = QAccessible.queryAccessibleInterface(box)
    assert node.text(QAccessible.Text.Name).startswith("Warm-up") and node.state().checked
    node.actionInterface().doAction(QAccessibleActionInterface.toggleAction())
    assert not box.isChecked() and setup.selected_deck_ids() == []
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and setup.selected_deck_ids() == ["warm-up"]


def test_the_review_report_reads_its_figures_not_only_their_names(make_window, qtbot):
    from scripts.demo_history import seed_demo_history

    sessions = seed_demo_history()
    window = make_window()
    window.show_page("review")
    review = window.page("review")
    review.show_session(sessions[0])
    qtbot.waitUntil(lambda: review.current_answer() is not None, timeout=10000)
    qtbot.waitUntil(lambda: review.answer_view.figures.isVisible(), timeout=10000)
    figures = review.answer_view.figures.figures()
    spoken = names(review)
    for key, caption in (("length", "Length"), ("pace", "Pace"), ("fillers", "Fillers")):
        assert f"{caption}: {figures[key].value}" in spoken  # "Length: 0:26", not "Length"
        assert caption not in spoken
    question = review.current_answer().answer.question_text
    assert any(question in text for text in spoken)
