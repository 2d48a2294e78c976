"""CSV export: one answer a row with its headline figures, readable back by the csv module."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

from mockint.core.analysis import AnswerReport
from mockint.core.export.csv_export import CSV_COLUMNS, session_csv
from mockint.core.session import Answer, PracticeMode, Rating, Session, SessionDetail
from tests.conftest import DATA_DIR

SAMPLE_REPORT = json.loads((DATA_DIR / "store" / "report_sample.json").read_text(encoding="utf-8"))
SAMPLE = AnswerReport.from_dict(SAMPLE_REPORT)  # the typed report answers carry
STARTED = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_each_answer_is_a_row_with_its_figures():
    session = Session(5, PracticeMode.MIRROR, STARTED)
    answers = (
        Answer(
            10,
            5,
            'Tell me about a time you failed, "honestly"',
            STARTED,
            deck_id="behavioural",
            question_id="fail-1",
            duration_s=12.0,
            report=SAMPLE,
        ),
        Answer(11, 5, "Tell me about a time you failed", STARTED, attempt_of=10),
    )
    text = session_csv(SessionDetail(session, answers, {10: Rating(10, clarity=3, comment="ok, but short")}))

    header = next(csv.reader(io.StringIO(text)))
    assert tuple(header) == CSV_COLUMNS
    first, second = rows_of(text)
    assert first["question"] == 'Tell me about a time you failed, "honestly"'
    assert (first["session_id"], first["mode"], first["answer_id"], first["deck_id"], first["question_id"]) == (
        "5",
        "mirror",
        "10",
        "behavioural",
        "fail-1",
    )
    assert (first["word_count"], first["wpm"], first["fillers"], first["fillers_per_min"]) == (
        "17",
        "92.3",
        "2",
        "11.5",
    )
    assert (first["length_verdict"], first["target_min_s"], first["target_max_s"]) == ("too_short", "60", "120")
    assert (first["rating_clarity"], first["rating_structure"], first["rating_comment"]) == ("3", "", "ok, but short")
    assert first["transcript"].startswith("so um i led the migration you know")
    assert datetime.fromisoformat(first["session_started_at"]) == STARTED
    assert (second["attempt_of"], second["wpm"], second["length_verdict"], second["rating_clarity"]) == (
        "10",
        "",
        "",
        "",
    )


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_made_inert():
    session = Session(5, PracticeMode.SOLO, STARTED)
    answer = Answer(1, 5, '=HYPERLINK("http://x")', STARTED)
    [row] = rows_of(session_csv(SessionDetail(session, (answer,), {1: Rating(1, clarity=2, comment="+1 for effort")})))
    assert row["question"] == '\'=HYPERLINK("http://x")'
    assert row["rating_comment"] == "'+1 for effort"


def test_an_empty_session_is_just_the_header():
    text = session_csv(SessionDetail(Session(1, PracticeMode.SOLO, STARTED)))
    assert rows_of(text) == []
    assert text.splitlines() == [",".join(CSV_COLUMNS)]
