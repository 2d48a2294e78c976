"""The mirror's calm cue scheduler: a pure function of the live figures (issue 12, point 3)."""

from __future__ import annotations

from mockint.core.mirror_cues import (
    CUE_PRIORITY,
    CUE_TEXT,
    Cue,
    CueRules,
    LiveFigures,
    LiveWindow,
    ShownCue,
    applicable_cues,
    count_live_fillers,
    next_cue,
    visible_cue,
)

RULES = CueRules()


def figures(at: float, *, level=0.5, wpm=140.0, fillers=0, silence=0.0) -> LiveFigures:
    return LiveFigures(at, level, wpm, fillers, silence)


def test_nothing_is_said_during_the_first_seconds_even_when_everything_applies():
    loud_problem = figures(RULES.quiet_start_s - 0.1, level=0.0, wpm=260.0, fillers=9)
    assert len(applicable_cues(loud_problem, RULES)) >= 3
    assert next_cue(loud_problem, [], RULES) is None
    assert next_cue(figures(RULES.quiet_start_s, level=0.0), [], RULES) is Cue.SPEAK_UP


def test_priority_order_quiet_then_fast_then_fillers_then_silence_then_praise():
    assert CUE_PRIORITY == (Cue.SPEAK_UP, Cue.SLOW_DOWN, Cue.FILLERS, Cue.BREATHE, Cue.GOOD_PACE)
    at = 30.0
    assert next_cue(figures(at, level=0.01, wpm=250, fillers=5), []) is Cue.SPEAK_UP
    assert next_cue(figures(at, wpm=250, fillers=5), []) is Cue.SLOW_DOWN
    assert next_cue(figures(at, wpm=150, fillers=3), []) is Cue.FILLERS
    assert next_cue(figures(at, wpm=None, silence=7.0), []) is Cue.BREATHE
    assert next_cue(figures(at, wpm=130), []) is Cue.GOOD_PACE
    assert next_cue(figures(at, wpm=95), []) is None  # slow-ish but not a problem: nothing


def test_never_two_cues_within_fifteen_seconds_over_a_whole_answer():
    shown: list[ShownCue] = []
    for tenth in range(0, 1800):  # three minutes, every figure calling for a cue all the time
        at = tenth / 10
        cue = next_cue(figures(at, level=0.01, wpm=250, fillers=5, silence=0.0), shown)
        if cue is not None:
            shown.append(ShownCue(cue, at))
    starts = [cue.at_s for cue in shown]
    assert len(shown) >= 10
    assert all(b - a >= RULES.min_gap_s for a, b in zip(starts, starts[1:], strict=False))
    assert starts[0] >= RULES.quiet_start_s


def test_a_cue_stays_about_three_seconds_and_only_one_is_on_screen():
    shown = [ShownCue(Cue.SLOW_DOWN, 20.0)]
    assert visible_cue(shown, 20.0).cue is Cue.SLOW_DOWN
    assert visible_cue(shown, 22.9).cue is Cue.SLOW_DOWN
    assert visible_cue(shown, 23.0) is None
    assert visible_cue([], 5.0) is None


def test_praise_comes_now_and_then_not_every_fifteen_seconds():
    shown = [ShownCue(Cue.GOOD_PACE, 10.0)]
    assert next_cue(figures(30.0, wpm=130), shown) is None  # praised 20 s ago
    assert next_cue(figures(30.0, wpm=250), shown) is Cue.SLOW_DOWN  # a problem still gets through
    assert next_cue(figures(10.0 + RULES.positive_every_s, wpm=130), shown) is Cue.GOOD_PACE


def test_the_live_window_reads_pace_fillers_and_level_over_recent_seconds():
    window = LiveWindow(RULES)
    for tenth in range(0, 301):  # 30 s at 4 words a second (240 wpm), a filler every 5 s
        at = tenth / 10
        window.add(at, 0.5, int(at * 4), int(at // 5), 0.0)
    seen = window.figures()
    assert 230 <= seen.recent_wpm <= 250
    assert seen.recent_fillers == 4  # the last 20 s: fillers at 15, 20, 25, 30 s
    assert seen.level == 0.5
    assert next_cue(seen, []) is Cue.SLOW_DOWN

    quiet = LiveWindow(RULES)
    for tenth in range(0, 101):
        quiet.add(tenth / 10, 0.01, 0, 0, 0.0)
    assert quiet.figures().recent_wpm is None  # the 20 s window is not full yet
    assert next_cue(quiet.figures(), []) is Cue.SPEAK_UP


def test_silence_is_not_too_quiet_and_a_long_one_asks_for_a_breath():
    window = LiveWindow(RULES)
    for tenth in range(0, 121):
        at = tenth / 10
        window.add(at, 0.0, 10, 0, max(0.0, at - 4.0))  # silent since 4 s
    seen = window.figures()
    assert Cue.SPEAK_UP not in applicable_cues(seen, RULES)
    assert next_cue(seen, []) is Cue.BREATHE


def test_cues_read_as_short_sentences_and_round_trip_the_log():
    assert CUE_TEXT[Cue.FILLERS] == "Try a pause instead of \u2018um\u2019"
    shown = ShownCue(Cue.BREATHE, 41.234)
    assert shown.to_dict() == {"cue": "breathe", "at_s": 41.23, "text": "Take a breath, then go on"}
    assert ShownCue.from_dict(shown.to_dict()) == ShownCue(Cue.BREATHE, 41.23)
    assert ShownCue.from_dict({"cue": "shout"}) is None and ShownCue.from_dict("x") is None
    assert count_live_fillers("so um I uh, did it".split(), frozenset({"um", "uh"})) == 2
