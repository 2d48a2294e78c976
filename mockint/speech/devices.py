"""Audio devices as PortAudio (through sounddevice) sees them.

sounddevice is imported on first use, not at import time: importing it starts PortAudio, and on
a machine without the PortAudio library it fails; both must not happen just by importing MockInt.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from mockint.speech.errors import NoMicrophoneError

NO_MICROPHONE_MESSAGE = "No microphone found. Plug one in or choose one in Settings."
NO_PORTAUDIO_MESSAGE = (
    "Audio does not work on this computer because the PortAudio library is missing. "
    "Install it (on Debian or Ubuntu: sudo apt install libportaudio2) and restart MockInt."
)


@dataclass(frozen=True)
class AudioDevice:
    index: int  # PortAudio's index; valid until the device list is rescanned
    name: str
    host_api: str
    channels: int  # input channels for input devices, output channels for output devices
    default_samplerate: float
    is_default: bool


def sounddevice_module() -> ModuleType:
    """sounddevice, or NoMicrophoneError saying what to install when PortAudio is missing."""
    try:
        import sounddevice
    except OSError as error:
        raise NoMicrophoneError(NO_PORTAUDIO_MESSAGE) from error
    return sounddevice


def _default_index(sd: ModuleType, kind: str) -> int:
    """PortAudio's default device for `kind`, or -1 when it has none."""
    try:
        return int(sd.query_devices(kind=kind)["index"])
    except sd.PortAudioError:
        return -1


def _list_devices(kind: str) -> list[AudioDevice]:
    sd = sounddevice_module()
    channel_key = f"max_{kind}_channels"
    host_apis = sd.query_hostapis()
    default = _default_index(sd, kind)
    devices = []
    for info in sd.query_devices():
        if info[channel_key] <= 0:
            continue
        devices.append(
            AudioDevice(
                index=int(info["index"]),
                name=str(info["name"]),
                host_api=str(host_apis[info["hostapi"]]["name"]),
                channels=int(info[channel_key]),
                default_samplerate=float(info["default_samplerate"]),
                is_default=int(info["index"]) == default,
            )
        )
    return devices


def list_input_devices() -> list[AudioDevice]:
    return _list_devices("input")


def list_output_devices() -> list[AudioDevice]:
    return _list_devices("output")


def find_input_device(name: str | None) -> AudioDevice:
    """The input device called `name` (None: the system default) or NoMicrophoneError.

    An exact name wins; otherwise a unique case-insensitive part of a name is accepted, so a
    saved setting survives the small renames some systems make between sessions.
    """
    devices = list_input_devices()
    if not devices:
        raise NoMicrophoneError(NO_MICROPHONE_MESSAGE)
    if name is None:
        for device in devices:
            if device.is_default:
                return device
        return devices[0]  # no default set, yet a microphone exists: use it rather than fail
    for device in devices:
        if device.name == name:
            return device
    matches = [device for device in devices if name.casefold() in device.name.casefold()]
    if len(matches) == 1:
        return matches[0]
    raise NoMicrophoneError(
        f"The microphone \u201c{name}\u201d was not found. Plug it in or choose another one in Settings."
    )


def rescan_devices() -> None:
    """Makes PortAudio look again for plugged or unplugged devices.

    PortAudio lists devices once, when it starts; only a restart of the library sees changes.
    Call it only while no stream is open (for example when Settings opens).
    """
    sd = sounddevice_module()
    sd._terminate()
    sd._initialize()
