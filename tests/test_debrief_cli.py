"""`mockint debrief list | show ID`: what the app saved, printed; bad ids are one line and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from mockint.core.debrief.model import Cause, DebriefItem, FollowUpDraft, HowItWent, InterviewDebrief, InterviewFormat
from mockint.paths import app_paths
from mockint.store import Store


def mockint(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mockint", *args], capture_output=True, text=True, timeout=60)


def test_list_and_show_print_the_saved_debriefs():
    assert mockint("debrief", "list").stdout.startswith("No debriefs yet")
    assert not app_paths().database.exists()  # reading created nothing
    with Store.open(app_paths()) as store:
        saved = store.save_interview_debrief(
            InterviewDebrief(
                company="Acme", role="SRE", happened_on=date(2026, 11, 30), format=InterviewFormat.VIDEO,
                items=(DebriefItem("Why should we hire you?", HowItWent.BLEW_IT, (Cause.WENT_BLANK,), "froze"),),
                follow_up=FollowUpDraft("Dear Sam, thank you."),
            )
        )  # fmt: skip
    listed = mockint("debrief", "list")
    assert listed.returncode == 0
    header, row = listed.stdout.splitlines()
    assert header.split() == ["ID", "DATE", "COMPANY", "ROLE", "QUESTIONS", "WEAK"]
    assert row.split() == [str(saved.id), "2026-11-30", "Acme", "SRE", "1", "1"]
    shown = mockint("debrief", "show", str(saved.id)).stdout
    assert f"Debrief {saved.id}: Acme, SRE (2026-11-30)" in shown
    assert "1. Why should we hire you? [Blew it]" in shown and "what went wrong: went blank" in shown
    assert "Follow-up note:\nDear Sam, thank you." in shown
    data = json.loads(mockint("debrief", "show", str(saved.id), "--json").stdout)
    assert data["questions"][0]["causes"] == ["went_blank"] and data["format"] == "video"


def test_an_unknown_or_malformed_id_is_one_line_and_exit_2():
    for bad in ("999", "abc"):
        result = mockint("debrief", "show", bad)
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1 and "mockint debrief list" in result.stderr
        assert "Traceback" not in result.stderr
