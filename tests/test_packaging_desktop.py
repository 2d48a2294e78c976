"""Linux desktop integration: the menu entry and the AppStream metainfo pass their validators,
the icons come at every standard size, and install-desktop-entry.sh puts them where desktops look."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tests.conftest import require

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
DESKTOP_FILE = LINUX / "mockint.desktop"
METAINFO = LINUX / "io.github.mockint.MockInt.metainfo.xml"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    require(found is not None, f"{name} is missing: apt-get install {package}")
    assert found is not None
    return found


def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    done = subprocess.run(
        [tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP_FILE)], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout + done.stderr == "", done.stdout + done.stderr


def test_the_metainfo_passes_appstreamcli_validate() -> None:
    done = subprocess.run(
        [tool("appstreamcli", "appstream"), "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Validation was successful" in done.stdout


def _one(component: ElementTree.Element, path: str) -> ElementTree.Element:
    found = component.find(path)
    assert found is not None, f"the metainfo has no <{path}>"
    return found


def test_the_metainfo_names_this_release_the_modes_and_screenshots() -> None:
    component = ElementTree.parse(METAINFO).getroot()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert _one(component, "releases/release").get("version") == version  # the newest release comes first
    description = " ".join(_one(component, "description").itertext())
    for mode in ("Solo mock interview", "Mirror practice", "Friend as interviewer", "After a real interview"):
        assert mode in description
    images = component.findall("screenshots/screenshot/image")
    assert len(images) >= 3
    assert _one(component, "content_rating").get("type") == "oars-1.1"
    for image in images:
        # each screenshot is one of the README's pictures
        assert (ROOT / "docs" / "screenshots" / Path(image.text or "").name).is_file()
    assert _one(component, "launchable").text == DESKTOP_FILE.name


def _image_size(path: Path) -> tuple[int, int]:
    from PySide6.QtGui import QImageReader

    size = QImageReader(str(path)).size()
    return size.width(), size.height()


def test_the_icons_are_rendered_at_every_standard_size_and_for_windows_and_macos(qapp, tmp_path: Path) -> None:
    from PySide6.QtGui import QImageReader

    subprocess.run([sys.executable, str(ROOT / "packaging" / "render_icons.py"), str(tmp_path)], check=True)
    for size in ICON_SIZES:
        assert _image_size(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "mockint.png") == (size, size)
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "mockint.svg").read_bytes() == (
        ROOT / "assets" / "icons" / "app.svg"
    ).read_bytes()
    ico = QImageReader(str(tmp_path / "mockint.ico"))
    assert ico.imageCount() == 7
    icns = QImageReader(str(tmp_path / "mockint.icns"))
    assert icns.imageCount() == 6


@pytest.fixture
def desktop_home(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share"), "HOME": str(tmp_path)}


def test_install_desktop_entry_puts_the_entry_icons_and_metainfo_in_place(
    qapp, tmp_path: Path, desktop_home: dict[str, str]
) -> None:
    program = tmp_path / "bin with space" / "mockint"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    done = subprocess.run(
        ["sh", str(LINUX / "install-desktop-entry.sh"), str(program)], capture_output=True, text=True, env=desktop_home
    )
    assert done.returncode == 0, done.stderr
    share = Path(desktop_home["XDG_DATA_HOME"])
    entry = share / "applications" / "mockint.desktop"
    assert f'Exec="{program}"' in entry.read_text(encoding="utf-8").splitlines()
    validated = subprocess.run(
        [tool("desktop-file-validate", "desktop-file-utils"), str(entry)], capture_output=True, text=True
    )
    assert validated.returncode == 0, validated.stdout
    for size in ICON_SIZES:
        assert _image_size(share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "mockint.png") == (size, size)
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "mockint.svg").is_file()
    assert (share / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()

    removed = subprocess.run(
        ["sh", str(LINUX / "install-desktop-entry.sh"), "--uninstall"], capture_output=True, text=True, env=desktop_home
    )
    assert removed.returncode == 0, removed.stderr
    assert not entry.exists() and not list((share / "icons").rglob("mockint.*"))


def test_install_desktop_entry_without_a_program_says_what_to_do(tmp_path: Path, desktop_home: dict[str, str]) -> None:
    env = {**desktop_home, "PATH": "/usr/bin:/bin"}  # no mockint on it
    done = subprocess.run(["sh", str(LINUX / "install-desktop-entry.sh")], capture_output=True, text=True, env=env)
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "install-desktop-entry.sh: no mockint program found; pip install MockInt first, or give its path"
    )
