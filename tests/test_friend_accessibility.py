"""The interviewer's console through the accessibility tree: every control named, every value readable
(the question, the notes, the timer, the flags themselves, not only their roles); and what survives
the console closing mid-answer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from mockint.app.friend_session import FriendPhase
from mockint.core.session import FlagKind
from mockint.paths import app_paths
from mockint.store import Store
from mockint.ui.friend.candidate_view import RECORDING
from tests.test_friend_console import open_friend_page, press
from tests.test_ui_practice_support import FIRST_QUESTION

CONTROL_ROLES = {
    QAccessible.Role.PushButton,
    QAccessible.Role.CheckBox,
    QAccessible.Role.ComboBox,
    QAccessible.Role.EditableText,
    QAccessible.Role.SpinBox,
}


def walk(widget: QWidget) -> list[tuple[QAccessible.Role, str, str, str]]:
    """(role, name, description, value) of every visible node under `widget`'s interface."""
    found = []

    def visit(node, depth: int) -> None:
        if node is None or not node.isValid() or depth > 40:
            return
        if node.state().invisible:
            return
        found.append(
            (
                node.role(),
                node.text(QAccessible.Text.Name),
                node.text(QAccessible.Text.Description),
                node.text(QAccessible.Text.Value),
            )
        )
        for index in range(node.childCount()):
            visit(node.child(index), depth + 1)

    visit(QAccessible.queryAccessibleInterface(widget), 0)
    return found


def names(nodes) -> list[str]:
    return [name for _role, name, _description, _value in nodes]


def test_the_console_reads_out_its_values_and_names_every_control(
    make_window, qtbot, virtual_microphone, korean_model_path: Path
):
    page = open_friend_page(make_window, qtbot, korean_model_path)
    with qtbot.waitSignal(page.flow.started, timeout=10000):
        page.start()
    console = page.console
    nodes = walk(console)
    read = names(nodes)
    assert FIRST_QUESTION in read, "the question itself reaches the tree"
    assert console.target.text() in read and console.target.text().startswith("Target ")
    assert console.status.text() in read
    assert console.follow_ups.text() in read
    unnamed = [(role, description) for role, name, description, _ in nodes if role in CONTROL_ROLES and not name]
    assert unnamed == []
    for needed in ("Start answer", "Ask follow-up", "Next", "Skip", "Repeat", "Pick another", "Strong moment"):
        assert needed in read, needed
    # The question label keeps its role in the description, not as a name that would hide it.
    question = next(node for node in nodes if node[1] == FIRST_QUESTION)
    assert question[2] == "Question to ask"

    # During an answer: the timer and each flag, as text.
    with qtbot.waitSignal(page.flow.answer_started, timeout=15000):
        press(page, qtbot, Qt.Key.Key_Space)
    press(page, qtbot, Qt.Key.Key_2)
    read = names(walk(console))
    assert "Stop answer" in read
    assert any(text.startswith("Flags: ") and "unclear" in text for text in read), read
    assert console.timer.text in read or any(console.timer.text in value for *_, value in walk(console.timer))


def test_closing_the_window_mid_answer_keeps_the_recording_and_its_flags(
    make_window, qtbot, virtual_microphone, korean_model_path: Path
):
    page = open_friend_page(make_window, qtbot, korean_model_path)
    with qtbot.waitSignal(page.flow.started, timeout=10000):
        page.start()
    candidate = page.open_candidate_view(force=True)
    with qtbot.waitSignal(page.flow.answer_started, timeout=15000):
        press(page, qtbot, Qt.Key.Key_Space)
    assert candidate.state.text() == RECORDING and candidate.question.text() == "Listen to the interviewer"
    press(page, qtbot, Qt.Key.Key_1)
    assert page.flow.model is not None and page.flow.model.phase is FriendPhase.ANSWERING
    store = page.context.store.value
    answer_id = page.flow.capture.answer_id
    qtbot.waitUntil(lambda: len(store.flags_for_answer(answer_id)) == 1, timeout=5000)
    qtbot.waitUntil(lambda: page.flow.capture.elapsed_s > 1.2, timeout=5000)

    page.window().close()  # waits for the answer's worker, then closes the store
    with Store.open(app_paths()) as reopened:
        answer = reopened.get_answer(answer_id)
        assert answer.audio_path is not None and answer.duration_s is not None and answer.duration_s > 1.0
        assert reopened.recordings.resolve(answer.audio_path).is_file()
        [flag] = reopened.flags_for_answer(answer_id)
        assert flag.kind is FlagKind.STRONG
        assert reopened.get_session(answer.session_id).mode.value == "friend"


def test_the_candidate_view_shows_the_question_only_when_allowed_and_keeps_up_mid_answer(
    make_window, qtbot, virtual_microphone, korean_model_path: Path
):
    page = open_friend_page(make_window, qtbot, korean_model_path)
    page.setup_panel.sees_question.setChecked(True)
    page.setup_panel.candidate.setText("Sam")
    with qtbot.waitSignal(page.flow.started, timeout=10000):
        page.start()
    with qtbot.waitSignal(page.flow.answer_started, timeout=15000):
        press(page, qtbot, Qt.Key.Key_Space)
    candidate = page.open_candidate_view(force=True)  # opened once the answer is under way
    assert candidate.isVisible() and candidate.windowTitle() == "MockInt — Sam"
    assert (candidate.question.text(), candidate.state.text()) == (FIRST_QUESTION, RECORDING)
    qtbot.waitUntil(lambda: candidate.timer.text() != "0:00", timeout=5000)
    read = names(walk(candidate))
    assert FIRST_QUESTION in read and RECORDING in read
    # Nothing for the interviewer's eyes: no notes, no flags, no figures.
    assert page.console.good_answer.text() not in read
    candidate.close()  # the candidate closing their window does not end the session
    assert page.flow.is_active
