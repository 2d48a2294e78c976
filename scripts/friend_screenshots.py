"""Screenshots of the friend mode for `scripts/screenshots.py`: the interviewer's console during an
answer, the candidate's view, Review with a friend's flags and ratings, and the deck editor.

The console records for real (from the tests' private PulseAudio server when it runs); the Review
shot is of a seeded friend session, analysed by the real engine like the demo history.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mockint.core.session import FlaggedMoment, FlagKind, PracticeMode, Rating
from mockint.paths import app_paths
from mockint.store import Store
from scripts.demo_history import ANSWERS, _add_answer

NOTE = "Good: names the vendor change"


def seed_friend_session(now: datetime | None = None) -> int:
    """A friend session with two analysed answers, flags at their moments, and ratings."""
    started = (now or datetime.now(UTC)) - timedelta(hours=1)
    with Store.open(app_paths()) as store:
        session = store.create_session(
            PracticeMode.FRIEND, deck_ids=["behavioural", "tricky"], title="With Sam", started_at=started
        )
        answers = []
        for number, (question, deck, target, tries) in enumerate(ANSWERS[:2]):
            asked = started + timedelta(minutes=5 * number)
            answers.append(_add_answer(store, session.id, question, deck, target, tries[1], None, asked))
        first, second = answers
        store.add_flags(
            [
                FlaggedMoment(first, 4.2, "", FlagKind.STRONG),
                FlaggedMoment(first, 9.8, NOTE, FlagKind.NOTE),
                FlaggedMoment(first, 19.5, "", FlagKind.RAMBLING),
                FlaggedMoment(second, 6.0, "", FlagKind.UNCLEAR),
            ]
        )
        store.save_rating(Rating(first, clarity=4, structure=5, confidence=3, relevance=4, comment="Clear STAR story"))
        store.save_rating(Rating(second, clarity=3, relevance=4, comment="Say why this role"))
        store.end_session(session.id, started + timedelta(minutes=12))
        return session.id


def render_friend(window, out_dir: Path, suffix: str, settle: Callable[[float], None], session_id: int) -> list[Path]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from mockint.app.friend_session import FriendCommand
    from mockint.ui.pages.deck_list import DeckList

    written: list[Path] = []

    def save(widget, name: str) -> None:
        path = out_dir / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        written.append(path)

    # Review: the friend's flags on the timeline and the transcript, the ratings beside the analysis.
    window.show_page("review")
    window.page("review").show_session(session_id)
    settle(2.0)
    save(window, "friend-review")

    # The deck editor: a shipped deck duplicated to edit, one field typed into a broken state.
    decks = window.page("decks")
    window.show_page("decks")
    decks.findChild(DeckList).select_deck("tricky")
    settle(0.5)
    editor = decks.editing.edit_deck()
    settle(0.5)
    if editor is not None:
        editor.question_list.setCurrentRow(1)
        QTest.keyClicks(editor.form.category_edit, " Ones")
        settle(0.5)
        save(editor, "deck-editor")
        editor.reject()

    # The console during an answer, with flags and a note, and the candidate's view beside it.
    friend = window.page("friend")
    window.show_page("friend")
    settle(0.5)
    friend.setup_panel.sees_question.setChecked(True)
    friend.setup_panel.count.setValue(3)
    friend.setup_panel.candidate.setText("Sam")
    friend.start()
    settle(2.0)
    console = friend.console
    console.do(FriendCommand.START_STOP)
    settle(2.5)
    console.do(FriendCommand.FLAG_STRONG)
    settle(1.2)
    console.do(FriendCommand.NOTE)
    QTest.keyClicks(console.note_edit, NOTE)
    QTest.keyClick(console.note_edit, Qt.Key.Key_Return)
    settle(1.0)
    save(window, "friend-console")
    candidate = friend.open_candidate_view(force=True)
    candidate.resize(900, 560)
    settle(1.0)
    save(candidate, "friend-candidate")
    friend.abort_session()
    settle(1.0)
    return written
