"""`python -m mockint.ui.system_probe display|camera`: what Qt finds on this machine, for doctor.

`mockint doctor` stays Qt-free and fast, so it asks a child process: Qt lives here, under ui/.
The answer is ONE JSON object a line on standard output. For `display`, a first line is written
before Qt starts: which platform plugin Qt will load and the shared libraries that plugin cannot
find (from `ldd`), because when the plugin cannot load, Qt aborts the process without a word a
program could read. Then, if Qt started, {"ok": true, "platform": NAME, "screens": N}.
For `camera`: {"ok": true, "cameras": [description, ...]}.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

LDD_TIMEOUT_S = 10


def _say(answer: dict) -> None:
    print(json.dumps(answer), flush=True)


def requested_platform() -> str:
    """The platform plugin Qt will try first, as Qt itself chooses it on this system."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "cocoa"
    if os.environ.get("XDG_SESSION_TYPE") == "wayland" and os.environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb"


def _plugin_file(platform: str) -> Path | None:
    from PySide6.QtCore import QLibraryInfo

    folders = [Path(p) for p in os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    folders.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms")
    for folder in folders:
        found = sorted(folder.glob(f"*q{platform}.*"))
        if found:
            return found[0]
    return None


def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries `plugin` needs that the dynamic linker cannot find (Linux only)."""
    ldd = shutil.which("ldd")
    if ldd is None or not sys.platform.startswith("linux"):
        return []
    try:
        done = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=LDD_TIMEOUT_S, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    missing = []
    for line in done.stdout.splitlines():
        name, _, where = line.strip().partition("=>")
        if where.strip() == "not found" and name.strip() not in missing:
            missing.append(name.strip())
    return missing


def probe_display() -> int:
    platform = requested_platform()
    plugin = _plugin_file(platform)
    _say(
        {
            "platform": platform,
            "plugin": str(plugin) if plugin else None,
            "missing_libraries": missing_libraries(plugin) if plugin else [],
        }
    )
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([sys.argv[0]])  # aborts the process if the platform plugin cannot load
    _say({"ok": True, "platform": app.platformName(), "screens": len(app.screens())})
    return 0


def probe_camera() -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtMultimedia import QMediaDevices

    _app = QCoreApplication([sys.argv[0]])
    _say({"ok": True, "cameras": [device.description() for device in QMediaDevices.videoInputs()]})
    return 0


def main(argv: list[str]) -> int:
    probes = {"display": probe_display, "camera": probe_camera}
    if len(argv) != 1 or argv[0] not in probes:
        print("usage: python -m mockint.ui.system_probe display|camera", file=sys.stderr)
        return 2
    return probes[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
