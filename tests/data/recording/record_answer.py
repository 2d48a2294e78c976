"""Records from the default input in its own process, for tests that kill it or pull its device.

Prints one JSON object per line on stdout:
  {"event": "started", "sample_rate": int, "path": str}      once audio flows
  {"event": "frames", "frames": int, "level": float}          after each chunk (total so far)
  {"event": "on_error", "error_type": str}                    when on_error is called
  {"event": "result", "error_type": str|null, "message": str|null, "frames": int,
   "chunk_frames": int, "path": str}                          when the recording ended
  {"event": "start_failed", "error_type": str, "message": str} when start() refused
Modes: --until-killed waits to be killed; --until-fault waits (up to N s) for a fault, then stops.
--copy-to copies the saved file elsewhere (its folder may vanish with the process's mounts).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import threading
from pathlib import Path

from mockint.core.errors import UserFacingError
from mockint.speech.recorder import Recorder


def emit(**fields: object) -> None:
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("wav", type=Path)
    parser.add_argument("--until-killed", action="store_true")
    parser.add_argument("--until-fault", type=float, default=20.0)
    parser.add_argument("--close-timeout", type=float, default=2.0)
    parser.add_argument("--copy-to", type=Path)
    args = parser.parse_args()

    chunk_frames = 0

    def on_chunk(pcm: bytes) -> None:
        nonlocal chunk_frames
        chunk_frames += len(pcm) // 2
        emit(event="frames", frames=chunk_frames, level=recorder.level)

    def on_error(error: UserFacingError) -> None:
        emit(event="on_error", error_type=type(error).__name__)

    recorder = Recorder(None, args.wav, on_chunk=on_chunk, on_error=on_error, close_timeout_s=args.close_timeout)
    try:
        recorder.start()
    except UserFacingError as error:
        emit(event="start_failed", error_type=type(error).__name__, message=error.user_message)
        return 0
    emit(event="started", sample_rate=recorder.sample_rate, path=str(args.wav))
    if args.until_killed:
        threading.Event().wait(60)  # the test kills us long before this
        return 1
    recorder.wait_until_ended(args.until_fault)
    result = recorder.stop()
    if args.copy_to is not None:
        shutil.copyfile(result.path, args.copy_to)
    error = result.error
    emit(
        event="result",
        error_type=type(error).__name__ if error else None,
        message=error.user_message if error else None,
        frames=result.frames,
        chunk_frames=chunk_frames,
        path=str(result.path),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
