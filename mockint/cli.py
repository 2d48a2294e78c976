"""The `mockint` command: starts the app, or runs the engine without a window.

Each subcommand lives in its own module under `mockint/commands/` with `register(subparsers)`.
This file only builds the parser and turns errors into one line and an exit status.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence
from datetime import datetime

from mockint import __version__
from mockint.core.errors import UserFacingError

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class _OneLineParser(argparse.ArgumentParser):
    """argparse prints usage plus the error; users get one line and exit 2, like other bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _command_modules() -> list:
    """Every module in `mockint/commands/`, in the order their `HELP_ORDER` gives."""
    import importlib
    import pkgutil

    import mockint.commands as package

    modules = [
        importlib.import_module(f"{package.__name__}.{info.name}") for info in pkgutil.iter_modules(package.__path__)
    ]
    return sorted(
        (m for m in modules if hasattr(m, "register")), key=lambda m: (getattr(m, "HELP_ORDER", 50), m.__name__)
    )


def build_parser() -> argparse.ArgumentParser:

    parser = _OneLineParser(
        prog="mockint",
        description="Practise job interviews out loud, offline. With no command, starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"mockint {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_OneLineParser)
    for module in _command_modules():
        module.register(subparsers)
    return parser


def _start_app(parser: argparse.ArgumentParser) -> int:
    try:
        from mockint.ui.app import run_app
    except ModuleNotFoundError as missing:
        if missing.name != "mockint.ui.app":
            raise
        parser.print_help()
        return EXIT_OK
    return run_app()


def _log_crash() -> str:
    """Keeps the traceback for the developers, out of the user's face; returns where it went."""
    from mockint.paths import app_paths

    log_dir = app_paths().log_dir
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
        path.write_text(traceback.format_exc(), encoding="utf-8")
        return str(path)
    except OSError:
        return "(the log folder could not be written)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        if args.command is None:
            return _start_app(parser)
        return int(args.func(args) or EXIT_OK)
    except UserFacingError as error:
        print(f"mockint: {error.user_message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `mockint ... | head` closed the pipe: nothing more to say to anyone.
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - the last line of defence against tracebacks
        where = _log_crash()
        print(
            f"mockint: something went wrong inside MockInt ({type(error).__name__}); details in {where}",
            file=sys.stderr,
        )
        return 1
