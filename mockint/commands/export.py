"""`mockint export SESSION --format md|html|csv|json [--output FILE]`: one session as a document."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from mockint.core.errors import BadInputError
from mockint.core.export.formats import ExportFormat, render_session
from mockint.core.session import SessionDetail
from mockint.paths import app_paths
from mockint.store import Store
from mockint.store.errors import UnknownSessionError, from_os_error

HELP_ORDER = 45
PDF = "pdf"
LATEST = "latest"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a practice session as Markdown, HTML, CSV or JSON",
        description="Export one practice session: its figures, each answer's feedback and transcript.",
    )
    parser.add_argument("session", metavar="SESSION", help=f"a session id from `mockint history`, or `{LATEST}`")
    parser.add_argument(
        "--format",
        choices=[f.value for f in ExportFormat] + [PDF],
        default=ExportFormat.MARKDOWN.value,
        help="document format (default: md)",
    )
    parser.add_argument("--output", "-o", metavar="FILE", type=Path, help="write to FILE instead of standard output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.format == PDF:
        raise BadInputError("PDF export needs the desktop app's renderer; use --format html and print the page for now")
    detail = load_detail(args.session)
    text = render_session(detail, args.format)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_file(args.output, text)
    return 0


def load_detail(session_arg: str) -> SessionDetail:
    session_id = _parse_session(session_arg)
    paths = app_paths()
    if not paths.database.exists():
        raise UnknownSessionError(session_arg)
    with Store.open(paths) as store:
        if store.notice:
            print(f"mockint: {store.notice}", file=sys.stderr)
        if session_id is None:
            session_id = store.latest_session_id()
            if session_id is None:
                raise BadInputError("there are no practice sessions to export yet")
        return store.session_detail(session_id)


def write_file(path: Path, text: str) -> None:
    """Writes beside the target and renames, so an interrupted export never leaves half a file."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        try:
            # newline="": the text already has its line endings (CSV's are \r\n by its standard).
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
            # mkstemp makes the file private; an export is a document the user may share.
            os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise from_os_error(error, path, "write") from error


def _parse_session(text: str) -> int | None:
    if text.strip().lower() == LATEST:
        return None
    try:
        return int(text)
    except ValueError:
        raise BadInputError(f"SESSION must be a session number from `mockint history` or `{LATEST}`, not {text!r}") from None
