"""DESIGN.md's layering rule, checked on every import statement in the package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mockint"

# layer folder -> import prefixes it must never use
FORBIDDEN = {
    "core": (
        "PySide6",
        "shiboken6",
        "mockint.speech",
        "mockint.store",
        "mockint.ui",
        "sounddevice",
        "vosk",
        "pyttsx3",
        "sqlite3",
    ),
    "speech": ("PySide6", "shiboken6", "mockint.ui", "mockint.store"),
    "store": ("PySide6", "shiboken6", "mockint.ui", "mockint.speech"),
    "commands": ("PySide6", "shiboken6", "mockint.ui"),
    "app": ("PySide6", "shiboken6", "mockint.ui"),
}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def violations(layer: str) -> list[str]:
    bad = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for line, module in imported_modules(path):
            if module.startswith(FORBIDDEN[layer]):
                bad.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}")
    return bad


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_down_only(layer: str) -> None:
    assert (PACKAGE / layer).is_dir()
    assert violations(layer) == []


def test_cli_never_imports_ui() -> None:
    bad = [module for _, module in imported_modules(PACKAGE / "cli.py") if module.startswith(("PySide6", "mockint.ui"))]
    # The app is started through one lazily imported entry point, checked by name below.
    assert bad == ["mockint.ui.app"]


def test_qt_appears_only_under_ui() -> None:
    outside = [
        f"{path.relative_to(PACKAGE.parent)} imports {module}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "ui" not in path.relative_to(PACKAGE).parts[:1] and path.name != "cli.py"
        for _, module in imported_modules(path)
        if module.startswith(("PySide6", "shiboken6"))
    ]
    assert outside == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    """The rule cannot pass vacuously: a Qt import in a core-like file is found."""
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport mockint.store.database\n", encoding="utf-8")
    modules = [m for _, m in imported_modules(sample)]
    assert any(m.startswith(FORBIDDEN["core"]) for m in modules)
    assert modules == ["PySide6.QtCore", "mockint.store.database"]
