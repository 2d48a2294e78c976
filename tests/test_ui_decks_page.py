"""The Decks page: shipped and user decks with counts, questions on click, broken decks, CSV in and out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mockint.core.decks import deck_from_csv, load_decks
from mockint.paths import app_paths, shipped_decks_dir
from tests.ui_fixtures import close_message_boxes, open_message_boxes

FRIEND_CSV = (
    "id,text,category,difficulty,target_min_s,target_max_s,follow_ups,good_answer,deck_name\n"
    "why-us,Why do you want to work here?,motivation,easy,30,60,What else did you consider?,Links their mission to yours,Friend's deck\n"
    "conflict,Tell me about a conflict with a colleague.,teamwork,hard,,,How did it end? | What would you change?,A real story with a result,\n"
)


@pytest.fixture
def decks_page(make_window, qtbot):
    window = make_window(load_in_background=False, discover_pages=False)
    page = window.page("decks")
    window.show_page("decks")
    qtbot.waitUntil(lambda: page.last_load is not None)
    return page


def reload_and_wait(page, qtbot) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.reload()


def test_lists_the_shipped_decks_with_their_question_counts(decks_page):
    shipped = load_decks(shipped_decks_dir()).decks
    assert shipped, "MockInt ships decks in questions/"
    rows = dict(decks_page.deck_list.rows())
    for deck in shipped:
        count = len(deck.questions)
        assert rows[deck.name] == f"{count} question{'s' if count != 1 else ''}"


def test_clicking_a_deck_shows_its_questions_and_a_question_its_notes(decks_page, qtbot):
    tree = decks_page.deck_list
    deck = tree.decks()[0]
    item = next(
        tree.topLevelItem(0).child(i)
        for i in range(tree.topLevelItem(0).childCount())
        if tree.topLevelItem(0).child(i).text(0) == deck.name
    )
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    view = decks_page.deck_view
    assert view.title.text() == deck.name
    assert view.question_texts() == [q.text for q in deck.questions]
    assert decks_page.export_button.isEnabled()

    with_notes = next(i for i, q in enumerate(deck.questions) if q.follow_ups and q.good_answer)
    question = deck.questions[with_notes]
    questions = view.questions
    row = questions.topLevelItem(with_notes)
    questions.scrollToItem(row)
    qtbot.mouseClick(questions.viewport(), Qt.MouseButton.LeftButton, pos=questions.visualItemRect(row).center())
    assert view.detail.text.text() == question.text
    assert question.follow_ups[0] in view.detail.follow_ups.text()
    assert view.detail.good_answer.text() == question.good_answer
    assert question.difficulty.value.capitalize() in view.detail.facts.text()


def test_a_broken_user_deck_shows_its_error_and_the_others_still_load(decks_page, qtbot):
    folder = app_paths().user_decks_dir
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text('name = "Broken"\n[[questions]]\nid = "q1"\ntext = \n', encoding="utf-8")
    reload_and_wait(decks_page, qtbot)

    tree = decks_page.deck_list
    assert ("broken.toml", "not loaded") in tree.rows()
    assert len(tree.decks()) == len(load_decks(shipped_decks_dir()).decks)
    assert tree.select_problem("broken.toml")
    problem = decks_page.deck_view.problem.text()
    assert "broken.toml" in problem and "line" in problem
    assert decks_page.deck_view.problem.isVisible()
    assert not decks_page.export_button.isEnabled()


def test_import_csv_makes_a_user_deck_and_shows_it(decks_page, qtbot, tmp_path):
    csv_file = tmp_path / "Friend deck.csv"
    csv_file.write_text(FRIEND_CSV, encoding="utf-8")
    with qtbot.waitSignal(decks_page.loaded, timeout=10000):
        decks_page.import_csv(csv_file)

    saved = app_paths().user_decks_dir / "friend-deck.toml"
    assert saved.is_file()
    tree = decks_page.deck_list
    assert ("Friend's deck", "2 questions") in tree.rows()
    assert tree.current_deck().id == "friend-deck"  # selected after import
    assert decks_page.deck_view.question_texts() == [
        "Why do you want to work here?",
        "Tell me about a conflict with a colleague.",
    ]
    # A second import of the same file does not overwrite the first.
    with qtbot.waitSignal(decks_page.loaded, timeout=10000):
        decks_page.import_csv(csv_file)
    assert (app_paths().user_decks_dir / "friend-deck-2.toml").is_file()


def test_import_of_a_broken_csv_tells_which_row_is_wrong(decks_page, qtbot, tmp_path):
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text("id,text,difficulty\nq1,Why?,impossible\n", encoding="utf-8")
    decks_page.import_csv(csv_file)
    qtbot.waitUntil(lambda: bool(open_message_boxes()))
    text = open_message_boxes()[0].text()
    close_message_boxes()
    assert "bad.csv" in text and "line 2" in text
    assert "Traceback" not in text
    assert not (app_paths().user_decks_dir / "bad.toml").exists()


def test_export_csv_writes_the_chosen_deck(decks_page, qtbot, tmp_path):
    deck = decks_page.deck_list.decks()[0]
    decks_page.deck_list.select_deck(deck.id)
    target = tmp_path / "out.csv"
    with qtbot.waitSignal(decks_page.exported, timeout=10000):
        decks_page.export_csv(target)
    text = target.read_text(encoding="utf-8-sig")
    assert deck_from_csv(text, str(target), deck.id).questions == deck.questions


def test_buttons_are_named_for_keyboard_and_screen_reader_users(decks_page):
    for button in (decks_page.import_button, decks_page.export_button, decks_page.reload_button):
        assert button.accessibleName() and button.toolTip()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert decks_page.deck_list.accessibleName() == "Decks"
