"""Every command starts fast: the parser imports only the module of the command being run."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import subprocess
import sys

import mockint.commands
from mockint.cli import COMMANDS, build_parser

HEAVY = ("numpy", "PySide6", "vosk", "sounddevice", "sqlite3")

# Runs the real entry point in a fresh interpreter, then says which modules it had imported.
_PROBE = """
import json, sys
from mockint.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
sys.stdout.flush()
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def imported_by(*args: str, stdin: str = "") -> tuple[str, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], input=stdin, capture_output=True, text=True, timeout=60, check=False
    )
    modules = set(json.loads(done.stderr.strip().splitlines()[-1]))
    return done.stdout, modules


def top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_version_imports_no_numpy_qt_or_vosk() -> None:
    out, modules = imported_by("--version")
    assert out.startswith("mockint ")
    assert not top_level(modules) & set(HEAVY), sorted(top_level(modules) & set(HEAVY))
    assert not any(name.startswith("mockint.commands.") for name in modules)


def test_help_lists_every_command_without_importing_one() -> None:
    out, modules = imported_by("--help")
    for entry in COMMANDS:
        assert entry.name in out
    assert not any(name.startswith("mockint.commands.") for name in modules)


def test_a_command_imports_only_its_own_module() -> None:
    out, modules = imported_by("deck", "list")
    assert "warm-up" in out or "question" in out
    commands = {name for name in modules if name.startswith("mockint.commands.")}
    assert commands == {"mockint.commands.deck"}
    assert not top_level(modules) & {"numpy", "PySide6", "vosk"}


def test_analyzing_a_transcript_never_loads_qt_or_vosk() -> None:
    out, modules = imported_by("analyze", "-", "--json", stdin="um so i led the migration")
    assert json.loads(out)["metrics"]["word_count"] == 6
    assert not top_level(modules) & {"PySide6", "vosk", "sounddevice"}


def _registered_help(module_name: str) -> dict[str, str]:
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers()
    importlib.import_module(f"mockint.commands.{module_name}").register(subparsers)
    return {action.dest: action.help or "" for action in subparsers._choices_actions}


def test_the_command_table_matches_the_modules() -> None:
    """A new command module must be listed, with the help line its own register() gives."""
    with_register = {
        info.name
        for info in pkgutil.iter_modules(mockint.commands.__path__)
        if hasattr(importlib.import_module(f"mockint.commands.{info.name}"), "register")
    }
    assert {entry.module for entry in COMMANDS} == with_register
    for entry in COMMANDS:
        assert _registered_help(entry.module) == {entry.name: entry.help}


def test_the_chosen_command_is_parsed_in_full() -> None:
    args = build_parser(["--verbose", "export", "3", "--format", "csv"]).parse_args(
        ["--verbose", "export", "3", "--format", "csv"]
    )
    assert (args.verbose, args.command, args.session, args.format) == (True, "export", "3", "csv")
