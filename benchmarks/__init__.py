"""Performance figures for MockInt: `python -m benchmarks --json` prints them as one JSON object.

Each `bench_*.py` module here exposes `figures() -> dict[str, float | int | None]`; a figure that
cannot be measured on this machine is reported as None with the reason under "unavailable".
"""
