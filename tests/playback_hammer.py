"""Play, seek and stop as fast as a user's clicks and the Review page's workers can, from two
threads at once, through the real sound server: run by tests/test_playback_player.py in a child
process, so a PortAudio abort (SIGABRT) is seen as such instead of taking pytest down with it.

Usage: python -m tests.playback_hammer WAV ROUNDS SEED. Prints a JSON line of counts; exits 0.
"""

from __future__ import annotations

import json
import random
import sys
import threading
from pathlib import Path

from mockint.speech.playback import Player


def hammer(wav: Path, rounds: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    player = Player()
    finished: list[bool] = []
    lock = threading.Lock()

    def on_finished(reached_end: bool) -> None:
        with lock:
            finished.append(reached_end)

    plays = 0
    stopper_done = threading.Event()

    def stopper() -> None:  # the GUI thread: Stop and Pause clicks, any time, never waiting
        while not stopper_done.is_set():
            player.stop()
            _ = player.is_playing, player.position_s
            stopper_done.wait(rng.random() * 0.004)

    gui = threading.Thread(target=stopper, daemon=True)
    gui.start()
    duration = player_duration(wav)
    for _ in range(rounds):  # the worker thread: Play, and seeks (a play from another point)
        player.play(wav, on_finished, start_s=rng.random() * duration)
        plays += 1
        if rng.random() < 0.3:
            player.stop()
    stopper_done.set()
    gui.join()
    player.stop()
    assert player.wait(2.0), "still playing after stop()"
    # And the player still works: one whole play to its end.
    done = threading.Event()
    ends: list[bool] = []
    player.play(wav, lambda reached_end: (ends.append(reached_end), done.set()), start_s=max(0.0, duration - 0.3))
    assert done.wait(10), "the last play never finished"
    with lock:
        return {
            "plays": plays,
            "finished": len(finished),
            "stopped": finished.count(False),
            "last_reached_end": ends[0],
        }


def player_duration(wav: Path) -> float:
    from mockint.speech.playback import read_wav

    return read_wav(wav).duration_s


if __name__ == "__main__":
    counts = hammer(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
    print(json.dumps(counts))
