"""The Review page in the real main window over a real Store: sessions, answers, marks, figures, feedback, attempts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat

from mockint.core.analysis import PauseKind
from mockint.core.session import PracticeMode
from mockint.paths import app_paths
from mockint.store.app_store import Store
from mockint.ui.review.transcript_marks import MARK_PROPERTY, PAUSE_SYMBOL, PAUSE_SYMBOL_FALLBACK, Mark
from tests.test_ui_review_support import BEHAVIOURAL_QUESTION, WHY_QUESTION, seed_history

WAIT_MS = 15000


def open_review(make_window, qtbot):
    window = make_window()
    assert window.show_page("review")
    page = window.page("review")
    qtbot.waitUntil(lambda: page.answer_list.count() > 0 and page.current_answer() is not None, timeout=WAIT_MS)
    return window, page


def test_lists_sessions_newest_first_and_the_latest_sessions_answers(make_window, qtbot):
    seeded = seed_history(second_attempt=True)
    _, page = open_review(make_window, qtbot)

    picker = page.session_picker
    assert picker.count() == 2
    assert picker.current_session_id() == seeded.session_id  # the latest, by default
    # Two questions were answered in the interview; the retry is the second attempt at the first.
    assert "2 answers" in picker.currentText() and "Today" in picker.currentText()
    shown = [answer.answer.question_text for answer in page.answer_list.answers()]
    assert shown == [BEHAVIOURAL_QUESTION, WHY_QUESTION, BEHAVIOURAL_QUESTION]
    assert page.question.text() == BEHAVIOURAL_QUESTION
    assert page.meta.text().startswith("Attempt 1 of 2")

    with qtbot.waitSignal(page.session_shown, timeout=WAIT_MS):
        picker.setCurrentIndex(1)
    qtbot.waitUntil(
        lambda: [a.answer.question_text for a in page.answer_list.answers()] == [WHY_QUESTION], timeout=WAIT_MS
    )
    assert page.question.text() == WHY_QUESTION


def test_show_session_opens_the_asked_for_answer(make_window, qtbot):
    seeded = seed_history(second_attempt=True)
    _, page = open_review(make_window, qtbot)
    retry_id = seeded.answer_ids[2]
    with qtbot.waitSignal(page.answer_shown, timeout=WAIT_MS, check_params_cb=lambda answer: answer.id == retry_id):
        page.show_session(seeded.session_id, retry_id)
    assert page.answer_list.current_answer().id == retry_id
    assert page.meta.text().startswith("Attempt 2 of 2")


def test_transcript_marks_fillers_hedges_pauses_and_unclear_words_beyond_colour(make_window, qtbot):
    seed_history()
    _, page = open_review(make_window, qtbot)
    view = page.answer_view.transcript
    report = page.current_answer().report
    fragments = view.fragments()

    # Fillers: bracketed, with a wavy underline.
    text = view.toPlainText()
    for filler in report.fillers:
        assert f"[{filler.text}]" in text
        fmt = view.char_format_of_word(filler.index)
        assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        assert fmt.property(MARK_PROPERTY) == Mark.FILLER.value
    assert "[you know]" in text
    # Hedges: in italics.
    for hedge in report.hedges:
        fmt = view.char_format_of_word(hedge.index)
        assert fmt.fontItalic() and fmt.property(MARK_PROPERTY) == Mark.HEDGE.value
    plain = next(i for i, w in enumerate(report.words) if w.text == "project")
    assert not view.char_format_of_word(plain).fontItalic()
    assert view.char_format_of_word(plain).underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    # Pauses: a chip with a pause symbol and the length; long ones bold.
    pauses = [f for f in fragments if f.mark in (Mark.PAUSE, Mark.LONG_PAUSE)]
    assert len(pauses) == len(report.pauses) == 2
    for fragment, pause in zip(pauses, report.pauses, strict=False):
        symbol, seconds = fragment.text.replace("\u00a0", " ").split(maxsplit=1)
        assert symbol in (PAUSE_SYMBOL, PAUSE_SYMBOL_FALLBACK)
        assert seconds.strip() == f"{pause.duration_s:.1f} s"
        assert (fragment.mark is Mark.LONG_PAUSE) == (pause.kind is PauseKind.LONG)
    long_chip = next(f for f in fragments if f.mark is Mark.LONG_PAUSE)
    assert "3.4" in long_chip.text
    # Unclear words: dimmed and dotted; not a fault, so no filler or hedge mark.
    unclear = next(f for f in fragments if f.mark is Mark.UNCLEAR)
    assert unclear.text == "in"
    fmt = view.char_format_of_word(unclear.word_index)
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    # The legend explains every mark, drawn with the same formats.
    legend = page.answer_view.legend
    assert [meaning for _, meaning in legend.items()] == [
        "filler",
        "hedge",
        "pause",
        "long pause",
        "unclear (listen again)",
    ]
    assert "[um]" in legend.toPlainText() and "filler" in legend.toPlainText()
    assert "square brackets" in legend.accessibleDescription()
    assert "4 fillers" in view.accessibleDescription()


def test_figures_and_feedback_show_the_reports_values(make_window, qtbot):
    seed_history()
    _, page = open_review(make_window, qtbot)
    report = page.current_answer().report
    figures = page.answer_view.figures.figures()
    m = report.metrics
    assert figures["words"].value == str(m.word_count) == "34"
    assert figures["length"].value == "0:17"  # first word to last: the lead-in and the tail are not the answer
    assert "too short" in figures["length"].note and "20–40 s" in figures["length"].note
    assert figures["pace"].value == f"{m.wpm:.0f} wpm"
    assert figures["pace"].note.startswith("comfortable") and "100–165" in figures["pace"].note
    assert figures["fillers"].value == f"{m.fillers_per_min:.1f}/min" and figures["fillers"].note == "4 fillers"
    assert figures["longest_pause"].value == "3.4 s" and "blank" in figures["longest_pause"].note
    assert figures["start"].value == "1.2 s"
    assert page.answer_view.figures.tile("pace").value.text() == f"{m.wpm:.0f} wpm"
    assert "100–165" in page.answer_view.figures.pace_gauge.toolTip()

    feedback = page.answer_view.feedback
    assert feedback.messages() == [item.message for item in report.work_on + report.strengths]
    assert 1 <= len(report.work_on) <= 3 and 1 <= len(report.strengths) <= 2
    # Moments in the feedback are links to that moment of the answer.
    assert 'href="t:' in feedback.rows()[0].message.text()


def test_two_attempts_are_compared_side_by_side(make_window, qtbot):
    seeded = seed_history(second_attempt=True)
    _, page = open_review(make_window, qtbot)
    with qtbot.waitSignal(page.attempts_shown, timeout=WAIT_MS, check_params_cb=lambda attempts: len(attempts) == 2):
        page.answer_list.setCurrentRow(2)
    assert page.tabs.tabText(1) == "Compare attempts (2)"
    page.tabs.setCurrentIndex(1)
    before, after = page.compare.shown
    assert (before.id, after.id) == (seeded.answer_ids[0], seeded.answer_ids[2])
    assert page.compare.left.title.text().startswith("Attempt 1") and page.compare.right.title.text().startswith(
        "Attempt 2"
    )
    assert page.compare.left.figures.figures()["fillers"].value == f"{before.report.metrics.fillers_per_min:.1f}/min"
    assert page.compare.right.figures.figures()["fillers"].value == "0.0/min"
    assert page.compare.left.figures.figures()["words"].value == str(before.report.metrics.word_count)
    assert page.compare.right.feedback.messages() == [i.message for i in after.report.work_on + after.report.strengths]
    lines = page.compare.changes.lines()
    assert lines[0].startswith("better: Fewer fillers")
    assert any(line.startswith("better: Shorter longest pause") for line in lines)

    # "Open" on the first attempt shows it in full.
    with qtbot.waitSignal(page.answer_shown, timeout=WAIT_MS, check_params_cb=lambda answer: answer.id == before.id):
        qtbot.mouseClick(page.compare.left.open_button, Qt.MouseButton.LeftButton)
    assert page.tabs.currentIndex() == 0


def test_an_answer_without_audio_or_with_a_damaged_report_is_shown_with_the_reason(make_window, qtbot):
    with Store.open(app_paths()) as store:
        session = store.create_session(PracticeMode.SOLO)
        damaged = store.add_answer(session.id, WHY_QUESTION)
        # A report from a later version of MockInt: well-formed, but not in a shape this one reads.
        store._connection.execute("UPDATE answers SET report = '{\"schema\": 99}' WHERE id = ?", (damaged,))
    _, page = open_review(make_window, qtbot)
    view = page.answer_view
    assert "cannot be read" in view.problem.text() and view.problem.isVisibleTo(page)
    assert not view.playback.play_button.isEnabled()
    assert "No recording" in view.playback.note.text()
    assert "cannot be read" in view.transcript.toPlainText()
    assert not view.figures.isVisibleTo(page) and not view.feedback_card.isVisibleTo(page)


def test_empty_history_says_what_to_do(make_window, qtbot):
    window = make_window()
    window.show_page("review")
    page = window.page("review")
    qtbot.waitUntil(lambda: page.empty_title.text() == "Nothing to review yet", timeout=WAIT_MS)
    assert "Practice page" in page.empty_text.text()


def test_long_pause_chip_is_bold(make_window, qtbot):
    seed_history()
    _, page = open_review(make_window, qtbot)
    view = page.answer_view.transcript
    doc = view.document()
    block = doc.begin()
    weights = {}
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            mark = fragment.charFormat().property(MARK_PROPERTY)
            if mark in (Mark.PAUSE.value, Mark.LONG_PAUSE.value):
                weights[mark] = fragment.charFormat().fontWeight()
            it += 1
        block = block.next()
    assert weights[Mark.LONG_PAUSE.value] == QFont.Weight.DemiBold
    assert weights[Mark.PAUSE.value] != QFont.Weight.DemiBold


def test_follows_the_theme_and_forgets_deleted_data(make_window, qtbot):
    from PySide6.QtGui import QColor

    from mockint.ui.theme import DARK, theme_for

    seed_history()
    window, page = open_review(make_window, qtbot)
    filler = page.current_answer().report.fillers[0]
    window.context.events.theme_changed.emit(theme_for(Qt.ColorScheme.Dark))
    fmt = page.answer_view.transcript.char_format_of_word(filler.index)
    assert fmt.foreground().color() == QColor(DARK["warning"])
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline

    window.context.store.value.delete_all_data()
    window.context.events.data_deleted.emit()
    qtbot.waitUntil(lambda: page.empty_title.text() == "Nothing to review yet", timeout=WAIT_MS)
    assert page.answer_view.answer is None


def test_sessions_without_answers_are_not_offered(make_window, qtbot):
    seed_history()
    with Store.open(app_paths()) as store:
        store.create_session(PracticeMode.MIRROR)  # newest, but nothing was answered
    _, page = open_review(make_window, qtbot)
    assert page.session_picker.count() == 2
    assert "Mirror" not in page.session_picker.currentText()
