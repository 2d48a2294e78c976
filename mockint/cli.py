"""The `mockint` command: starts the app, or runs the engine without a window.

Each subcommand lives in its own module under `mockint/commands/` with `register(subparsers)`.
This file only builds the parser and turns errors into one line and an exit status.

Start-up cost: importing a command's module can pull in numpy, Vosk or the store, so only the
module of the command being run is imported. The others are listed from `COMMANDS` below (name
and one-line help), which `tests/test_cli_startup.py` keeps in step with the modules.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NamedTuple

from mockint.core.errors import UserFacingError

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class CommandEntry(NamedTuple):
    """A subcommand as `mockint --help` lists it; its module is imported only when it runs."""

    name: str
    module: str  # under mockint.commands, exposing register(subparsers)
    help: str  # the same line the module's register() gives add_parser


COMMANDS: tuple[CommandEntry, ...] = (
    CommandEntry(
        "analyze",
        "analyze",
        "analyse one answer: a transcript, a Vosk result JSON, an audio file, or - for text on stdin",
    ),
    CommandEntry("deck", "deck", "list, show, check, import and export question decks"),
    CommandEntry("model", "model", "list, download, check and choose speech models"),
    CommandEntry("history", "history", "list past practice sessions, newest first"),
    CommandEntry("export", "export", "export a practice session as Markdown, HTML, PDF, CSV or JSON"),
    CommandEntry("debrief", "debrief", "list and show debriefs of real interviews"),
    CommandEntry(
        "doctor", "doctor", "check what works on this machine: audio, speech, model, display, camera, storage"
    ),
)


class _VersionAction(argparse.Action):
    """`--version`, reading the installed version only when asked (see mockint/__init__.py)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object, **__: object) -> None:
        from mockint import __version__

        print(f"mockint {__version__}")  # on standard output, like argparse's own version action
        parser.exit(EXIT_OK)


class _OneLineParser(argparse.ArgumentParser):
    """argparse prints usage plus the error; users get one line and exit 2, like other bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line: the first word that is not an option.

    The top-level options (--version, --help, --verbose) take no value, so this is exact.
    """
    for word in argv:
        if word == "--":
            return None
        if not word.startswith("-"):
            return word
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`: the chosen command in full, the others as one-line entries."""
    chosen = _chosen_command(sys.argv[1:] if argv is None else argv)
    parser = _OneLineParser(
        prog="mockint",
        description="Practise job interviews out loud, offline. With no command, starts the app.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--verbose", action="store_true", help="show the speech engine's own log messages (for bug reports)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_OneLineParser)
    for entry in COMMANDS:
        if entry.name == chosen:
            load_command(entry).register(subparsers)
        else:
            subparsers.add_parser(entry.name, help=entry.help)
    return parser


def load_command(entry: CommandEntry) -> ModuleType:
    """The module of one command; it has `register(subparsers)`."""
    return importlib.import_module(f"mockint.commands.{entry.module}")


def _start_app(parser: argparse.ArgumentParser) -> int:
    from mockint.display_check import display_problem

    problem = display_problem()  # before Qt loads: one line on what to install, never Qt's abort
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
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
    import traceback
    from datetime import datetime

    from mockint.paths import app_paths, make_private_dir, make_private_file

    log_dir = app_paths().log_dir
    try:
        make_private_dir(log_dir)  # a traceback may quote a transcript: for this user only
        path = log_dir / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
        path.write_text(traceback.format_exc(), encoding="utf-8")
        make_private_file(path)
        return str(path)
    except OSError:
        return "(the log folder could not be written)"


def _tolerant_stdout() -> None:
    """File names that are not valid UTF-8 reach Python as surrogate escapes; printing them to a
    strict stdout would raise. Write them back as the bytes they were, as `ls` does."""
    stream = sys.stdout
    if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
        try:
            stream.reconfigure(errors="surrogateescape")
        except (ValueError, OSError):  # a detached or closed stream: nothing to reconfigure
            pass


def _configure_logging(verbose: bool) -> None:
    import logging  # after parsing: `--version` and `--help` never need it

    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if verbose:
        from mockint.speech.model_log import show_engine_log

        show_engine_log(True)


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_stdout()
    try:
        parser = build_parser(argv)
        args = parser.parse_args(argv)
        _configure_logging(args.verbose)
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
    except OSError as error:
        if not error.filename:
            return _report_crash(error)
        print(f"mockint: {_os_error_line(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UnicodeEncodeError as error:
        encoding = getattr(sys.stdout, "encoding", None) or "its encoding"
        print(
            f"mockint: the terminal's character set ({encoding}) cannot show {error.object[error.start : error.end]!a};"
            " set PYTHONIOENCODING=utf-8 or a UTF-8 locale",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    except Exception as error:  # noqa: BLE001 - the last line of defence against tracebacks
        return _report_crash(error)


def _report_crash(error: BaseException) -> int:
    where = _log_crash()
    print(f"mockint: something went wrong inside MockInt ({type(error).__name__}); details in {where}", file=sys.stderr)
    return 1


def _os_error_line(error: OSError) -> str:
    """A file or folder the system refused (a data folder of another user, a full disk): one line
    naming it, as for any input the user can fix, rather than a crash report."""
    from pathlib import Path

    from mockint.paths import app_paths

    name = Path(str(error.filename))
    reason = "permission denied" if isinstance(error, PermissionError) else (error.strerror or type(error).__name__)
    paths = app_paths()
    for folder, what in ((paths.data_dir, "data"), (paths.config_dir, "settings"), (paths.log_dir, "log")):
        if name == folder or folder in name.parents:
            return (
                f"MockInt's {what} folder {folder} cannot be used ({reason} for {name}); "
                "check that it belongs to this user (ls -ld)"
            )
    return f"{name} cannot be used ({reason})"
