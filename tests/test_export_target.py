"""Where `mockint export --output` may write: never over the database, a file only with --force,
pipes and terminals as streams."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mockint.app.export_target import TargetKind, check_export_target
from mockint.core.errors import BadInputError
from mockint.paths import app_paths
from tests.test_export_cli import assert_one_clean_line, mockint, session_id  # noqa: F401 - a fixture


def test_the_database_is_never_overwritten(session_id):  # noqa: F811
    database = app_paths().database
    before = database.read_bytes()
    for spelling in (str(database), str(database.parent / "recordings" / ".." / database.name)):
        result = mockint("export", str(session_id), "--output", spelling, "--force")
        assert result.returncode == 2
        assert_one_clean_line(result.stderr)
        assert "inside MockInt's own folder" in result.stderr
    assert database.read_bytes() == before


def test_a_link_into_the_data_folder_is_refused(session_id, tmp_path):  # noqa: F811
    database = app_paths().database
    before = database.read_bytes()
    link = tmp_path / "report.md"
    link.symlink_to(database)
    result = mockint("export", str(session_id), "--output", str(link), "--force")
    assert result.returncode == 2 and "inside MockInt's own folder" in result.stderr
    assert database.read_bytes() == before and link.is_symlink()


def test_an_existing_file_is_replaced_only_with_force(session_id, tmp_path):  # noqa: F811
    target = tmp_path / "notes.md"
    target.write_text("my own notes", encoding="utf-8")
    refused = mockint("export", str(session_id), "--output", str(target))
    assert refused.returncode == 2
    assert_one_clean_line(refused.stderr)
    assert "already exists; add --force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "my own notes"
    replaced = mockint("export", str(session_id), "--output", str(target), "--force")
    assert replaced.returncode == 0, replaced.stderr
    assert target.read_text(encoding="utf-8").startswith("# Practice session")


def test_a_fifo_is_written_as_a_stream_and_stays_a_fifo(session_id, tmp_path):  # noqa: F811
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = mockint("export", str(session_id), "--format", "json", "--output", str(fifo))
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert fifo.is_fifo()
    assert b'"session"' in received[0]


@pytest.mark.parametrize("spelling", ["/dev/stdout", "-"])
def test_standard_output_by_name(session_id, spelling):  # noqa: F811
    result = mockint("export", str(session_id), "--format", "md", "--output", spelling)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Practice session")


def test_dev_stdout_redirected_to_a_file_appends_to_what_the_shell_opened(session_id, tmp_path):  # noqa: F811
    out = tmp_path / "out.md"
    with out.open("wb") as stream:
        done = subprocess.run(
            [sys.executable, "-m", "mockint", "export", str(session_id), "--output", "/dev/stdout"],
            stdout=stream,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("# Practice session")


def test_a_pdf_can_go_down_a_pipe(session_id):  # noqa: F811
    done = subprocess.run(
        [sys.executable, "-m", "mockint", "export", str(session_id), "--format", "pdf", "--output", "-"],
        capture_output=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"%PDF-") and done.stdout.rstrip().endswith(b"%%EOF")


@pytest.mark.parametrize("number", ["99999999999999999999999999", "9" * 5000, "9223372036854775808"])
def test_a_session_number_too_large_for_any_session(session_id, number):  # noqa: F811
    result = mockint("export", number)
    assert result.returncode == 2
    assert_one_clean_line(result.stderr)
    assert "there is no practice session" in result.stderr and len(result.stderr) < 200


def test_what_the_checker_says_about_each_kind_of_place(tmp_path):
    paths = app_paths()
    new = check_export_target(tmp_path / "new.md", paths, force=False)
    assert (new.kind, new.path) == (TargetKind.FILE, tmp_path / "new.md")
    assert check_export_target(os.devnull, paths, force=False).kind is TargetKind.STREAM
    assert check_export_target("-", paths, force=False).is_stdout
    with pytest.raises(BadInputError, match="is a folder"):
        check_export_target(tmp_path, paths, force=True)
    with pytest.raises(BadInputError, match="inside MockInt's own folder"):
        check_export_target(paths.config_dir / "settings.json", paths, force=True)


def test_deck_export_follows_the_same_rules(tmp_path):
    settings = app_paths().config_dir / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("{}", encoding="utf-8")
    refused = mockint("deck", "export", "openers", "--csv", str(settings), "--force")
    assert refused.returncode == 2 and "inside MockInt's own folder" in refused.stderr
    assert settings.read_text(encoding="utf-8") == "{}"
    streamed = mockint("deck", "export", "openers", "--csv", "/dev/stdout")
    assert streamed.returncode == 0, streamed.stderr
    assert streamed.stdout.lstrip("\ufeff").startswith("id,") and "exported" not in streamed.stdout


def test_a_terminal_is_written_as_a_stream(session_id):  # noqa: F811
    import pty

    master, slave = pty.openpty()
    terminal = os.ttyname(slave)
    try:
        result = mockint("export", str(session_id), "--format", "md", "--output", terminal)
        assert result.returncode == 0, result.stderr
        shown = os.read(master, 65536).decode("utf-8", "replace")
        assert Path(terminal).is_char_device()  # written to, not replaced by a file
    finally:
        os.close(master)
        os.close(slave)
    assert "Practice session" in shown


def test_other_devices_are_refused(tmp_path):
    with pytest.raises(BadInputError, match="is a device or socket"):
        check_export_target("/dev/zero", app_paths(), force=True)


def test_the_decks_page_export_is_kept_out_of_the_data_folder(tmp_path):
    from mockint.app import deck_files
    from mockint.core.decks import load_decks
    from mockint.paths import shipped_decks_dir

    deck = load_decks(shipped_decks_dir(), tmp_path / "none").decks[0]
    paths = app_paths()
    with pytest.raises(BadInputError, match="inside MockInt's own folder"):
        deck_files.export_csv(deck, paths.data_dir / "mockint.sqlite3", paths)
    assert deck_files.export_csv(deck, tmp_path / "deck.csv", paths).read_text(encoding="utf-8-sig").startswith("id,")
