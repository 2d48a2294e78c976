"""The pages of the main window, found by name so each page author adds only their own file.

A page module in this package is picked up when it defines:

    PAGE_KEY = "review"                      # one of NAV_KEYS, or a new key for an extra page
    PAGE_TITLE = "Review"                    # only needed for an extra page
    PAGE_ORDER = 60                          # only for extra pages: where it goes in the sidebar
    def create_page(context: AppContext) -> QWidget: ...

The five sidebar entries are fixed (NAV_PAGES); an entry whose page is not installed is shown
disabled so the keyboard shortcuts keep their numbers.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class NavEntry:
    key: str
    title: str
    icon: str  # file name in assets/icons without .svg
    tooltip: str


NAV_PAGES: tuple[NavEntry, ...] = (
    NavEntry("practice", "Practice", "practice", "Answer questions out loud and get feedback"),
    NavEntry("review", "Review", "review", "Go through an answer: transcript, fillers, pauses"),
    NavEntry("history", "History", "history", "Your sessions and how you are improving"),
    NavEntry("decks", "Decks", "decks", "Question decks: browse, import and export"),
    NavEntry("settings", "Settings", "settings", "Thresholds, filler words and your data"),
)
NAV_KEYS = tuple(entry.key for entry in NAV_PAGES)


def page_modules() -> list[ModuleType]:
    """Every module here that defines PAGE_KEY and create_page, sidebar entries first."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "PAGE_KEY") and hasattr(module, "create_page"):
            found.append(module)

    def order(module: ModuleType) -> tuple[int, str]:
        key = module.PAGE_KEY
        if key in NAV_KEYS:
            return NAV_KEYS.index(key), key
        return getattr(module, "PAGE_ORDER", 100), key

    return sorted(found, key=order)
