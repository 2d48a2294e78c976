"""`mockint doctor`: what works on this machine, one line per part, with the fix for what does not."""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable

from mockint.commands.doctor_system import (
    Level,
    PartStatus,
    check_camera,
    check_disk_space,
    check_display,
    check_permissions,
)
from mockint.core.errors import UserFacingError
from mockint.paths import AppPaths, app_paths, make_private_dir
from mockint.settings import Setting, Settings

HELP_ORDER = 60
DOCTOR_SENTENCE = "MockInt is ready."


def check_speech_output(settings: Settings, paths: AppPaths) -> PartStatus:
    from mockint.speech.tts import QuestionVoice

    voice = QuestionVoice(
        paths.tts_cache_dir, voice=settings.get(Setting.VOICE), rate=int(settings.get(Setting.VOICE_RATE))
    )
    voice.render(DOCTOR_SENTENCE)  # a real render: the only proof the engine works
    return PartStatus("text-to-speech", Level.OK, f"speaks through {voice.engine}")


def check_audio_input(settings: Settings, paths: AppPaths) -> PartStatus:
    from mockint.speech.devices import find_input_device
    from mockint.speech.recording_format import choose_input_format

    device = find_input_device(settings.get(Setting.INPUT_DEVICE))
    fmt = choose_input_format(device)
    return PartStatus("audio input", Level.OK, f"{device.name}, recording at {fmt.sample_rate} Hz")


def check_audio_output(settings: Settings, paths: AppPaths) -> PartStatus:
    from mockint.speech.devices import list_output_devices

    devices = list_output_devices()
    if not devices:
        return PartStatus(
            "audio output", Level.FAIL, "no speaker or headphones found; questions will be shown as text instead"
        )
    chosen = settings.get(Setting.OUTPUT_DEVICE)
    named = [d for d in devices if d.name == chosen] if chosen else [d for d in devices if d.is_default] or devices[:1]
    if not named:
        return PartStatus(
            "audio output",
            Level.FAIL,
            f"the output device \u201c{chosen}\u201d was not found; choose another in Settings",
        )
    return PartStatus("audio output", Level.OK, f"plays through {named[0].name}")


def check_model(settings: Settings, paths: AppPaths) -> PartStatus:
    from mockint.speech.model_select import choose_model

    choice = choose_model(None, settings, paths)
    return PartStatus("speech model", Level.OK, f"{choice.name or choice.path} (chosen by {choice.source.value})")


def check_storage(settings: Settings, paths: AppPaths) -> PartStatus:
    from mockint.store.database import database_problem

    try:
        make_private_dir(paths.data_dir)  # 0700, as the app makes it
        with tempfile.NamedTemporaryFile(dir=paths.data_dir, prefix=".doctor-"):
            pass
    except OSError as error:
        return PartStatus(
            "storage",
            Level.FAIL,
            f"{paths.data_dir} cannot be written ({error.strerror or error}); check its permissions and free space",
        )
    problem = database_problem(paths.database)
    if problem:
        return PartStatus("storage", Level.FAIL, problem)
    return PartStatus("storage", Level.OK, f"{paths.data_dir} can be written, the database is sound")


CHECKS: tuple[tuple[str, Callable[[Settings, AppPaths], PartStatus]], ...] = (
    ("text-to-speech", check_speech_output),
    ("audio input", check_audio_input),
    ("audio output", check_audio_output),
    ("speech model", check_model),
    ("display", lambda settings, paths: check_display(paths)),
    ("camera", lambda settings, paths: check_camera(paths)),
    ("storage", check_storage),
    ("privacy", lambda settings, paths: check_permissions(paths)),
    ("disk space", lambda settings, paths: check_disk_space(paths)),
)


def run_checks(settings: Settings, paths: AppPaths) -> list[PartStatus]:
    results = []
    for part, check in CHECKS:
        try:
            results.append(check(settings, paths))
        except UserFacingError as error:
            results.append(PartStatus(part, Level.FAIL, error.user_message))
        except (OSError, ImportError) as error:
            # e.g. the PortAudio library itself missing: say so rather than stop the other checks
            results.append(PartStatus(part, Level.FAIL, f"{type(error).__name__}: {error}"))
    return results


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "doctor", help="check what works on this machine: audio, speech, model, display, camera, storage"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    results = run_checks(Settings(), app_paths())
    width = max(len(r.part) for r in results)
    for result in results:
        print(f"{result.part:<{width}}  {result.level.value:<4}  {result.detail}")
    return 0 if all(r.ok for r in results) else 1
