"""The Review page over a friend session whose rating of one answer is damaged (written past
MockInt by a tool): the user is told which rating was left out, in the notice History uses and
through the accessibility tree, and sees both answers and the sound rating; the warning is
Review's alone, so History does not show it again, and Review takes no other reader's."""

from __future__ import annotations

from tests.test_friend_review import WAIT_MS, open_review_of
from tests.test_store_damaged_feedback import _damage, _friend_practice
from tests.test_ui_accessibility import heard
from tests.ui_fixtures import close_message_boxes, open_message_boxes

SOUND_SUMMARY = "2 flagged moments; Clarity 4/5, Structure 3/5, Confidence 5/5. “clear, a little long”"


def test_review_names_the_damaged_rating_and_shows_the_other_answers_and_ratings(make_window, qtbot):
    ids = _friend_practice()
    _damage("UPDATE ratings SET structure = 7 WHERE answer_id = ?", ids["broken"])
    window, page = open_review_of(make_window, qtbot, ids["session"], ids["kept"])
    try:
        qtbot.waitUntil(lambda: bool(open_message_boxes()), timeout=WAIT_MS)
        [box] = open_message_boxes()  # one notice, no error
        assert box.windowTitle() == "Review"
        [line] = box.text().splitlines()  # told once, though every reload reads the rating again
        assert line.startswith(f"rating of answer {ids['broken']} was skipped: it is damaged in the database")
        assert "its structure score 7 is not a whole number from 1 to 5" in line
        assert any(line in text for text in heard(box))  # what a screen reader says

        assert [a.id for a in page.answer_list.answers()] == [ids["kept"], ids["broken"]]
        card = page.answer_view.friend
        assert card.summary.text() == SOUND_SUMMARY
        with qtbot.waitSignal(page.answer_shown, timeout=WAIT_MS, check_params_cb=lambda a: a.id == ids["broken"]):
            assert page.answer_list.choose(ids["broken"])
        assert card.summary.text() == "2 flagged moments; not rated yet."  # its flags still show
        assert [f.at_s for f in page.answer_view.timeline.flags()] == [2.5, 7.0]

        # The warning was Review's: it is not left for History to repeat.
        assert window.context.store.value.take_warnings() == []
    finally:
        close_message_boxes()


def test_review_leaves_other_readers_warnings_in_the_store_and_tells_its_own_on_its_next_visit(make_window, qtbot):
    ids = _friend_practice()
    _damage("UPDATE ratings SET clarity = 'abc' WHERE answer_id = ?", ids["broken"])
    window, page = open_review_of(make_window, qtbot, ids["session"], ids["kept"])
    store = window.context.store.value
    qtbot.waitUntil(lambda: bool(open_message_boxes()), timeout=WAIT_MS)
    close_message_boxes()

    # A read that does not collect its warnings (the command line's kind; here on this thread)
    # leaves its warning in the store for take_warnings(); History, whose reads do not skip the
    # rating, does not show it, nor take it.
    assert store.ratings_for_session(ids["session"]) == {ids["kept"]: page.review.detail.ratings[ids["kept"]]}
    history = window.page("history")
    with qtbot.waitSignal(history.refreshed, timeout=WAIT_MS):
        assert window.show_page("history")
    assert open_message_boxes() == []
    assert [w.split(" was skipped")[0] for w in store.take_warnings()] == [f"rating of answer {ids['broken']}"]

    # Review, reloading while hidden, says nothing over History; shown again, it tells once.
    with qtbot.waitSignal(page.session_shown, timeout=WAIT_MS):
        window.context.events.sessions_changed.emit()
    assert not [box for box in open_message_boxes() if box.windowTitle() == "Review"]
    assert window.show_page("review")
    qtbot.waitUntil(lambda: bool(open_message_boxes()), timeout=WAIT_MS)
    try:
        [box] = open_message_boxes()
        assert box.windowTitle() == "Review"
        assert [line.split(" was skipped")[0] for line in box.text().splitlines()] == [
            f"rating of answer {ids['broken']}"
        ]
    finally:
        close_message_boxes()
