"""Runs every benchmark module and prints its figures (`--json` for one JSON object)."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
import traceback
from pathlib import Path

import benchmarks


def _modules(only: list[str]) -> list[str]:
    names = sorted(info.name for info in pkgutil.iter_modules(benchmarks.__path__) if info.name.startswith("bench_"))
    return [n for n in names if not only or any(o in n for o in only)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--json", action="store_true", help="print one JSON object of figures")
    parser.add_argument("only", nargs="*", help="run only the modules whose name contains one of these")
    args = parser.parse_args(argv)
    figures: dict[str, object] = {}
    unavailable: dict[str, str] = {}
    for name in _modules(args.only):
        try:
            figures.update(importlib.import_module(f"benchmarks.{name}").figures())
        except Exception as error:  # noqa: BLE001 - one broken benchmark must not hide the others
            unavailable[name] = f"{type(error).__name__}: {error}"
            traceback.print_exc(file=sys.stderr)
    if unavailable:
        figures["unavailable"] = unavailable
    if args.json:
        print(json.dumps(figures, indent=2, sort_keys=True))
    else:
        for key, value in sorted(figures.items()):
            print(f"{key:32} {value}")
    return 1 if unavailable else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
