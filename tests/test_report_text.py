"""The terminal report: lines wrapped as textwrap would, in time linear in the transcript."""

from __future__ import annotations

import textwrap

import pytest

from mockint.commands.report_text import WIDTH, render_report, wrap
from mockint.core.analysis import analyze_answer
from mockint.core.targets import GENERAL
from mockint.core.transcript_parse import transcript_from_text


def _textwrap(text: str, width: int, first: str, rest: str) -> str:
    """textwrap.fill, without the trailing spaces it leaves after a broken long word."""
    wrapped = textwrap.fill(text, width, initial_indent=first, subsequent_indent=rest)
    return "\n".join(line.rstrip() for line in wrapped.split("\n"))


@pytest.mark.parametrize("width", [10, 24, WIDTH])
@pytest.mark.parametrize("first, rest", [("", ""), ("  - ", "    ")])
def test_wrap_breaks_lines_where_textwrap_does(width: int, first: str, rest: str) -> None:
    texts = [
        "",
        "one",
        "we cut the build time by forty percent and shipped on time",
        "a " + "x" * 200 + " b cc " + "y" * 37 + " zz",
        "{so} {um} at my last job (pause 1.5 s) i ((long pause 3.4 s)) <i think> it went well",
    ]
    for text in texts:
        assert wrap(text, width, first, rest) == _textwrap(text, width, first, rest), text


def test_a_15_mb_single_word_transcript_is_reported_whole_and_wrapped() -> None:
    """It took 168 s in textwrap (quadratic in a long word); now it is one linear pass."""
    word = "a" * 15_000_000
    report = analyze_answer(transcript_from_text(word), GENERAL)
    text = render_report(report, GENERAL)
    lines = text.split("\n")
    transcript_lines = lines[1 : 1 + -(-len(word) // WIDTH)]
    assert all(len(line) <= WIDTH for line in lines)
    assert "".join(transcript_lines) == word
    assert report.metrics.word_count == 1
