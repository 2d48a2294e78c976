"""The browser the phone console is shown in, by the screenshots and by the phone browser test:
Debian's chromium, driven by playwright, headless and kept off the network beyond 127.0.0.1 (no
updates, sync or background requests; no QUIC, so the console's plain HTTP is what it speaks)."""

from __future__ import annotations

from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch_chromium(playwright: Any) -> Any:
    """Starts the browser through a running playwright (sync API); the caller closes it."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
