"""`mockint doctor`: what works on this machine, one line per part, with the fix for what does not."""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass

from mockint.core.errors import UserFacingError
from mockint.paths import AppPaths, app_paths
from mockint.settings import Setting, Settings

HELP_ORDER = 60
DOCTOR_SENTENCE = "MockInt is ready."


@dataclass(frozen=True)
class PartStatus:
    part: str
    ok: bool
    detail: str  # what works, or what is wrong and the command that fixes it


def check_speech_output(settings: Settings, paths: AppPaths) -> PartStatus:
    from mockint.speech.tts import QuestionVoice

    voice = QuestionVoice(
        paths.tts_cache_dir, voice=settings.get(Setting.VOICE), rate=int(settings.get(Setting.VOICE_RATE))
    )
    voice.render(DOCTOR_SENTENCE)  # a real render: the only proof the engine works
    return PartStatus("text-to-speech", True, f"speaks through {voice.engine}")


def check_audio_input(settings: Settings, paths: AppPaths) -> PartStatus:
    from mockint.speech.devices import find_input_device
    from mockint.speech.recording_format import choose_input_format

    device = find_input_device(settings.get(Setting.INPUT_DEVICE))
    fmt = choose_input_format(device)
    return PartStatus("audio input", True, f"{device.name}, recording at {fmt.sample_rate} Hz")


def check_audio_output(settings: Settings, paths: AppPaths) -> PartStatus:
    from mockint.speech.devices import list_output_devices

    devices = list_output_devices()
    if not devices:
        return PartStatus(
            "audio output", False, "no speaker or headphones found; questions will be shown as text instead"
        )
    chosen = settings.get(Setting.OUTPUT_DEVICE)
    named = [d for d in devices if d.name == chosen] if chosen else [d for d in devices if d.is_default] or devices[:1]
    if not named:
        return PartStatus(
            "audio output", False, f"the output device \u201c{chosen}\u201d was not found; choose another in Settings"
        )
    return PartStatus("audio output", True, f"plays through {named[0].name}")


def check_model(settings: Settings, paths: AppPaths) -> PartStatus:
    from mockint.speech.model_select import choose_model

    choice = choose_model(None, settings, paths)
    return PartStatus("speech model", True, f"{choice.name or choice.path} (chosen by {choice.source.value})")


def check_storage(settings: Settings, paths: AppPaths) -> PartStatus:
    from mockint.store.database import database_problem

    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=paths.data_dir, prefix=".doctor-"):
            pass
    except OSError as error:
        return PartStatus(
            "storage",
            False,
            f"{paths.data_dir} cannot be written ({error.strerror or error}); check its permissions and free space",
        )
    problem = database_problem(paths.database)
    if problem:
        return PartStatus("storage", False, problem)
    stats = os.statvfs(paths.data_dir)
    free_mb = stats.f_bavail * stats.f_frsize // 2**20
    return PartStatus("storage", True, f"{paths.data_dir}, {free_mb} MB free")


CHECKS: tuple[tuple[str, Callable[[Settings, AppPaths], PartStatus]], ...] = (
    ("text-to-speech", check_speech_output),
    ("audio input", check_audio_input),
    ("audio output", check_audio_output),
    ("speech model", check_model),
    ("storage", check_storage),
)


def run_checks(settings: Settings, paths: AppPaths) -> list[PartStatus]:
    results = []
    for part, check in CHECKS:
        try:
            results.append(check(settings, paths))
        except UserFacingError as error:
            results.append(PartStatus(part, False, error.user_message))
        except (OSError, ImportError) as error:
            # e.g. the PortAudio library itself missing: say so rather than stop the other checks
            results.append(PartStatus(part, False, f"{type(error).__name__}: {error}"))
    return results


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("doctor", help="check what works on this machine: audio, speech, model, storage")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    results = run_checks(Settings(), app_paths())
    width = max(len(r.part) for r in results)
    for result in results:
        print(f"{result.part:<{width}}  {'ok  ' if result.ok else 'FAIL'}  {result.detail}")
    return 0 if all(r.ok for r in results) else 1
