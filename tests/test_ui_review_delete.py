"""Deleting one answer in Review, with a confirmation, so an accident does not count in the figures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mockint.paths import app_paths
from mockint.store.app_store import Store
from tests.test_ui_review_page import WAIT_MS, open_review
from tests.test_ui_review_support import WHY_QUESTION, seed_history


def test_one_answer_is_deleted_after_the_user_confirms_and_no_longer_counts(make_window, qtbot):
    seeded = seed_history()
    window, page = open_review(make_window, qtbot)
    first, second = seeded.answer_ids
    with Store.open(app_paths()) as store:
        audio = store.recordings.path_for(first)
        before = next(o for o in store.list_sessions() if o.session.id == seeded.session_id).summary
    assert audio.is_file() and before.answer_count == 2
    assert page.current_answer().id == first
    assert page.delete_answer_button.isEnabled() and page.delete_answer_button.accessibleName() == "Delete answer"

    # Asking is not deleting: Enter (the default button) and Escape keep it.
    page.delete_answer_button.setFocus()
    qtbot.keyClick(page.delete_answer_button, Qt.Key.Key_Space)
    box = page.deletion.confirmation
    assert isinstance(box, QMessageBox) and box.isVisible() and box.icon() == QMessageBox.Icon.Question
    assert box.defaultButton().text() == "Keep it" and "cannot be undone" in box.text()
    box.reject()
    assert [a.id for a in page.answer_list.answers()] == [first, second]

    box = page.ask_to_delete_answer()
    assert box is not None
    delete = next(b for b in box.buttons() if b.text() == "Delete answer")
    with qtbot.waitSignal(page.deletion.deleted, timeout=WAIT_MS) as deleted:
        qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert deleted.args == [first]
    qtbot.waitUntil(lambda: [a.id for a in page.answer_list.answers()] == [second], timeout=WAIT_MS)
    assert page.session_picker.current_session_id() == seeded.session_id  # still on the same session
    assert page.question.text() == WHY_QUESTION
    assert not audio.exists()  # its recording went with it
    with Store.open(app_paths()) as store:
        after = next(o for o in store.list_sessions() if o.session.id == seeded.session_id).summary
    assert after.answer_count == 1  # the session's figures, History and the charts no longer count it
