"""The "After an interview" page in a real window over a real store: a debrief typed in and saved
as you type, bad input refused inline, the deck and plan made, a read-up ticked by hand, a story
kept, the note drafted and copied, the progress page; everything named in the accessibility tree."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from mockint.core.debrief.model import Cause, DebriefItem, HowItWent, InterviewDebrief, Story
from mockint.paths import app_paths
from mockint.store import Store
from mockint.ui.after_interview.page import AfterInterviewPage
from mockint.ui.background import ResourceState
from tests.test_friend_accessibility import CONTROL_ROLES, names, walk


def open_page(make_window, qtbot) -> AfterInterviewPage:
    window = make_window()
    page = window.page("after_interview")
    assert window.show_page("after_interview") and "After an interview" in window.sidebar_titles()
    assert isinstance(page, AfterInterviewPage)
    qtbot.waitUntil(lambda: page.context.store.state is ResourceState.READY, timeout=20000)
    qtbot.waitUntil(lambda: page.loads > 0 and bool(page.decks), timeout=20000)
    return page


def saved_debriefs():
    with Store.open(app_paths()) as store:
        return store.interview_debriefs()


def test_a_debrief_typed_in_is_saved_as_you_type_and_makes_the_deck_and_plan(make_window, qtbot):
    page = open_page(make_window, qtbot)
    form = page.form
    qtbot.keyClicks(form.company, "Acme")
    qtbot.keyClicks(form.role, "Backend engineer")
    qtbot.waitUntil(lambda: page.saved.text() == "Saved \u2713", timeout=5000)
    assert [d.company for d in saved_debriefs()] == ["Acme"]

    # A question typed from memory finds the shipped one; picking it links its deck.
    qtbot.keyClicks(form.search, "so why did you leave your last job")
    assert form.results.item(0).text().startswith("Why did you leave your last job?")
    qtbot.keyClick(form.results, Qt.Key.Key_Return)
    assert [r.text.text() for r in form.rows] == ["Why did you leave your last job?"]
    row = form.rows[0]
    row.how.setCurrentIndex(row.how.findData(HowItWent.BLEW_IT.value))
    row.causes[Cause.RAMBLED].setChecked(True)
    row.causes[Cause.OUT_OF_TOUCH].setChecked(True)
    qtbot.keyClicks(row.note, "I talked about the layoffs for five minutes")

    # A question with no text and a next interview in the past: said inline, nothing broken saved.
    qtbot.mouseClick(form.add_question, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.next_on, (date.today() - timedelta(days=2)).isoformat())
    page.save_now()
    assert "Question 2 has no text" in page.problem.text() and "is in the past" in page.problem.text()
    assert page.problem.isVisible()
    qtbot.mouseClick(form.rows[1].remove, Qt.MouseButton.LeftButton)
    form.next_on.setText((date.today() + timedelta(days=3)).isoformat())
    qtbot.waitUntil(lambda: saved_debriefs()[0].next_interview_on is not None, timeout=5000)
    assert not page.problem.isVisible()
    (stored,) = saved_debriefs()
    assert stored.items[0].deck_id and stored.items[0].causes == (Cause.RAMBLED, Cause.OUT_OF_TOUCH)

    qtbot.waitUntil(lambda: page.plan is not None and bool(page.plan.items), timeout=10000)
    page.tabs.setCurrentIndex(1)
    plan = page.plan_view
    deck = [plan.deck.item(i).text() for i in range(plan.deck.count())]
    assert deck[0] == "Why did you leave your last job?" and all(t.startswith("    like it: ") for t in deck[1:])
    keys = [r.item.key for r in plan.rows]
    assert keys[:2] == ["deck", "tight_length"] and "read_up:company" in keys
    assert all(r.item.day is not None for r in plan.rows)  # spread over the three days left
    assert plan.row("tight_length").check.isEnabled() is False  # ticked by practising, not by hand
    talk = plan.row("read_up:talk")
    talk.check.setChecked(True)
    qtbot.waitUntil(lambda: page.plan_view.row("read_up:talk").state.text() == "Done", timeout=5000)
    assert "read_up:talk" in saved_debriefs()[0].ticked

    # Stories: only a title is refused; a whole one is kept.
    page.tabs.setCurrentIndex(2)
    stories = page.stories_view
    qtbot.keyClicks(stories.title, "The billing outage")
    qtbot.mouseClick(stories.save, Qt.MouseButton.LeftButton)
    assert "needs more than its title" in stories.problem.text()
    with Store.open(app_paths()) as store:
        assert store.stories() == []
    stories.parts["situation"].setPlainText("Billing went down on a Friday")
    stories.parts["action"].setPlainText("I rolled back and wrote the runbook")
    stories.parts["result"].setPlainText("Back in 20 minutes; no repeat in a year")
    stories.skills.setText("calm under pressure, ownership")
    qtbot.mouseClick(stories.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stories.list.count() == 1, timeout=5000)
    assert stories.problem.text() == "Story saved."

    # The note: from the user's own words about the weak question, picked strengths, copied.
    page.tabs.setCurrentIndex(3)
    note = page.note_view
    qtbot.waitUntil(lambda: note.strengths.count() > 2, timeout=5000)
    assert note.strengths.item(0).text() == "calm under pressure"  # the story's skills come first
    for index in (0, 1):
        note.strengths.item(index).setCheckState(Qt.CheckState.Checked)
    note.tone.setCurrentIndex(note.tone.findData("warm"))
    qtbot.mouseClick(note.draft, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: note.text.toPlainText() != "", timeout=5000)
    text = note.text.toPlainText()
    assert "I talked about the layoffs for five minutes." in text
    assert "calm under pressure and ownership" in text and "Warm regards," in text
    count = int(note.words.text().split()[0])
    assert 0 < count < 180 and note.words.text() == f"{count} words"
    qtbot.mouseClick(note.copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == text
    qtbot.waitUntil(lambda: saved_debriefs()[0].follow_up.text == text, timeout=5000)  # saved with the debrief

    # Progress: nothing practised yet, so the next thing comes from the plan.
    page.tabs.setCurrentIndex(4)
    lines = page.progress_view.summary_lines()
    assert "Next to practise: Practise the deck from this interview." in lines

    # Every control named; what a person reads reaches the tree.
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        nodes = walk(page)
        unnamed = [(role, description) for role, name, description, _ in nodes if role in CONTROL_ROLES and not name]
        assert unnamed == [], page.tabs.tabText(index)
    page.tabs.setCurrentIndex(1)
    read = names(walk(page))
    assert any(n.startswith("Practise the deck from this interview") for n in read)
    assert "Done" in read and "To do" in read
    page.tabs.setCurrentIndex(3)
    assert note.words.text() in names(walk(page))


def test_an_empty_debrief_is_not_saved_and_deleting_one_keeps_the_rest(make_window, qtbot):
    page = open_page(make_window, qtbot)
    qtbot.keyClicks(page.form.company, "x")
    page.form.company.clear()
    page.save_now()
    assert page.problem.text() == "Add the company, the role or a question asked before it can be saved."
    assert saved_debriefs() == []
    qtbot.keyClicks(page.form.company, "Globex")
    qtbot.waitUntil(lambda: len(saved_debriefs()) == 1, timeout=5000)
    page.new_debrief()
    qtbot.keyClicks(page.form.company, "Initech")
    qtbot.waitUntil(lambda: len(saved_debriefs()) == 2 and page.current.id is not None, timeout=5000)
    assert page.current.company == "Initech"
    page.delete_current(confirm=False)
    qtbot.waitUntil(lambda: [d.company for d in saved_debriefs()] == ["Globex"], timeout=5000)
    qtbot.waitUntil(lambda: [page.list.item(i).text() for i in range(page.list.count())] == ["Globex"], timeout=5000)


def test_a_debrief_whose_deck_and_story_are_gone_still_opens_and_says_so(make_window, qtbot):
    with Store.open(app_paths()) as store:
        story = store.save_story(Story("Outage", "s", "t", "a", "r"))
        store.save_interview_debrief(
            InterviewDebrief(
                company="Acme",
                items=(
                    DebriefItem("Why us?", HowItWent.SHAKY, (Cause.NERVES,), deck_id="old-deck", story_id=story.id),
                ),
            )
        )
        store.delete_story(story.id)
    page = open_page(make_window, qtbot)
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=5000)
    page.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.gone.isVisible(), timeout=5000)
    assert "the deck \u201cold-deck\u201d, which is gone" in page.gone.text()
    assert "story linked to question 1 was deleted" in page.gone.text()
    assert page.form.rows[0].text.text() == "Why us?"  # the question itself is all there
    assert page.gone.text() in names(walk(page))
    assert page.plan_view.row("mirror") is not None
