"""The user's analysis preferences (filler list, thresholds) as the engine takes them.

Shared by the command line and the app, so both judge an answer by the same settings.
"""

from __future__ import annotations

from mockint.core.analysis import Lexicon, Thresholds
from mockint.settings import Setting, Settings


def analysis_options(settings: Settings, language: str = "en") -> tuple[Lexicon, Thresholds]:
    lexicon = Lexicon.from_settings_values(
        language, settings.get(Setting.CUSTOM_FILLERS), settings.get(Setting.REMOVED_FILLERS)
    )
    thresholds = Thresholds(
        hesitation_s=float(settings.get(Setting.HESITATION_PAUSE_S)),
        long_pause_s=float(settings.get(Setting.LONG_PAUSE_S)),
        slow_wpm=float(settings.get(Setting.PACE_SLOW_WPM)),
        fast_wpm=float(settings.get(Setting.PACE_FAST_WPM)),
    )
    return lexicon, thresholds
