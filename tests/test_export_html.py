"""HTML export: self-contained, escaped, fillers marked, and readable by Qt's QTextDocument."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from mockint.core.analysis import AnswerReport
from mockint.core.export.html import session_html
from mockint.core.session import Answer, FlaggedMoment, PracticeMode, Rating, Session, SessionDetail
from tests.conftest import DATA_DIR

SAMPLE_REPORT = json.loads((DATA_DIR / "store" / "report_sample.json").read_text(encoding="utf-8"))
SAMPLE = AnswerReport.from_dict(SAMPLE_REPORT)  # the typed report answers carry
STARTED = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
HOSTILE = '<script>alert("x")</script> & <b>bold</b>'


def detail(question: str = "Tell me about a time you failed", title: str = "") -> SessionDetail:
    session = Session(3, PracticeMode.SOLO, STARTED, deck_ids=("behavioural",), title=title, note="line one\nline two")
    answers = (
        Answer(1, 3, question, STARTED, duration_s=12.0, report=SAMPLE),
        Answer(2, 3, "Why us?", STARTED, attempt_of=1),
    )
    return SessionDetail(
        session, answers, {1: Rating(1, clarity=2, comment=HOSTILE)}, (FlaggedMoment(1, 4.0, HOSTILE),)
    )


def test_user_text_is_escaped_everywhere():
    page = session_html(detail(question=HOSTILE, title=HOSTILE))
    assert "<script" not in page
    assert "<b>bold</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page


def test_the_page_is_self_contained():
    page = session_html(detail())
    assert page.startswith("<!DOCTYPE HTML PUBLIC")
    assert "charset=utf-8" in page
    for outside in ("src=", "href=", "<link", "@import", "url("):
        assert outside not in page


def test_fillers_and_pauses_are_marked_in_the_transcript():
    page = session_html(detail())
    fillers = re.findall(r'<span class="filler" style="[^"]*">([^<]*)</span>', page)
    assert fillers == ["um", "you know"]
    assert "[long pause 3.5 s]</span> migration" in page
    assert "<i>(no words were recognised)</i>" in page
    assert "A retry (first attempt: answer 1)." in page
    assert "line one<br>line two" in page


def test_qt_reads_the_page_with_the_fillers_highlighted(qapp):
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(session_html(detail()))
    text = document.toPlainText()
    assert "Practice session 3: Solo mock interview" in text
    assert "1. Tell me about a time you failed" in text
    assert "so um i led the [long pause 3.5 s] migration you know and it worked" in text
    assert "2 (11.5 per minute): um ×1, you know ×1" in text

    found = document.find("you know", document.find("migration"))
    assert not found.isNull()
    assert found.charFormat().background().color().name() == "#ffe08a"
    plain = document.find("worked")
    assert plain.charFormat().background().color().name() != "#ffe08a"
