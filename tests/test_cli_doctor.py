"""`mockint doctor` end to end: one line per part, exit 0 only when no part fails, and every line
that is not OK says the fix."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from mockint.commands.doctor_system import Level, debian_package, disk_space_status
from tests.conftest import require
from tests.test_recording_support import NO_CAPTURE_ALSA_CONFIG

PARTS = [
    "text-to-speech",
    "audio input",
    "audio output",
    "speech model",
    "display",
    "camera",
    "storage",
    "privacy",
    "disk space",
]
LINE = re.compile(r"^(?P<part>.+?)\s{2,}(?P<status>ok|WARN|FAIL)\s{2,}(?P<detail>.*)$")


def doctor(**env: str) -> tuple[int, dict[str, tuple[str, str]], str]:
    result = subprocess.run(
        [sys.executable, "-m", "mockint", "doctor"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )
    assert "Traceback" not in result.stderr + result.stdout
    lines = {}
    for line in result.stdout.splitlines():
        match = LINE.match(line)
        assert match, f"not a doctor line: {line!r}"
        lines[match["part"]] = (match["status"], match["detail"])
    return result.returncode, lines, result.stdout


def test_every_part_works_on_a_machine_with_audio_speech_and_a_model(
    virtual_microphone, korean_model_path: Path, espeak: str
) -> None:
    code, lines, out = doctor(MOCKINT_MODEL=str(korean_model_path))
    assert list(lines) == PARTS, out
    # no camera on a test machine: a warning that says what it means, not a failure
    assert all(status == "ok" for part, (status, _) in lines.items() if part != "camera"), out
    assert code == 0
    assert "16000 Hz" in lines["audio input"][1]
    assert lines["display"] == ("ok", "offscreen: windows are drawn but not shown (QT_QPA_PLATFORM=offscreen)")
    assert "room for about" in lines["disk space"][1]


def test_the_camera_is_named_or_its_absence_is_a_warning_that_says_what_mirror_practice_loses(
    virtual_microphone, korean_model_path
) -> None:
    code, lines, _ = doctor(MOCKINT_MODEL=str(korean_model_path))
    status, detail = lines["camera"]
    if status == "ok":  # a machine with a camera: it is named
        assert detail
    else:
        assert status == "WARN" and "mirror practice" in detail and "plug a camera in" in detail
    assert code == 0  # either way doctor does not fail over it


def test_no_model_fails_and_names_the_download_command(virtual_microphone, espeak: str) -> None:
    code, lines, _ = doctor()
    assert code == 1
    status, detail = lines["speech model"]
    assert status == "FAIL" and "mockint model download" in detail
    assert lines["storage"][0] == "ok"


def test_a_damaged_database_is_reported_and_left_as_it_was(
    virtual_microphone, korean_model_path: Path, mockint_home: Path
) -> None:
    from mockint.paths import app_paths

    database = app_paths().database
    database.parent.mkdir(parents=True)
    database.write_bytes(b"this is not a database" * 100)
    code, lines, _ = doctor(MOCKINT_MODEL=str(korean_model_path))
    assert code == 1
    status, detail = lines["storage"]
    assert status == "FAIL" and "damaged" in detail and "set it aside" in detail
    assert database.read_bytes() == b"this is not a database" * 100


def test_no_microphone_and_no_speaker(korean_model_path: Path) -> None:
    code, lines, _ = doctor(
        MOCKINT_MODEL=str(korean_model_path),
        ALSA_CONFIG_PATH=str(NO_CAPTURE_ALSA_CONFIG),
        PULSE_SERVER="unix:/nonexistent/pulse/native",
    )
    assert code == 1
    assert lines["audio input"] == ("FAIL", "No microphone found. Plug one in or choose one in Settings.")
    assert lines["audio output"][0] == "FAIL"


def test_no_speech_engine_says_what_to_install(virtual_microphone, korean_model_path: Path, tmp_path: Path) -> None:
    code, lines, _ = doctor(MOCKINT_MODEL=str(korean_model_path), ESPEAK_DATA_PATH=str(tmp_path))
    assert code == 1
    status, detail = lines["text-to-speech"]
    assert status == "FAIL" and "Install eSpeak NG" in detail


def _platform_plugin_needing(tmp_path: Path, soname: str) -> Path:
    """A folder with an xcb platform plugin that needs the shared library `soname`, which is
    then removed, as on a machine without that package: the plugin cannot be loaded."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    require(
        compiler is not None, "a C compiler is missing (to build a plugin with a missing library): apt-get install gcc"
    )
    assert compiler is not None
    libs, platforms = tmp_path / "libs", tmp_path / "platforms"
    libs.mkdir()
    platforms.mkdir()
    (tmp_path / "dep.c").write_text("int mockint_dependency(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text(
        "int mockint_dependency(void);\nint plugin(void) { return mockint_dependency(); }\n"
    )
    subprocess.run(
        [compiler, "-shared", "-fPIC", f"-Wl,-soname,{soname}", "-o", libs / soname, tmp_path / "dep.c"], check=True
    )
    subprocess.run(
        [compiler, "-shared", "-fPIC", "-o", platforms / "libqxcb.so", tmp_path / "plugin.c", libs / soname],
        check=True,
    )
    shutil.rmtree(libs)
    return platforms


def test_a_platform_plugin_that_cannot_load_names_the_missing_packages(korean_model_path: Path, tmp_path: Path) -> None:
    require(sys.platform.startswith("linux") and shutil.which("ldd") is not None, "ldd (Linux) is missing")
    platforms = _platform_plugin_needing(tmp_path, "libxcb-mockint-test.so.3")
    code, lines, _ = doctor(
        MOCKINT_MODEL=str(korean_model_path),
        QT_QPA_PLATFORM="xcb",
        QT_QPA_PLATFORM_PLUGIN_PATH=str(platforms),
        DISPLAY=":mockint-no-such-display",
    )
    status, detail = lines["display"]
    assert status == "FAIL"
    assert "libxcb-mockint-test.so.3 missing" in detail
    assert "sudo apt-get install libxcb-mockint-test3" in detail
    assert code == 1


def test_no_display_says_where_the_window_can_open(korean_model_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = ""
    env["MOCKINT_MODEL"] = str(korean_model_path)
    result = subprocess.run(
        [sys.executable, "-m", "mockint", "doctor"], capture_output=True, text=True, timeout=120, env=env
    )
    assert "Traceback" not in result.stdout + result.stderr
    display = next(line for line in result.stdout.splitlines() if line.startswith("display"))
    assert "FAIL" in display
    # the fix: the missing libraries on a machine without them, else the desktop session
    assert "sudo apt-get install" in display or "start MockInt from your desktop session" in display
    assert result.returncode == 1


def test_data_other_users_can_read_is_named_with_the_command_that_fixes_it(
    virtual_microphone, korean_model_path: Path, mockint_home: Path
) -> None:
    from mockint.paths import app_paths

    recordings = app_paths().recordings_dir
    recordings.mkdir(parents=True)
    answer = recordings / "1.wav"
    answer.write_bytes(b"RIFF")
    answer.chmod(0o644)
    code, lines, _ = doctor(MOCKINT_MODEL=str(korean_model_path))
    status, detail = lines["privacy"]
    assert status == "WARN"
    assert str(answer) in detail and f"chmod -R go-rwx '{app_paths().data_dir}'" in detail
    subprocess.run(["chmod", "-R", "go-rwx", str(app_paths().data_dir)], check=True)
    assert stat.S_IMODE(answer.stat().st_mode) == 0o600
    assert doctor(MOCKINT_MODEL=str(korean_model_path))[1]["privacy"][0] == "ok"


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libEGL.so.1", "libegl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
    ],
)
def test_debian_package_names_follow_the_library_names(soname: str, package: str) -> None:
    assert debian_package(soname) == package


def test_disk_space_warns_then_fails_as_room_for_recordings_runs_out(tmp_path: Path) -> None:
    plenty = disk_space_status(50 * 2**30, tmp_path)
    assert plenty.level is Level.OK and "room for about 466 hours" in plenty.detail
    low = disk_space_status(500 * 2**20, tmp_path)
    assert low.level is Level.WARN and "room for about 4 hours" in low.detail and "free some space" in low.detail
    full = disk_space_status(50 * 2**20, tmp_path)
    assert full.level is Level.FAIL and "room for about 27 minutes" in full.detail and str(tmp_path) in full.detail
