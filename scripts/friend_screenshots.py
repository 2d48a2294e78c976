"""Screenshots of the friend mode for `scripts/screenshots.py`: the interviewer's console during an
answer, the candidate's view, Review with a friend's flags and ratings, and the deck editor.

The console records for real (from the tests' private PulseAudio server when it runs); the Review
shot is of a seeded friend session, analysed by the real engine like the demo history.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mockint.core.session import FlaggedMoment, FlagKind, PracticeMode, Rating
from mockint.paths import app_paths
from mockint.store import Store
from scripts.demo_history import ANSWERS, _add_answer, _timed_words, _write_voice_like_wav

NOTE = "Good: names the vendor change"
CONSOLE_NOTE = "Good example; ask for the result"  # fits whichever question the console drew


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
            # The friend session is today's: the candidate's best answers so far, as in the demo history.
            answers.append(_add_answer(store, session.id, question, deck, target, tries[-1], None, asked))
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
    recorded = friend.flow.session.id if friend.flow.session is not None else None
    console = friend.console
    voice = _candidate_speaking()  # the level meter shows the microphone hearing someone
    console.do(FriendCommand.START_STOP)
    settle(2.5)
    console.do(FriendCommand.FLAG_STRONG)
    settle(1.2)
    console.do(FriendCommand.NOTE)
    QTest.keyClicks(console.note_edit, CONSOLE_NOTE)
    QTest.keyClick(console.note_edit, Qt.Key.Key_Return)
    settle(1.0)
    save(window, "friend-console")
    candidate = friend.open_candidate_view(force=True)
    candidate.resize(900, 560)
    settle(1.0)
    save(candidate, "friend-candidate")
    friend.abort_session()
    if voice is not None:
        voice.terminate()
        voice.wait(timeout=10)
    settle(1.0)
    store = window.context.store.value
    if recorded is not None and store is not None:
        # The console's answer was a hum cut short for the picture: not part of the user's history,
        # where it would drag the progress page's figures down.
        store.delete_session(recorded)
        window.context.events.sessions_changed.emit()
        settle(0.5)
    return written


def _candidate_speaking() -> subprocess.Popen[bytes] | None:
    """Plays a voice-like hum into the tests' virtual microphone, when its PulseAudio server runs."""
    try:
        from tests import pulse
    except ImportError:
        return None
    words, duration = _timed_words(ANSWERS[0][3][-1])
    wav = app_paths().cache_dir / "candidate-speaking.wav"  # inside the screenshots' temporary home
    _write_voice_like_wav(wav, words, duration)
    try:
        return subprocess.Popen(
            ["paplay", "--server", pulse.SERVER, f"--device={pulse.SINK}", str(wav)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return None  # no paplay: the console shows a silent microphone, which is true
