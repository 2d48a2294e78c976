"""Mirror sessions in History and exports: their own mode, and the cue log (which cue, when)."""

from __future__ import annotations

import csv
import io
import json

from mockint.app.mirror import MirrorLog, save_mirror_log, with_cue_logs
from mockint.core.export.formats import render_session
from mockint.core.mirror_cues import Cue, ShownCue
from mockint.core.session import PracticeMode
from mockint.paths import app_paths
from mockint.store import Store


def _mirror_session(store: Store) -> tuple[int, int]:
    session = store.create_session(PracticeMode.MIRROR, title="Mirror practice")
    answer_id = store.add_answer(session.id, "Tell me about yourself.")
    cues = (ShownCue(Cue.SLOW_DOWN, 12.4), ShownCue(Cue.GOOD_PACE, 61.0))
    save_mirror_log(store, answer_id, MirrorLog(cues, 0.2, "", True))
    return session.id, answer_id


def test_every_export_carries_the_cue_log_of_a_mirror_session():
    with Store.open(app_paths()) as store:
        session_id, answer_id = _mirror_session(store)
        detail = with_cue_logs(store, store.session_detail(session_id))

    data = json.loads(render_session(detail, "json"))
    assert data["session"]["mode"] == "mirror"
    assert data["answers"][0]["cues"] == [
        {"cue": "slow_down", "at_s": 12.4, "text": "Slow down"},
        {"cue": "good_pace", "at_s": 61.0, "text": "Good pace"},
    ]
    row = next(csv.DictReader(io.StringIO(render_session(detail, "csv"))))
    assert row["mode"] == "mirror" and row["cues"] == "0:12 Slow down | 1:01 Good pace"
    markdown = render_session(detail, "md")
    assert "- Cue at 0:12 Slow down" in markdown and "Mirror practice" in markdown
    assert "0:12 Slow down" in render_session(detail, "html")


def test_other_modes_export_no_cues_and_the_cli_exports_the_log(capsys):
    from mockint.cli import main

    with Store.open(app_paths()) as store:
        solo = store.create_session(PracticeMode.SOLO)
        store.add_answer(solo.id, "Why this job?")
        plain = with_cue_logs(store, store.session_detail(solo.id))
        session_id, _ = _mirror_session(store)
    assert json.loads(render_session(plain, "json"))["answers"][0]["cues"] == []

    assert main(["export", str(session_id), "--format", "json", "--output", "-"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert [cue["cue"] for cue in exported["answers"][0]["cues"]] == ["slow_down", "good_pace"]


def test_history_lists_mirror_sessions_as_their_own_mode(capsys):
    from mockint.cli import main

    with Store.open(app_paths()) as store:
        _mirror_session(store)
        solo = store.create_session(PracticeMode.SOLO)
        store.add_answer(solo.id, "Why this job?")
    assert main(["history", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    sessions = listed["sessions"] if isinstance(listed, dict) else listed
    assert sorted(s["mode"] for s in sessions) == ["mirror", "solo"]
    assert PracticeMode.MIRROR.label == "Mirror practice"
