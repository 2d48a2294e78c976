"""A private PulseAudio server with a null sink: the virtual microphone and speaker of the tests.

Sound played into the sink `mockint_sink` comes back on its monitor, which is the server's
default source, so sounddevice's default input "hears" whatever a test plays. `.ci/run` starts
the server before the tests (`python tests/pulse.py start`); a test run on a developer machine
starts it on first use. PortAudio reaches it through ALSA's pulse plugin (libasound2-plugins).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

SINK = "mockint_sink"
SOURCE = f"{SINK}.monitor"
RUNTIME_DIR = Path(os.environ.get("MOCKINT_PULSE_RUNTIME", f"/tmp/mockint-pulse-{os.getuid()}"))
SERVER = f"unix:{RUNTIME_DIR}/pulse/native"


def point_clients_here() -> None:
    """Makes libpulse clients of this process (and its children) use the private server."""
    os.environ["PULSE_SERVER"] = SERVER


def tools_missing() -> list[str]:
    return [tool for tool in ("pulseaudio", "pactl", "paplay") if shutil.which(tool) is None]


def _answers() -> bool:
    result = subprocess.run(["pactl", "--server", SERVER, "info"], capture_output=True, timeout=10)
    return result.returncode == 0


def ensure_running(timeout_s: float = 15.0) -> None:
    """Starts the server unless it already answers; raises RuntimeError saying why it could not."""
    point_clients_here()
    missing = tools_missing()
    if missing:
        raise RuntimeError(
            f"PulseAudio tools missing: {', '.join(missing)} (apt-get install pulseaudio pulseaudio-utils)"
        )
    if _answers():
        return
    RUNTIME_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)
    env = dict(os.environ, XDG_RUNTIME_DIR=str(RUNTIME_DIR))
    env.pop("PULSE_SERVER", None)
    subprocess.run(
        [
            "pulseaudio",
            "--daemonize=yes",
            "--system=false",
            "--exit-idle-time=-1",
            "-n",
            f"--load=module-null-sink sink_name={SINK} rate=16000 channels=1",
            "--load=module-native-protocol-unix",
            "--load=module-always-sink",
            f"--log-target=file:{RUNTIME_DIR}/pulse.log",
        ],
        env=env,
        check=False,
        capture_output=True,
        timeout=30,
    )
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        # `pulseaudio --daemonize` returns once the daemon is up, so this answers at once but for
        # a slow start, when a few quick probes are all it costs.
        if _answers():
            subprocess.run(
                ["pactl", "--server", SERVER, "set-default-source", SOURCE], check=False, capture_output=True
            )
            subprocess.run(["pactl", "--server", SERVER, "set-default-sink", SINK], check=False, capture_output=True)
            return
    log = RUNTIME_DIR / "pulse.log"
    detail = log.read_text(errors="replace")[-500:] if log.exists() else "no log"
    raise RuntimeError(f"PulseAudio did not start within {timeout_s:g} s: {detail}")


def play_into_microphone(wav: Path) -> None:
    """Plays a WAV into the null sink, so it reaches whoever records from the default source."""
    subprocess.run(["paplay", "--server", SERVER, f"--device={SINK}", str(wav)], check=True, timeout=120)


def stop() -> None:
    subprocess.run(["pactl", "--server", SERVER, "exit"], check=False, capture_output=True)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "start"
    if command == "start":
        ensure_running()
        print(f"PulseAudio running: PULSE_SERVER={SERVER}")
    elif command == "stop":
        stop()
    else:
        sys.exit(f"usage: {sys.argv[0]} start|stop")
