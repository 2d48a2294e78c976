"""Exporting the selected session from the History page, in every format, by the real writers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from mockint.core.errors import StorageError
from mockint.ui.history.export_actions import EXPORT_CHOICES, ExportChoice, suggested_name, with_suffix
from tests.test_export_pdf import read_pdf
from tests.test_ui_history_support import QUESTION, seed_history
from tests.ui_fixtures import close_message_boxes, open_message_boxes

WAIT_MS = 20000


@pytest.fixture
def history(make_window, qtbot):
    seeded = seed_history()
    window = make_window()
    page = window.page("history")
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        window.show_page("history")
    middle = seeded[1]  # three answers, decks "behavioural, general"
    assert page.table.select_session(middle.id)
    return page, middle


def export(page, qtbot, key: str, target: Path) -> Path:
    with qtbot.waitSignal(page.export_button.exported, timeout=WAIT_MS) as written:
        page.export_button.export_to(key, target)
    assert written.args == [target]
    return target


def test_the_menu_offers_every_format(history):
    page, _ = history
    assert page.export_button.format_labels() == [f"{c.label}…" for c in EXPORT_CHOICES]
    assert {c.key for c in EXPORT_CHOICES} == {"pdf", "html", "md", "csv", "json"}


def test_markdown_and_html_hold_the_session(history, qtbot, tmp_path):
    page, session = history
    markdown = export(page, qtbot, "md", tmp_path / "session.md").read_text(encoding="utf-8")
    assert markdown.startswith(f"# Practice session {session.id}: Mirror practice")
    assert all(f"## {number}. {QUESTION}" in markdown for number in (1, 2, 3))
    html = export(page, qtbot, "html", tmp_path / "session.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE HTML") and '<span class="filler"' in html  # "uh" and "um" were fillers
    assert html.count(f"{QUESTION}</h2>") == 3


def test_csv_and_json_have_one_record_per_answer(history, qtbot, tmp_path):
    page, session = history
    rows = list(
        csv.DictReader(
            io.StringIO(export(page, qtbot, "csv", tmp_path / "s.csv").read_text(encoding="utf-8"), newline="")
        )
    )
    assert len(rows) == len(session.answer_ids)
    data = json.loads(export(page, qtbot, "json", tmp_path / "s.json").read_text(encoding="utf-8"))
    assert data["session"]["id"] == session.id
    assert [a["id"] for a in data["answers"]] == list(session.answer_ids)
    assert data["session"]["deck_ids"] == ["behavioural", "general"]


def test_pdf_is_a_real_document_with_the_answers(history, qtbot, tmp_path):
    page, session = history
    target = export(page, qtbot, "pdf", tmp_path / "session.pdf")
    facts = read_pdf(target)  # a complete PDF with pages
    assert [p.name for p in tmp_path.iterdir()] == ["session.pdf"]  # no temporary file left
    if facts.texts is not None:
        text = "\n".join(facts.texts)
        assert f"Practice session {session.id}" in text and QUESTION in text
        assert f"Page 1 of {facts.pages}" in text


def test_a_failed_export_is_shown_to_the_user(history, qtbot, tmp_path):
    page, _ = history
    with qtbot.waitSignal(page.export_button.export_failed, timeout=WAIT_MS) as failed:
        page.export_button.export_to("pdf", tmp_path / "no such folder" / "session.pdf")
    assert isinstance(failed.args[0], StorageError)
    boxes = open_message_boxes()
    assert boxes and "no such folder" in boxes[0].text()
    assert page.export_button.isEnabled()  # ready to try again
    close_message_boxes()


def test_file_names_suggested_and_completed(history):
    page, session = history
    pdf = ExportChoice("pdf", "PDF document", ".pdf", "")
    overview = page.table.selected_session()
    assert (
        suggested_name(overview, pdf) == f"mockint-session-{session.id}-{session.started_at.astimezone():%Y-%m-%d}.pdf"
    )
    assert with_suffix(Path("/x/report"), pdf) == Path("/x/report.pdf")
    assert with_suffix(Path("/x/report.PDF"), pdf) == Path("/x/report.PDF")


def test_the_save_dialog_asks_before_replacing_a_file(history):
    from PySide6.QtWidgets import QFileDialog

    page, _ = history
    dialog = page.export_button.save_dialog("pdf")
    assert dialog.acceptMode() is QFileDialog.AcceptMode.AcceptSave
    assert not dialog.testOption(QFileDialog.Option.DontConfirmOverwrite)
    assert dialog.defaultSuffix() == "pdf"  # "report" is asked about as "report.pdf", the file written
    dialog.deleteLater()


def test_an_export_over_the_database_is_refused_and_the_history_kept(history, qtbot):
    page, _ = history
    database = page.export_button.context.paths.database
    before = database.read_bytes()
    with qtbot.waitSignal(page.export_button.export_failed, timeout=WAIT_MS) as failed:
        page.export_button.export_to("md", database, replace=True)
    assert "inside MockInt's own folder" in failed.args[0].user_message
    assert database.read_bytes() == before
    boxes = open_message_boxes()
    assert boxes and "inside MockInt's own folder" in boxes[0].text()
    close_message_boxes()


def test_an_existing_file_the_dialog_did_not_ask_about_is_kept(history, qtbot, tmp_path):
    page, _ = history
    target = tmp_path / "report.md"
    target.write_text("my notes", encoding="utf-8")
    with qtbot.waitSignal(page.export_button.export_failed, timeout=WAIT_MS):
        page.export_button.export_to("md", target)
    assert target.read_text(encoding="utf-8") == "my notes"
    close_message_boxes()
    export_replacing = page.export_button
    with qtbot.waitSignal(export_replacing.exported, timeout=WAIT_MS):
        export_replacing.export_to("md", target, replace=True)
    assert target.read_text(encoding="utf-8").startswith("# Practice session")
