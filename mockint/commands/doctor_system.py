"""`mockint doctor`'s checks of the machine around MockInt: the display, the camera, the data
folder's permissions and the free disk space. Every status that is not OK carries the fix.

Qt is asked in a child process (`mockint.ui.system_probe`), so doctor itself stays Qt-free and
fast, and a platform plugin that aborts the process takes only the child with it.
"""

from __future__ import annotations

import enum
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from mockint.display_check import WAYLAND_LIBRARIES, XCB_LIBRARIES, missing_packages
from mockint.paths import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, AppPaths

PROBE_MODULE = "mockint.ui.system_probe"
PROBE_TIMEOUT_S = 30.0
# A recorded answer is 16 kHz mono 16-bit WAV: 32,000 bytes a second, about 1.9 MB a minute.
RECORDING_BYTES_PER_MINUTE = 16_000 * 2 * 60
DISK_LOW_BYTES = 1 * 2**30  # below this, a warning: room for some hours only
DISK_FULL_BYTES = 100 * 2**20  # below this, a failure: a session may not fit
PERMISSION_EXAMPLES = 3  # how many loose files or folders the line names
CAMERA_FIX = (
    "Qt's multimedia needs the PulseAudio client library: sudo apt-get install libpulse0"
    if sys.platform.startswith("linux")
    else "check that MockInt may use the camera in the system's privacy settings"
)


class Level(enum.Enum):
    OK = "ok"
    WARN = "WARN"  # works, with a limit the user should know about
    FAIL = "FAIL"


@dataclass(frozen=True)
class PartStatus:
    part: str
    level: Level
    detail: str  # what works, or what is wrong and how to fix it

    @property
    def ok(self) -> bool:
        return self.level is not Level.FAIL


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships a shared library, by Debian's naming rule: the name
    lowercased with its SONAME version appended, after a hyphen when the name ends in a digit.
    "libxcb-cursor.so.0" -> "libxcb-cursor0", "libxkbcommon-x11.so.0" -> "libxkbcommon-x11-0".
    The libraries the start-up check knows (mockint.display_check) are named as it names them."""
    known = {**XCB_LIBRARIES, **WAYLAND_LIBRARIES}
    if soname in known:
        return known[soname]
    match = re.fullmatch(r"(?P<name>.+?)\.so\.(?P<version>[0-9][0-9.]*)", soname)
    if not match:
        return soname.lower()
    name, version = match["name"].lower(), match["version"].split(".")[0]
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def _probe(kind: str) -> tuple[list[dict], subprocess.CompletedProcess[str]]:
    done = subprocess.run(
        [sys.executable, "-m", PROBE_MODULE, kind],
        capture_output=True,
        text=True,
        timeout=PROBE_TIMEOUT_S,
        check=False,
    )
    answers = []
    for line in done.stdout.splitlines():
        try:
            answer = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(answer, dict):
            answers.append(answer)
    return answers, done


def _last_words(done: subprocess.CompletedProcess[str]) -> str:
    said = [line.strip() for line in done.stderr.splitlines() if line.strip()]
    return said[0] if said else f"exit status {done.returncode}"


def check_display(paths: AppPaths) -> PartStatus:
    try:
        answers, done = _probe("display")
    except subprocess.TimeoutExpired:
        return PartStatus(
            "display",
            Level.FAIL,
            f"Qt did not start within {PROBE_TIMEOUT_S:g} s, so the window may not open; check that your "
            "desktop session is running and answering",
        )
    final = next((a for a in answers if a.get("ok")), None)
    if final is not None:
        platform = final.get("platform")
        if platform in ("offscreen", "minimal"):
            return PartStatus(
                "display", Level.OK, f"{platform}: windows are drawn but not shown (QT_QPA_PLATFORM={platform})"
            )
        return PartStatus("display", Level.OK, f"{platform}, {final.get('screens', 0)} screen(s)")
    plan = answers[0] if answers else {}
    platform = str(plan.get("platform") or "?")
    missing = sorted(set(plan.get("missing_libraries") or []))
    packages = sorted({debian_package(name) for name in missing})
    if platform == "xcb":
        # Qt 6.5+ opens libxcb-cursor itself (dlopen), which ldd on the plugin cannot show
        packages = sorted(set(packages) | set(missing_packages(XCB_LIBRARIES)))
    if packages:
        lacking = f"{', '.join(missing)} missing" if missing else "some of its libraries are missing"
        return PartStatus(
            "display",
            Level.FAIL,
            f"Qt cannot load its {platform} platform plugin: {lacking}; "
            f"install them (Debian/Ubuntu): sudo apt-get install {' '.join(packages)}",
        )
    if platform == "xcb" and not os.environ.get("DISPLAY"):
        return PartStatus(
            "display",
            Level.FAIL,
            "no desktop to show the window on (DISPLAY is not set); start MockInt from your desktop session "
            "(the command-line commands work without one)",
        )
    return PartStatus(
        "display",
        Level.FAIL,
        f"Qt could not open the {platform} display ({_last_words(done)}); check that your desktop session is "
        "running, or set QT_QPA_PLATFORM to another platform (xcb, wayland)",
    )


def check_camera(paths: AppPaths) -> PartStatus:
    try:
        answers, done = _probe("camera")
    except subprocess.TimeoutExpired:
        answers, done = [], None
    final = next((a for a in answers if a.get("ok")), None)
    if final is None:
        why = _last_words(done) if done is not None else f"no answer within {PROBE_TIMEOUT_S:g} s"
        return PartStatus(
            "camera",
            Level.WARN,
            f"cameras could not be listed ({why}); mirror practice will show no self-view (everything else "
            f"works); {CAMERA_FIX}",
        )
    cameras = [str(name) for name in final.get("cameras") or []]
    if not cameras:
        return PartStatus(
            "camera",
            Level.WARN,
            "no camera found: mirror practice shows no self-view (its cues and replay still work); "
            "plug a camera in, or close the app that is using it",
        )
    return PartStatus(
        "camera", Level.OK, f"{cameras[0]}" + (f" (and {len(cameras) - 1} more)" if len(cameras) > 1 else "")
    )


def loose_permissions(root: Path) -> list[Path]:
    """Folders under `root` (itself included) other users may enter, and files they may read or
    write: everything that is not 0700/0600 at most. Links are not followed."""
    loose: list[Path] = []
    if not root.is_dir():
        return loose
    if stat.S_IMODE(root.stat().st_mode) & ~PRIVATE_DIR_MODE:
        loose.append(root)
    for folder, subfolders, files in os.walk(root):
        for name in subfolders:
            path = Path(folder, name)
            if not path.is_symlink() and stat.S_IMODE(path.lstat().st_mode) & ~PRIVATE_DIR_MODE:
                loose.append(path)
        for name in files:
            path = Path(folder, name)
            if not path.is_symlink() and stat.S_IMODE(path.lstat().st_mode) & ~PRIVATE_FILE_MODE:
                loose.append(path)
    return loose


def check_permissions(paths: AppPaths) -> PartStatus:
    if os.name != "posix":
        return PartStatus("privacy", Level.OK, "your user folder's permissions keep MockInt's data yours (Windows)")
    if not paths.data_dir.exists():
        return PartStatus("privacy", Level.OK, f"{paths.data_dir} does not exist yet; MockInt makes it private (0700)")
    loose = loose_permissions(paths.data_dir)
    if not loose:
        return PartStatus("privacy", Level.OK, f"{paths.data_dir}: only you can read it (0700, files 0600)")
    named = ", ".join(str(path) for path in loose[:PERMISSION_EXAMPLES])
    more = f" and {len(loose) - PERMISSION_EXAMPLES} more" if len(loose) > PERMISSION_EXAMPLES else ""
    return PartStatus(
        "privacy",
        Level.WARN,
        f"other users can read your recordings and answers: {named}{more}; "
        f"fix it with: chmod -R go-rwx '{paths.data_dir}'",
    )


def disk_space_status(free_bytes: int, where: Path) -> PartStatus:
    """What `free_bytes` on the data folder's disk means for recordings."""
    minutes = free_bytes // RECORDING_BYTES_PER_MINUTE
    room = (
        f"room for about {minutes // 60} hours of answers"
        if minutes >= 120
        else f"room for about {minutes} minutes of answers"
    )
    free = f"{free_bytes / 2**30:.1f} GB" if free_bytes >= 2**30 else f"{free_bytes // 2**20} MB"
    if free_bytes < DISK_FULL_BYTES:
        return PartStatus(
            "disk space",
            Level.FAIL,
            f"only {free} free where MockInt keeps recordings ({where}), {room}; free some space on that disk",
        )
    if free_bytes < DISK_LOW_BYTES:
        return PartStatus(
            "disk space", Level.WARN, f"{free} free ({where}), {room}; free some space before long sessions"
        )
    return PartStatus("disk space", Level.OK, f"{free} free, {room}")


def check_disk_space(paths: AppPaths) -> PartStatus:
    where = paths.data_dir
    while not where.exists() and where != where.parent:
        where = where.parent  # the disk it will be made on
    return disk_space_status(shutil.disk_usage(where).free, paths.data_dir)
