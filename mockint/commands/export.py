"""`mockint export SESSION --format md|html|csv|json|pdf [--output FILE]`: one session as a document.

PDF is drawn by Qt, which the command line may not import: it runs
`python -m mockint.ui.pdf_export_main` in a child process (offscreen when there is no display).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from mockint.atomic_file import write_text_atomically
from mockint.core.errors import BadInputError, UserFacingError
from mockint.core.export.formats import ExportFormat, render_session
from mockint.core.session import SessionDetail
from mockint.paths import app_paths
from mockint.store import Store
from mockint.store.errors import UnknownSessionError, from_os_error

HELP_ORDER = 45
PDF = "pdf"
LATEST = "latest"
PDF_MODULE = "mockint.ui.pdf_export_main"
PDF_TIMEOUT_S = 120.0
PDF_NEEDS_OUTPUT = "PDF export needs the desktop app's renderer and a file to write to: add --output FILE.pdf"


class PdfExportError(UserFacingError):
    """The PDF renderer (a child process) failed; carries its one-line message and exit status."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a practice session as Markdown, HTML, PDF, CSV or JSON",
        description="Export one practice session: its figures, each answer's feedback and transcript.",
    )
    parser.add_argument("session", metavar="SESSION", help=f"a session id from `mockint history`, or `{LATEST}`")
    parser.add_argument(
        "--format",
        choices=[f.value for f in ExportFormat] + [PDF],
        default=ExportFormat.MARKDOWN.value,
        help="document format (default: md; pdf needs --output)",
    )
    parser.add_argument("--output", "-o", metavar="FILE", type=Path, help="write to FILE instead of standard output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.format == PDF and args.output is None:
        raise BadInputError(PDF_NEEDS_OUTPUT)
    detail = load_detail(args.session)
    if args.format == PDF:
        write_pdf(detail.session.id, args.output)
        return 0
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
        detail = store.session_detail(session_id)
        for warning in store.take_warnings():  # damaged rows: named and skipped, the rest exported
            print(f"mockint: warning: {warning}", file=sys.stderr)
        return detail


def write_file(path: Path, text: str) -> None:
    try:
        write_text_atomically(path, text)
    except OSError as error:
        raise from_os_error(error, path, "write") from error


def write_pdf(session_id: int, output: Path) -> None:
    """Runs the Qt PDF renderer in a child process; its failure becomes one PdfExportError line."""
    command = [sys.executable, "-m", PDF_MODULE, str(session_id), str(output)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, env=_pdf_environment(), timeout=PDF_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise PdfExportError(
            f"the PDF renderer did not finish within {PDF_TIMEOUT_S:g} s; try --format html instead"
        ) from None
    except OSError as error:
        raise PdfExportError(f"the PDF renderer could not start ({error})") from error
    if done.returncode == 0:
        return
    said = [line.strip() for line in done.stderr.splitlines() if line.strip()]
    prefix = "mockint: "
    said_by_us = [line[len(prefix) :] for line in said if line.startswith(prefix)]
    if said_by_us:
        raise PdfExportError(said_by_us[-1], done.returncode)
    # Died without its own message (a crash in Qt, say): its last words, still on one line.
    last = said[-1] if said else f"exit status {done.returncode}"
    raise PdfExportError(f"the PDF renderer failed ({last})", 1)


def _pdf_environment() -> dict[str, str]:
    env = dict(os.environ)
    # The child must import this very mockint, installed or run from a checkout.
    package_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _parse_session(text: str) -> int | None:
    if text.strip().lower() == LATEST:
        return None
    try:
        return int(text)
    except ValueError:
        raise BadInputError(
            f"SESSION must be a session number from `mockint history` or `{LATEST}`, not {text!r}"
        ) from None
