"""The progress summary on seeded histories that improve, worsen and stay flat: good news first."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from mockint.core.debrief.progress import AnswerRecord, practice_streak, summarise

START = datetime(2026, 11, 10, 18, tzinfo=UTC)
TODAY = date(2026, 12, 1)


def history(
    fillers: list[float], *, within: list[bool] | None = None, days_apart: int = 7, growing: bool = False
) -> list[AnswerRecord]:
    records = []
    for n, value in enumerate(fillers):
        started = START + timedelta(days=n * days_apart)
        ok = within[n] if within else True
        records.append(
            AnswerRecord(
                n + 1,
                started,
                "Tell me about yourself",
                value,
                130.0,
                ok,
                evidence=n if growing else 1,
                star_parts=min(n + 1, 4) if growing else 2,
                strengths=("Well judged length.",),
                ratings={"clarity": 5} if n == len(fillers) - 1 else {},
            )  # fmt: skip
        )
    return records


def test_an_improving_history_leads_with_what_improved():
    summary = summarise(history([12, 9, 6, 4], within=[False, False, True, True], growing=True), TODAY)
    lines = summary.lines()
    assert lines[0] == "Fillers per minute fell from 12 to 4 over three weeks."
    assert "Answers within their target length rose from 0% to 100% over three weeks." in summary.improved
    assert summary.most_improved is not None and "Tell me about yourself" in summary.most_improved
    assert "12 \u2192 4" in summary.most_improved and "STAR parts 1 \u2192 4" in summary.most_improved
    assert "Answers carry more evidence: 0.0 to 3.0 numbers or results each." in summary.improved
    assert "Went well lately: Well judged length." in summary.went_well
    assert "Your friend rated your clarity 5.0 of 5." in summary.went_well
    assert summary.worth_a_look == ()


def test_a_worsening_history_says_so_last_and_gently():
    summary = summarise(history([3, 5, 8, 11]), TODAY)
    assert summary.improved == ()
    assert summary.worth_a_look == ("Fillers per minute rose from 3 to 11 over three weeks: worth a look.",)
    lines = summary.lines()
    assert lines[-1] == summary.worth_a_look[0]  # never the opening line
    assert lines[0] == "Went well lately: Well judged length."
    assert "fewer fillers" in summary.next_thing


def test_a_flat_history_says_it_held_steady():
    summary = summarise(history([5, 5.2, 4.9, 5.1]), TODAY)
    assert summary.improved == () and summary.worth_a_look == ()
    assert "Fillers held steady at about 5.1 a minute." in summary.steady
    assert "Your pace stays comfortable, about 130 words a minute." in summary.steady


def test_open_plan_items_come_first_as_the_next_thing():
    summary = summarise(history([12, 4]), TODAY, ["The silence drill", "Mirror practice"])
    assert summary.next_thing == "Next to practise: The silence drill."
    assert summarise([], TODAY).next_thing.startswith("Next to practise: a short solo session")


def test_the_streak_counts_days_in_a_row_up_to_today_or_yesterday():
    days = {TODAY - timedelta(days=n) for n in (0, 1, 2, 4)}
    assert practice_streak(days, TODAY) == 3
    assert practice_streak({TODAY - timedelta(days=1), TODAY - timedelta(days=2)}, TODAY) == 2
    assert practice_streak({TODAY - timedelta(days=3)}, TODAY) == 0
    daily = summarise(history([6, 5, 4], days_apart=1), START.date() + timedelta(days=2))
    assert daily.streak_days == 3 and daily.streak == "A 3-day practice streak."
