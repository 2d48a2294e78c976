"""`mockint model ...`: list, download, install, locate, verify and choose speech models."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from pathlib import Path
from typing import TextIO

from mockint.core.errors import NoModelError
from mockint.paths import app_paths
from mockint.settings import Setting, Settings
from mockint.speech.errors import BrokenModelError, DownloadCancelled
from mockint.speech.model_catalog import CATALOG, DEFAULT_MODEL_NAME, download_source
from mockint.speech.model_check import broken_model_message, find_model_problems, model_problem_error
from mockint.speech.model_download import download_model, normalised_sha256
from mockint.speech.model_install import format_megabytes, install_model_from
from mockint.speech.model_select import (
    MODEL_ENV,
    InstalledModel,
    choose_model,
    download_argument,
    installed_models,
    model_in_use,
    model_location,
)

HELP_ORDER = 30
EXIT_INTERRUPTED = 130


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("model", help="list, download, check and choose speech models")
    p.set_defaults(func=run_list)
    verbs = p.add_subparsers(dest="model_command", metavar="VERB", parser_class=type(p))

    v = verbs.add_parser("list", help="known models, installed models and the one in use")
    v.set_defaults(func=run_list)

    v = verbs.add_parser("download", help="download and install a model (the default English one when no NAME)")
    v.add_argument(
        "source",
        nargs="?",
        metavar="NAME|URL",
        help="a model name from `mockint model list`, or a zip's http(s) address",
    )
    v.add_argument("--url", help="download from this address (same as giving it as NAME|URL)")
    v.add_argument("--sha256", metavar="HEX", help="refuse the file unless its SHA-256 is this")
    v.add_argument("--name", help="folder name for the model (default: from the name or address)")
    v.add_argument("--force", action="store_true", help="download again even when already installed")
    v.set_defaults(func=run_download)

    v = verbs.add_parser("install", help="install a model folder or zip you already have")
    v.add_argument("path", metavar="PATH", help="a Vosk model folder or .zip")
    v.add_argument("--name", help="folder name for the model (default: from PATH)")
    v.set_defaults(func=run_install)

    v = verbs.add_parser("path", help="print the folder of a model (the one in use when no NAME)")
    v.add_argument("name", nargs="?", metavar="NAME")
    v.set_defaults(func=run_path)

    v = verbs.add_parser("verify", help="check that a model folder is complete (the one in use when no NAME)")
    v.add_argument("name", nargs="?", metavar="NAME|PATH")
    v.set_defaults(func=run_verify)

    v = verbs.add_parser("use", help="choose the model MockInt uses")
    v.add_argument("name", metavar="NAME|PATH")
    v.set_defaults(func=run_use)


def run_list(args: argparse.Namespace) -> int:
    paths = app_paths()
    installed = {m.name: m for m in installed_models(paths.models_dir)}
    try:
        in_use = model_in_use(Settings(paths.settings_file), paths)
        in_use_note = ""
    except BrokenModelError as error:
        in_use, in_use_note = None, error.user_message
    in_use_name = in_use.name if in_use is not None else None
    print("Known models (get one with `mockint model download NAME`):")
    width = max(len(m.name) for m in CATALOG)
    for model in CATALOG:
        size = format_megabytes(model.size_bytes) if model.size_bytes else f"~{model.approx_mb} MB"
        status = _status(installed.get(model.name), model.name == in_use_name)
        default = " (default)" if model.name == DEFAULT_MODEL_NAME else ""
        print(f"  {model.name:<{width}}  {model.language:<6} {size:>9}  {status:<18} {model.description}{default}")
    print()
    if installed:
        print(f"Installed in {paths.models_dir}:")
        width = max(len(name) for name in installed)
        for name, found in installed.items():
            state = "ok" if found.usable else f"broken: {found.problems[0]}"
            print(f"  {name:<{width}}  {state}{', in use' if name == in_use_name else ''}")
    else:
        print(
            f"No models installed in {paths.models_dir}. Run `mockint model download` to get the default English model."
        )
    if in_use is not None and in_use.name not in installed:
        print(f"In use: {in_use.path} (chosen by {in_use.source.value})")
    elif in_use_note:
        print(f"In use: none: {in_use_note}")
    return 0


def _status(model: InstalledModel | None, in_use: bool) -> str:
    if model is None:
        return "-"
    status = "installed" if model.usable else "broken"
    return f"{status}, in use" if in_use else status


def run_download(args: argparse.Namespace) -> int:
    paths = app_paths()
    source = download_source(args.source or args.url, name=args.name)
    sha256 = normalised_sha256(args.sha256) if args.sha256 else source.sha256
    size = source.size_bytes if not args.sha256 or sha256 == source.sha256 else None
    target = paths.models_dir / source.name
    if target.is_dir() and not args.force and not find_model_problems(target):
        print(f"{source.name} is already installed in {target}")
        return 0
    reporter = ProgressLine(sys.stderr, source.name)
    cancel, finished = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["path"] = download_model(
                source.url,
                paths.models_dir,
                paths.downloads_dir,
                name=source.name,
                expected_size=size,
                sha256=sha256,
                progress=reporter,
                cancel=cancel,
                replace=True,
            )
        except BaseException as error:  # noqa: BLE001 - handed to the main thread, re-raised there
            outcome["error"] = error
        finally:
            finished.set()

    threading.Thread(target=work, name="mockint-model-download", daemon=True).start()
    # Waiting on an Event, not Thread.join: Python 3.11's join, interrupted by Ctrl-C, can
    # wrongly mark a running thread as finished.
    try:
        while not finished.wait(0.2):
            pass
    except KeyboardInterrupt:
        # Ctrl-C: stop the transfer through the cancel flag so the partial file is kept whole.
        cancel.set()
        finished.wait()
    reporter.end(success="path" in outcome)
    error = outcome.get("error")
    if isinstance(error, DownloadCancelled):
        print(f"mockint: {error.user_message}", file=sys.stderr)
        return EXIT_INTERRUPTED
    if error is not None:
        raise error  # type: ignore[misc]
    _announce_installed(source.name, Path(str(outcome["path"])))
    return 0


def run_install(args: argparse.Namespace) -> int:
    installed = install_model_from(Path(args.path), app_paths().models_dir, name=args.name)
    _announce_installed(installed.name, installed)
    return 0


def _announce_installed(name: str, path: Path) -> None:
    print(f"installed {name} in {path}")
    paths = app_paths()
    settings = Settings(paths.settings_file)
    try:
        nothing_chosen = model_in_use(settings, paths) is None
    except BrokenModelError:
        nothing_chosen = False  # the user chose a model; its trouble is theirs to decide on
    if nothing_chosen:
        settings.set(Setting.MODEL, name)
        print(f"MockInt will use {name} (change with `mockint model use NAME`)")


def run_path(args: argparse.Namespace) -> int:
    print(_model_folder(args.name))
    return 0


def run_verify(args: argparse.Namespace) -> int:
    folder = _model_folder(args.name)
    print(f"{folder}: ok, a complete Vosk model")
    return 0


def run_use(args: argparse.Namespace) -> int:
    paths = app_paths()
    folder = _model_folder(args.name)
    _, name = model_location(args.name, paths.models_dir)
    Settings(paths.settings_file).set(Setting.MODEL, name if name else str(folder))
    print(f"MockInt will use {name or folder}")
    if MODEL_ENV in os.environ:
        print(f"note: {MODEL_ENV} is set in this shell and takes precedence over this choice")
    return 0


def _model_folder(value: str | None) -> Path:
    """The checked folder for a name or path, or for the model in use when `value` is None."""
    paths = app_paths()
    if value is None:
        return choose_model(None, Settings(paths.settings_file), paths).path
    folder, name = model_location(value, paths.models_dir)
    if not folder.exists():
        fetch = download_argument(name)
        fix = f"run `mockint model download {fetch}`" if fetch else "see `mockint model list`"
        raise NoModelError(f"the speech model {value!r} is not installed; {fix}")
    problems = find_model_problems(folder)
    if problems:
        raise model_problem_error(
            problems, broken_model_message(folder, problems, name=download_argument(name, folder))
        )
    return folder


class ProgressLine:
    """Download progress on stderr: one updating line on a terminal, else one line at the end."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self.stream = stream
        self.label = label
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.done = 0
        self.total: int | None = None
        self._shown: tuple[int, int] | None = None
        self._lock = threading.Lock()

    def __call__(self, done: int, total: int | None) -> None:
        with self._lock:
            self.done, self.total = done, total
            if not self.tty:
                return
            step = (done * 100 // total, 0) if total else (0, done // 1_000_000)
            if step == self._shown:
                return
            self._shown = step
            self.stream.write(f"\r{self._text()}\x1b[K")
            self.stream.flush()

    def end(self, *, success: bool) -> None:
        with self._lock:
            if self.tty and self._shown is not None:
                self.stream.write("\n")
            elif not self.tty and success:
                self.stream.write(f"downloaded {self.label} ({format_megabytes(self.done)})\n")
            self.stream.flush()

    def _text(self) -> str:
        if self.total:
            return f"downloading {self.label}: {format_megabytes(self.done)} of {format_megabytes(self.total)} ({self.done * 100 // self.total}%)"
        return f"downloading {self.label}: {format_megabytes(self.done)}"
