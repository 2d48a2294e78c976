"""Long recordings in flat memory, and inputs that are not files refused at once.

A 52-minute WAV once took 2.7 GB before the model was even checked: the file was read whole,
then copied three times as float64 for the hesitation scan. Now the file is streamed from disk
in blocks through the voicing scan, and the scan keeps only what its windows need. Measured in a
child process (tracemalloc sees numpy's buffers), so nothing else in the test run counts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

RATE = 8000  # the scan's cost is per sample: a low rate makes a long file quick to go through

CHILD = """
import json, sys, tracemalloc
from mockint.speech.hesitation import hesitations_outside_words
from mockint.speech.transcribe import voicing_of_file
tracemalloc.start()
scanner = voicing_of_file(sys.argv[1])
found = hesitations_outside_words(scanner, [])
print(json.dumps({"peak": tracemalloc.get_traced_memory()[1], "found": len(found), "s": scanner.duration_s}))
"""


def long_recording(path: Path, minutes: int) -> Path:
    """Quiet hiss with one hummed second every minute, written a minute at a time."""
    import soundfile

    rng = np.random.default_rng(minutes)
    t = np.arange(RATE) / RATE
    with soundfile.SoundFile(str(path), "w", RATE, 1, "PCM_16") as out:
        for _ in range(minutes):
            minute = rng.standard_normal(60 * RATE) * 30
            minute[10 * RATE : 11 * RATE] += 4000 * np.sin(2 * np.pi * 150 * t) + 1500 * np.sin(2 * np.pi * 300 * t)
            out.write(minute.astype(np.int16))
    return path


def scan_in_a_child(path: Path) -> dict:
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=root,
        env=dict(os.environ, PYTHONPATH=str(root)),
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_the_scan_of_a_long_file_takes_no_more_memory_than_that_of_a_short_one(tmp_path):
    short = scan_in_a_child(long_recording(tmp_path / "short.wav", 2))
    long = scan_in_a_child(long_recording(tmp_path / "long.wav", 12))
    size = (tmp_path / "long.wav").stat().st_size
    assert (short["found"], long["found"]) == (2, 12)  # each hummed second, and nothing else
    assert long["s"] == pytest.approx(12 * 60)
    # Reading the file whole would already be `size` bytes (11.5 MB), before any scanning.
    assert long["peak"] < size / 2, long
    assert long["peak"] - short["peak"] < 512 * 1024, (short, long)


def mockint(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mockint", *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("name", ["answer.wav", "answer.txt"])
def test_analyze_refuses_a_fifo_at_once_in_one_line(tmp_path, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    result = mockint("analyze", str(fifo))  # would wait for a writer forever if it were opened
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "pipe" in result.stderr


def test_analyze_refuses_a_device_in_one_line():
    result = mockint("analyze", "/dev/zero")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "device" in result.stderr
