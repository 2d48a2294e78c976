"""Speed, time left and how a transfer reads: pure functions fed with explicit times."""

from __future__ import annotations

import pytest

from mockint.app.transfer_rate import (
    TransferEstimate,
    TransferRate,
    describe_transfer,
    format_bytes,
    format_speed,
    format_time_left,
    seconds_left,
)

MB = 1_000_000


def test_no_speed_until_half_a_second_has_passed():
    rate = TransferRate()
    assert rate.add(0.0, 0, 10 * MB).bytes_per_s is None
    first = rate.add(0.3, 300_000, 10 * MB)
    assert first.bytes_per_s is None and first.seconds_left is None
    later = rate.add(1.0, 1 * MB, 10 * MB)
    assert later.bytes_per_s == pytest.approx(1 * MB)
    assert later.seconds_left == pytest.approx(9.0)
    assert later.fraction == pytest.approx(0.1)


def test_speed_follows_the_last_few_seconds_only():
    rate = TransferRate(window_s=4.0)
    for second in range(11):  # 1 MB/s for ten seconds...
        rate.add(float(second), second * MB, 100 * MB)
    for second in range(11, 21):  # ...then 3 MB/s
        estimate = rate.add(float(second), 10 * MB + (second - 10) * 3 * MB, 100 * MB)
    assert estimate.bytes_per_s == pytest.approx(3 * MB)
    assert estimate.seconds_left == pytest.approx((100 - 40) / 3)


def test_a_stall_shows_as_falling_speed():
    rate = TransferRate(window_s=4.0)
    for second in range(5):
        rate.add(float(second), second * MB, 10 * MB)
    stalled = rate.add(6.0, 4 * MB, 10 * MB)  # nothing for two seconds
    assert stalled.bytes_per_s == pytest.approx(2 * MB / 4)


def test_resumed_download_measures_only_new_bytes():
    rate = TransferRate()
    rate.add(0.0, 30 * MB, 40 * MB)  # 30 MB were already on disk
    estimate = rate.add(2.0, 32 * MB, 40 * MB)
    assert estimate.bytes_per_s == pytest.approx(1 * MB)
    assert estimate.seconds_left == pytest.approx(8.0)
    assert estimate.fraction == pytest.approx(0.8)


def test_a_restart_from_zero_forgets_the_old_samples():
    rate = TransferRate()
    rate.add(0.0, 0, 10 * MB)
    rate.add(1.0, 5 * MB, 10 * MB)
    restarted = rate.add(1.5, 100_000, 10 * MB)  # the server ignored Range: starting over
    assert restarted.bytes_per_s is None
    assert rate.add(2.5, 1_100_000, 10 * MB).bytes_per_s == pytest.approx(1 * MB)


def test_unknown_total_has_no_time_left_or_fraction():
    rate = TransferRate()
    rate.add(0.0, 0, None)
    estimate = rate.add(1.0, 2 * MB, None)
    assert estimate.bytes_per_s == pytest.approx(2 * MB)
    assert estimate.seconds_left is None and estimate.fraction is None


@pytest.mark.parametrize(
    ("done", "total", "speed", "left"),
    [(0, 100, 10.0, 10.0), (100, 100, 10.0, 0.0), (50, None, 10.0, None), (50, 100, None, None), (50, 100, 0.0, None)],
)
def test_seconds_left(done, total, speed, left):
    assert seconds_left(done, total, speed) == left


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 B"),
        (999, "999 B"),
        (1_000, "1 kB"),
        (262_144, "262 kB"),
        (41_205_931, "41.2 MB"),
        (1_600_000_000, "1.6 GB"),
    ],
)
def test_format_bytes(size, text):
    assert format_bytes(size) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, ""),
        (2.0, "a few seconds left"),
        (13.7, "about 15 s left"),
        (59.0, "about 60 s left"),
        (95.0, "about 2 min left"),
        (3 * 3600 + 5 * 60, "about 3 h 05 min left"),
    ],
)
def test_time_left_is_rounded_the_way_people_say_it(seconds, text):
    assert format_time_left(seconds) == text


def test_describe_transfer_leaves_out_what_is_unknown():
    full = TransferEstimate(12_345_678, 41_205_931, 2_100_000, 13.7)
    assert describe_transfer(full) == "12.3 MB of 41.2 MB · 2.1 MB/s · about 15 s left"
    early = TransferEstimate(65_536, None, None, None)
    assert describe_transfer(early) == "66 kB · measuring speed…"
    assert format_speed(850_000) == "850 kB/s"
