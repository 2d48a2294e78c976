"""The frozen app's entry point: `mockint` exactly as the pip-installed command.

A frozen app has no Python to run `python -m ...` with, and MockInt starts its helper processes
(text-to-speech, the PDF renderer, doctor's display and camera probes) as
`sys.executable -m mockint.<module> ...`. In the frozen app `sys.executable` is this program, so
it understands that one form too, for MockInt's own modules only.
"""

import runpy
import sys


def main() -> int:
    if len(sys.argv) >= 3 and sys.argv[1] == "-m" and sys.argv[2].startswith("mockint."):
        module = sys.argv[2]
        sys.argv = [module, *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return 0
    from mockint.cli import main as mockint_main

    return mockint_main()


if __name__ == "__main__":
    sys.exit(main())
