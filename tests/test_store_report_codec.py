"""The stored report has one owner: the store encodes the typed AnswerReport and decodes it, once."""

from __future__ import annotations

import json

import pytest

from mockint.core.analysis import AnswerReport, analyze_answer
from mockint.core.session import PracticeMode
from mockint.core.words import Transcript
from mockint.paths import app_paths
from mockint.store import Store
from mockint.store.codec import decode_report, encode_report
from tests.test_ui_review_support import FIRST_TRY, SHORT_TARGET, timed_words


def analysed() -> AnswerReport:
    words = timed_words(FIRST_TRY)
    return analyze_answer(Transcript(words, duration_s=words[-1].end + 0.6), SHORT_TARGET)


def test_a_report_goes_in_typed_and_comes_back_typed_with_its_detail_and_the_words_once():
    report = analysed()
    cell = encode_report(report)
    assert cell is not None and "words" not in json.loads(cell)  # the answer's words cell holds them
    restored, problem = decode_report(cell, report.words)
    assert problem is None and restored == report  # detail (low confidence, STAR cues) included

    with Store.open(app_paths()) as store:
        session = store.create_session(PracticeMode.SOLO)
        answer_id = store.add_answer(session.id, "Tell me about a project that ran late", report=report)
        answer = store.get_answer(answer_id)
    assert answer.report == report and answer.words == report.words and answer.report_problem is None
    assert answer.headline.length_verdict == report.length.verdict.value


def test_damaged_extras_keep_the_report_and_an_unreadable_one_says_why():
    report = analysed()
    damaged_detail = json.loads(encode_report(report) or "{}")
    damaged_detail["detail"] = {"evidence": "??"}
    restored, problem = decode_report(json.dumps(damaged_detail), report.words)
    assert problem is None and restored is not None and restored.fillers == report.fillers and restored.evidence == ()
    assert decode_report(None, ()) == (None, None)  # not analysed yet
    restored, problem = decode_report('{"schema": 7}', ())
    assert restored is None and problem is not None and "cannot be read" in problem
    with pytest.raises(ValueError):  # not JSON at all: a damaged row, skipped by the row reader
        decode_report('{"metrics": {', ())
    cell = json.loads(encode_report(report) or "{}")
    cell["metrics"]["wpm"] = float("nan")  # Python writes NaN into JSON, and reads it back
    restored, problem = decode_report(json.dumps(cell), report.words)
    assert restored is None and problem is not None and "NaN, which is not a number" in problem
