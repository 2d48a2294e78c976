"""The Review page's parts on their own: what changed between attempts, the timeline's scale,
restoring stored reports, feedback links, and the transcript of an answer without times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from mockint.app.attempt_changes import Direction, compare_attempts
from mockint.app.timeline_layout import SpotKind, scale_end, spot_at, spots, ticks
from mockint.core.analysis import Thresholds, analyze_answer
from mockint.core.formatting import clock, clock_tenths, target_text
from mockint.core.targets import TargetRange
from mockint.core.words import Transcript, Word
from mockint.ui.review.feedback_list import FeedbackList, linked_message
from mockint.ui.review.figures_panel import pace_note
from mockint.ui.review.formatting import when
from mockint.ui.review.transcript_marks import Mark
from mockint.ui.review.transcript_view import TranscriptView
from mockint.ui.theme import theme_for
from tests.test_ui_review_support import FIRST_TRY, SECOND_TRY, SHORT_TARGET, timed_words

LIGHT = theme_for(Qt.ColorScheme.Light)


def report_of(spec: str, target: TargetRange = SHORT_TARGET, tail_s: float = 0.6):
    words = timed_words(spec)
    return analyze_answer(Transcript(words, duration_s=words[-1].end + tail_s), target)


def test_a_cleaner_retry_reads_as_better_and_the_same_answer_as_the_same():
    first, second = report_of(FIRST_TRY), report_of(SECOND_TRY)
    changes = {c.key: c for c in compare_attempts(first, second, Thresholds())}
    assert changes["fillers"].direction is Direction.BETTER
    assert changes["fillers"].sentence == f"Fewer fillers: {first.metrics.fillers_per_min:.1f} → 0.0 a minute"
    assert changes["longest_pause"].direction is Direction.BETTER
    assert changes["hedges"].direction is Direction.BETTER
    assert changes["pace"].direction is Direction.SAME and changes["pace"].sentence.startswith("Pace steady")
    assert changes["length"].direction is Direction.WORSE  # 0:19 -> 0:14, further under 20-40 s
    ordered = [c.direction for c in compare_attempts(first, second, Thresholds())]
    assert ordered == sorted(ordered, key=[Direction.BETTER, Direction.WORSE, Direction.SAME].index)

    same = compare_attempts(first, first, Thresholds())
    assert {c.direction for c in same} == {Direction.SAME}
    assert "start" not in {c.key for c in same}  # an unchanged start is not worth a line


def test_reaching_the_target_length_is_named():
    short = report_of(SECOND_TRY, TargetRange(20, 40))
    # Silence after the last word does not make an answer longer; saying more does.
    assert report_of(SECOND_TRY, TargetRange(20, 40), tail_s=8.0).metrics.duration_s == short.metrics.duration_s
    more = " | and the team kept that pace for the rest of the year while we hired two engineers and trained them"
    long_enough = report_of(SECOND_TRY + more, TargetRange(20, 40))
    changes = {c.key: c for c in compare_attempts(short, long_enough, Thresholds())}
    assert changes["length"].direction is Direction.BETTER
    assert changes["length"].sentence.startswith("Length now within target: 0:12 → 0:2")


def test_timeline_scale_keeps_a_short_answer_wide_and_shows_the_target_when_it_fits():
    assert scale_end(19.5, TargetRange(60, 120)) == 19.5 / 0.45  # the target lies beyond the edge
    assert scale_end(75, TargetRange(60, 90)) == 90  # the whole target band shows
    assert scale_end(150, TargetRange(60, 90)) == 150  # a long answer: all of it
    assert scale_end(30, None) == 30
    assert ticks(19.0) == [0, 5, 10, 15] and ticks(130.0)[:3] == [0, 30, 60]
    report = report_of(FIRST_TRY)
    found = spots(report)
    filler = next(s for s in found if s.kind is SpotKind.FILLER and "“uh”" in s.text)
    assert spot_at(found, filler.start + 0.05, 0.1, (SpotKind.FILLER,)) == filler
    assert spot_at(found, filler.start + 2.0, 0.1, (SpotKind.FILLER,)) is None


def test_feedback_links_the_moments_of_the_answer_only(qtbot):
    text = 'You used 3 filler words: "um" <b>, at 0:01, 0:02 and 1:07. The answer ran 0:19, under the 20–40 s target.'
    html = linked_message(text, "#123456")
    assert html.count('href="t:') == 3 and 'href="t:67"' in html
    assert "ran 0:19" in html and "&lt;b&gt;" in html
    feedback = FeedbackList(LIGHT)
    qtbot.addWidget(feedback)
    report = report_of(FIRST_TRY)
    feedback.show_feedback(report.work_on, report.strengths)
    moments: list[float] = []
    feedback.moment_clicked.connect(moments.append)
    feedback.rows()[0].message.linkActivated.emit("t:7")
    assert moments == [7.0]


def test_a_transcript_without_times_is_marked_but_not_clickable(qtbot):
    words = tuple(Word(w) for w in "um i think we shipped it".split())
    report = analyze_answer(Transcript(words), TargetRange(15, 45))
    view = TranscriptView(LIGHT)
    qtbot.addWidget(view)
    view.show_report(report)
    fragments = view.fragments()
    assert [f.text for f in fragments if f.mark is Mark.FILLER] == ["[", "um", "]"]
    assert any(f.mark is Mark.HEDGE for f in fragments)
    assert not view.char_format_of_word(0).isAnchor()
    assert "no time known" in view.char_format_of_word(0).toolTip()
    view.show_report(None, message="Nothing here yet.")
    assert view.toPlainText() == "Nothing here yet."


def test_wording_of_times_and_pace():
    assert (clock(64.9), clock(None), clock_tenths(7.44)) == ("1:04", "—", "0:07.4")
    assert target_text(TargetRange(60, 90)) == "60–90 s" and target_text(TargetRange(60, 120)) == "60–120 s"
    now = datetime(2024, 3, 14, 12, 0, tzinfo=UTC)
    assert when(now - timedelta(minutes=5), now).startswith("Today")
    assert when(now - timedelta(days=1), now).startswith("Yesterday")
    assert when(now - timedelta(days=400), now).endswith("2023")
    thresholds = Thresholds()
    assert pace_note(90, thresholds) == ("a little slow", "warning")
    assert pace_note(130, thresholds)[0].startswith("comfortable")
    assert pace_note(168, thresholds) == ("brisk", "muted")
    assert pace_note(190, thresholds) == ("fast", "warning")
