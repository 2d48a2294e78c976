"""`mockint history [--json]`: past practice sessions, newest first, with their headline figures."""

from __future__ import annotations

import argparse
import json
import sys

from mockint.core.export import common
from mockint.core.export.json_export import flag_fields, rating_fields, session_fields, summary_fields
from mockint.core.session import SessionOverview
from mockint.paths import app_paths
from mockint.store import Store

HELP_ORDER = 40
EMPTY_MESSAGE = "No practice sessions yet."
_COLUMNS = ("ID", "DATE", "MODE", "DECKS", "ANSWERS", "FILLERS/MIN", "WPM", "WITHIN TARGET")
_RIGHT_ALIGNED = {"ID", "ANSWERS", "FILLERS/MIN", "WPM", "WITHIN TARGET"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "history",
        help="list past practice sessions, newest first",
        description="List past practice sessions, newest first, with answers, fillers per minute, pace and how many answers kept to their target length.",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list of sessions instead of a table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    overviews, feedback = load_history(with_feedback=args.json)
    if args.json:
        print(
            json.dumps([overview_dict(o, feedback.get(o.session.id)) for o in overviews], indent=2, ensure_ascii=False)
        )
    elif not overviews:
        print(EMPTY_MESSAGE)
    else:
        print(format_table(overviews))
    return 0


def load_overviews() -> list[SessionOverview]:
    return load_history()[0]


def load_history(*, with_feedback: bool = False) -> tuple[list[SessionOverview], dict[int, dict]]:
    """The sessions, and (`with_feedback`) each one's ratings and flags by session id."""
    paths = app_paths()
    if not paths.database.exists():
        return [], {}  # nothing practised yet: a read-only command creates nothing
    with Store.open(paths) as store:
        if store.notice:
            print(f"mockint: {store.notice}", file=sys.stderr)
        overviews = store.list_sessions()
        feedback = {o.session.id: _feedback(store, o.session.id) for o in overviews} if with_feedback else {}
        for warning in store.take_warnings():  # damaged rows: named and skipped, the rest shown
            print(f"mockint: warning: {warning}", file=sys.stderr)
        return overviews, feedback


def _feedback(store: Store, session_id: int) -> dict:
    """A friend's ratings (with comments) and flags (with notes) of the session's answers."""
    ratings = store.ratings_for_session(session_id)
    return {
        "ratings": [{"answer_id": answer_id, **rating_fields(r)} for answer_id, r in ratings.items()],
        "flags": [{"answer_id": f.answer_id, **flag_fields(f)} for f in store.flags_for_session(session_id)],
    }


def overview_dict(overview: SessionOverview, feedback: dict | None = None) -> dict:
    """The session's fields and summary; `ratings` and `flags` are [] for sessions without any."""
    feedback = feedback or {"ratings": [], "flags": []}
    return {**session_fields(overview.session), **summary_fields(overview.summary), **feedback}


def format_table(overviews: list[SessionOverview]) -> str:
    rows = [_COLUMNS] + [_cells(o) for o in overviews]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(w) if name in _RIGHT_ALIGNED else cell.ljust(w)
            for cell, w, name in zip(row, widths, _COLUMNS, strict=False)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _cells(overview: SessionOverview) -> tuple[str, ...]:
    session, summary = overview.session, overview.summary
    return (
        str(session.id),
        common.local_time(session.started_at),
        session.mode.value,
        ", ".join(session.deck_ids) or "–",
        str(summary.answer_count),
        common.number(summary.mean_fillers_per_min),
        common.number(summary.mean_wpm, 0),
        common.percent(summary.within_target_share),
    )
