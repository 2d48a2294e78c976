"""Per-language analysis data. A language is a module here exposing one `LanguageData`.

Adding a language: write `<code>.py` with its word lists (and context rules where its fillers
need them), then list it in `_MODULES`. Modules are imported on first use, never at start-up.
"""

from __future__ import annotations

import importlib

from mockint.core.analysis.languages.base import LanguageData

_MODULES: dict[str, tuple[str, str]] = {"en": ("mockint.core.analysis.languages.en", "ENGLISH")}


def normalise_code(code: str) -> str:
    """`en-US`, `EN_gb` and `en` all name English."""
    return code.strip().lower().replace("_", "-").split("-", 1)[0]


def supported_languages() -> tuple[str, ...]:
    return tuple(sorted(_MODULES))


def language_data(code: str) -> LanguageData | None:
    """The built-in data for a language, or None when MockInt has none for it yet."""
    entry = _MODULES.get(normalise_code(code))
    if entry is None:
        return None
    module_name, attribute = entry
    return getattr(importlib.import_module(module_name), attribute)
