"""Sections of the Settings page, found by name so each author adds only their own file.

A module here is picked up when it defines:

    SECTION_KEY = "microphone"
    SECTION_TITLE = "Microphone"
    SECTION_HINT = "Which input MockInt records from."   # optional, one line under the title
    SECTION_ORDER = 10                                    # where it goes, see SECTION_SLOTS
    def create_section(context: AppContext) -> QWidget: ...

Sections appear in SECTION_ORDER; the slots below are kept free for the parts other helpers
write, so the page reads top to bottom as: devices, voice, models, analysis, fillers, data.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

SECTION_SLOTS: dict[str, int] = {
    "microphone": 10,
    "voice": 20,
    "models": 30,
    "analysis": 40,
    "fillers": 50,
    "data": 90,
}


def section_modules() -> list[ModuleType]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "SECTION_KEY") and hasattr(module, "create_section"):
            found.append(module)
    return sorted(
        found, key=lambda m: (getattr(m, "SECTION_ORDER", SECTION_SLOTS.get(m.SECTION_KEY, 80)), m.SECTION_KEY)
    )
