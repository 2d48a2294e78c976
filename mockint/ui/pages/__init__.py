"""The pages of the main window, found by name so each page author adds only their own file.

A page module in this package is picked up when it defines:

    PAGE_KEY = "review"                      # one of NAV_KEYS, or a new key for an extra page
    PAGE_TITLE = "Review"                    # only needed for an extra page
    PAGE_ORDER = 60                          # only for extra pages: where it goes in the sidebar
    def create_page(context: AppContext) -> QWidget: ...

The five sidebar entries are fixed (NAV_PAGES); an entry whose page is not installed is shown
disabled so the keyboard shortcuts keep their numbers. A sidebar entry's page lives in
`<key>_page.py`, so the window finds it without importing it: pages are imported and built only
when first opened, which keeps start-up fast.
"""

from __future__ import annotations

import importlib
import importlib.util
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


def nav_page_module(key: str) -> str | None:
    """The module name of sidebar entry `key`'s page (`<key>_page`), found without importing it."""
    name = f"{__name__}.{key}_page"
    return name if importlib.util.find_spec(name) is not None else None


def extra_page_modules() -> list[ModuleType]:
    """Page modules here that are not a sidebar entry's `<key>_page` (pages of other modes), in order."""
    nav_modules = {f"{key}_page" for key in NAV_KEYS}
    found = []
    for info in pkgutil.iter_modules(__path__):
        if not info.name.endswith("_page") or info.name in nav_modules:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "PAGE_KEY") and hasattr(module, "create_page") and module.PAGE_KEY not in NAV_KEYS:
            found.append(module)
    return sorted(found, key=lambda m: (getattr(m, "PAGE_ORDER", 100), m.PAGE_KEY))
