"""`python -m mockint.ui.pdf_export_main SESSION OUTPUT`: one session as a PDF, in its own process.

The command line may not import Qt (`mockint export --format pdf` starts this instead). It
prints nothing on success; a failure is ONE line on standard error, `mockint: <message>`, and
the exit status of the error (2 bad input or storage, 1 anything unexpected).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from mockint.core.errors import BadInputError, UserFacingError

USAGE = "usage: python -m mockint.ui.pdf_export_main SESSION OUTPUT"
EXIT_UNEXPECTED = 1
NO_QT_MESSAGE = "PDF export needs the desktop app's toolkit, PySide6, which is not installed (pip install PySide6)"


def export_pdf(session: int, output: Path) -> int:
    """Renders session `session` from the user's store to `output`; returns the page count."""
    from PySide6.QtGui import QGuiApplication

    from mockint.app.mirror import with_cue_logs
    from mockint.paths import app_paths
    from mockint.store import Store
    from mockint.store.errors import UnknownSessionError
    from mockint.ui.pdf_export import write_session_pdf

    paths = app_paths()
    if not paths.database.exists():
        raise UnknownSessionError(session)
    _application = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # fonts need one
    with Store.open(paths) as store:
        detail = with_cue_logs(store, store.session_detail(session))  # a mirror session's cue log too
    return write_session_pdf(detail, output)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if len(args) != 2:
            raise BadInputError(USAGE)
        try:
            session = int(args[0])
        except ValueError:
            raise BadInputError(f"SESSION must be a session number, not {args[0]!r}") from None
        # Nothing is shown: a PDF needs no screen, and a display may not exist at all.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        try:
            import PySide6.QtGui  # noqa: F401 - checked here to say what is missing
        except ImportError:
            raise BadInputError(NO_QT_MESSAGE) from None
        export_pdf(session, Path(args[1]))
    except UserFacingError as error:
        print(f"mockint: {_one_line(error.user_message)}", file=sys.stderr)
        return error.exit_code
    except Exception as error:  # noqa: BLE001 - the parent shows one line, never a traceback
        print(f"mockint: the PDF could not be made ({type(error).__name__}: {_one_line(str(error))})", file=sys.stderr)
        return EXIT_UNEXPECTED
    return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


if __name__ == "__main__":
    sys.exit(main())
