"""Per-language analysis data. A language is a module here exposing one `LanguageData`.

Adding a language: write `<code>.py` with its word lists (and context rules where its fillers
need them), then list it in `_MODULES`. Modules are imported on first use, never at start-up.
"""

from __future__ import annotations

import importlib

from mockint.core.analysis.languages.base import LanguageData

_EUROPEAN = "mockint.core.analysis.languages.european"
_ASIAN = "mockint.core.analysis.languages.asian"
# Every language of the model catalogue (mockint/speech/model_catalog.py), by its code.
_MODULES: dict[str, tuple[str, str]] = {
    "en": ("mockint.core.analysis.languages.en", "ENGLISH"),
    "de": (_EUROPEAN, "GERMAN"),
    "fr": (_EUROPEAN, "FRENCH"),
    "es": (_EUROPEAN, "SPANISH"),
    "it": (_EUROPEAN, "ITALIAN"),
    "pt": (_EUROPEAN, "PORTUGUESE"),
    "nl": (_EUROPEAN, "DUTCH"),
    "pl": (_EUROPEAN, "POLISH"),
    "ru": (_EUROPEAN, "RUSSIAN"),
    "uk": (_EUROPEAN, "UKRAINIAN"),
    "tr": (_EUROPEAN, "TURKISH"),
    "zh": (_ASIAN, "CHINESE"),
    "ja": (_ASIAN, "JAPANESE"),
    "ko": (_ASIAN, "KOREAN"),
    "hi": (_ASIAN, "HINDI"),
    "vi": (_ASIAN, "VIETNAMESE"),
}
# Language names for people (the settings, the report), English names as the app is in English.
LANGUAGE_NAMES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "ru": "Russian",
    "uk": "Ukrainian",
    "tr": "Turkish",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "hi": "Hindi",
    "vi": "Vietnamese",
}
# How the Vosk model names spell some languages ("vosk-model-small-cn-0.22").
_ALIASES = {"cn": "zh", "vn": "vi", "ua": "uk", "jp": "ja", "kr": "ko"}


def normalise_code(code: str) -> str:
    """`en-US`, `EN_gb` and `en` all name English."""
    base = code.strip().lower().replace("_", "-").split("-", 1)[0]
    return _ALIASES.get(base, base)


def language_name(code: str) -> str:
    """ "Korean" for "ko"; the code itself for a language MockInt has no name for."""
    return LANGUAGE_NAMES.get(normalise_code(code), code)


def supported_languages() -> tuple[str, ...]:
    return tuple(sorted(_MODULES))


def language_data(code: str) -> LanguageData | None:
    """The built-in data for a language, or None when MockInt has none for it yet."""
    entry = _MODULES.get(normalise_code(code))
    if entry is None:
        return None
    module_name, attribute = entry
    return getattr(importlib.import_module(module_name), attribute)
