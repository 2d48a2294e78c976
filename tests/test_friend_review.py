"""A friend session in Review and History: flags as a fourth mark on the timeline and the transcript
(own shape, legend entry), the ratings beside the analysis and editable there, the History filter."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mockint.core.session import FlaggedMoment, FlagKind, PracticeMode, Rating, RatingCriterion
from mockint.core.targets import TargetRange
from mockint.paths import app_paths
from mockint.store.app_store import Store
from mockint.ui.review.transcript_marks import FLAG_SYMBOL, Mark
from tests.test_ui_review_support import BEHAVIOURAL_QUESTION, FIRST_TRY, add_analysed_answer

WAIT_MS = 15000


def seed_friend_session() -> tuple[int, int]:
    with Store.open(app_paths()) as store:
        solo = store.create_session(PracticeMode.SOLO)
        add_analysed_answer(store, solo.id, BEHAVIOURAL_QUESTION, FIRST_TRY, TargetRange(20, 40))
        session = store.create_session(PracticeMode.FRIEND, title="With Jo")
        answer = add_analysed_answer(store, session.id, BEHAVIOURAL_QUESTION, FIRST_TRY, TargetRange(20, 40))
        store.add_flags(
            [
                FlaggedMoment(answer, 1.2, "", FlagKind.STRONG),
                FlaggedMoment(answer, 3.0, "lost the thread", FlagKind.NOTE),
            ]
        )
        store.save_rating(Rating(answer, clarity=4, structure=2, comment="needs a result"))
        return session.id, answer


def open_review_of(make_window, qtbot, session_id: int, answer_id: int):
    window = make_window()
    assert window.show_page("review")
    page = window.page("review")
    qtbot.waitUntil(lambda: page.current_answer() is not None, timeout=WAIT_MS)
    with qtbot.waitSignal(page.answer_shown, timeout=WAIT_MS, check_params_cb=lambda a: a.id == answer_id):
        page.show_session(session_id, answer_id)
    return window, page


def test_flags_are_a_fourth_mark_on_the_timeline_and_transcript_with_their_own_legend(make_window, qtbot):
    session_id, answer_id = seed_friend_session()
    _, page = open_review_of(make_window, qtbot, session_id, answer_id)
    view = page.answer_view

    assert [(f.at_s, f.kind) for f in view.timeline.flags()] == [(1.2, FlagKind.STRONG), (3.0, FlagKind.NOTE)]
    assert "The interviewer flagged: strong moment at 0:01.2; note: lost the thread at 0:03.0." in (
        view.timeline.accessibleDescription()
    )
    x = view.timeline.x_of(1.2)
    assert view.timeline.hover_text(x).startswith("The interviewer flagged strong moment at 0:01.2")

    chips = [f.text for f in view.transcript.fragments() if f.mark is Mark.FLAG]
    assert [chip.replace("\u00a0", " ").strip() for chip in chips] == [
        f"{FLAG_SYMBOL} strong moment",
        f"{FLAG_SYMBOL} note: lost the thread",
    ]
    assert "2 flags from the interviewer" in view.transcript.accessibleDescription()
    assert (Mark.FLAG, "interviewer's flag") in view.legend.items()

    # Beside the analysis: the flags (each plays from there) and the ratings, editable later.
    card = view.friend
    assert card.isVisible()
    assert card.summary.text() == "2 flagged moments; Clarity 4/5, Structure 2/5. “needs a result”"
    assert [b.accessibleName() for b in card.flag_buttons] == [
        f"{FLAG_SYMBOL} 0:01.2  strong moment",
        f"{FLAG_SYMBOL} 0:03.0  note: lost the thread",
    ]
    card.rating.set_score(RatingCriterion.CONFIDENCE, 5)
    with qtbot.waitSignal(page.rating_saved, timeout=WAIT_MS):
        qtbot.mouseClick(card.rating.save_button, Qt.MouseButton.LeftButton)
    store = page.context.store.value
    assert store.rating_for(answer_id) == Rating(
        answer_id, clarity=4, structure=2, confidence=5, comment="needs a result"
    )
    assert "Confidence 5/5" in card.summary.text()


def test_a_solo_answer_shows_no_friend_marks(make_window, qtbot):
    seed_friend_session()
    with Store.open(app_paths()) as store:
        solo = next(o.session for o in store.list_sessions() if o.session.mode is PracticeMode.SOLO)
        solo_answer = store.answers_for_session(solo.id)[0].id
    _, page = open_review_of(make_window, qtbot, solo.id, solo_answer)
    view = page.answer_view
    assert view.timeline.flags() == [] and not view.friend.isVisible()
    assert Mark.FLAG not in [mark for mark, _ in view.legend.items()]
    assert not [f for f in view.transcript.fragments() if f.mark is Mark.FLAG]


def test_history_filters_friend_sessions(make_window, qtbot):
    seed_friend_session()
    window = make_window()
    assert window.show_page("history")
    page = window.page("history")
    qtbot.waitUntil(lambda: len(page.table.shown_overviews()) == 2, timeout=WAIT_MS)
    assert page.mode_filter.isVisible() and page.mode_filter.accessibleName() == "Show sessions of"
    page.mode_filter.setFocus()
    friend_row = page.mode_filter.findData(PracticeMode.FRIEND.value)
    while page.mode_filter.currentIndex() != friend_row:
        qtbot.keyClick(page.mode_filter, Qt.Key.Key_Down)
    shown = page.table.shown_overviews()
    assert [o.session.mode for o in shown] == [PracticeMode.FRIEND]
    assert "Friend as interviewer" in page.table.shown_text(0)
    page.mode_filter.setCurrentIndex(page.mode_filter.findData(PracticeMode.SOLO.value))
    assert [o.session.mode for o in page.table.shown_overviews()] == [PracticeMode.SOLO]
    page.mode_filter.setCurrentIndex(0)
    assert len(page.table.shown_overviews()) == 2
