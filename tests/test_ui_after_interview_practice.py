"""A plan item practised from the "After an interview" page through the virtual microphone with
the real Korean model, ticked off by the stored session; a story practised with its notes shown
while thinking; the progress page then shows the new sessions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from mockint.core.debrief.model import Cause, DebriefItem, HowItWent, InterviewDebrief, Story
from mockint.paths import app_paths
from mockint.store import Store
from mockint.ui.after_interview.page import AfterInterviewPage
from mockint.ui.background import ResourceState
from tests.test_ui_practice_support import (
    FIRST_QUESTION,
    play_while_recording,
    practice_settings,
    save_settings,
    spoken_answers,
)

__all__ = ["spoken_answers"]  # a fixture, used by name


def answer_once(page: AfterInterviewPage, qtbot, microphone, wav: Path) -> None:
    panel = page.practice
    qtbot.waitUntil(lambda: panel.record.isEnabled() and panel.session is not None, timeout=15000)
    qtbot.mouseClick(panel.record, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Recording"), timeout=15000)
    assert panel.record.text() == "Stop answer"
    play_while_recording(qtbot, microphone, wav)
    with qtbot.waitSignal(panel.answer_saved, timeout=30000):
        qtbot.mouseClick(panel.record, Qt.MouseButton.LeftButton)


def test_a_plan_item_practised_out_loud_is_ticked_off_and_shows_in_progress(
    make_window, qtbot, virtual_microphone, korean_model_path: Path, spoken_answers: list[Path]
):
    save_settings(practice_settings(korean_model_path))
    with Store.open(app_paths()) as store:
        story = store.save_story(
            Story("The launch", "A late launch", "Ship it", "I cut the scope", "Shipped in 2 weeks")
        )
        debrief = store.save_interview_debrief(
            InterviewDebrief(
                company="Acme", role="SRE", happened_on=date.today(),
                items=(DebriefItem(FIRST_QUESTION, HowItWent.SHAKY, (Cause.RAMBLED,), story_id=story.id),),
            )
        )  # fmt: skip
    window = make_window()
    page = window.page("after_interview")
    assert isinstance(page, AfterInterviewPage) and window.show_page("after_interview")
    qtbot.waitUntil(lambda: page.context.model.state is ResourceState.READY, timeout=30000)
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=20000)
    page.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.plan_view.row("tight_length") is not None, timeout=10000)
    row = page.plan_view.row("tight_length")
    assert row.state.text() == "To do" and not row.check.isChecked()

    qtbot.mouseClick(row.action, Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == 1
    panel = page.practice
    qtbot.waitUntil(lambda: panel.question.text() == FIRST_QUESTION, timeout=15000)
    assert panel.target.text() == "Target 30\u201360 s"  # the tight length
    answer_once(page, qtbot, virtual_microphone, spoken_answers[1])
    assert panel.result.text().startswith("Saved: ") and "fillers a minute" in panel.result.text()
    loads = page.loads
    qtbot.mouseClick(panel.finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 0 and page.loads > loads, timeout=15000)
    qtbot.waitUntil(lambda: page.plan_view.row("tight_length").state.text() == "Done", timeout=10000)
    assert page.plan_view.row("tight_length").check.isChecked()
    assert page.plan_view.row("deck").state.text() == "To do"  # the deck is ticked by practising the deck

    with Store.open(app_paths()) as store:
        (overview,) = store.list_sessions()
        assert overview.session.deck_ids == (f"plan-{debrief.id}-tight_length",)
        (answer,) = store.answers_for_session(overview.session.id)
        assert answer.question_text == FIRST_QUESTION and answer.report is not None and answer.words

    # The progress page shows the new session.
    lines = page.progress_view.summary_lines()
    assert "One session so far: practise again to see a trend." in lines
    assert "You practised today or yesterday: keep the streak going." in lines

    # The note is built from that practice attempt.
    page.tabs.setCurrentIndex(3)
    qtbot.mouseClick(page.note_view.draft, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.note_view.text.toPlainText() != "", timeout=10000)
    assert page._built_from == answer.id

    # Practise this story: its notes while thinking, hidden while answering, STAR parts reported.
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.stories_view.list.count() == 1, timeout=5000)
    page.stories_view.list.setCurrentRow(0)
    qtbot.mouseClick(page.stories_view.practise, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.question.text() == "Tell me about a time: The launch", timeout=15000)
    assert panel.target.text() == "Target 60\u2013120 s"
    assert panel.notes.isVisible() and "Result: Shipped in 2 weeks" in panel.notes.text()
    qtbot.waitUntil(lambda: panel.record.isEnabled() and panel.session is not None, timeout=15000)
    qtbot.mouseClick(panel.record, Qt.MouseButton.LeftButton)
    assert not panel.notes.isVisible()
    qtbot.waitUntil(lambda: panel.status.text().startswith("Recording"), timeout=15000)
    play_while_recording(qtbot, virtual_microphone, spoken_answers[2])
    with qtbot.waitSignal(panel.answer_saved, timeout=30000):
        qtbot.mouseClick(panel.record, Qt.MouseButton.LeftButton)
    assert "STAR part" in panel.result.text() or "Heard:" in panel.result.text()
    loads = page.loads
    qtbot.mouseClick(panel.finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 0 and page.loads > loads, timeout=15000)
    qtbot.waitUntil(
        lambda: any("Fillers" in line or "pace" in line for line in page.progress_view.summary_lines()), timeout=10000
    )
