"""`mockint export SESSION --format md|html|csv|json|pdf [--output FILE]`: one session as a document.

PDF is drawn by Qt, which the command line may not import: it runs
`python -m mockint.ui.pdf_export_main` in a child process (offscreen when there is no display).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from mockint.app.export_target import (
    STDOUT_NAME,
    ExportTarget,
    TargetKind,
    check_export_target,
    copy_to_stream,
    write_export_text,
)
from mockint.app.mirror import with_cue_logs
from mockint.core.errors import BadInputError, UserFacingError
from mockint.core.export.formats import ExportFormat, render_session
from mockint.core.session import SessionDetail
from mockint.paths import app_paths
from mockint.store import Store
from mockint.store.errors import UnknownSessionError

HELP_ORDER = 45
PDF = "pdf"
LATEST = "latest"
PDF_MODULE = "mockint.ui.pdf_export_main"
PDF_TIMEOUT_S = 120.0
PDF_NEEDS_OUTPUT = "PDF export needs the desktop app's renderer and a file to write to: add --output FILE.pdf"
# SQLite row ids are 64-bit; a longer number cannot name a session (and must not reach SQLite).
MAX_SESSION_ID = 2**63 - 1


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
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write to FILE instead of standard output (a pipe or terminal is written as a stream; - is standard output)",
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.format == PDF and args.output is None:
        raise BadInputError(PDF_NEEDS_OUTPUT)
    # Checked before the database is read: a refused target costs nothing and touches nothing.
    output = args.output if args.output is not None else STDOUT_NAME
    target = check_export_target(output, app_paths(), force=args.force)
    detail = load_detail(args.session)
    if args.format == PDF:
        write_pdf(detail.session.id, target)
        return 0
    write_export_text(target, render_session(detail, args.format))
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
        detail = with_cue_logs(store, store.session_detail(session_id))  # a mirror session's cue log too
        for warning in store.take_warnings():  # damaged rows: named and skipped, the rest exported
            print(f"mockint: warning: {warning}", file=sys.stderr)
        return detail


def write_pdf(session_id: int, target: ExportTarget) -> None:
    """The PDF to a file, or drawn aside and then copied to a stream (a pipe, standard output)."""
    if target.kind is TargetKind.FILE and target.path is not None:
        _render_pdf(session_id, target.path)
        return
    with tempfile.TemporaryDirectory(prefix="mockint-pdf-") as folder:
        drawn = Path(folder) / "session.pdf"
        _render_pdf(session_id, drawn)
        copy_to_stream(target, drawn)


def _render_pdf(session_id: int, output: Path) -> None:
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
    digits = text.strip()
    if not digits.isdigit() or not digits.isascii():
        shown = text if len(text) <= 40 else text[:40] + "..."
        raise BadInputError(f"SESSION must be a session number from `mockint history` or `{LATEST}`, not {shown!r}")
    # Compared as text first: int() refuses numbers of thousands of digits, and SQLite any
    # beyond 64 bits; neither can name a session.
    if len(digits.lstrip("0")) > len(str(MAX_SESSION_ID)) or int(digits) > MAX_SESSION_ID:
        raise UnknownSessionError(digits if len(digits) <= 40 else digits[:40] + "...")
    return int(digits)
