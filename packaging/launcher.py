"""The frozen app's entry point: `mockint` exactly as the pip-installed command.

A frozen app has no Python to run `python -m ...` with, and MockInt starts its helper processes
(text-to-speech, the PDF renderer, doctor's display and camera probes) as
`sys.executable -m mockint.<module> ...`. In the frozen app `sys.executable` is this program, so
it understands that one form too, for MockInt's own modules only.
"""

import runpy
import sys
from pathlib import Path


def _helpers_run_through_the_console_program() -> None:
    """Windows: mockint.exe is a window program, which has no standard output to answer a parent
    through; its helper processes are started as mockint-cli.exe, the same app built as a console
    program (they are started without a window of their own). Written, not run here: see README."""
    if sys.platform == "win32" and getattr(sys, "frozen", False):
        cli = Path(sys.executable).with_name("mockint-cli.exe")
        if cli.is_file():
            sys.executable = str(cli)


def main() -> int:
    _helpers_run_through_the_console_program()
    if len(sys.argv) >= 3 and sys.argv[1] == "-m" and sys.argv[2].startswith("mockint."):
        module = sys.argv[2]
        sys.argv = [module, *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return 0
    from mockint.cli import main as mockint_main

    return mockint_main()


if __name__ == "__main__":
    sys.exit(main())
