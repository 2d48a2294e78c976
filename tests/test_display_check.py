"""`mockint` where no window can open: one line saying what to do, exit 2, never Qt's abort."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from mockint.display_check import XCB_LIBRARIES, display_problem, missing_packages

ROOT = Path(__file__).resolve().parent.parent
X11 = {"DISPLAY": ":0"}


def test_no_display_at_all_is_one_line_naming_the_way_out():
    problem = display_problem({}, "linux")
    assert problem is not None and "\n" not in problem
    assert "DISPLAY" in problem and "mockint --help" in problem


def answers(_display: str) -> bool:
    return True


def test_a_display_nobody_answers_on_is_one_line_too():
    problem = display_problem({"DISPLAY": ":97"}, "linux", loadable=lambda soname: True)  # a real probe: no server
    assert problem is not None and "\n" not in problem and "DISPLAY=:97" in problem


def test_a_missing_xcb_library_names_the_package_to_install():
    problem = display_problem(X11, "linux", loadable=lambda soname: soname != "libxcb-icccm.so.4", x_server=answers)
    assert problem is not None and "\n" not in problem
    assert "sudo apt-get install libxcb-icccm4" in problem
    everything_missing = display_problem(X11, "linux", loadable=lambda soname: False, x_server=answers)
    assert everything_missing is not None
    for package in ("libxcb-keysyms1", "libxcb-image0", "libxcb-render-util0", "libxcb-shape0", "libxcb-cursor0"):
        assert package in everything_missing


def test_nothing_is_said_where_the_window_can_open():
    assert display_problem(X11, "linux", loadable=lambda soname: True, x_server=answers) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None  # tests and screenshots
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", loadable=lambda soname: True) is None
    assert display_problem({}, "win32") is None and display_problem({}, "darwin") is None  # Qt's own business


def test_mockint_without_a_display_exits_2_with_one_line():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "mockint"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mockint: no display")
    assert "qt.qpa" not in result.stderr and "Aborted" not in result.stderr


def test_the_readme_and_ci_install_every_library_the_window_needs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for package in XCB_LIBRARIES.values():
        assert re.search(rf"(?<![\w-]){re.escape(package)}(?![\w-])", ci), f".ci/run does not install {package}"
        assert re.search(rf"(?<![\w-]){re.escape(package)}(?![\w-])", readme), f"the README does not list {package}"
    assert missing_packages(XCB_LIBRARIES) == []  # and on this machine they are all there
