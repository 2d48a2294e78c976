"""The deck editor on the Decks page: make a deck, edit every field, reorder, save, reload, check, CSV out and in."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QPushButton

from mockint.core.decks import Difficulty, check_deck_file, load_deck
from mockint.core.targets import TargetRange
from mockint.paths import app_paths, shipped_decks_dir
from tests.conftest import REPO_ROOT


@pytest.fixture
def decks_page(make_window, qtbot):
    window = make_window(load_in_background=False, discover_pages=False)
    page = window.page("decks")
    window.show_page("decks")
    qtbot.waitUntil(lambda: page.last_load is not None)
    return page


def type_into(qtbot, widget, text: str) -> None:
    """Replaces a field's text the way a person does: select all, type."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClicks(widget, line)


def fill_question(qtbot, form, *, qid, text, category, difficulty, tags, target, follow_ups, good) -> None:
    type_into(qtbot, form.id_edit, qid)
    type_into(qtbot, form.text_edit, text)
    type_into(qtbot, form.category_edit, category)
    form.difficulty.setCurrentIndex(form.difficulty.findData(difficulty))
    type_into(qtbot, form.tags_edit, tags)
    type_into(qtbot, form.target_min, target[0])
    type_into(qtbot, form.target_max, target[1])
    type_into(qtbot, form.follow_ups_edit, follow_ups)
    type_into(qtbot, form.good_answer_edit, good)


def save_and_reload(page, editor, qtbot) -> None:
    assert editor.save_button.isEnabled(), editor.status.text()
    with qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.isVisible())


def test_a_new_deck_round_trips_every_field_reorders_and_goes_out_and_back_in_as_csv(decks_page, qtbot, tmp_path):
    editor = decks_page.editing.new_deck()
    type_into(qtbot, editor.name_edit, "Friday mock")
    type_into(qtbot, editor.description_edit, "Questions Sam asks")
    type_into(qtbot, editor.default_min, "45")
    type_into(qtbot, editor.default_max, "100")
    fill_question(
        qtbot,
        editor.form,
        qid="why-us",
        text="Why do you want to work here?",
        category="motivation",
        difficulty="easy",
        tags="culture, research",
        target=("30", "60"),
        follow_ups="What else did you consider?\nWhat would make you leave?",
        good="Links their mission to yours",
    )
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    fill_question(
        qtbot,
        editor.form,
        qid="conflict",
        text="Tell me about a conflict with a colleague.",
        category="teamwork",
        difficulty="hard",
        tags="story",
        target=("60", "120"),
        follow_ups="How did it end?",
        good="A real story with a result",
    )
    # The second question moves to the top by keyboard.
    editor.question_list.setFocus()
    qtbot.keyClick(editor.question_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [q.id for q in editor.draft.questions] == ["conflict", "why-us"]
    assert editor.status.text() == "No problems: the deck is ready to save."
    save_and_reload(decks_page, editor, qtbot)

    saved = app_paths().user_decks_dir / "friday-mock.toml"
    deck = load_deck(saved)
    assert (deck.name, deck.description, deck.default_target) == (
        "Friday mock",
        "Questions Sam asks",
        TargetRange(45, 100),
    )
    conflict, why_us = deck.questions
    assert (conflict.id, why_us.id) == ("conflict", "why-us")
    assert why_us.text == "Why do you want to work here?"
    assert (why_us.category, why_us.difficulty, why_us.tags) == ("motivation", Difficulty.EASY, ("culture", "research"))
    assert why_us.target_s == TargetRange(30, 60)
    assert why_us.follow_ups == ("What else did you consider?", "What would make you leave?")
    assert why_us.good_answer == "Links their mission to yours"
    assert (conflict.difficulty, conflict.follow_ups) == (Difficulty.HARD, ("How did it end?",))
    assert decks_page.deck_list.current_deck_id() == "friday-mock"
    # What `mockint deck validate` says of the saved file.
    result = subprocess.run(
        [sys.executable, "-m", "mockint", "deck", "validate", str(saved)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=60,
    )
    assert (result.returncode, result.stdout.strip()) == (0, f"ok: {saved} (2 questions)"), result.stderr

    # Edited again: the same file, changed in place.
    editor = decks_page.editing.edit_deck()
    assert editor.deck_id == "friday-mock" and editor.form.id_edit.text() == "conflict"
    type_into(qtbot, editor.form.good_answer_edit, "Owns their part; says what changed")
    save_and_reload(decks_page, editor, qtbot)
    assert load_deck(saved).questions[0].good_answer == "Owns their part; says what changed"

    # Out as CSV and back in as a second deck equal in content.
    csv_file = tmp_path / "friday-mock.csv"
    with qtbot.waitSignal(decks_page.exported, timeout=10000):
        decks_page.export_csv(csv_file)
    with qtbot.waitSignal(decks_page.loaded, timeout=10000):
        decks_page.import_csv(csv_file)
    back = load_deck(app_paths().user_decks_dir / "friday-mock-2.toml")
    assert back.questions == load_deck(saved).questions


def test_an_invalid_edit_says_what_and_where_with_the_validators_words_and_is_never_saved(decks_page, qtbot):
    editor = decks_page.editing.new_deck()
    type_into(qtbot, editor.name_edit, "Broken")
    type_into(qtbot, editor.form.text_edit, "Why us?")
    type_into(qtbot, editor.form.category_edit, "Big Word")
    type_into(qtbot, editor.form.target_min, "ninety")
    type_into(qtbot, editor.form.target_max, "120")

    # The same sentences `mockint deck validate` prints for that file.
    draft_file = app_paths().data_dir / "broken-check.toml"
    draft_file.parent.mkdir(parents=True, exist_ok=True)
    draft_file.write_text(editor.draft.text(), encoding="utf-8")
    _, expected = check_deck_file(draft_file)
    assert [p.message for p in editor.problems] == [e.problem for e in expected]
    assert "question 'question-1' has category 'Big Word'; use one lowercase word, such as 'tricky'" in (
        editor.status.text()
    )
    # Where: the field itself says so, in text (not only colour), and so does its list row.
    category = editor.form.category_edit
    assert category.accessibleDescription().startswith("Problem: question 'question-1' has category 'Big Word'")
    assert editor.form.target_min.accessibleDescription().startswith("Problem: ")
    assert "⚠" in editor.form.problem_label.text() and editor.form.problem_label.isVisible()
    assert editor.question_list.item(0).text().startswith("⚠ ")
    assert not editor.save_button.isEnabled()
    editor.save()  # even asked directly, a broken deck is not written
    assert not (app_paths().user_decks_dir / "broken.toml").exists()

    type_into(qtbot, category, "motivation")
    type_into(qtbot, editor.form.target_min, "90")
    assert editor.problems == [] and editor.save_button.isEnabled()
    assert not category.accessibleDescription().startswith("Problem")


def test_a_shipped_deck_is_duplicated_to_edit_and_stays_read_only(decks_page, qtbot):
    shipped = next(d for d in decks_page.deck_list.decks() if decks_page.folders.is_shipped(d))
    before = (shipped_decks_dir() / f"{shipped.id}.toml").read_bytes()
    decks_page.deck_list.select_deck(shipped.id)
    assert not decks_page.editing.delete_button.isEnabled()
    assert decks_page.editing.edit_button.accessibleName() == "Edit a copy"
    editor = decks_page.editing.edit_deck()
    assert editor.deck_id is None and editor.name_edit.text() == f"{shipped.name} (my copy)"
    type_into(qtbot, editor.form.text_edit, "A question of my own")
    save_and_reload(decks_page, editor, qtbot)
    assert (shipped_decks_dir() / f"{shipped.id}.toml").read_bytes() == before
    copy = decks_page.deck_list.current_deck()
    assert copy is not None and copy.id != shipped.id and not decks_page.folders.is_shipped(copy)
    assert copy.questions[0].text == "A question of my own"
    assert copy.questions[1:] == shipped.questions[1:]


def test_deleting_a_user_deck_asks_first_and_keep_it_keeps_it(decks_page, qtbot):
    editor = decks_page.editing.new_deck()
    type_into(qtbot, editor.name_edit, "Scratch")
    type_into(qtbot, editor.form.text_edit, "Why us?")
    save_and_reload(decks_page, editor, qtbot)
    path = app_paths().user_decks_dir / "scratch.toml"
    assert decks_page.deck_list.current_deck_id() == "scratch"

    box = decks_page.editing.ask_to_delete()
    assert box is not None and box.isVisible() and "“Scratch”" in box.text()
    box.reject()
    assert path.exists()

    box = decks_page.editing.ask_to_delete()
    delete = next(b for b in box.buttons() if b.text() == "Delete deck")
    with qtbot.waitSignal(decks_page.loaded, timeout=10000):
        delete.click()
    assert not path.exists()
    assert "Scratch" not in [d.name for d in decks_page.deck_list.decks()]


def test_every_editor_control_has_a_name_for_screen_readers(decks_page):
    editor = decks_page.editing.new_deck()
    kinds = (QLineEdit, QPlainTextEdit, QComboBox, QPushButton, QListWidget)
    controls = [w for kind in kinds for w in editor.findChildren(kind) if w.isVisible()]
    assert len(controls) >= 15
    assert [w for w in controls if not w.accessibleName()] == []
    for button in decks_page.editing.buttons:
        assert button.accessibleName()


def test_the_question_list_wraps_long_questions_without_a_sideways_scroll_bar(decks_page, qtbot):
    shipped = next(d for d in decks_page.deck_list.decks() if any(len(q.text) > 50 for q in d.questions))
    decks_page.deck_list.select_deck(shipped.id)
    editor = decks_page.editing.edit_deck()
    editor.resize(980, 680)  # the screenshot's size
    qtbot.waitUntil(lambda: editor.question_list.count() == len(shipped.questions))
    listing = editor.question_list
    qtbot.waitUntil(lambda: listing.viewport().width() > 100)
    assert not listing.horizontalScrollBar().isVisible()
    viewport = listing.viewport().width()
    for row in range(listing.count()):
        item = listing.item(row)
        rect = listing.visualItemRect(item)
        needed = listing.fontMetrics().horizontalAdvance(item.text())
        assert rect.width() <= viewport, item.text()
        assert needed <= rect.width() or rect.height() > listing.fontMetrics().height() * 1.5, item.text()
    editor.reject()
