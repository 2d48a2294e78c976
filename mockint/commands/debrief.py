"""`mockint debrief list | show ID [--json]`: debriefs of real interviews, as the app saved them."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from mockint.core.debrief.model import InterviewDebrief
from mockint.core.errors import BadInputError
from mockint.paths import app_paths
from mockint.store import Store

HELP_ORDER = 45
EMPTY_MESSAGE = "No debriefs yet: add one on the app's \u201cAfter an interview\u201d page."


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("debrief", help="list and show debriefs of real interviews")
    verbs = parser.add_subparsers(dest="debrief_command", metavar="VERB", required=True, parser_class=type(parser))
    listing = verbs.add_parser("list", help="every debrief, the most recent interview first")
    listing.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    listing.set_defaults(func=run_list)
    show = verbs.add_parser("show", help="one debrief: the questions, how each went and why, the note")
    show.add_argument("id", metavar="ID", help="the debrief's id (see `mockint debrief list`)")
    show.add_argument("--json", action="store_true", help="print it as JSON")
    show.set_defaults(func=run_show)


def run_list(args: argparse.Namespace) -> int:
    debriefs = _read(lambda store: store.interview_debriefs())
    if args.json:
        print(json.dumps([debrief_dict(d) for d in debriefs], indent=2, ensure_ascii=False))
    elif not debriefs:
        print(EMPTY_MESSAGE)
    else:
        rows = [("ID", "DATE", "COMPANY", "ROLE", "QUESTIONS", "WEAK")]
        rows += [
            (str(d.id), d.happened_on.isoformat() if d.happened_on else "-", d.company or "-", d.role or "-",
             str(len(d.items)), str(len(d.weak_items)))
            for d in debriefs
        ]  # fmt: skip
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for row in rows:
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return 0


def run_show(args: argparse.Namespace) -> int:
    try:
        debrief_id = int(args.id)
    except ValueError:
        raise BadInputError(f"a debrief id is a number, not {args.id!r}; `mockint debrief list` lists them") from None
    debrief = _read(lambda store: store.interview_debrief(debrief_id))
    if args.json:
        print(json.dumps(debrief_dict(debrief), indent=2, ensure_ascii=False))
    else:
        print(format_debrief(debrief))
    return 0


def _read(read: Any) -> Any:
    paths = app_paths()
    if not paths.database.exists():
        return read(_NoStore())
    with Store.open(paths) as store:
        if store.notice:
            print(f"mockint: {store.notice}", file=sys.stderr)
        found = read(store)
        for warning in store.take_warnings():
            print(f"mockint: warning: {warning}", file=sys.stderr)
        return found


class _NoStore:
    """Nothing saved yet: a read-only command creates no database."""

    def interview_debriefs(self) -> list[InterviewDebrief]:
        return []

    def interview_debrief(self, debrief_id: int) -> InterviewDebrief:
        from mockint.store.debriefs_repo import UnknownDebriefError

        raise UnknownDebriefError(debrief_id)


def format_debrief(debrief: InterviewDebrief) -> str:
    lines = [f"Debrief {debrief.id}: {debrief.title}"]
    facts = []
    if debrief.format:
        facts.append(f"format: {debrief.format.label.lower()}")
    if debrief.manner:
        facts.append(f"interviewers: {debrief.manner.label.lower()}")
    if debrief.next_interview_on:
        facts.append(f"next interview: {debrief.next_interview_on.isoformat()}")
    if facts:
        lines.append("; ".join(facts))
    for number, item in enumerate(debrief.items, start=1):
        how = item.how.label if item.how else "not rated"
        lines.append(f"{number}. {item.text} [{how}]")
        if item.causes:
            lines.append("   what went wrong: " + ", ".join(c.label.lower() for c in item.causes))
        if item.note.strip():
            lines.append(f"   note: {item.note.strip()}")
    if debrief.note.strip():
        lines.append(f"Notes: {debrief.note.strip()}")
    if debrief.follow_up.text.strip():
        lines += ["", "Follow-up note:", debrief.follow_up.text.strip()]
    return "\n".join(lines)


def debrief_dict(debrief: InterviewDebrief) -> dict[str, Any]:
    return {
        "id": debrief.id,
        "company": debrief.company,
        "role": debrief.role,
        "happened_on": debrief.happened_on.isoformat() if debrief.happened_on else None,
        "format": debrief.format.value if debrief.format else None,
        "interviewers": debrief.manner.value if debrief.manner else None,
        "next_interview_on": debrief.next_interview_on.isoformat() if debrief.next_interview_on else None,
        "questions": [
            {
                "text": i.text,
                "how": i.how.value if i.how else None,
                "causes": [c.value for c in i.causes],
                "note": i.note,
                "deck_id": i.deck_id,
                "question_id": i.question_id,
                "story_id": i.story_id,
            }
            for i in debrief.items
        ],
        "note": debrief.note,
        "follow_up": {"text": debrief.follow_up.text, "tone": debrief.follow_up.tone.value},
    }
