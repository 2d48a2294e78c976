"""Before Qt starts: is there a display to open a window on, and can Qt's platform plugin load?

Without this, a machine with no display, or a minimal Linux missing one of the X11 libraries
Qt's xcb plugin links against, ends in Qt's own abort (a core dump and a screen of plugin
text). Here the same situation is one line saying what to install or do instead. Qt-free and
fast: each library is opened by its soname (as the plugin itself would), no subprocess.
"""

from __future__ import annotations

import ctypes
import os
import socket
import sys
from collections.abc import Callable, Mapping

# What Qt's X11 (xcb) platform plugin links against, by soname, with the Debian/Ubuntu package.
XCB_LIBRARIES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}
WAYLAND_LIBRARIES: dict[str, str] = {"libwayland-client.so.0": "libwayland-client0"}
# Platforms that need no display server (tests, screenshots, remote viewing).
NO_DISPLAY_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def x_server_answers(display: str) -> bool:
    """Whether the local X server named by DISPLAY (":0", "unix:1.0") accepts a connection;
    True for remote displays, which only Qt can judge."""
    host, _, number = display.rpartition(":")
    if host not in ("", "unix"):
        return True
    screen = number.split(".")[0]
    if not screen.isdigit():
        return False
    path = f"/tmp/.X11-unix/X{screen}"
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(1.0)
            probe.connect(path)
    except OSError:
        # Linux also listens in the abstract namespace; a server without the socket file still answers there.
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.settimeout(1.0)
                probe.connect("\0" + path)
        except OSError:
            return False
    return True


def missing_packages(libraries: Mapping[str, str], loadable: Callable[[str], bool] = _loadable) -> list[str]:
    """The packages whose library cannot be opened, in the order listed."""
    return [package for soname, package in libraries.items() if not loadable(soname)]


def display_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    loadable: Callable[[str], bool] = _loadable,
    x_server: Callable[[str], bool] = x_server_answers,
) -> str | None:
    """Why the window cannot open here, in one line for the user; None when it can (or when
    only Qt itself can tell, as on Windows and macOS)."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if chosen in NO_DISPLAY_PLATFORMS:
        return None
    x11, wayland = bool(env.get("DISPLAY")), bool(env.get("WAYLAND_DISPLAY"))
    if not x11 and not wayland:
        return (
            "mockint: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
            "start it from a desktop session, or use the command line: mockint --help"
        )
    if wayland and chosen in ("", "wayland"):
        missing = missing_packages(WAYLAND_LIBRARIES, loadable)
        if not missing:
            return None  # Qt uses Wayland here; the X11 libraries are not needed
        if not x11:
            return f"mockint: the window needs Wayland's client library: sudo apt-get install {' '.join(missing)}"
    if not x_server(env["DISPLAY"]):
        return (
            f"mockint: no X server answers on DISPLAY={env['DISPLAY']}; start it from a desktop session, "
            "or use the command line: mockint --help"
        )
    missing = missing_packages(XCB_LIBRARIES, loadable)
    if not missing:
        return None
    return (
        "mockint: the window needs system libraries that are missing: "
        f"sudo apt-get install {' '.join(missing)}  (the command line works without them: mockint --help)"
    )
