"""Screenshots of the "After an interview" page for `scripts/screenshots.py`: the debrief, the
plan, the story bank, the follow-up note and the progress page, over the demo history (whose
questions the seeded debrief repeats, so the note and the comparison use real analysed attempts).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from mockint.core.debrief.model import (
    Cause,
    DebriefItem,
    HowItWent,
    InterviewDebrief,
    InterviewerManner,
    InterviewFormat,
    Story,
)
from mockint.paths import app_paths
from mockint.store import Store
from scripts.demo_history import ANSWERS

TABS = (("debrief", 0), ("plan", 1), ("stories", 2), ("note", 3), ("progress", 4))


def seed_after_interview() -> int:
    """A debrief of a panel interview two days ago, with a story; returns the debrief's id."""
    late, _background, leaving = (question for question, *_ in ANSWERS)
    with Store.open(app_paths()) as store:
        story = store.save_story(
            Story(
                "The late billing migration",
                "A vendor API change put our billing migration two weeks behind.",
                "Get back on track without cutting testing.",
                "I split the work into three releases and renegotiated the order with the client.",
                "First release in four days; finished one week late with zero incidents.",
                ("calm under pressure", "clear communication"),
            )
        )
        debrief = store.save_interview_debrief(
            InterviewDebrief(
                company="Northwind", role="Backend engineer", happened_on=date.today() - timedelta(days=2),
                format=InterviewFormat.PANEL, manner=InterviewerManner.COLD,
                items=(
                    DebriefItem("Walk me through your background.", HowItWent.FINE),
                    DebriefItem(late, HowItWent.BLEW_IT, (Cause.RAMBLED, Cause.WENT_BLANK), "I rambled about the vendor",
                                question_id=None, deck_id="behavioural", story_id=story.id),
                    DebriefItem(leaving, HowItWent.SHAKY, (Cause.NERVES, Cause.OUT_OF_TOUCH)),
                ),
                note="Three interviewers; they cared most about on-call.",
                next_interview_on=date.today() + timedelta(days=5),
            )
        )  # fmt: skip
    assert debrief.id is not None
    return debrief.id


def render_after_interview(window: Any, out_dir: Path, suffix: str, settle: Callable[[float], None]) -> list[Path]:
    window.show_page("after_interview")
    page = window.page("after_interview")
    settle(1.5)
    page.list.setCurrentRow(0)
    settle(1.5)
    note = page.note_view
    for index in range(min(2, note.strengths.count())):
        note.strengths.item(index).setCheckState(Qt.CheckState.Checked)
    note.tone.setCurrentIndex(note.tone.findData("warm"))
    page.draft_note()
    settle(1.5)
    page.stories_view.list.setCurrentRow(0)
    written = []
    for name, index in TABS:
        page.tabs.setCurrentIndex(index)
        settle(1.0)
        path = out_dir / f"after-{name}{suffix}.png"
        window.grab().save(str(path))
        written.append(path)
    return written
